/**
 * What one run (one scheme, one seed, the whole horizon) leaves behind: plain typed
 * arrays, so a worker can transfer them without copying. Money is in roubles; pay is
 * settled to the kopeck, so staff pay values are exact multiples of 0.01. Each row of the
 * metric registry (metrics.ts) is a series with a value per recorded month.
 */
import type { DayKey, MonthlyKey } from './metrics.ts';

/** Each monthly row a series of months; each day row months × 31, day d of month m at m × 31 + d − 1. */
export type RunResult = RunRecord & { readonly [K in MonthlyKey | DayKey]: Float64Array };

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
