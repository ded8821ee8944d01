/**
 * A pool of browser Web Workers: the workbench's run engine (SummarizingRunner). Each
 * worker (web-worker.ts, through Comlink) compiles the model once per batch, runs the
 * chunks it is handed and folds them into its own summaries; only a count comes back
 * (and the runs' profit totals, when checkpoints are read from them: options.profits).
 * `summarize` gathers the other workers' summaries into the first (copied out of them,
 * transferred on from the page, merged exactly) and has it build the results contract
 * there. Summaries are functions of the set of runs, so the results do not depend on the
 * number of workers, the chunk sizes or the order of arrival — and the page never holds
 * a run.
 *
 * Chunks hold about `targetChunkMs` of work (chunk-size.ts), two a worker at once; an edit
 * that leaves some schemes as they were keeps their runs (kept-runs.ts).
 * At a checkpoint (stop when settled) the answer is read on exactly the runs below it.
 * With several workers, those done with the step first run on into the next meanwhile and
 * hold those runs apart (web-worker.ts): kept if the batch goes on, never counted if it
 * stops there. With one worker there is nothing to overlap: it waits.
 * A crowded pool (workers and page want more cores than there are) starts a batch asked for
 * a glimpse first on one worker, the others once it is read: the first picture has a core.
 * A small batch takes fewer workers (batchWorkers).
 * Cancelling terminates the busy workers (a chunk cannot be interrupted); a worker that
 * throws, dies or falls silent (watched-workers.ts) rejects the batch with a clear message
 * and is replaced next time.
 */
import * as Comlink from 'comlink';
import { jobsOf, planShape, transferablesOf } from '../engine/index.ts';
import type { ResultsJson, RunJob, Scenario } from '../engine/index.ts';
import { WorkerStoppedError, abortError, batchWorkers, messageOf } from './runner.ts';
import { STALL_MS, WatchedWorkers } from './watched-workers.ts';
import { CheckpointSteps } from './checkpoint-steps.ts';
import { coreCount, defaultWorkerCount } from './web-worker-count.ts';
import type { HeldBatch, SummarizingRunOptions, SummarizingRunner } from './runner.ts';
import type { WorkerFault } from './web-worker.ts';
import { HeldRuns, keptFrom, type keptRuns } from './kept-runs.ts';
import { chunkSize } from './chunk-size.ts';

export interface WebWorkerRunnerOptions {
  /** Number of workers; default defaultWorkerCount(). */
  workers?: number;
  /** The workers and the page want more cores than there are (default: as many workers as cores): see glimpseFirst. */
  crowded?: boolean;
  /** Starts a worker; default web-worker.ts bundled by Vite. */
  createWorker?: () => Worker;
  /** Work per chunk when no chunk size is given, in milliseconds; default 60. */
  targetChunkMs?: number;
  /** Jobs a worker at least, or a batch takes fewer (batchWorkers); default MIN_JOBS_PER_WORKER. */
  minJobsPerWorker?: number;
  /** Silence after which a worker that owes an answer counts as dead; default STALL_MS. */
  stallMs?: number;
}

/** Chunks a worker holds at once: the next is already there when one ends. */
const PIPELINE = 2;

const startWorker = () => new Worker(new URL('./web-worker.ts', import.meta.url), { type: 'module', name: 'paybench-runs' });

export class WebWorkerRunner implements SummarizingRunner {
  readonly size: number;
  readonly #targetMs: number;
  readonly #minJobs: number | undefined;
  readonly #workers: WatchedWorkers;
  #batch = 0;
  /** Workers initialised for the current batch (their summaries are part of it). */
  #used = 0;
  /** The last batch that failed or was cancelled (its busy workers were ended). */
  #failedBatch = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #disposed = false;
  /** Measured milliseconds per job, carried across batches (0 = not measured yet). */
  #msPerJob = 0;
  #fault: WorkerFault | null = null;
  readonly crowded: boolean;
  /** Lets the current batch's other workers start (set while they wait for the first glimpse). */
  #release: (() => void) | null = null;
  readonly #held = new HeldRuns();

  constructor(options: WebWorkerRunnerOptions = {}) {
    this.size = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
    this.#targetMs = options.targetChunkMs ?? 60;
    this.#minJobs = options.minJobsPerWorker;
    this.#workers = new WatchedWorkers(this.size, options.createWorker ?? startWorker, options.stallMs ?? STALL_MS);
    this.crowded = options.crowded ?? this.size >= coreCount();
  }

  /** Silence (ms) after which a worker owing an answer is ended; tests shorten it. */
  get stallMs(): number {
    return this.#workers.stallMs;
  }
  set stallMs(ms: number) {
    this.#workers.stallMs = ms;
  }

  /** Browser tests: the next chunk dispatched throws in its worker, or kills it. */
  injectFault(fault: WorkerFault): void {
    this.#fault = fault;
  }

  run(scenario: Scenario, options: SummarizingRunOptions = {}): Promise<void> {
    // A batch that keeps schemes waits for the held summaries' copy (kept-runs.ts).
    const kept = () => keptFrom(this.#held, scenario, options);
    const next = this.#queue.then(async () => this.#run(scenario, options, await kept()));
    this.#queue = next.catch(() => {});
    return next;
  }

  /**
   * The results contract for the current batch's runs folded so far: the other workers hand
   * their summaries to the first, which merges and summarises them. Calls queue behind each
   * worker's chunk in hand. Null if there is no batch, or it moved on meanwhile.
   */
  async summarize(options: { glimpse?: boolean } = {}): Promise<ResultsJson | null> {
    const batch = this.#batch;
    const whole = options.glimpse ? null : this.#held.ended(batch);
    // A glimpse is the first worker's runs alone: the others' would wait behind the chunks they hold.
    const used = options.glimpse ? Math.min(1, this.#used) : this.#used;
    const first = this.#workers.at(0);
    if (batch === 0 || used === 0 || !first) return null;
    // Whatever the answer, the first look has been asked for: the others may start.
    const release = options.glimpse ? this.#release : null;
    try {
      const others = Array.from({ length: used - 1 }, (_, k) => this.#workers.at(k + 1));
      if (others.some((slot) => !slot)) return null;
      // Every worker hands its summaries over at once (each after the chunks it holds); the
      // first absorbs them one by one as they come, in a fixed order (merging is exact).
      const states = others.map((slot) => this.#workers.call(slot!, () => slot!.api.collect(batch)));
      for (const state of states) state.catch(() => {}); // awaited below; one failing must not go unhandled
      for (const pending of states) {
        const state = await pending;
        if (batch !== this.#batch) return null;
        await this.#workers.call(first, () => first.api.absorb(batch, Comlink.transfer(state, transferablesOf(state))));
      }
      const results = await this.#workers.call(first, () => first.api.summarize(batch));
      if (batch === this.#batch && whole) this.#held.gathered(whole, this.#workers.call(first, () => first.api.copy(batch)));
      return batch === this.#batch ? results : null;
    } catch (error) {
      // A cancelled or superseded batch ends its workers: nothing to show, and no error.
      if (batch !== this.#batch || batch === this.#failedBatch) return null;
      throw error;
    } finally {
      release?.();
    }
  }

  holds = (): HeldBatch[] => this.#held.holds();

  dispose(): void {
    this.#disposed = true;
    this.#workers.dropAll();
  }

  #run(scenario: Scenario, options: SummarizingRunOptions, kept: ReturnType<typeof keptRuns>): Promise<void> {
    if (this.#disposed) return Promise.reject(new Error('the runner was disposed'));
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (kept instanceof Error) return Promise.reject(kept);
    // Chunks are listed as they are sent: 100,000 runs never hold the whole job list on the page.
    const plan = planShape(scenario, kept ? { ...options, schemeIds: kept.run } : options);
    const total = plan.jobCount;
    const batch = ++this.#batch;
    const whole = options.hold === true && plan.runsFrom === 0 && (kept !== null || plan.schemeIndices.length === scenario.schemes.length);
    const used = Math.max(kept ? 1 : 0, batchWorkers(this.size, total, this.#minJobs));
    this.#used = used;
    this.#release = null;
    if (total === 0 && kept) {
      // Every scheme kept (one was only removed): the first worker takes them over, nothing runs.
      const first = this.#workers.slot(0);
      return this.#workers.call(first, () => first.api.init(batch, scenario, kept.state)).then(() => void (whole && this.#held.end(batch, scenario, plan.runsTo)));
    }
    if (total === 0) return Promise.resolve();
    const schemes = plan.schemeIndices.length;

    return new Promise<void>((resolve, reject) => {
      let next = 0;
      let settled = false;
      // Checkpoints: while every run below one is in and it is read, workers that are done
      // run on into the next step, folding those runs apart (`ahead`): kept if the batch goes
      // on, dropped if it settles. One worker has nothing to overlap: it waits.
      const steps = new CheckpointSteps(plan, options, used);
      const runAhead = used > 1;
      // Workers that have this batch's model. In a crowded pool asked for a glimpse first,
      // the others start once it is read (or never, if the first has been sent every job).
      let started = this.crowded && options.glimpseFirst === true ? 1 : used;
      this.#used = started;
      this.#release =
        started < used
          ? () => {
              this.#release = null;
              if (batch !== this.#batch || settled || started === used || next >= total) return;
              for (let i = started; i < used; i++) start(i);
              started = this.#used = used;
            }
          : null;
      /** Chunks sent to each worker and not yet answered. */
      const inFlight = new Array<number>(used).fill(0);
      /** Jobs sent to each worker (its chunks grow with them). */
      const given = new Array<number>(used).fill(0);
      const waiting = new Set<number>();

      const cleanup = () => {
        signal?.removeEventListener('abort', onAbort);
      };
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        this.#failedBatch = batch;
        cleanup();
        // Busy workers are computing chunks nobody wants: end them; fresh ones start next time.
        for (let i = 0; i < used; i++) if (inFlight[i] > 0) this.#workers.drop(i);
        reject(error);
      };
      const onAbort = () => fail(abortError(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });

      const finish = () => {
        settled = true;
        const runs = steps.doneBelow === total ? plan.runsTo : steps.runs;
        if (whole && (!kept || runs === plan.runsTo)) this.#held.end(batch, scenario, runs); // kept schemes hold every run
        this.#release = null;
        cleanup();
        resolve();
      };
      /** The jobs a worker may be sent have moved on: every waiting worker takes its next. */
      const wakeIdle = () => {
        const idle = [...waiting];
        waiting.clear();
        for (const w of idle) dispatch(w);
      };
      /** Every job below the next checkpoint is in: the batch ends, or the checkpoint is read. */
      const atBound = () => {
        if (steps.doneBelow === total) return finish();
        if (!steps.due) return;
        steps.reading = true;
        (options.onCheckpoint ? options.onCheckpoint(steps.runs) : Promise.resolve(false)).then(
          (stop) => {
            if (settled) return;
            if (stop) return finish();
            // Going on: every worker keeps what it ran ahead (a call queued behind the chunks it
            // holds, so before any later summary), and the next step joins the answer.
            for (let i = 0; i < started; i++) {
              const slot = this.#workers.at(i);
              if (slot) this.#workers.call(slot, () => slot.api.commit(batch)).catch((error: unknown) => fail(error));
            }
            const before = steps.doneBelow;
            steps.passed();
            if (steps.doneBelow > before) onProgress?.(steps.doneBelow, total);
            wakeIdle();
            atBound();
          },
          (error: unknown) => fail(error),
        );
      };
      /** Worker i compiles the batch's model, then takes its chunks. */
      const start = (i: number) => {
        const slot = this.#workers.slot(i);
        const keep = i === 0 ? kept?.state : undefined;
        this.#workers.call(slot, () => slot.api.init(batch, scenario, keep)).catch((error: unknown) => {
          fail(error instanceof WorkerStoppedError ? error : new Error(`worker ${i + 1} failed while compiling the model: ${messageOf(error)}`));
        });
        dispatch(i);
      };
      /** Keeps worker i PIPELINE chunks ahead, so it never waits for the page between chunks. */
      const dispatch = (i: number) => {
        while (!settled && inFlight[i] < PIPELINE) {
          if (next >= steps.limit(next, i, runAhead)) {
            waiting.add(i);
            return atBound();
          }
          send(i);
        }
      };
      const send = (i: number) => {
        waiting.delete(i);
        const slot = this.#workers.at(i)!;
        const end = steps.limit(next, i, runAhead);
        const ahead = next >= steps.bound;
        const ask = { fixed: options.chunkSize, remaining: end - next, schemes, sent: given[i], msPerJob: this.#msPerJob, targetMs: this.#targetMs, workers: this.size, ahead };
        const size = Math.min(chunkSize(ask), end - next);
        const chunk: RunJob[] = jobsOf(plan, next, next + size);
        const step = steps.sent(i, next, chunk.length);
        next += chunk.length;
        given[i] += chunk.length;
        inFlight[i]++;
        const fault = this.#fault ?? undefined;
        this.#fault = null;
        this.#workers.call(slot, () => slot.api.run(batch, chunk, fault, ahead, options.profits !== undefined)).then(
          ({ count, ms, profits }) => {
            if (settled) return;
            inFlight[i]--;
            if (count > 0) this.#msPerJob = this.#msPerJob > 0 ? 0.5 * this.#msPerJob + (0.5 * ms) / count : ms / count;
            try {
              // Progress counts the runs that are part of the answer: a chunk run ahead joins when its checkpoint is passed.
              const before = steps.doneBelow;
              steps.done(step, chunk, profits);
              if (steps.doneBelow > before) onProgress?.(steps.doneBelow, total);
              dispatch(i);
              atBound();
            } catch (error) {
              fail(error);
            }
          },
          (error: unknown) => fail(error instanceof WorkerStoppedError ? error : new Error(`worker ${i + 1} failed: ${messageOf(error)}`)),
        );
      };

      for (let i = 0; i < started; i++) start(i);
    });
  }
}
