/**
 * Runs folded a chunk at a time, column by column. A run's columns are copied into the
 * chunk as the run comes; when the chunk is full, or before anything reads the summaries
 * (scheme-sketches.ts), each sketch takes all of the chunk's values for it at once.
 *
 * Why: a run leaves about 2,000 values for about 2,500 sketches (each recorded day's
 * cash, each day of month, month, person). Run by run, the simulation between two runs
 * has evicted the sketches from the caches, so nearly every value misses them several
 * times over; a chunk brings each sketch in once for all its values.
 *
 * Each sketch takes its values in the order the runs came and, within a run, month by
 * month, exactly as folding one run at a time does: the summaries are the same to the bit
 * (and they depend only on the set of runs anyway: accumulator.ts).
 */
import type { RunResult } from '../run/run-result.ts';
import { DAYS_IN_MONTH_SLOTS } from '../run/run-result.ts';
import { DAY_ROWS, MONTHLY_KEYS, MONTHLY_RATIOS, SUMMED_KEYS, type DayKey, type MonthlyKey } from '../run/metrics.ts';
import { QuantileSketch } from './quantile-sketch.ts';
import type { ExactSum } from '../numeric/exact-sum.ts';
import { MONTHLY_METRICS, MONTH_SERIES, TOTAL_METRICS, sumTo, type StaffSketches } from './series.ts';

/** Values a chunk holds at most (512 KiB): 28 runs of the client department, 8 of a 36-month horizon with 20 staff. */
const CHUNK_VALUES = 1 << 16;
const MAX_RUNS = 32;
const SLOTS = DAYS_IN_MONTH_SLOTS;
const COLUMN = Object.fromEntries(MONTHLY_KEYS.map((k, i) => [k, i])) as Record<MonthlyKey, number>;

/** The sketches a chunk folds into: a SchemeSketches' own. */
export interface FoldTarget {
  readonly monthlyMetrics: Record<MonthlyKey, QuantileSketch>;
  readonly totals: Record<MonthlyKey, QuantileSketch>;
  readonly staff: StaffSketches[];
  readonly byDay: Record<DayKey, QuantileSketch[]>;
  readonly cashDaily: QuantileSketch[];
  /** By month series (series.ts MONTH_KEYS' order), then by month: at least the chunk's months. */
  readonly byMonth: QuantileSketch[][];
  readonly sums: Record<MonthlyKey, ExactSum>;
}

/** Copy of `count` values. A loop, not `set(subarray)`: no view made per column per run. */
function copy(from: Float64Array, start: number, count: number, to: Float64Array, at: number): void {
  for (let i = 0; i < count; i++) to[at + i] = from[start + i];
}

/** The columns of up to `capacity` runs of one shape (months, recorded days, staff). */
export class RunChunk {
  /** Runs held. */
  runs = 0;
  readonly capacity: number;
  /** Per registry row (MONTHLY_KEYS' order): run b's months at b × months. */
  readonly #monthly: Float64Array[];
  /** Per day row: run b's month m, day d at (b × months + m) × 31 + d. */
  readonly #byDay: Float64Array[];
  /** Run b's recorded days at b × days. */
  readonly #cash: Float64Array;
  /** Run b's person s, month m at (b × staff + s) × months + m. */
  readonly #pay: Float64Array;
  readonly #bonus: Float64Array;

  constructor(
    readonly months: number,
    readonly days: number,
    readonly staff: number,
  ) {
    const perRun = MONTHLY_KEYS.length * months + DAY_ROWS.length * months * SLOTS + days + 2 * staff * months;
    this.capacity = Math.max(1, Math.min(MAX_RUNS, Math.floor(CHUNK_VALUES / Math.max(1, perRun))));
    const n = this.capacity;
    this.#monthly = MONTHLY_KEYS.map(() => new Float64Array(n * months));
    this.#byDay = DAY_ROWS.map(() => new Float64Array(n * months * SLOTS));
    this.#cash = new Float64Array(n * days);
    this.#pay = new Float64Array(n * staff * months);
    this.#bonus = new Float64Array(n * staff * months);
  }

  /** The run has this chunk's shape. */
  fits(r: RunResult): boolean {
    return r.months === this.months && r.days === this.days && r.staff === this.staff;
  }

  get full(): boolean {
    return this.runs === this.capacity;
  }

  /** Copies a run's columns in (the run must fit and the chunk must not be full). */
  push(r: RunResult): void {
    const b = this.runs++;
    const months = this.months;
    for (let j = 0; j < MONTHLY_KEYS.length; j++) copy(r[MONTHLY_KEYS[j]], 0, months, this.#monthly[j], b * months);
    const block = months * SLOTS;
    for (let j = 0; j < DAY_ROWS.length; j++) copy(r[DAY_ROWS[j].key as DayKey], 0, block, this.#byDay[j], b * block);
    copy(r.cashDaily, 0, this.days, this.#cash, b * this.days);
    const people = this.staff * months;
    copy(r.staffPay, 0, people, this.#pay, b * people);
    copy(r.staffBonus, 0, people, this.#bonus, b * people);
  }

  /** Folds the runs held into `to`, sketch by sketch, and empties the chunk. */
  foldInto(to: FoldTarget): void {
    const n = this.runs;
    if (n === 0) return;
    const months = this.months;
    const column = (k: MonthlyKey) => this.#monthly[COLUMN[k]];
    // A run's total in run order, then an exact sum over runs: the same whatever order runs arrive in.
    for (const k of SUMMED_KEYS) {
      const c = column(k);
      const sum = to.sums[k];
      for (let b = 0; b < n; b++) sum.add(sumTo(c, b * months, (b + 1) * months));
    }
    // Runs' months follow each other: one stretch of n × months values per sketch.
    for (const k of MONTHLY_METRICS) to.monthlyMetrics[k].addValues(column(k), 0, n * months);
    for (let j = 0; j < MONTH_SERIES.length; j++) {
      const c = column(MONTH_SERIES[j]);
      const list = to.byMonth[j];
      for (let m = 0; m < months; m++) list[m].addValues(c, m, n, months);
    }
    for (let j = 0; j < MONTHLY_RATIOS.length; j++) {
      const q = MONTHLY_RATIOS[j];
      const of = column(q.of);
      const per = column(q.per);
      const list = to.byMonth[MONTH_SERIES.length + j];
      for (let m = 0; m < months; m++) {
        const s = list[m];
        for (let i = m; i < n * months; i += months) if (per[i] > 0) s.add(of[i] / per[i]);
      }
    }
    for (let j = 0; j < DAY_ROWS.length; j++) {
      const row = DAY_ROWS[j];
      const c = this.#byDay[j];
      const list = to.byDay[row.key as DayKey];
      // Day d of every run-month: a stride of 31; an uncarried row takes only its positive values.
      for (let d = 0; d < SLOTS; d++) list[d].addValues(c, d, n * months, SLOTS, !row.carry);
    }
    for (const k of TOTAL_METRICS) {
      const c = column(k);
      const s = to.totals[k];
      for (let b = 0; b < n; b++) s.add(sumTo(c, b * months, (b + 1) * months));
    }
    for (let p = 0; p < this.staff; p++) {
      const person = (to.staff[p] ??= { pay: new QuantileSketch(), bonus: new QuantileSketch(), payTotal: new QuantileSketch() });
      const at = (b: number) => (b * this.staff + p) * months;
      for (let b = 0; b < n; b++) person.pay.addValues(this.#pay, at(b), months);
      for (let b = 0; b < n; b++) person.bonus.addValues(this.#bonus, at(b), months);
      for (let b = 0; b < n; b++) person.payTotal.add(sumTo(this.#pay, at(b), at(b) + months));
    }
    const days = this.days;
    const cashDaily = to.cashDaily;
    while (cashDaily.length < days) cashDaily.push(new QuantileSketch());
    for (let d = 0; d < days; d++) cashDaily[d].addValues(this.#cash, d, n, days);
    this.runs = 0;
  }
}
