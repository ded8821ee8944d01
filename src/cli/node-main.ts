/**
 * The paybench command on Node: main(argv, io) with the real world. Bundled to plain
 * JavaScript (bundle.mjs) so the command starts without compiling TypeScript.
 */
import { setFlagsFromString } from 'node:v8';
import { availableParallelism } from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { main } from './main.ts';
import { writeProblem } from './writable.ts';
import { readBytesAtMost, readTextAtMost } from './read-bounded.ts';

// A small young generation for this thread too (see node-worker-runner.ts): results arrive
// as short-lived arrays that are folded into summaries and dropped.
setFlagsFromString('--max-semi-space-size=4');

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path, maxBytes) => (maxBytes === undefined ? readFile(path, 'utf8') : readTextAtMost(path, maxBytes)),
  readBytes: readBytesAtMost,
  writeFile: async (path, data) => {
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    } catch (error) {
      throw new Error(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  },
  writeProblem,
  cwd: process.cwd(),
  env: process.env,
  cpus: availableParallelism(),
  isTTY: Boolean(process.stderr.isTTY),
  signal: controller.signal,
});
process.exitCode = code;
