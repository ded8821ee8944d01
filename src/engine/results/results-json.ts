/**
 * The results contract, `paybench-results` version 1 (PRODUCT.md "Command line"): the
 * shape of what `paybench run --json` writes, what the workbench's charts read and what
 * `paybench merge` produces. Built by summarize.ts, whose header gives the definitions.
 */
import type { Bands, Distribution } from './quantiles.ts';
import { EXACT_DISTINCT, RELATIVE_ERROR } from './quantile-sketch.ts';
import type { ByMonthKey, MetricKey, PairedKey } from '../run/metrics.ts';

export const RESULTS_FORMAT = 'paybench-results';
export const RESULTS_VERSION = 1;

/** A rounded number, or null where no value exists. */
export type Num = number | null;
/**
 * A distribution in the contract: the mean and quantiles P5…P95. `p10` and `p90` were
 * added within version 1 (fields added, none changed): files written before lack them.
 */
export type Dist = { [K in keyof Distribution]: Num };
export type BandSeries = { [K in keyof Bands]: Num[] };
export interface Centre { median: Num; mean: Num }
/** Paired differences over runs: their median, 5th and 95th percentiles and mean, and the 90% interval of the mean (meanLow…meanHigh). */
export interface PairedDiff { median: Num; p5: Num; p95: Num; mean: Num; meanLow: Num; meanHigh: Num }

export { METRIC_KEYS } from '../run/metrics.ts';
export type { MetricKey } from '../run/metrics.ts';
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

/** A month of the horizon: each by-month row of the registry (run/metrics.ts), median and mean over runs. */
export type MonthSummary = { month: string } & { [K in ByMonthKey]: Centre };

/** Paired differences to the baseline, one per paired row of the registry (profit, collections, mid-month gap). */
export type VsBaseline = { runs: number } & { [K in PairedKey]: PairedDiff } & { shareBetter: Num };

export interface SchemeResults {
  id: string;
  name: string;
  runs: number;
  metrics: Record<MetricKey, Dist>;
  planMetShare: Num;
  staff: StaffSummary[];
  /** Cumulative collections by day of month, a share of plan (day rows of run/metrics.ts). */
  intraMonth: { day: number; median: Num; mean: Num }[];
  /** Mean effort by day of month over the run-months somebody worked that day, and the share of run-months they did. */
  effortByDay: { day: number; median: Num; mean: Num; worked: Num }[];
  /** Hours per person at work by day of month (8 = a normal day), over the run-months somebody worked that day, and the share that did. */
  hoursByDay: { day: number; median: Num; mean: Num; worked: Num }[];
  /** Share of the month's bills issued by each day of month. */
  invoicedByDay: { day: number; median: Num; mean: Num }[];
  cashDaily: BandSeries;
  typicalMonth: BandSeries;
  monthly: MonthSummary[];
  /** Clients who left with a leaver per departure, over all runs and months (null without departures; P8). */
  clientsTakenPerDeparture: Num;
  /** Share of the absent people's usual client work that colleagues did: cover / (cover + uncovered), over all runs (null without absences; P7). */
  coverShare: Num;
  /** Who covered whom: [away][covered by] mean hours over the horizon per run, staff in scenario order (P7). */
  coverMatrix: Num[][];
  /** Clients lost a year as a share of the book; debt written off as a share of billing; the volume leavers took as a share of their books (run/metrics.ts, HORIZON_RATIOS). */
  lostClientsShareYear: Num;
  badDebtShare: Num;
  bookTakenShare: Num;
  vsBaseline: VsBaseline | null;
}

/**
 * How close the quantiles are (quantile-sketch.ts): a series with at most `exactUpTo`
 * distinct values has exact quantiles; beyond that each order statistic is within
 * `relative` of its value. Means, shares, counts, the profit total and the paired
 * differences are always exact.
 */
export interface QuantileError {
  relative: number;
  exactUpTo: number;
}

export const QUANTILE_ERROR: QuantileError = { relative: RELATIVE_ERROR, exactUpTo: EXACT_DISTINCT };

export interface ResultsJson {
  format: typeof RESULTS_FORMAT;
  version: typeof RESULTS_VERSION;
  generator: string;
  scenario: { name: string; seed: number; runs: number; months: number; startMonth: string };
  /** Added in 0.2 (optional for readers of older files). */
  quantileError?: QuantileError;
  baseline: string;
  schemes: SchemeResults[];
}

export interface ResultsMeta {
  /** Written as `generator`, e.g. "paybench 0.1.0"; no clock, no host: the JSON is reproducible. */
  generator?: string;
}
