/**
 * A pool of K Node worker threads. Each worker compiles the model once per batch, runs the
 * chunks it is handed and folds the runs into its own summaries (node-worker-core.ts);
 * a worker left without chunks hands its summaries over (transferred if it ends next,
 * else copied: a thread that transfers a buffer runs slower after) while the others
 * finish, one worker at a time, and they are merged into the accumulator. Chunks go to
 * whichever worker is free, but merging is exact and order-free, so the output does not
 * depend on K or on timing. Nothing per run crosses threads (but a profit total when
 * checkpoints are read): the main thread stays idle and small (100,000 runs within 300 MB,
 * npm run bench). The accumulator is therefore filled as the batch completes, not chunk
 * by chunk.
 *
 * Checkpoints (`paybench run --until-converged`) are read from the runs' profit totals,
 * which come back with each chunk (profit-figures.ts: the same figures the summaries give),
 * so reading one costs this thread milliseconds and no worker waits for it: the workers
 * run on into the next step and hold those runs apart until it is passed.
 *
 * A worker that throws rejects the batch with its message; a worker that dies is
 * replaced. Cancelling terminates the busy workers (a chunk cannot be interrupted) and
 * the pool starts fresh ones for the next batch.
 */
import { Worker } from 'node:worker_threads';
import { ResultsAccumulator, defaultChunkSize, jobsOf, planShape } from '../engine/index.ts';
import type { RunJob, Scenario } from '../engine/index.ts';
import { abortError, batchWorkers } from './runner.ts';
import { CheckpointSteps } from './checkpoint-steps.ts';
import type { FromWorker, Runner, RunOptions, ToWorker } from './runner.ts';

export interface NodeWorkerRunnerOptions {
  /** Number of worker threads; default 1. */
  workers?: number;
  /** Worker entry (for tests: a fake engine); default node-worker.mjs. */
  entry?: URL;
  /**
   * false: each worker ends as soon as it has handed over its summaries, before the next
   * one is asked for its own, so a single batch (the CLI) never holds a finished worker's
   * heap next to the merge (the peak of 100,000 runs, npm run bench). A later batch starts
   * fresh workers. Default true: a pool kept for many batches (the bench, tests).
   */
  keepWorkers?: boolean;
  /** Jobs a worker at least, or a batch takes fewer (batchWorkers); default MIN_JOBS_PER_WORKER. */
  minJobsPerWorker?: number;
}

const DEFAULT_ENTRY = new URL('./node-worker.mjs', import.meta.url);
/**
 * A simulation makes much short-lived garbage; V8 would grow each thread's young
 * generation to 48 MB or more for it. A small one costs little speed (the garbage dies
 * young either way) and keeps 100,000 runs on 2 workers under 300 MB (npm run bench).
 */
const YOUNG_GENERATION_MB = 12;

interface Slot {
  worker: Worker;
  index: number;
  /** Chunk in flight, if any: its number, jobs and step between checkpoints. */
  busy: number | null;
  jobs: RunJob[];
  step: number;
  /** This batch's listeners, removed when the batch settles. */
  listeners: {
    message: (message: FromWorker) => void;
    error: (error: Error) => void;
    exit: (code: number) => void;
  } | null;
}

export class NodeWorkerRunner implements Runner {
  readonly size: number;
  readonly #entry: URL;
  readonly #keep: boolean;
  readonly #minJobs: number | undefined;
  #slots: (Slot | null)[];
  #batch = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #disposed = false;

  constructor(options: NodeWorkerRunnerOptions = {}) {
    this.size = Math.max(1, Math.floor(options.workers ?? 1));
    this.#entry = options.entry ?? DEFAULT_ENTRY;
    this.#keep = options.keepWorkers ?? true;
    this.#minJobs = options.minJobsPerWorker;
    this.#slots = Array.from({ length: this.size }, () => null);
  }

  /** The workers a batch of `jobs` takes (in chunks of `chunkSize`, if given): SizedRunner asks too. */
  workersFor(jobs: number, chunkSize?: number): number {
    const chunk = Math.max(1, Math.floor(chunkSize ?? defaultChunkSize(jobs, this.size)));
    return Math.min(batchWorkers(this.size, jobs, this.#minJobs), Math.ceil(jobs / chunk));
  }

  run(scenario: Scenario, options: RunOptions = {}): Promise<ResultsAccumulator> {
    const next = this.#queue.then(() => this.#run(scenario, options));
    this.#queue = next.catch(() => {});
    return next;
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    await Promise.all(this.#slots.map((slot, i) => (slot ? this.#drop(i) : undefined)));
  }

  #slot(index: number): Slot {
    const existing = this.#slots[index];
    if (existing) return existing;
    const worker = new Worker(this.#entry, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.unref(); // an idle pool never keeps the process alive
    const slot: Slot = { worker, index, busy: null, jobs: [], step: 0, listeners: null };
    // Always listening: a worker that dies between batches must not take the process down.
    const forget = () => {
      if (this.#slots[index] === slot) this.#slots[index] = null;
    };
    worker.on('error', forget);
    worker.on('exit', forget);
    this.#slots[index] = slot;
    return slot;
  }

  async #drop(index: number): Promise<void> {
    const slot = this.#slots[index];
    this.#slots[index] = null;
    if (slot) {
      slot.worker.removeAllListeners();
      slot.worker.on('error', () => {});
      await slot.worker.terminate();
    }
  }

  #run(scenario: Scenario, options: RunOptions): Promise<ResultsAccumulator> {
    if (this.#disposed) return Promise.reject(new Error('the runner was disposed'));
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const acc = options.accumulator ?? new ResultsAccumulator(scenario);
    // Chunks are listed as they are sent: 100,000 runs never hold 400,000 job objects.
    const plan = planShape(scenario, options);
    const total = plan.jobCount;
    const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? defaultChunkSize(total, this.size)));
    if (total === 0) return Promise.resolve(acc);
    const batch = ++this.#batch;

    return new Promise<ResultsAccumulator>((resolve, reject) => {
      let nextJob = 0;
      let chunkNo = 0;
      /** Jobs run, those held apart included (what the command's progress counts). */
      let done = 0;
      let settled = false;
      /** The step the batch stopped at, settled at its checkpoint (−1: none). */
      let stopAt = -1;
      const active = new Set<Slot>();

      const detach = (slot: Slot) => {
        const l = slot.listeners;
        if (l) {
          slot.worker.off('message', l.message);
          slot.worker.off('error', l.error);
          slot.worker.off('exit', l.exit);
        }
        slot.listeners = null;
        slot.worker.unref();
      };
      const cleanup = () => {
        signal?.removeEventListener('abort', onAbort);
        for (const slot of active) detach(slot);
      };
      const used = this.workersFor(total, chunkSize);
      // Checkpoints: each is read from the profit totals the workers send back (a few
      // milliseconds on this thread) while the workers run on into the next step, holding
      // those runs apart: kept by a `commit` if the batch goes on, dropped if it stops.
      const steps = new CheckpointSteps(plan, options, used);
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        // Busy workers are still computing a chunk nobody wants: end them; fresh ones start next time.
        const busy = [...active].filter((s) => s.busy !== null);
        cleanup();
        for (const slot of busy) void this.#drop(slot.index);
        reject(error);
      };
      const onAbort = () => fail(abortError(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });

      // A worker with no chunk left sends its summaries at once, while the others finish
      // theirs (the hand-over overlaps the tail); merging is order-free. One worker at a
      // time, so only one worker's summaries are in flight (peak memory).
      let collected = 0;
      let handing: Slot | null = null;
      const waiting: Slot[] = [];
      const collectNext = () => {
        // Not before every checkpoint is read: one may still stop the batch below the runs made.
        if (settled || handing || waiting.length === 0 || (stopAt < 0 && steps.read < steps.count)) return;
        handing = waiting.shift()!;
        handing.worker.postMessage({ type: 'collect', batch, last: !this.#keep } satisfies ToWorker);
      };
      /** Workers at their bound of runs held apart, until the checkpoint is passed. */
      const parked: Slot[] = [];
      /** Every run below the next checkpoint is in: read it (in order, one at a time). */
      const readCheckpoint = () => {
        if (settled || stopAt >= 0 || !steps.due) return;
        steps.reading = true;
        (options.onCheckpoint ? options.onCheckpoint(steps.runs) : Promise.resolve(false)).then(
          (stop) => {
            if (settled) return;
            if (stop) {
              // Settled here: nothing more is sent, and the runs held apart are dropped at the hand-over.
              stopAt = steps.read;
            } else {
              steps.passed();
              // Messages keep their order: each worker keeps its runs of this step before anything later.
              for (const slot of active) slot.worker.postMessage({ type: 'commit', batch } satisfies ToWorker);
              readCheckpoint();
            }
            for (const slot of parked.splice(0)) dispatch(slot);
            collectNext();
          },
          (error: unknown) => fail(error),
        );
      };
      const finish = () => {
        settled = true;
        cleanup();
        resolve(acc);
      };

      const dispatch = (slot: Slot) => {
        if (settled) return;
        if (nextJob >= total || stopAt >= 0) {
          slot.busy = null;
          waiting.push(slot);
          collectNext();
          return;
        }
        // A chunk never crosses a checkpoint, and a worker holds at most AHEAD_JOBS apart.
        const end = steps.limit(nextJob, slot.index, true);
        if (nextJob >= end) {
          slot.busy = null;
          parked.push(slot);
          return;
        }
        const jobs: RunJob[] = jobsOf(plan, nextJob, Math.min(nextJob + chunkSize, end));
        slot.busy = chunkNo;
        slot.jobs = jobs;
        slot.step = steps.sent(slot.index, nextJob, jobs.length);
        const chunk: ToWorker = { type: 'chunk', batch, chunk: chunkNo, jobs };
        if (slot.step > steps.read) chunk.ahead = true;
        if (options.profits) chunk.profits = true;
        slot.worker.postMessage(chunk);
        nextJob += jobs.length;
        chunkNo++;
      };

      for (let i = 0; i < used; i++) {
        const slot = this.#slot(i);
        const listeners: NonNullable<Slot['listeners']> = {
          message: (message) => {
            if (settled || message.batch !== batch) return;
            if (message.type === 'error') {
              const where = message.chunk === null ? 'while compiling the model' : `on chunk ${message.chunk}`;
              fail(new Error(`worker ${i + 1} failed ${where}: ${message.message}`));
              return;
            }
            try {
              if (message.type === 'state') {
                const { state } = message;
                const fold = () => {
                  if (settled) return;
                  try {
                    acc.merge(ResultsAccumulator.fromState(state), { adopt: true });
                    handing = null;
                    if (++collected === used) finish();
                    else collectNext();
                  } catch (error) {
                    fail(error);
                  }
                };
                if (this.#keep) fold();
                else {
                  // Its summaries are here (transferred): end the worker before folding them in.
                  detach(slot);
                  active.delete(slot);
                  this.#drop(i).then(fold, fail);
                }
                return;
              }
              steps.done(slot.step, slot.jobs, message.profits);
              done += message.count;
              onProgress?.(done, total);
              dispatch(slot);
              readCheckpoint();
            } catch (error) {
              fail(error);
            }
          },
          error: (error) => {
            this.#slots[i] = null; // died: replaced on the next batch
            fail(new Error(`worker ${i + 1} crashed: ${error.message}`));
          },
          exit: (code) => {
            this.#slots[i] = null;
            fail(new Error(`worker ${i + 1} exited unexpectedly (code ${code})`));
          },
        };
        slot.listeners = listeners;
        slot.worker.on('message', listeners.message);
        slot.worker.on('error', listeners.error);
        slot.worker.on('exit', listeners.exit);
        slot.worker.ref();
        active.add(slot);
        slot.worker.postMessage({ type: 'init', batch, scenario } satisfies ToWorker);
        dispatch(slot);
      }
    });
  }
}
