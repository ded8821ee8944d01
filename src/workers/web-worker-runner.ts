/**
 * A pool of browser Web Workers behind the same Runner contract as the inline and Node
 * runners. Each worker (web-worker.ts, through Comlink) compiles the model once per batch
 * and runs the chunks it is handed; RunResult arrays come back transferred. Every result
 * lands in the accumulator by (scheme, run), so the summary does not depend on the number
 * of workers, the chunk sizes or the order of arrival.
 *
 * Chunks are sized from the measured time per job to about `targetChunkMs` of work, so a
 * message carries enough work to be worth it and a cancel or a new batch is never far off.
 * Cancelling terminates the busy workers (a chunk cannot be interrupted); a worker that
 * throws or dies rejects the batch with a clear message and is replaced next time.
 */
import * as Comlink from 'comlink';
import type { Scenario } from '../engine/scenario/types.ts';
import { jobsOf, planShape } from '../engine/run-plan.ts';
import type { RunJob } from '../engine/run-plan.ts';
import type { RunResult } from '../engine/run-result.ts';
import { ResultsAccumulator } from '../engine/accumulator.ts';
import { abortError } from './runner.ts';
import type { Runner, RunOptions } from './runner.ts';
import type { WebWorkerApi, WorkerFault } from './web-worker.ts';

export interface WebWorkerRunnerOptions {
  /** Number of workers; default one per core but one, at least 1. */
  workers?: number;
  /** Starts a worker; default web-worker.ts bundled by Vite. */
  createWorker?: () => Worker;
  /** Work per chunk when no chunk size is given, in milliseconds; default 60. */
  targetChunkMs?: number;
}

interface Slot {
  worker: Worker;
  api: Comlink.Remote<WebWorkerApi>;
  /** Set while a batch listens for this worker's death. */
  onError: ((event: ErrorEvent) => void) | null;
}

export function defaultWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, cores - 1);
}

const startWorker = () => new Worker(new URL('./web-worker.ts', import.meta.url), { type: 'module', name: 'paybench-runs' });

export class WebWorkerRunner implements Runner {
  readonly size: number;
  readonly #create: () => Worker;
  readonly #targetMs: number;
  #slots: (Slot | null)[];
  #batch = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #disposed = false;
  /** Measured milliseconds per job, carried across batches (0 = not measured yet). */
  #msPerJob = 0;
  #fault: WorkerFault | null = null;

  constructor(options: WebWorkerRunnerOptions = {}) {
    this.size = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
    this.#create = options.createWorker ?? startWorker;
    this.#targetMs = options.targetChunkMs ?? 60;
    this.#slots = Array.from({ length: this.size }, () => null);
  }

  /** Browser tests: the next chunk dispatched throws in its worker, or kills it. */
  injectFault(fault: WorkerFault): void {
    this.#fault = fault;
  }

  run(scenario: Scenario, options: RunOptions = {}): Promise<ResultsAccumulator> {
    const next = this.#queue.then(() => this.#run(scenario, options));
    this.#queue = next.catch(() => {});
    return next;
  }

  dispose(): void {
    this.#disposed = true;
    this.#slots.forEach((_, i) => this.#drop(i));
  }

  #slot(index: number): Slot {
    const existing = this.#slots[index];
    if (existing) return existing;
    const worker = this.#create();
    const slot: Slot = { worker, api: Comlink.wrap<WebWorkerApi>(worker), onError: null };
    this.#slots[index] = slot;
    return slot;
  }

  #drop(index: number): void {
    const slot = this.#slots[index];
    this.#slots[index] = null;
    if (slot) {
      if (slot.onError) slot.worker.removeEventListener('error', slot.onError);
      slot.worker.terminate();
    }
  }

  #chunkSize(fixed: number | undefined, remaining: number, schemes: number): number {
    if (fixed !== undefined) return Math.max(1, Math.floor(fixed));
    // Unmeasured: one run of every scheme, which also times the job.
    const size = this.#msPerJob > 0 ? Math.round(this.#targetMs / this.#msPerJob) : schemes;
    // Near the end, smaller pieces keep every worker busy until the last one.
    const fair = Math.ceil(remaining / this.size);
    return Math.max(1, Math.min(size, 256, fair));
  }

  #run(scenario: Scenario, options: RunOptions): Promise<ResultsAccumulator> {
    if (this.#disposed) return Promise.reject(new Error('the runner was disposed'));
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const acc = options.accumulator ?? new ResultsAccumulator(scenario);
    // Chunks are listed as they are sent: 100,000 runs never hold the whole job list on the page.
    const plan = planShape(scenario, options);
    const total = plan.jobCount;
    if (total === 0) return Promise.resolve(acc);
    const batch = ++this.#batch;
    const schemes = plan.schemeIndices.length;

    return new Promise<ResultsAccumulator>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let settled = false;
      const busy = new Set<number>();
      const used = Math.min(this.size, total);

      const cleanup = () => {
        signal?.removeEventListener('abort', onAbort);
        for (let i = 0; i < used; i++) {
          const slot = this.#slots[i];
          if (slot?.onError) {
            slot.worker.removeEventListener('error', slot.onError);
            slot.onError = null;
          }
        }
      };
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        cleanup();
        // Busy workers are computing chunks nobody wants: end them; fresh ones start next time.
        for (const i of busy) this.#drop(i);
        reject(error);
      };
      const onAbort = () => fail(abortError(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });

      const dispatch = (i: number) => {
        if (settled) return;
        if (next >= total) {
          busy.delete(i);
          if (done === total) {
            settled = true;
            cleanup();
            resolve(acc);
          }
          return;
        }
        const slot = this.#slots[i]!;
        const size = this.#chunkSize(options.chunkSize, total - next, schemes);
        const chunk: RunJob[] = jobsOf(plan, next, next + size);
        next += chunk.length;
        busy.add(i);
        const fault = this.#fault ?? undefined;
        this.#fault = null;
        const started = performance.now();
        slot.api.run(batch, chunk, fault).then(
          (results: RunResult[]) => {
            if (settled) return;
            const ms = (performance.now() - started) / chunk.length;
            this.#msPerJob = this.#msPerJob > 0 ? 0.5 * this.#msPerJob + 0.5 * ms : ms;
            try {
              acc.addAll(results);
              done += results.length;
              onProgress?.(done, total);
              dispatch(i);
            } catch (error) {
              fail(error);
            }
          },
          (error: unknown) => fail(new Error(`worker ${i + 1} failed: ${messageOf(error)}`)),
        );
      };

      for (let i = 0; i < used; i++) {
        const slot = this.#slot(i);
        slot.onError = (event: ErrorEvent) => {
          event.preventDefault();
          this.#drop(i); // died: replaced on the next batch
          fail(new Error(`worker ${i + 1} crashed: ${event.message || 'unknown error'}`));
        };
        slot.worker.addEventListener('error', slot.onError);
        slot.api.init(batch, scenario).catch((error: unknown) => {
          fail(new Error(`worker ${i + 1} failed while compiling the model: ${messageOf(error)}`));
        });
        dispatch(i);
      }
    });
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
