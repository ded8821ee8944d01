/** An in-memory CliIo for running `main` in-process: files to read, what was written and printed. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/main.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function fakeIo(files: Record<string, string> = {}, extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIo = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: async (path) => (path in files ? files[path] : readFile(path, 'utf8')),
    writeFile: async (path, data) => {
      written[path] = data;
    },
    cwd: ROOT,
    cpus: 2,
    isTTY: false,
    ...extra,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written };
}
