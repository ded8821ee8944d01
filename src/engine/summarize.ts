/**
 * From held runs to the documented results contract (`paybench-results`, version 1,
 * PRODUCT.md "Command line"). One pure function; its output is what the CLI prints and
 * writes, and what charts read.
 *
 * Definitions (the contract's fine print):
 * - Monthly metrics pool every run-month; totals are per run, summed over the horizon.
 *   Distributions are `{ mean, p5, p25, p50, p75, p95 }`, quantiles of type 7 (quantiles.ts).
 * - planFulfilment = collections / plan; planMetShare = share of run-months with
 *   collections ≥ plan.
 * - intraMonth: cumulative collections by day of month / plan, over all run-months
 *   (RunResult carries the month's last value into days a short month lacks).
 * - effortByDay: over the run-months in which somebody worked that day of month (effort
 *   > 0), so weekends and missing days do not dilute the profile; `worked` is the share of
 *   run-months in which somebody did.
 * - cashDaily: bands over runs for each recorded day; typicalMonth: bands by day of month
 *   over all run-months that have that day.
 * - vsBaseline pairs runs by run index (common random numbers): profitDiff is the
 *   difference of profit totals, collectionsDiff of mean monthly collections,
 *   maxCashGapMidDiff of mean monthly mid-month gaps (positive = a larger gap);
 *   shareBetter = share of paired runs whose profit total is strictly larger.
 * - Rounding: roubles to 2 decimals, shares and effort to 6, counts and days to 4.
 *   Numbers that do not exist (no runs) are null.
 */
import type { Scenario } from './scenario/types.ts';
import type { RunResult } from './run-result.ts';
import { DAYS_IN_MONTH_SLOTS } from './run-result.ts';
import type { ResultsAccumulator } from './accumulator.ts';
import { bands, BAND_LEVELS, distribution, mean, quantile, quantileSorted, sortedCopy } from './quantiles.ts';
import type { Bands, Distribution } from './quantiles.ts';

export { ResultsAccumulator } from './accumulator.ts';

export const RESULTS_FORMAT = 'paybench-results';
export const RESULTS_VERSION = 1;

/** A rounded number, or null where no value exists. */
export type Num = number | null;
export type Dist = { [K in keyof Distribution]: Num };
export type BandSeries = { [K in keyof Bands]: Num[] };
export interface Centre { median: Num; mean: Num }
export interface PairedDiff { median: Num; p5: Num; p95: Num; mean: Num }

export const METRIC_KEYS = [
  'collectionsMonthly',
  'planFulfilmentMonthly',
  'maxCashGapMonthly',
  'maxCashGapMidMonth',
  'daysInDeficitMonthly',
  'profitTotal',
  'financingCostTotal',
  'payrollTotal',
  'bonusTotal',
  'newClientsTotal',
  'lostClientsTotal',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface StaffSummary {
  id: string;
  name: string;
  role: string;
  /** Monthly salary + bonus, over run-months. */
  pay: Dist;
  /** Monthly bonus, over run-months. */
  bonus: Dist;
  /** Salary + bonus over the horizon, per run. */
  payTotal: Dist;
}

export interface MonthSummary {
  month: string;
  collections: Centre;
  billed: Centre;
  newClients: Centre;
  lostClients: Centre;
}

export interface VsBaseline {
  runs: number;
  profitDiff: PairedDiff;
  collectionsDiff: PairedDiff;
  maxCashGapMidDiff: PairedDiff;
  shareBetter: Num;
}

export interface SchemeResults {
  id: string;
  name: string;
  runs: number;
  metrics: Record<MetricKey, Dist>;
  planMetShare: Num;
  staff: StaffSummary[];
  intraMonth: { day: number; median: Num; mean: Num }[];
  effortByDay: { day: number; median: Num; mean: Num; worked: Num }[];
  cashDaily: BandSeries;
  typicalMonth: BandSeries;
  monthly: MonthSummary[];
  vsBaseline: VsBaseline | null;
}

export interface ResultsJson {
  format: typeof RESULTS_FORMAT;
  version: typeof RESULTS_VERSION;
  generator: string;
  scenario: { name: string; seed: number; runs: number; months: number; startMonth: string };
  baseline: string;
  schemes: SchemeResults[];
}

export interface ResultsMeta {
  /** Written as `generator`, e.g. "paybench 0.1.0"; no clock, no host: the JSON is reproducible. */
  generator?: string;
}

// ---------------------------------------------------------------- rounding

function round(x: number, digits: number): Num {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r; // no "-0"
}
const money = (x: number) => round(x, 2);
const share = (x: number) => round(x, 6);
const count = (x: number) => round(x, 4);

function roundDist(d: Distribution, r: (x: number) => Num): Dist {
  return { mean: r(d.mean), p5: r(d.p5), p25: r(d.p25), p50: r(d.p50), p75: r(d.p75), p95: r(d.p95) };
}

// ---------------------------------------------------------------- calendar of the horizon

function monthLabel(startMonth: string, offset: number): string {
  const [y, m] = startMonth.split('-').map(Number);
  const k = y * 12 + (m - 1) + offset;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

function daysInMonth(label: string): number {
  const [y, m] = label.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// ---------------------------------------------------------------- pooling helpers

/** All run-months of one monthly series, runs in run-index order. */
function pooled(runs: RunResult[], pick: (r: RunResult) => Float64Array, scale = 1): Float64Array {
  const total = runs.reduce((n, r) => n + r.months, 0);
  const out = new Float64Array(total);
  let k = 0;
  for (const r of runs) {
    const a = pick(r);
    for (let m = 0; m < r.months; m++) out[k++] = a[m] * scale;
  }
  return out;
}

function sum(a: ArrayLike<number>, from = 0, to = a.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
}

function perRun(runs: RunResult[], f: (r: RunResult) => number): Float64Array {
  return Float64Array.from(runs, f);
}

function centre(values: ArrayLike<number>, r: (x: number) => Num): Centre {
  return { median: r(quantile(values, 0.5)), mean: r(mean(values)) };
}

function roundBands(series: Bands[], r: (x: number) => Num): BandSeries {
  const out = {} as BandSeries;
  for (const level of BAND_LEVELS) out[level] = series.map((b) => r(b[level]));
  return out;
}

function pairedDiff(diffs: Float64Array, r: (x: number) => Num): PairedDiff {
  const s = sortedCopy(diffs);
  return {
    median: r(quantileSorted(s, 0.5)),
    p5: r(quantileSorted(s, 0.05)),
    p95: r(quantileSorted(s, 0.95)),
    mean: r(mean(diffs)),
  };
}

// ---------------------------------------------------------------- one scheme

const totalProfit = (r: RunResult) => sum(r.profit, 0, r.months);
const meanOf = (a: Float64Array, months: number) => (months > 0 ? sum(a, 0, months) / months : NaN);

function metrics(runs: RunResult[], plan: number): Record<MetricKey, Dist> {
  const monthly = (pick: (r: RunResult) => Float64Array, r: (x: number) => Num, scale = 1) =>
    roundDist(distribution(pooled(runs, pick, scale)), r);
  const total = (pick: (r: RunResult) => Float64Array, r: (x: number) => Num) =>
    roundDist(distribution(perRun(runs, (run) => sum(pick(run), 0, run.months))), r);
  return {
    collectionsMonthly: monthly((r) => r.collections, money),
    planFulfilmentMonthly: monthly((r) => r.collections, share, 1 / plan),
    maxCashGapMonthly: monthly((r) => r.maxCashGap, money),
    maxCashGapMidMonth: monthly((r) => r.maxCashGapMid, money),
    daysInDeficitMonthly: monthly((r) => r.daysInDeficit, count),
    profitTotal: total((r) => r.profit, money),
    financingCostTotal: total((r) => r.financingCost, money),
    payrollTotal: total((r) => r.payroll, money),
    bonusTotal: total((r) => r.bonus, money),
    newClientsTotal: total((r) => r.newClients, count),
    lostClientsTotal: total((r) => r.lostClients, count),
  };
}

function staffSummaries(scenario: Scenario, runs: RunResult[]): StaffSummary[] {
  return scenario.staff.map((person, s) => {
    const slice = (a: Float64Array, r: RunResult) => a.subarray(s * r.months, (s + 1) * r.months);
    return {
      id: person.id,
      name: person.name,
      role: person.role,
      pay: roundDist(distribution(pooled(runs, (r) => slice(r.staffPay, r))), money),
      bonus: roundDist(distribution(pooled(runs, (r) => slice(r.staffBonus, r))), money),
      payTotal: roundDist(distribution(perRun(runs, (r) => sum(slice(r.staffPay, r)))), money),
    };
  });
}

/** Values of a months × 31 series for one day of month, over all run-months (optionally filtered). */
function byDayOfMonth(runs: RunResult[], pick: (r: RunResult) => Float64Array, day: number, keep?: (x: number) => boolean): number[] {
  const out: number[] = [];
  for (const r of runs) {
    const a = pick(r);
    for (let m = 0; m < r.months; m++) {
      const x = a[m * DAYS_IN_MONTH_SLOTS + day - 1];
      if (!keep || keep(x)) out.push(x);
    }
  }
  return out;
}

const DAYS = Array.from({ length: DAYS_IN_MONTH_SLOTS }, (_, i) => i + 1);

function intraMonth(runs: RunResult[], plan: number) {
  return DAYS.map((day) => {
    const shares = byDayOfMonth(runs, (r) => r.collectedByDay, day).map((x) => x / plan);
    return { day, median: share(quantile(shares, 0.5)), mean: share(mean(shares)) };
  });
}

function effortByDay(runs: RunResult[]) {
  const runMonths = runs.reduce((n, r) => n + r.months, 0);
  return DAYS.map((day) => {
    const worked = byDayOfMonth(runs, (r) => r.effortByDay, day, (x) => x > 0);
    return {
      day,
      median: share(quantile(worked, 0.5)),
      mean: share(mean(worked)),
      worked: share(runMonths > 0 ? worked.length / runMonths : NaN),
    };
  });
}

function cashBands(scenario: Scenario, runs: RunResult[]): { cashDaily: BandSeries; typicalMonth: BandSeries } {
  const days = runs.length > 0 ? Math.min(...runs.map((r) => r.days)) : 0;
  const daily: Bands[] = [];
  const column = new Float64Array(runs.length);
  for (let d = 0; d < days; d++) {
    runs.forEach((r, i) => (column[i] = r.cashDaily[d]));
    daily.push(bands(column));
  }
  // Recorded day → day of month, from the horizon's calendar.
  const dayOfMonth: number[] = [];
  for (let m = 0; dayOfMonth.length < days; m++) {
    const n = daysInMonth(monthLabel(scenario.simulation.startMonth, m));
    for (let d = 1; d <= n && dayOfMonth.length < days; d++) dayOfMonth.push(d);
  }
  // One pass: each recorded day's balances go to its day of month.
  const perDay = DAYS.map((day) => new Float64Array(runs.length * dayOfMonth.filter((d) => d === day).length));
  const filled = new Int32Array(DAYS_IN_MONTH_SLOTS);
  for (const r of runs) {
    for (let k = 0; k < days; k++) {
      const slot = dayOfMonth[k] - 1;
      perDay[slot][filled[slot]++] = r.cashDaily[k];
    }
  }
  const typical = perDay.map((values) => bands(values));
  return { cashDaily: roundBands(daily, money), typicalMonth: roundBands(typical, money) };
}

function monthlySeries(scenario: Scenario, runs: RunResult[]): MonthSummary[] {
  const months = runs.length > 0 ? Math.min(...runs.map((r) => r.months)) : 0;
  return Array.from({ length: months }, (_, m) => {
    const at = (pick: (r: RunResult) => Float64Array) => perRun(runs, (r) => pick(r)[m]);
    return {
      month: monthLabel(scenario.simulation.startMonth, m),
      collections: centre(at((r) => r.collections), money),
      billed: centre(at((r) => r.billed), money),
      newClients: centre(at((r) => r.newClients), count),
      lostClients: centre(at((r) => r.lostClients), count),
    };
  });
}

function vsBaseline(runs: RunResult[], baseline: ResultsAccumulator, baselineIndex: number): VsBaseline {
  const pairs = runs.flatMap((r) => {
    const b = baseline.get(baselineIndex, r.runIndex);
    return b ? [[r, b] as const] : [];
  });
  const diff = (f: (r: RunResult) => number) => Float64Array.from(pairs, ([r, b]) => f(r) - f(b));
  const profit = diff(totalProfit);
  const better = pairs.filter(([r, b]) => totalProfit(r) > totalProfit(b)).length;
  return {
    runs: pairs.length,
    profitDiff: pairedDiff(profit, money),
    collectionsDiff: pairedDiff(diff((r) => meanOf(r.collections, r.months)), money),
    maxCashGapMidDiff: pairedDiff(diff((r) => meanOf(r.maxCashGapMid, r.months)), money),
    shareBetter: share(pairs.length > 0 ? better / pairs.length : NaN),
  };
}

export function summarizeScheme(scenario: Scenario, acc: ResultsAccumulator, schemeIndex: number): SchemeResults {
  const scheme = scenario.schemes[schemeIndex];
  if (!scheme) throw new RangeError(`no scheme at index ${schemeIndex}`);
  const runs = acc.runsOf(schemeIndex);
  const plan = Number(scenario.company.plan);
  const runMonths = pooled(runs, (r) => r.collections);
  const met = runMonths.reduce((n, c) => (c >= plan ? n + 1 : n), 0);
  const baselineIndex = scenario.schemes.findIndex((s) => s.id === scenario.baseline);
  const hasBaseline = baselineIndex >= 0 && baselineIndex !== schemeIndex && acc.runsOf(baselineIndex).length > 0;
  return {
    id: scheme.id,
    name: scheme.name,
    runs: runs.length,
    metrics: metrics(runs, plan),
    planMetShare: share(runMonths.length > 0 ? met / runMonths.length : NaN),
    staff: staffSummaries(scenario, runs),
    intraMonth: intraMonth(runs, plan),
    effortByDay: effortByDay(runs),
    ...cashBands(scenario, runs),
    monthly: monthlySeries(scenario, runs),
    vsBaseline: hasBaseline ? vsBaseline(runs, acc, baselineIndex) : null,
  };
}

/** The results contract for every scheme the accumulator holds, in scenario order. */
export function buildResultsJson(scenario: Scenario, acc: ResultsAccumulator, meta: ResultsMeta = {}): ResultsJson {
  const schemeIndices = acc.schemeIndices();
  const runs = schemeIndices.length > 0 ? Math.max(...schemeIndices.map((i) => acc.runsOf(i).length)) : 0;
  return {
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    generator: meta.generator ?? 'paybench',
    scenario: {
      name: scenario.name,
      seed: scenario.simulation.seed,
      runs,
      months: scenario.simulation.months,
      startMonth: scenario.simulation.startMonth,
    },
    baseline: scenario.baseline,
    schemes: schemeIndices.map((i) => summarizeScheme(scenario, acc, i)),
  };
}

/** Deterministic text: fixed key order (objects are built in contract order), two-space indent. */
export function resultsJsonText(results: ResultsJson): string {
  return JSON.stringify(results, null, 2) + '\n';
}
