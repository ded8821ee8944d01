/**
 * Collects RunResults as they arrive — in any order, from any worker, from any shard —
 * into summaries whose size does not grow with the number of runs: each RunResult is
 * folded in and dropped.
 *
 * Every summary is a function of the set of runs added, never of their order or
 * grouping, so the results JSON is byte-identical for any chunking, worker count,
 * completion order and shard split:
 * - quantiles: a QuantileSketch per series (exact while small, then log buckets with a
 *   stated relative error; quantile-sketch.ts) — per metric, per staff member, per day of
 *   month (intra-month collections, effort), per recorded day (cash), per month;
 * - means: exact sums (exact-sum.ts), counts: integers; the cover matrix (who covered
 *   whom, staff × staff) is an exact sum per cell;
 * - paired differences to the baseline: three numbers per run (profit total, mean monthly
 *   collections, mean mid-month gap) kept by run index — 24 bytes a run, 2.4 MB per scheme
 *   at 100,000 runs — so run i of a scheme meets run i of the baseline whichever arrived
 *   first, and the profit total's quantiles stay exact.
 * The typical month is not kept apart: it is the merge of the recorded days that fall on
 * each day of month, done when summarising (merging is exact, so nothing is lost).
 */
import type { RunResult } from '../run/run-result.ts';
import type { Scenario } from '../scenario/types.ts';
import { SchemeSketches } from './scheme-sketches.ts';
import type { SchemeState } from './scheme-sketches.ts';
import type { ProfitsByRun } from './profit-figures.ts';

export interface AccumulatorState {
  plan: number;
  schemes: { schemeIndex: number; state: SchemeState }[];
}

export class ResultsAccumulator implements ProfitsByRun {
  /** The scenario's monthly plan (plan met is counted as runs arrive). */
  readonly plan: number;
  /** schemeIndex → its summaries */
  readonly #bySchemes = new Map<number, SchemeSketches>();
  #count = 0;

  /** `scenario`: the scenario being run (its plan); may be left out by accumulators that only forward results. */
  constructor(scenario?: Pick<Scenario, 'company'>) {
    this.plan = scenario ? Number(scenario.company.plan) : NaN;
  }

  add(result: RunResult): this {
    if (Number.isNaN(this.plan)) throw new Error('this accumulator was made without a scenario: new ResultsAccumulator(scenario)');
    let scheme = this.#bySchemes.get(result.schemeIndex);
    if (!scheme) this.#bySchemes.set(result.schemeIndex, (scheme = new SchemeSketches()));
    scheme.add(result, this.plan);
    this.#count++;
    return this;
  }

  addAll(results: Iterable<RunResult>): this {
    for (const r of results) this.add(r);
    return this;
  }

  /**
   * Adds everything `other` holds (the two must hold disjoint runs of the same scenario).
   * `other` must not be used afterwards when `adopt` is set: an empty accumulator then
   * takes over its summaries instead of copying them (the node runner's collect step).
   */
  merge(other: ResultsAccumulator, { adopt = false } = {}): this {
    if (other.#count === 0) return this;
    if (adopt && this.#count === 0 && this.plan === other.plan) {
      for (const [i, s] of other.#bySchemes) this.#bySchemes.set(i, s);
      this.#count = other.#count;
      other.#bySchemes.clear();
      other.#count = 0;
      return this;
    }
    if (this.#count > 0 && this.plan !== other.plan) throw new Error(`cannot merge results for a plan of ${other.plan} into ${this.plan}`);
    if (this.#count === 0 && Number.isNaN(this.plan)) throw new Error('this accumulator was made without a scenario: new ResultsAccumulator(scenario)');
    for (const [i, theirs] of other.#bySchemes) {
      const mine = this.#bySchemes.get(i);
      if (mine) {
        for (const run of theirs.runIndices()) if (mine.has(run)) throw new Error(`run ${run} of scheme ${i} was added twice`);
      }
    }
    for (const [i, theirs] of other.#bySchemes) {
      let mine = this.#bySchemes.get(i);
      if (!mine) this.#bySchemes.set(i, (mine = new SchemeSketches()));
      mine.merge(theirs, i);
    }
    this.#count += other.#count;
    return this;
  }

  /** Number of (scheme, run) results held. */
  get size(): number {
    return this.#count;
  }

  schemeIndices(): number[] {
    return [...this.#bySchemes.keys()].filter((i) => this.#bySchemes.get(i)!.runs > 0).sort((a, b) => a - b);
  }

  /** Run indices held for a scheme, ascending. */
  runIndices(schemeIndex: number): number[] {
    return this.#bySchemes.get(schemeIndex)?.runIndices() ?? [];
  }

  /** A run's profit total (ProfitsByRun: reading whether the answer is settled). */
  profit(schemeIndex: number, runIndex: number): number {
    const p = this.#bySchemes.get(schemeIndex)?.perRun('profitTotal', runIndex);
    if (p === undefined) throw new RangeError(`run ${runIndex} of scheme ${schemeIndex} is not held`);
    return p;
  }

  /** A scheme's summaries (read-only use: summarize.ts). */
  scheme(schemeIndex: number): SchemeSketches | undefined {
    return this.#bySchemes.get(schemeIndex);
  }

  /** Plain data (a shard file); `typed`: typed arrays to transfer to another thread (transferablesOf). */
  toState(typed = false): AccumulatorState {
    return {
      plan: this.plan,
      schemes: this.schemeIndices().map((schemeIndex) => ({ schemeIndex, state: this.#bySchemes.get(schemeIndex)!.toState(typed) })),
    };
  }

  static fromState(state: AccumulatorState): ResultsAccumulator {
    const acc = new ResultsAccumulator({ company: { plan: String(state.plan) } } as Pick<Scenario, 'company'>);
    for (const { schemeIndex, state: s } of state.schemes) {
      if (acc.#bySchemes.has(schemeIndex)) throw new Error(`scheme ${schemeIndex} is listed twice`);
      const scheme = SchemeSketches.fromState(s);
      acc.#bySchemes.set(schemeIndex, scheme);
      acc.#count += scheme.runs;
    }
    return acc;
  }
}

/** The buffers behind a typed state's arrays, for a transfer list. */
export function transferablesOf(state: AccumulatorState): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const walk = (x: unknown): void => {
    if (ArrayBuffer.isView(x)) {
      if (x.buffer instanceof ArrayBuffer) out.add(x.buffer);
    } else if (Array.isArray(x)) {
      for (const y of x) if (y !== null && typeof y === 'object') walk(y);
    } else if (x !== null && typeof x === 'object') {
      for (const y of Object.values(x)) if (y !== null && typeof y === 'object') walk(y);
    }
  };
  walk(state);
  return [...out];
}
