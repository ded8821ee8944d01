/**
 * Can this path be written? Asked before a run, so that a mistyped `--json` or `--csv`
 * is reported at once instead of after the whole simulation. Walks up to the nearest
 * existing folder: it must be a folder, and writable; the target itself, if it exists,
 * must be a file (`file`) or a folder (`dir`). Nothing is created.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

type Kind = 'file' | 'dir';

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code;

async function writable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why `path` (absolute) cannot be written as a `kind`, or null if it can. */
export async function writeProblem(path: string, kind: Kind): Promise<string | null> {
  try {
    const st = await stat(path);
    if (kind === 'file' && st.isDirectory()) return `${path} is a folder, not a file`;
    if (kind === 'dir' && !st.isDirectory()) return `${path} is a file, not a folder`;
    return (await writable(path)) ? null : `${path} is not writable`;
  } catch (e) {
    if (codeOf(e) !== 'ENOENT' && codeOf(e) !== 'ENOTDIR') return `${path}: ${(e as Error).message}`;
  }
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    try {
      const st = await stat(dir);
      if (!st.isDirectory()) return `${dir} is a file, not a folder`;
      return (await writable(dir)) ? null : `cannot create files in ${dir}`;
    } catch (e) {
      if (codeOf(e) !== 'ENOENT' && codeOf(e) !== 'ENOTDIR') return `${dir}: ${(e as Error).message}`;
      if (dirname(dir) === dir) return `${path}: no such place`;
    }
  }
}
