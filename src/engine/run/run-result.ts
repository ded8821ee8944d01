/**
 * What one run (one scheme, one seed, the whole horizon) leaves behind: plain typed
 * arrays, so a worker can transfer them without copying. Money is in roubles; pay is
 * settled to the kopeck, so staff pay values are exact multiples of 0.01. Each row of the
 * metric registry (metrics.ts) is a series with a value per recorded month.
 */
import type { MonthlyKey } from './metrics.ts';

export type RunResult = RunRecord & { readonly [K in MonthlyKey]: Float64Array };

export interface RunRecord {
  schemeIndex: number;
  runIndex: number;
  /** Recorded months (the horizon, burn-in excluded). */
  months: number;
  /** Recorded calendar days. */
  days: number;
  /** Staff members, in scenario order. */
  staff: number;
  /** End-of-day cash balance for each recorded day. */
  cashDaily: Float64Array;
  /** months × 31: cumulative collections by day of month (index d−1), carried past month end. */
  collectedByDay: Float64Array;
  /** months × 31: mean effort of the people working the queue that day (0 = nobody worked, or a weekend below duty). */
  effortByDay: Float64Array;
  /** staff × months: salary + bonus (exact to the kopeck). */
  staffPay: Float64Array;
  /** staff × months: bonus only. */
  staffBonus: Float64Array;
  /** staff × months: mean effort on the person's working days. */
  staffEffort: Float64Array;
  /** staff × staff, over the horizon: cover hours, row = who was away, column = who covered (diagonal 0; a row sums to that person's cover). */
  coverMatrix: Float64Array;
}

export const DAYS_IN_MONTH_SLOTS = 31;
