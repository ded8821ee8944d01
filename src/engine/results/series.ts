/**
 * The series a scheme's summaries keep, read off the metric registry (run/metrics.ts): which
 * rows are summarised over run-months, as horizon totals, by month, and which per-run
 * numbers are kept by run index. Shared by the summaries (scheme-sketches.ts), the chunked
 * fold (run-chunk.ts) and the shard check.
 */
import type { QuantileSketch } from './quantile-sketch.ts';
import type { RunResult } from '../run/run-result.ts';
import { DAY_ROWS, METRIC_ROWS, MONTHLY_RATIOS, PER_RUN_ROWS, type DayKey, type MonthlyKey, type MonthlyMetric } from '../run/metrics.ts';

export const DAY_KEYS = DAY_ROWS.map((r) => r.key as DayKey);

/** Registry rows summarised over all run-months (metrics.ts: `monthly`, `perPlan`). */
export const MONTHLY_METRICS = METRIC_ROWS.filter((r) => r.monthly || r.perPlan).map((r) => r.key as MonthlyKey);
/** Registry rows summarised as horizon totals per run; a paired sum's total is exact from the per-run values instead. */
export const TOTAL_METRICS = METRIC_ROWS.filter((r) => r.total && r.paired?.fold !== 'sum').map((r) => r.key as MonthlyKey);
/** Registry rows summarised by month of the horizon, then the ratios. */
export const MONTH_SERIES = METRIC_ROWS.filter((r) => r.byMonth).map((r) => r.key as MonthlyKey);
export const MONTH_RATIOS = MONTHLY_RATIOS.map((r) => r.key);
export const MONTH_KEYS: readonly MonthSeries[] = [...MONTH_SERIES, ...MONTH_RATIOS];
/** Per-run numbers kept by run index (paired differences, exact totals): `profitTotal`, `collectionsMean`, … */
export const PER_RUN = PER_RUN_ROWS.map((r) => perRunKey(r));

export function perRunKey(row: MonthlyMetric): PerRunKey {
  return `${row.key}${row.paired!.fold === 'sum' ? 'Total' : 'Mean'}` as PerRunKey;
}

export type MonthSeries = MonthlyKey | (typeof MONTHLY_RATIOS)[number]['key'];
export type PerRunKey = `${string}${'Total' | 'Mean'}`;

export interface StaffSketches {
  pay: QuantileSketch;
  bonus: QuantileSketch;
  payTotal: QuantileSketch;
}

/** A run's total of a series in run order (the per-run number that sketches and exact sums then take). */
export function sumTo(a: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
}

/** A run's number kept by run index for a paired row: its sum over the months, or their mean. */
export function perRunValue(r: RunResult, row: MonthlyMetric): number {
  const total = sumTo(r[row.key as MonthlyKey], 0, r.months);
  return row.paired!.fold === 'sum' ? total : r.months > 0 ? total / r.months : NaN;
}

const PROFIT_ROW = PER_RUN_ROWS.find((row) => row.key === 'profit')!;

/** A run's profit total, as its scheme's summaries keep it (what reading a checkpoint needs). */
export function runProfit(r: RunResult): number {
  return perRunValue(r, PROFIT_ROW);
}
