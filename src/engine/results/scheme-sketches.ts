/**
 * What one scheme's runs leave behind in a ResultsAccumulator (accumulator.ts): a
 * QuantileSketch per series, exact sums, counts and the few numbers kept by run index.
 * Each RunResult is folded in and dropped — a chunk of runs at a time, column by column
 * (run-chunk.ts): the summaries are read only through getters that fold what is waiting
 * first. Two SchemeSketches merge exactly, and their plain-data state (SchemeState) is
 * what shard files and worker hand-overs carry.
 */
import type { RunResult } from '../run/run-result.ts';
import { DAYS_IN_MONTH_SLOTS } from '../run/run-result.ts';
import { QuantileSketch } from './quantile-sketch.ts';
import type { Numbers, SketchState } from './quantile-sketch.ts';
import { ExactSum } from '../numeric/exact-sum.ts';
import { PER_RUN_ROWS, SUMMED_KEYS, type DayKey, type MonthlyKey, type MonthlyMetric } from '../run/metrics.ts';
import { RunChunk, type FoldTarget } from './run-chunk.ts';
import {
  DAY_KEYS, MONTHLY_METRICS, MONTH_KEYS, PER_RUN, TOTAL_METRICS, perRunKey, perRunValue, type MonthSeries, type PerRunKey, type StaffSketches,
} from './series.ts';

export { MONTHLY_METRICS, TOTAL_METRICS, MONTH_SERIES, MONTH_RATIOS, PER_RUN, perRunKey } from './series.ts';
export type { PerRunKey, StaffSketches } from './series.ts';

const SUMMED = SUMMED_KEYS;

const sketches = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, new QuantileSketch()])) as Record<K, QuantileSketch>;
const sketchList = (n: number) => Array.from({ length: n }, () => new QuantileSketch());

/** The sketches and sums of a scheme's runs (what a chunk folds into, and more). */
interface Summaries extends FoldTarget {
  readonly monthly: Record<MonthSeries, QuantileSketch>[];
  readonly coverMatrix: ExactSum[];
}

/** What one scheme's runs leave behind. Read by summarize.ts; written only by the accumulator. */
export class SchemeSketches {
  /** Number of runs added. */
  runs = 0;
  /** Shortest horizon among the runs (months, recorded days). */
  months = Infinity;
  days = Infinity;
  /** Run-months with collections ≥ plan, and run-months in all. */
  planMet = 0;
  runMonths = 0;
  readonly #s: Summaries = {
    monthlyMetrics: sketches(MONTHLY_METRICS),
    totals: sketches(TOTAL_METRICS),
    staff: [],
    byDay: Object.fromEntries(DAY_KEYS.map((k) => [k, sketchList(DAYS_IN_MONTH_SLOTS)])) as Record<DayKey, QuantileSketch[]>,
    cashDaily: [],
    monthly: [],
    byMonth: MONTH_KEYS.map(() => []),
    coverMatrix: [],
    sums: Object.fromEntries(SUMMED.map((k) => [k, new ExactSum()])) as Record<MonthlyKey, ExactSum>,
  };
  /** Runs added and not yet folded into the sketches. */
  #chunk: RunChunk | null = null;
  /** Run index → present? and the per-run numbers. */
  #present = new Uint8Array(0);
  #perRun: Record<PerRunKey, Float64Array> = Object.fromEntries(PER_RUN.map((k) => [k, new Float64Array(0)]));

  /** The summaries, with every run added folded in. */
  #read(): Summaries {
    if (this.#chunk && this.#chunk.runs > 0) {
      this.#reserveMonths(this.#chunk.months);
      this.#chunk.foldInto(this.#s);
    }
    return this.#s;
  }

  /** Distributions over run-months (registry rows with `monthly` or `perPlan`). */
  get monthlyMetrics(): Record<MonthlyKey, QuantileSketch> {
    return this.#read().monthlyMetrics;
  }
  /** Horizon totals per run. */
  get totals(): Record<MonthlyKey, QuantileSketch> {
    return this.#read().totals;
  }
  get staff(): StaffSketches[] {
    return this.#read().staff;
  }
  /** Per day row (metrics.ts), per day of month: a carried series over every run-month, else over the run-months with a positive value. */
  get byDay(): Record<DayKey, QuantileSketch[]> {
    return this.#read().byDay;
  }
  /** Cash balance by recorded day, over runs. */
  get cashDaily(): QuantileSketch[] {
    return this.#read().cashDaily;
  }
  /** By month of the horizon, over runs. */
  get monthly(): Record<MonthSeries, QuantileSketch>[] {
    return this.#read().monthly;
  }
  /** staff × staff, row-major: exact sums over runs of the cover hours (who was away → who covered; P7). */
  get coverMatrix(): ExactSum[] {
    return this.#read().coverMatrix;
  }
  /** Per row a horizon ratio reads: the exact sum over runs of each run's total (horizon ratios). */
  get sums(): Record<MonthlyKey, ExactSum> {
    return this.#read().sums;
  }

  has(runIndex: number): boolean {
    return runIndex < this.#present.length && this.#present[runIndex] === 1;
  }

  /** Run indices held, ascending. */
  runIndices(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.#present.length; i++) if (this.#present[i]) out.push(i);
    return out;
  }

  /** One per-run number; undefined if the run is not held. */
  perRun(key: PerRunKey, runIndex: number): number | undefined {
    return this.has(runIndex) ? this.#perRun[key][runIndex] : undefined;
  }

  /** Numbers held in all (sketch buckets or values + per-run slots), for the structural bound tests. */
  get footprint(): number {
    const s = this.#read();
    const all = [
      ...Object.values(s.monthlyMetrics), ...Object.values(s.totals), ...Object.values(s.byDay).flat(),
      ...s.cashDaily, ...s.staff.flatMap((p) => [p.pay, p.bonus, p.payTotal]), ...s.monthly.flatMap((m) => Object.values(m)),
    ];
    return all.reduce((n, x) => n + x.footprint, 0);
  }

  add(r: RunResult, plan: number): void {
    if (!Number.isInteger(r.runIndex) || r.runIndex < 0) throw new RangeError(`bad run index ${r.runIndex}`);
    if (this.has(r.runIndex)) throw new Error(`run ${r.runIndex} of scheme ${r.schemeIndex} was added twice`);
    const months = r.months;
    this.#mark(r.runIndex, (row) => perRunValue(r, row));
    this.runs++;
    this.months = Math.min(this.months, months);
    this.days = Math.min(this.days, r.days);
    this.runMonths += months;
    const collections = r.collections;
    for (let m = 0; m < months; m++) if (collections[m] >= plan) this.planMet++;
    const cover = this.#s.coverMatrix;
    for (let k = 0; k < r.coverMatrix.length; k++) (cover[k] ??= new ExactSum()).add(r.coverMatrix[k]);
    // The sketches take the run with the chunk it joins (a chunk holds runs of one shape).
    let chunk = this.#chunk;
    if (chunk && !chunk.fits(r)) {
      this.#read();
      chunk = null;
    }
    chunk ??= this.#chunk = new RunChunk(months, r.days, r.staff);
    chunk.push(r);
    if (chunk.full) this.#read();
  }

  /** Month records up to `months`, and their sketches by series (the fold's columns). */
  #reserveMonths(months: number): void {
    for (let m = this.#s.monthly.length; m < months; m++) this.#addMonth(sketches(MONTH_KEYS));
  }

  #addMonth(month: Record<MonthSeries, QuantileSketch>): void {
    this.#s.monthly.push(month);
    MONTH_KEYS.forEach((k, j) => this.#s.byMonth[j].push(month[k]));
  }

  /** Adds everything `other` holds; the two must hold different runs. */
  merge(other: SchemeSketches, schemeIndex: number): void {
    const runs = other.runIndices();
    for (const run of runs) {
      if (this.has(run)) throw new Error(`run ${run} of scheme ${schemeIndex} was added twice`);
    }
    if (runs.length > 0) this.#reserve(runs[runs.length - 1] + 1);
    for (const run of runs) {
      this.#mark(run, (row) => other.#perRun[perRunKey(row)][run]);
    }
    this.runs += other.runs;
    this.months = Math.min(this.months, other.months);
    this.days = Math.min(this.days, other.days);
    this.planMet += other.planMet;
    this.runMonths += other.runMonths;
    for (const k of MONTHLY_METRICS) this.monthlyMetrics[k].merge(other.monthlyMetrics[k]);
    for (const k of TOTAL_METRICS) this.totals[k].merge(other.totals[k]);
    other.staff.forEach((p, s) => {
      const mine = (this.staff[s] ??= { pay: new QuantileSketch(), bonus: new QuantileSketch(), payTotal: new QuantileSketch() });
      mine.pay.merge(p.pay);
      mine.bonus.merge(p.bonus);
      mine.payTotal.merge(p.payTotal);
    });
    for (const k of DAY_KEYS) other.byDay[k].forEach((s, d) => this.byDay[k][d].merge(s));
    other.cashDaily.forEach((s, d) => (this.cashDaily[d] ??= new QuantileSketch()).merge(s));
    this.#reserveMonths(other.monthly.length);
    other.monthly.forEach((month, m) => {
      const mine = this.monthly[m];
      for (const k of MONTH_KEYS) mine[k].merge(month[k]);
    });
    other.coverMatrix.forEach((s, k) => (this.coverMatrix[k] ??= new ExactSum()).merge(s));
    for (const k of SUMMED) this.sums[k].merge(other.sums[k]);
  }

  #mark(run: number, value: (row: MonthlyMetric) => number): void {
    if (run >= this.#present.length) this.#reserve(Math.max(run + 1, Math.min(Math.ceil(this.#present.length * 1.25), run + 16_384), 64));
    this.#present[run] = 1;
    for (const row of PER_RUN_ROWS) this.#perRun[perRunKey(row)][run] = value(row);
  }

  /**
   * Room for run indices below `size`. Merges and states know their largest run and size
   * the arrays once: growing step by step there would leave several copies of 100,000 runs
   * behind at the hand-over (the peak of a 100,000-run batch).
   */
  #reserve(size: number): void {
    if (size <= this.#present.length) return;
    const grow = <T extends Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.#present = grow(this.#present, (n) => new Uint8Array(n));
    for (const k of PER_RUN) this.#perRun[k] = grow(this.#perRun[k], (n) => new Float64Array(n));
  }

  toState(typed = false): SchemeState {
    const runs = this.runIndices();
    const ranges: [number, number][] = [];
    for (const r of runs) {
      const last = ranges[ranges.length - 1];
      if (last && last[1] === r) last[1] = r + 1;
      else ranges.push([r, r + 1]);
    }
    const st = (s: QuantileSketch) => s.toState(typed);
    const rec = <K extends string>(o: Record<K, QuantileSketch>) => Object.fromEntries(Object.entries(o).map(([k, s]) => [k, st(s as QuantileSketch)])) as Record<K, SketchState>;
    return {
      runs: ranges,
      months: Number.isFinite(this.months) ? this.months : null,
      days: Number.isFinite(this.days) ? this.days : null,
      planMet: this.planMet,
      runMonths: this.runMonths,
      perRun: Object.fromEntries(PER_RUN.map((k) => {
        const column = this.#perRun[k];
        return [k, typed ? Float64Array.from(runs, (r) => column[r]) : runs.map((r) => column[r])];
      })) as Record<PerRunKey, Numbers>,
      monthlyMetrics: rec(this.monthlyMetrics),
      totals: rec(this.totals),
      staff: this.staff.map((p) => ({ pay: st(p.pay), bonus: st(p.bonus), payTotal: st(p.payTotal) })),
      byDay: Object.fromEntries(DAY_KEYS.map((k) => [k, this.byDay[k].map(st)])) as Record<DayKey, SketchState[]>,
      cashDaily: this.cashDaily.map(st),
      monthly: this.monthly.map(rec),
      coverMatrix: this.coverMatrix.map((s) => s.toState()),
      sums: Object.fromEntries(SUMMED.map((k) => [k, this.sums[k].toState()])) as Record<MonthlyKey, number[] | null>,
    };
  }

  static fromState(state: SchemeState): SchemeSketches {
    const s = new SchemeSketches();
    const from = (x: SketchState) => QuantileSketch.fromState(x);
    // Checked before anything is sized: the per-run arrays are allocated once, for the largest run.
    let held = 0;
    let top = 0;
    for (const [a, b] of state.runs) {
      if (!(Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a < b)) throw new Error(`bad run range [${a}, ${b})`);
      held += b - a;
      top = Math.max(top, b);
    }
    for (const key of PER_RUN) {
      if (state.perRun[key]?.length !== held) throw new Error(`perRun.${key} has ${state.perRun[key]?.length} values for ${held} runs`);
    }
    s.#reserve(top);
    let k = 0;
    for (const [a, b] of state.runs) {
      for (let run = a; run < b; run++, k++) {
        if (s.has(run)) throw new Error(`run ${run} is listed twice`);
        s.#mark(run, (row) => state.perRun[perRunKey(row)][k]);
      }
    }
    s.runs = k;
    s.months = state.months ?? Infinity;
    s.days = state.days ?? Infinity;
    s.planMet = state.planMet;
    s.runMonths = state.runMonths;
    for (const key of MONTHLY_METRICS) s.monthlyMetrics[key] = from(state.monthlyMetrics[key]);
    for (const key of TOTAL_METRICS) s.totals[key] = from(state.totals[key]);
    for (const p of state.staff) s.staff.push({ pay: from(p.pay), bonus: from(p.bonus), payTotal: from(p.payTotal) });
    for (const k of DAY_KEYS) {
      if (!Array.isArray(state.byDay?.[k])) throw new Error(`day series ${k} is missing (a shard from an older paybench?)`);
      state.byDay[k].forEach((x, d) => (s.byDay[k][d] = from(x)));
    }
    for (const x of state.cashDaily) s.cashDaily.push(from(x));
    for (const m of state.monthly) {
      s.#addMonth(Object.fromEntries(MONTH_KEYS.map((key) => {
        if (!m[key]) throw new Error(`monthly series ${key} is missing (a shard from an older paybench?)`);
        return [key, from(m[key])];
      })) as Record<MonthSeries, QuantileSketch>);
    }
    if (!Array.isArray(state.coverMatrix)) throw new Error('the cover matrix is missing (a shard from an older paybench?)');
    for (const x of state.coverMatrix) s.coverMatrix.push(ExactSum.fromState(x));
    if (!isObject(state.sums)) throw new Error('the totals of the monthly figures are missing (a shard from an older paybench?)');
    for (const k of SUMMED) s.sums[k] = ExactSum.fromState(state.sums[k] ?? null);
    return s;
  }
}

/** Plain data of one scheme's summaries (shard files). */
export interface SchemeState {
  /** Runs held, as half-open ranges [from, to), ascending. */
  runs: [number, number][];
  months: number | null;
  days: number | null;
  planMet: number;
  runMonths: number;
  /** Per-run numbers in the order of `runs`. */
  perRun: Record<PerRunKey, Numbers>;
  monthlyMetrics: Record<MonthlyKey, SketchState>;
  totals: Record<MonthlyKey, SketchState>;
  staff: { pay: SketchState; bonus: SketchState; payTotal: SketchState }[];
  /** Per day row, per day of month. */
  byDay: Record<DayKey, SketchState[]>;
  cashDaily: SketchState[];
  monthly: Record<MonthSeries, SketchState>[];
  /** staff × staff, row-major: exact sums of cover hours (ExactSum states). */
  coverMatrix: (number[] | null)[];
  /** Per registry row: the exact total over run-months (ExactSum states). */
  sums: Record<MonthlyKey, number[] | null>;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
