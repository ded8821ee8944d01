/**
 * One contract for every way of running the batch: inline (same thread), Node worker
 * threads, and Web Workers via Comlink (the workbench's SummarizingRunner, below). Front ends pick a runner by name and never
 * care which one they got: results are identical (the plan is fixed before splitting and a
 * run's seed depends only on the scenario seed and its run index).
 *
 * Messages between a runner and its workers are plain structured-clone data (the scenario
 * as parsed, job lists, counts) and summaries, copied: a thread that transfers (detaches)
 * a buffer runs its typed-array code slower after, so only a worker that ends next
 * transfers its summaries. No run crosses a thread.
 */
import type { AccumulatorState, ProfitLedger, ResultsAccumulator, ResultsJson, RunJob, Scenario } from '../engine/index.ts';

export interface RunOptions {
  /** First run index (inclusive); default 0. */
  runsFrom?: number;
  /** Last run index (exclusive); default scenario.simulation.runs. */
  runsTo?: number;
  /** Schemes to run, by id; default all. */
  schemeIds?: readonly string[];
  /** Called after each chunk with (scheme-runs done, scheme-runs in total). */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the batch: the promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /**
   * Results are added here as chunks arrive, so a caller can show partial results
   * from `onProgress` (progressive refinement); default a fresh accumulator.
   */
  accumulator?: ResultsAccumulator;
  /** Jobs per chunk; default from the job count and the number of workers. Never changes results. */
  chunkSize?: number;
  /**
   * Run counts at which to stop and ask `onCheckpoint` (settled yet?): every run below the
   * count is done, and what the summaries hold there is those runs and no others — so what
   * is read there, and where a batch that stops there ends, does not depend on the workers.
   * Every runner. (The pools' workers run on into the next step meanwhile, holding those
   * runs apart: kept if the batch goes on, dropped if it stops.)
   */
  checkpoints?: readonly number[];
  /** At a checkpoint: true ends the batch there (the promise resolves), false goes on. */
  onCheckpoint?: (runs: number) => Promise<boolean>;
  /**
   * Every run's profit total is recorded here as its chunk finishes (runs held apart once
   * their checkpoint is passed), so a checkpoint can be read (profit-figures.ts) without
   * gathering the workers' summaries. At a checkpoint it holds exactly the runs below it.
   */
  profits?: ProfitLedger;
}

export interface Runner {
  /** Runs the plan; resolves with the accumulator holding every result. One batch at a time per runner. */
  run(scenario: Scenario, options?: RunOptions): Promise<ResultsAccumulator>;
  /** Frees workers; the runner cannot be used afterwards. */
  dispose(): void | Promise<void>;
}

export interface SummarizingRunOptions extends Omit<RunOptions, 'accumulator'> {
  /**
   * The caller's first summary will be a glimpse: where the workers and the page want more
   * cores than there are, the first worker runs alone until it is read (the others start
   * then), so the first look does not share its core.
   */
  glimpseFirst?: boolean;
  /**
   * Per scheme: where the same scheme stands in a batch the engine holds whole (`holds`),
   * whose runs of it are kept instead of run again; −1: it runs. Over the same runs.
   */
  keep?: readonly number[];
  /** The held batch `keep` reads (its scenario, as `holds` gave it); default the newest. */
  keepFrom?: Scenario;
  /** Hold this batch, once it ends with every run and a full summary gathers it, for a later `keep`. */
  hold?: boolean;
}

/** A batch whose every run an engine holds in one place: runs [0, runs) of every scheme of `scenario`. */
export interface HeldBatch {
  scenario: Scenario;
  runs: number;
}

/**
 * The workbench's engine: a runner whose runs stay where they were computed (folded into
 * summaries there) and come back summarised on request — the browser's worker pool, or
 * the inline runner in tests.
 */
export interface SummarizingRunner {
  /** Runs the plan; resolves once every run is folded in. One batch at a time; a new one replaces the old. */
  run(scenario: Scenario, options?: SummarizingRunOptions): Promise<void>;
  /**
   * The results contract for the latest batch's runs so far; null if there is none (or it
   * moved on). `glimpse`: a quick first look, from what is at hand without gathering from
   * every worker (fewer runs than are done; never for numbers that decide anything).
   */
  summarize(options?: { glimpse?: boolean }): Promise<ResultsJson | null>;
  /**
   * The last batches asked to be held (`hold`) that ended with every run and were gathered by
   * a full summary, newest first (kept-runs.ts: HELD_COMPARISONS). Their schemes' runs can be
   * kept (`keep`, `keepFrom`) by a later batch.
   */
  holds?(): HeldBatch[];
  /** How many workers share a batch (a glimpse sees about one in this many runs); default 1. */
  readonly size?: number;
  /** A batch asked for a glimpse first starts on one worker alone (that glimpse sees every run done). */
  readonly crowded?: boolean;
  /** Browser tests: make the next chunk throw in its worker, or kill the worker. */
  injectFault?(fault: 'throw' | 'crash' | 'close' | 'hang'): void;
  dispose(): void | Promise<void>;
}

// ---------------------------------------------------------------- worker protocol

/** Main → worker. */
export type ToWorker =
  /** Compile the model once for this batch. */
  | { type: 'init'; batch: number; scenario: Scenario }
  /**
   * Node workers: `ahead`, past a checkpoint not yet passed — hold these runs apart until
   * `commit`. `profits`: send each run's profit total back.
   */
  | { type: 'chunk'; batch: number; chunk: number; jobs: RunJob[]; ahead?: boolean; profits?: boolean }
  /** Node workers: the checkpoint was passed — keep the runs held apart. */
  | { type: 'commit'; batch: number }
  /**
   * Node workers: send the summaries folded so far and start afresh. `last`: the worker
   * ends next, so it may transfer them (a thread that transfers a buffer runs slower after).
   */
  | { type: 'collect'; batch: number; last?: boolean };

/** Worker → main. */
export type FromWorker =
  /** Node workers fold their runs themselves: a chunk done, and later the summaries. */
  | { type: 'folded'; batch: number; chunk: number; count: number; profits?: Float64Array }
  | { type: 'state'; batch: number; state: AccumulatorState }
  | { type: 'error'; batch: number; chunk: number | null; message: string; stack?: string };

/**
 * Runs past a checkpoint a pool's worker may hold apart while it is read: each is a run's
 * result (about 40 KB) until it is folded in, so this bounds the memory (about 10 MB a
 * worker) while covering a reading of a second or so at the client department's pace.
 */
export const AHEAD_JOBS = 256;

/**
 * Below this many jobs a worker each, a batch takes fewer workers (either pool): one more
 * costs its model's compile and a hand-over of summaries, whatever the batch's size. The
 * optimiser's small batches (a generation on a block of 20 runs) ran slower on two workers
 * than on one.
 */
export const MIN_JOBS_PER_WORKER = 64;

/** The workers a batch of `jobs` takes from a pool of `size`: at least `minJobs` each, one if it has any job. */
export function batchWorkers(size: number, jobs: number, minJobs = MIN_JOBS_PER_WORKER): number {
  return Math.min(size, jobs, Math.max(1, Math.floor(jobs / Math.max(1, minJobs))));
}

/** A web worker's sign of life while a long chunk runs (the pool's watchdog, web-worker-runner.ts). */
export const HEARTBEAT = 'paybench-alive';

/**
 * A worker that died (its `error` event) or stopped answering (no sign of life — a chunk
 * done, a heartbeat — for `seconds` while it owed an answer, e.g. after `self.close()`).
 * The batch fails with it; the worker is ended and a fresh one starts on the next run.
 */
export class WorkerStoppedError extends Error {
  override readonly name = 'WorkerStoppedError';
  constructor(
    /** 1-based, as people count. */
    readonly worker: number,
    readonly kind: 'crashed' | 'silent',
    /** The worker's own message (crashed) or the seconds without a sign of life (silent). */
    readonly detail: string,
  ) {
    super(kind === 'crashed' ? `worker ${worker} crashed: ${detail}` : `worker ${worker} stopped answering (no sign of life for ${detail} s)`);
  }
}

export function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The run was cancelled', 'AbortError');
}

/** The message of what a worker threw (an Error, or what Comlink made of one). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
