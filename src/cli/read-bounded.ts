/**
 * Reads a text file, but never more than `maxBytes` of it: a 2 GB file, a FIFO or
 * /dev/zero named as a scenario is refused after at most that much, instead of being read
 * to the end (or until the process runs out of memory).
 */
import { open } from 'node:fs/promises';

export class TooLargeError extends Error {
  override readonly name = 'TooLargeError';
  constructor(
    /** Bytes seen (a lower bound when the file has no size, such as a pipe). */
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`the file is too large (more than ${maxBytes} bytes)`);
  }
}

export async function readTextAtMost(path: string, maxBytes: number): Promise<string> {
  return Buffer.from(await readBytesAtMost(path, maxBytes)).toString('utf8');
}

/** The file's bytes, never more than `maxBytes` of them (a history may be Windows-1251, not UTF-8). */
export async function readBytesAtMost(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const st = await handle.stat();
    if (st.isFile() && st.size > maxBytes) throw new TooLargeError(st.size, maxBytes);
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(1 << 16);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new TooLargeError(total, maxBytes);
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
    }
    return new Uint8Array(Buffer.concat(chunks));
  } finally {
    await handle.close();
  }
}
