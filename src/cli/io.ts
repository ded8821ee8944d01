/** What the CLI touches of the outside world; bin.mjs passes the real thing, tests a fake. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a UTF-8 text file (absolute path); more than `maxBytes` throws a TooLargeError (read-bounded.ts). */
  readFile: (path: string, maxBytes?: number) => Promise<string>;
  /** Reads a file's bytes (absolute path); more than `maxBytes` throws a TooLargeError. Absent: the text read as UTF-8. */
  readBytes?: (path: string, maxBytes: number) => Promise<Uint8Array>;
  /** Writes a file (absolute path), creating missing directories. */
  writeFile: (path: string, data: string) => Promise<void>;
  /** Why a file or folder (absolute path) could not be written, or null: asked before a run (writable.ts). */
  writeProblem?: (path: string, kind: 'file' | 'dir') => Promise<string | null>;
  /** stderr without escaping, for the progress bar's own control codes (main() sets it). */
  rawStderr?: (text: string) => void;
  /** Environment variables (a batch engine's shard index: JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX). */
  env?: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Cores available: the default number of workers. */
  cpus: number;
  /** Is stderr a terminal (draw a live progress bar) or a log (a few lines)? */
  isTTY: boolean;
  /** Aborts a running batch (Ctrl-C). */
  signal?: AbortSignal;
  /** Milliseconds, for progress and timings; default Date.now. */
  now?: () => number;
}

/** A mistake in the command line: message + usage hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A problem with the input (file, scenario, amounts): message, exit code 1. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
