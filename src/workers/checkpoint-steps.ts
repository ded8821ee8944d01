/**
 * The bookkeeping both pools share for checkpoints read while their workers run on (web
 * and Node): which step between two checkpoints a job falls in, how far a worker may be
 * sent jobs, the jobs done by step, and the runs' profit totals — recorded at once below
 * the next checkpoint, held back past it until it is passed, so that a reading sees exactly
 * the runs below its checkpoint. Counts are jobs (run × scheme) from the batch's start.
 *
 * A worker may run at most one step past the next checkpoint, and at most AHEAD_JOBS jobs
 * past it (held apart in the worker until `passed`, dropped if the batch stops there).
 */
import type { ProfitLedger, RunJob, RunShape } from '../engine/index.ts';
import { AHEAD_JOBS } from './runner.ts';
import type { RunOptions } from './runner.ts';

export class CheckpointSteps {
  /** Checkpoints passed: the index of the next one to read (`count` when none is left). */
  read = 0;
  /** The next checkpoint's reading is under way. */
  reading = false;
  readonly #bounds: readonly number[];
  readonly #total: number;
  readonly #ledger: ProfitLedger | undefined;
  readonly #doneInStep: number[];
  /** Per worker: jobs sent past the next checkpoint (all in the step after it). */
  readonly #ahead: number[];
  /** Profits of the step past the next checkpoint, until it is passed. */
  #heldProfits: [RunJob[], Float64Array][] = [];

  readonly #runsFrom: number;
  readonly #schemes: number;

  /** For a batch's plan: its checkpoints (options.checkpoints, as run counts) inside it, and the ledger to fill. */
  constructor(plan: RunShape, options: Pick<RunOptions, 'checkpoints' | 'profits'>, workers: number) {
    this.#runsFrom = plan.runsFrom;
    this.#schemes = plan.schemeIndices.length;
    this.#bounds = (options.checkpoints ?? []).filter((c) => c > plan.runsFrom && c < plan.runsTo).map((c) => (c - plan.runsFrom) * this.#schemes);
    this.#total = plan.jobCount;
    this.#ledger = options.profits;
    this.#doneInStep = new Array<number>(this.#bounds.length + 1).fill(0);
    this.#ahead = new Array<number>(workers).fill(0);
  }

  /** Checkpoints to read in all. */
  get count(): number {
    return this.#bounds.length;
  }

  /** The next checkpoint, as a run count (what onCheckpoint is told). */
  get runs(): number {
    return this.#runsFrom + this.bound / this.#schemes;
  }

  /** Jobs below the next checkpoint (the batch's total when none is left). */
  get bound(): number {
    return this.#bounds[this.read] ?? this.#total;
  }

  stepOf(job: number): number {
    let k = 0;
    while (k < this.#bounds.length && job >= this.#bounds[k]) k++;
    return k;
  }

  /**
   * How far worker i may be sent jobs from `next`: to the end of the next checkpoint's step,
   * or, if it may run ahead, into the step after it for at most AHEAD_JOBS jobs.
   */
  limit(next: number, worker: number, runAhead: boolean): number {
    const bound = this.bound;
    if (next < bound || !runAhead || bound === this.#total) return bound;
    return Math.min(this.#bounds[this.read + 1] ?? this.#total, next + AHEAD_JOBS - this.#ahead[worker]);
  }

  /** Jobs sent to a worker: returns their step. */
  sent(worker: number, first: number, count: number): number {
    const step = this.stepOf(first);
    if (step > this.read) this.#ahead[worker] += count;
    return step;
  }

  /** A chunk of `step` is done (with its runs' profits, if asked for). */
  done(step: number, jobs: RunJob[], profits: Float64Array | undefined): void {
    this.#doneInStep[step] += jobs.length;
    if (!this.#ledger || !profits) return;
    if (step <= this.read) this.#ledger.recordChunk(jobs, profits);
    else this.#heldProfits.push([jobs, profits]);
  }

  /** Jobs done that are part of the answer so far: those below the next checkpoint. */
  get doneBelow(): number {
    let n = 0;
    for (let k = 0; k <= this.read && k < this.#doneInStep.length; k++) n += this.#doneInStep[k];
    return n;
  }

  /** Every job below the next checkpoint is done and it is not being read yet. */
  get due(): boolean {
    return !this.reading && this.read < this.#bounds.length && this.doneBelow === this.bound;
  }

  /** The next checkpoint was read and the batch goes on: the step after it joins the answer. */
  passed(): void {
    this.reading = false;
    this.read++;
    this.#ahead.fill(0);
    for (const [jobs, profits] of this.#heldProfits) this.#ledger!.recordChunk(jobs, profits);
    this.#heldProfits = [];
  }
}
