/**
 * What one run (one scheme, one seed, the whole horizon) leaves behind: plain typed
 * arrays, so a worker can transfer them without copying. Money is in roubles; pay is
 * settled to the kopeck, so staff pay values are exact multiples of 0.01.
 */
export interface RunResult {
  schemeIndex: number;
  runIndex: number;
  /** Recorded months (the horizon, burn-in excluded). */
  months: number;
  /** Recorded calendar days. */
  days: number;
  /** Staff members, in scenario order. */
  staff: number;
  /** Per recorded month. */
  collections: Float64Array;
  billed: Float64Array;
  /** Largest cash shortfall below the reserve in the month (positive roubles). */
  maxCashGap: Float64Array;
  /** Largest shortfall on days 11–25 (MODEL.md P2/P3). */
  maxCashGapMid: Float64Array;
  daysInDeficit: Float64Array;
  profit: Float64Array;
  financingCost: Float64Array;
  /** Salaries + bonuses + payroll taxes accrued for the month. */
  payroll: Float64Array;
  /** Team pool paid for the month (sum of bonuses). */
  bonus: Float64Array;
  /** Share of the month's pool actually paid after gates (1 without tranches). */
  tranchePaid: Float64Array;
  newClients: Float64Array;
  lostClients: Float64Array;
  badDebt: Float64Array;
  /** People who quit at the month's start (P8). */
  departures: Float64Array;
  /** Clients who left with a leaver (P8). */
  clientsTaken: Float64Array;
  /** Person-days away: illness, vacation, empty posts (P7). */
  absentDays: Float64Array;
  /** Clients in the book at the month's end (P5: growth or plateau). */
  activeClients: Float64Array;
  /** Sellers' hours prospecting / serving and cross-selling existing clients (P5). */
  prospectingHours: Float64Array;
  serviceHours: Float64Array;
  /** Inbound requests that came in and that signed (P6: conversion = signed / requests). */
  inboundRequests: Float64Array;
  inboundSigned: Float64Array;
  /** Mean star level of the inbound sector at the month's end, 0..1 (P6). */
  starLevel: Float64Array;
  /**
   * Absence cover (P7, cover.ts): hours of queue work (invoices, calls) done on the clients
   * of a person who was away that day (ill, on vacation, post empty) — by colleagues.
   */
  coverHours: Float64Array;
  /**
   * Client work lost to absence, hours: for each person, the usual hours their clients got
   * per working day the person was present (over the horizon) × working days away in the
   * month − the cover their clients got. Not clipped at zero (it sums exactly); the share
   * of the absent people's usual client work that got done = cover / (cover + uncovered).
   */
  uncoveredHours: Float64Array;
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
