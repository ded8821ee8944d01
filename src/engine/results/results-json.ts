/**
 * The results contract, `paybench-results` version 1 (PRODUCT.md "Command line"): the
 * shape of what `paybench run --json` writes, what the workbench's charts read and what
 * `paybench merge` produces. Built by summarize.ts, whose header gives the definitions.
 */
import type { Bands, Distribution } from './quantiles.ts';
import { EXACT_DISTINCT, RELATIVE_ERROR } from './quantile-sketch.ts';

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
  /** Clients in the book at the month's end (P5). */
  activeClients: Centre;
  /** Sellers' hours prospecting, and serving / cross-selling existing clients (P5). */
  prospectingHours: Centre;
  serviceHours: Centre;
  /** Inbound signed / requests, over the run-months that had requests (null if none did; P6). */
  inboundConversion: Centre;
  /** Mean star level of the inbound sector at the month's end, 0..1 (P6). */
  starLevel: Centre;
  /** People who quit, clients who left with them, person-days away (P7, P8). */
  departures: Centre;
  clientsTaken: Centre;
  absentDays: Centre;
  /** Hours colleagues worked the clients of people who were away; the absent people's usual client hours not worked (P7). */
  coverHours: Centre;
  uncoveredHours: Centre;
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
  /** Clients who left with a leaver per departure, over all runs and months (null without departures; P8). */
  clientsTakenPerDeparture: Num;
  /** Share of the absent people's usual client work that colleagues did: cover / (cover + uncovered), over all runs (null without absences; P7). */
  coverShare: Num;
  /** Who covered whom: [away][covered by] mean hours over the horizon per run, staff in scenario order (P7). */
  coverMatrix: Num[][];
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
