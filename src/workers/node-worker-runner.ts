/**
 * A pool of K Node worker threads. Each worker compiles the model once per batch, runs the
 * chunks it is handed and folds the runs into its own summaries (node-worker-core.ts);
 * a worker left without chunks hands its summaries over (transferred) while the others
 * finish, one worker at a time, and they are merged into the accumulator. Chunks go to
 * whichever worker is free, but merging is exact and order-free, so the output does not
 * depend on K or on timing. Nothing per run crosses threads: the main thread stays idle
 * and small (100,000 runs within 300 MB, npm run bench). The accumulator is therefore
 * filled as the batch completes, not chunk by chunk.
 *
 * A worker that throws rejects the batch with its message; a worker that dies is
 * replaced. Cancelling terminates the busy workers (a chunk cannot be interrupted) and
 * the pool starts fresh ones for the next batch.
 */
import { Worker } from 'node:worker_threads';
import { ResultsAccumulator, defaultChunkSize, jobsOf, planShape } from '../engine/index.ts';
import type { RunJob, Scenario } from '../engine/index.ts';
import { abortError } from './runner.ts';
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
  /** Chunk in flight, if any. */
  busy: number | null;
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
  #slots: (Slot | null)[];
  #batch = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #disposed = false;

  constructor(options: NodeWorkerRunnerOptions = {}) {
    this.size = Math.max(1, Math.floor(options.workers ?? 1));
    this.#entry = options.entry ?? DEFAULT_ENTRY;
    this.#keep = options.keepWorkers ?? true;
    this.#slots = Array.from({ length: this.size }, () => null);
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
    const slot: Slot = { worker, index, busy: null, listeners: null };
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
      let done = 0;
      let settled = false;
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
      const used = Math.min(this.size, Math.ceil(total / chunkSize));
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
        if (settled || handing || waiting.length === 0) return;
        handing = waiting.shift()!;
        handing.worker.postMessage({ type: 'collect', batch } satisfies ToWorker);
      };
      const finish = () => {
        settled = true;
        cleanup();
        resolve(acc);
      };

      const dispatch = (slot: Slot) => {
        if (settled) return;
        if (nextJob >= total) {
          slot.busy = null;
          waiting.push(slot);
          collectNext();
          return;
        }
        slot.busy = chunkNo;
        const jobs: RunJob[] = jobsOf(plan, nextJob, nextJob + chunkSize);
        slot.worker.postMessage({ type: 'chunk', batch, chunk: chunkNo, jobs } satisfies ToWorker);
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
              done += message.count;
              onProgress?.(done, total);
              dispatch(slot);
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
