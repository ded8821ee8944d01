/**
 * Writes what a run leaves behind (RunResult) as the days go by: the cash balance
 * every recorded day, the month's figures at its end.
 */
import type { RunResult } from '../results/run-result.ts';
import { DAYS_IN_MONTH_SLOTS } from '../results/run-result.ts';

/** Monthly series in a RunResult (collections … uncoveredHours). */
const MONTHLY_SERIES = 24;

export function allocateRunResult(schemeIndex: number, runIndex: number, months: number, days: number, staff: number): RunResult {
  // One buffer for the whole run, cut into views: one allocation per run, not thirty.
  const slots = MONTHLY_SERIES * months + days + 2 * months * DAYS_IN_MONTH_SLOTS + 3 * staff * months + staff * staff;
  const store = new Float64Array(slots);
  let at = 0;
  const take = (n: number) => store.subarray(at, (at += n));
  const perMonth = () => take(months);
  const result: RunResult = {
    schemeIndex,
    runIndex,
    months,
    days,
    staff,
    collections: perMonth(),
    billed: perMonth(),
    maxCashGap: perMonth(),
    maxCashGapMid: perMonth(),
    daysInDeficit: perMonth(),
    profit: perMonth(),
    financingCost: perMonth(),
    payroll: perMonth(),
    bonus: perMonth(),
    tranchePaid: perMonth(),
    newClients: perMonth(),
    lostClients: perMonth(),
    badDebt: perMonth(),
    departures: perMonth(),
    clientsTaken: perMonth(),
    absentDays: perMonth(),
    activeClients: perMonth(),
    prospectingHours: perMonth(),
    serviceHours: perMonth(),
    inboundRequests: perMonth(),
    inboundSigned: perMonth(),
    starLevel: perMonth(),
    coverHours: perMonth(),
    uncoveredHours: perMonth(),
    cashDaily: take(days),
    collectedByDay: take(months * DAYS_IN_MONTH_SLOTS),
    effortByDay: take(months * DAYS_IN_MONTH_SLOTS),
    staffPay: take(staff * months),
    staffBonus: take(staff * months),
    staffEffort: take(staff * months),
    coverMatrix: take(staff * staff),
  };
  if (at !== slots) throw new Error(`RunResult layout: ${at} of ${slots} slots used`);
  return result;
}

/** Month m's figures, as the driver hands them over at the month's end. */
export interface MonthFigures {
  collections: number;
  billed: number;
  maxCashGap: number;
  maxCashGapMid: number;
  daysInDeficit: number;
  profit: number;
  financingCost: number;
  payroll: number;
  bonus: number;
  tranchePaid: number;
  newClients: number;
  lostClients: number;
  badDebt: number;
  departures: number;
  clientsTaken: number;
  absentDays: number;
  activeClients: number;
  prospectingHours: number;
  serviceHours: number;
  inboundRequests: number;
  inboundSigned: number;
  starLevel: number;
}

export function recordMonth(r: RunResult, m: number, f: MonthFigures): void {
  r.collections[m] = f.collections;
  r.billed[m] = f.billed;
  r.maxCashGap[m] = f.maxCashGap;
  r.maxCashGapMid[m] = f.maxCashGapMid;
  r.daysInDeficit[m] = f.daysInDeficit;
  r.profit[m] = f.profit;
  r.financingCost[m] = f.financingCost;
  r.payroll[m] = f.payroll;
  r.bonus[m] = f.bonus;
  r.tranchePaid[m] = f.tranchePaid;
  r.newClients[m] = f.newClients;
  r.lostClients[m] = f.lostClients;
  r.badDebt[m] = f.badDebt;
  r.departures[m] = f.departures;
  r.clientsTaken[m] = f.clientsTaken;
  r.absentDays[m] = f.absentDays;
  r.activeClients[m] = f.activeClients;
  r.prospectingHours[m] = f.prospectingHours;
  r.serviceHours[m] = f.serviceHours;
  r.inboundRequests[m] = f.inboundRequests;
  r.inboundSigned[m] = f.inboundSigned;
  r.starLevel[m] = f.starLevel;
}

/** Carries the month's last cumulative collections over the slots past its length. */
export function closeIntraMonth(r: RunResult, m: number, monthLength: number): void {
  const base = m * DAYS_IN_MONTH_SLOTS;
  for (let d = monthLength; d < DAYS_IN_MONTH_SLOTS; d++) r.collectedByDay[base + d] = r.collectedByDay[base + monthLength - 1];
}
