/**
 * The metric registry (after Mesa's DataCollector: a reporter is one line). One row per
 * figure a run records each month: what it reads at the month's end, its unit, and how it
 * folds into the results contract. The run record's layout (run-result.ts), the recorder,
 * the summaries (results/scheme-sketches.ts), the summary (results/summarize.ts) and the
 * contract's types (results/results-json.ts) all follow these rows, so a new metric is one
 * row here, plus its chart.
 *
 * Row order is the contract's order: `metrics` lists the rows' `monthly`/`perPlan` names,
 * then their `total` names; `monthly[]` lists the `byMonth` rows.
 */
import type { Model, SchemeModel } from '../model/model.ts';
import type { Department } from '../world/department.ts';
import type { Workforce } from '../world/workforce.ts';
import type { SalesMonth } from '../agents/sales-month.ts';
import { HABIT_COUNT } from '../model/habits.ts';

/** What a row can read at a month's end: the world as the month leaves it, and the month's pay. */
export interface MonthEnd {
  model: Model;
  scheme: SchemeModel;
  dept: Department;
  workforce: Workforce;
  selling: SalesMonth | null;
  /** Month index of the calendar (burn-in included). */
  month: number;
  /** Salaries + bonuses + payroll taxes accrued for the month. */
  payroll: number;
  /** Pool paid for the month (sum of bonuses). */
  bonus: number;
  /** Share of the month's pool actually paid after gates (1 without tranches). */
  tranchePaid: number;
  /** People who quit at the month's start. */
  departures: number;
  /** Working days this month on which somebody was at work and nobody did anything. */
  idleDays: number;
}

/** Units decide rounding in the contract and the kind of axis a chart draws. */
export type Unit = 'roubles' | 'share' | 'count' | 'days' | 'hours';

export interface MonthlyMetric {
  readonly key: string;
  readonly unit: Unit;
  /** What the run records at the month's end; none: written by the absence cover at the run's end (world/cover.ts). */
  readonly record?: (e: MonthEnd) => number;
  /** Distribution over all run-months, in the contract's `metrics` under this name. */
  readonly monthly?: string;
  /** The same divided by the plan (a share of plan), under this name. */
  readonly perPlan?: string;
  /** Distribution over runs of the horizon's total, under this name. */
  readonly total?: string;
  /** Kept for every run (the sum or the mean over its months) for paired differences to the baseline, named in `vsBaseline`. */
  readonly paired?: { readonly fold: 'sum' | 'mean'; readonly diff: string };
  /** Median and mean by month of the horizon, in the contract's `monthly[]`. */
  readonly byMonth?: boolean;
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

const collections = (e: MonthEnd) => e.dept.team.collectedMonth / 100;
const billed = (e: MonthEnd) => e.dept.billedMonth / 100;

/** Receivables at the month's end (billed, not yet paid: waiting to be issued, on the way, owed), roubles. */
function receivables(e: MonthEnd): number {
  const t = e.dept.team.totals;
  let r = 0;
  for (let h = 0; h < HABIT_COUNT; h++) r += t.debt[h] + t.transit[h] + t.pending[h];
  return r;
}

export const MONTHLY_METRICS = [
  { key: 'collections', unit: 'roubles', record: collections, monthly: 'collectionsMonthly', perPlan: 'planFulfilmentMonthly', paired: { fold: 'mean', diff: 'collectionsDiff' }, byMonth: true },
  { key: 'billed', unit: 'roubles', record: billed, byMonth: true },
  /** Largest cash shortfall below the reserve in the month (positive roubles). */
  { key: 'maxCashGap', unit: 'roubles', record: (e) => e.dept.cash.maxGap, monthly: 'maxCashGapMonthly' },
  /** Largest shortfall on days 11–25 (MODEL.md P2/P3). */
  { key: 'maxCashGapMid', unit: 'roubles', record: (e) => e.dept.cash.maxGapMid, monthly: 'maxCashGapMidMonth', paired: { fold: 'mean', diff: 'maxCashGapMidDiff' } },
  { key: 'daysInDeficit', unit: 'days', record: (e) => e.dept.cash.daysInDeficit, monthly: 'daysInDeficitMonthly' },
  /** Working days on which the whole team present did nothing at all (a salaried department has none). */
  { key: 'idleDays', unit: 'days', record: (e) => e.idleDays, monthly: 'idleDaysMonthly' },
  {
    key: 'profit',
    unit: 'roubles',
    record: (e) =>
      collections(e) - e.model.variableCostRatio * billed(e) - e.model.fixedCosts - e.scheme.marketingCost - e.payroll - e.dept.cash.financingCost,
    total: 'profitTotal',
    paired: { fold: 'sum', diff: 'profitDiff' },
  },
  { key: 'financingCost', unit: 'roubles', record: (e) => e.dept.cash.financingCost, total: 'financingCostTotal' },
  { key: 'payroll', unit: 'roubles', record: (e) => e.payroll, total: 'payrollTotal' },
  { key: 'bonus', unit: 'roubles', record: (e) => e.bonus, total: 'bonusTotal' },
  { key: 'tranchePaid', unit: 'share', record: (e) => e.tranchePaid },
  { key: 'newClients', unit: 'count', record: (e) => e.dept.newClients, total: 'newClientsTotal', byMonth: true },
  { key: 'lostClients', unit: 'count', record: (e) => e.dept.lostClients, total: 'lostClientsTotal', byMonth: true },
  { key: 'badDebt', unit: 'roubles', record: (e) => e.dept.badDebtMonth / 100 },
  /** Days sales outstanding: receivables at the month's end over the month's billing, in days of the month. */
  { key: 'dso', unit: 'days', record: (e) => (billed(e) > 0 ? (receivables(e) / billed(e)) * e.model.calendar.monthLength[e.month] : 0), byMonth: true },
  /** Clients in the book at the month's end (P5: growth or plateau). */
  { key: 'activeClients', unit: 'count', record: (e) => sum(e.dept.book.active), byMonth: true },
  /** Sellers' hours on new clients (prospecting, inbound and routed requests) / serving and cross-selling (P5). */
  { key: 'prospectingHours', unit: 'hours', record: (e) => (e.selling ? sum(e.selling.hours[0]) : 0), byMonth: true },
  { key: 'serviceHours', unit: 'hours', record: (e) => (e.selling ? sum(e.selling.hours[1]) + sum(e.selling.hours[2]) : 0), byMonth: true },
  /** Inbound requests that came in and that signed (P6). */
  { key: 'inboundRequests', unit: 'count', record: (e) => (e.selling ? e.selling.inboundRequests : 0) },
  { key: 'inboundSigned', unit: 'count', record: (e) => (e.selling ? e.selling.inboundSigned : 0) },
  /** Mean star level of the inbound sector at the month's end, 0..1 (P6). */
  { key: 'starLevel', unit: 'share', record: (e) => (e.selling ? e.selling.meanStar() : 0), byMonth: true },
  /** People who quit at the month's start, clients who left with them (P8), person-days away (P7). */
  { key: 'departures', unit: 'count', record: (e) => e.departures, byMonth: true },
  { key: 'clientsTaken', unit: 'count', record: (e) => e.dept.takenMonth, byMonth: true },
  /** The usual monthly volume of the clients who left with a leaver, and of the leavers' books (their home clients; world/cover.ts). */
  { key: 'volumeTaken', unit: 'roubles', record: (e) => e.dept.takenVolumeMonth / 100 },
  { key: 'leaverBook', unit: 'roubles', record: (e) => e.dept.leaverBookMonth / 100 },
  { key: 'absentDays', unit: 'days', record: (e) => e.workforce.absentDays(e.month), byMonth: true },
  /** Absence cover (P7): hours colleagues worked the clients of people away; the absent people's usual client hours not worked. */
  { key: 'coverHours', unit: 'hours', byMonth: true },
  { key: 'uncoveredHours', unit: 'hours', byMonth: true },
] as const satisfies readonly MonthlyMetric[];

/** A month series read as a ratio per run-month; run-months without a denominator are skipped. */
export interface MonthlyRatio {
  readonly key: string;
  readonly unit: Unit;
  readonly of: MonthlyKey;
  readonly per: MonthlyKey;
  /** Shown in `monthly[]` after this row (the contract's order). */
  readonly after: MonthlyKey;
}

export const MONTHLY_RATIOS = [
  /** Inbound signed / requests (P6). */
  { key: 'inboundConversion', unit: 'share', of: 'inboundSigned', per: 'inboundRequests', after: 'serviceHours' },
] as const satisfies readonly MonthlyRatio[];

/**
 * A ratio of two rows' totals over every run-month held, times `scale`: exact, and null
 * where the denominator is 0. In the contract at the scheme's level.
 */
export interface HorizonRatio {
  readonly contract: string;
  readonly of: MonthlyKey;
  readonly per: MonthlyKey;
  readonly scale: number;
}

export const HORIZON_RATIOS = [
  /** Clients lost a year as a share of the clients in the book (12 × lost / active, month by month). */
  { contract: 'lostClientsShareYear', of: 'lostClients', per: 'activeClients', scale: 12 },
  /** Debt written off as a share of what was billed. */
  { contract: 'badDebtShare', of: 'badDebt', per: 'billed', scale: 1 },
  /** The volume of the clients who left with leavers, as a share of the volume of the leavers' books (P8). */
  { contract: 'bookTakenShare', of: 'volumeTaken', per: 'leaverBook', scale: 1 },
] as const satisfies readonly HorizonRatio[];

export type HorizonRatioKey = (typeof HORIZON_RATIOS)[number]['contract'];
/** The rows horizon ratios read: the summaries keep their totals exactly. */
export const SUMMED_KEYS: readonly MonthlyKey[] = [...new Set(HORIZON_RATIOS.flatMap((q) => [q.of, q.per]))];

type Row = (typeof MONTHLY_METRICS)[number];
export type MonthlyKey = Row['key'];
type Named<F extends 'monthly' | 'perPlan' | 'total'> = Extract<Row, Record<F, string>>[F];
/** The names in the contract's `metrics`. */
export type MetricKey = Named<'monthly'> | Named<'perPlan'> | Named<'total'>;
/** The series in the contract's `monthly[]`. */
export type ByMonthKey = Extract<Row, { byMonth: true }>['key'] | (typeof MONTHLY_RATIOS)[number]['key'];
/** The paired differences in the contract's `vsBaseline`. */
export type PairedKey = Extract<Row, { paired: object }>['paired']['diff'];
/** The rows kept for every run (paired differences, exact totals). */
export type PerRunKey = Extract<Row, { paired: object }>['key'];

export const MONTHLY_KEYS: readonly MonthlyKey[] = MONTHLY_METRICS.map((r) => r.key);

/** The rows as the general shape (for code that walks them). */
export const METRIC_ROWS: readonly MonthlyMetric[] = MONTHLY_METRICS;

/** The contract's `metrics` names, in its order: every row's monthly and per-plan names, then the totals. */
export const METRIC_KEYS = [
  ...METRIC_ROWS.flatMap((r) => [r.monthly, r.perPlan].filter((x): x is string => x !== undefined)),
  ...METRIC_ROWS.flatMap((r) => (r.total ? [r.total] : [])),
] as readonly MetricKey[];

/** Rows kept per run, in row order. */
export const PER_RUN_ROWS: readonly MonthlyMetric[] = METRIC_ROWS.filter((r) => r.paired);

/**
 * Figures by day of month: a value per recorded month and day (months × 31). `carry`: a
 * cumulative figure, carried past a short month's end and summarised over every run-month;
 * otherwise summarised over the run-months in which it is positive (a day somebody
 * worked), with the share of run-months that had it (`worked`).
 */
export interface DayMetric {
  /** The run record's series. */
  readonly key: string;
  /** What the run records at the end of each recorded day. */
  readonly record: (d: DayEnd) => number;
  /** Its name in the contract (a list of `{ day, median, mean[, worked] }`). */
  readonly contract: string;
  readonly unit: Unit;
  readonly carry: boolean;
  /** Divided by the plan in the contract (a share of plan). */
  readonly perPlan?: boolean;
}

/** What a day row can read at the end of a day. */
export interface DayEnd {
  dept: Department;
  /** Mean effort of the people at work in the queue's groups (1 = a normal 8-hour day; 0: nobody worked). */
  meanEffort: number;
  /** The day is a working day of the calendar. */
  working: boolean;
  /** Effort the job demands on a working day. */
  dutyFloor: number;
}

export const DAY_METRICS = [
  /** Cumulative collections by day of month (roubles; a share of plan in the contract). */
  { key: 'collectedByDay', contract: 'intraMonth', unit: 'share', carry: true, perPlan: true, record: (d) => d.dept.team.collectedMonth / 100 },
  /**
   * Mean effort of the people working the queue that day (1 = a full 8-hour day). Working
   * days count, and days off only when the team came in for at least a duty's worth:
   * otherwise every month's weekends would carve calendar artefacts into the profile.
   */
  {
    key: 'effortByDay',
    contract: 'effortByDay',
    unit: 'share',
    carry: false,
    record: (d) => (d.working || d.meanEffort >= d.dutyFloor ? d.meanEffort : 0),
  },
  /** Hours per person at work that day (8 = a normal day), over the run-months somebody worked it. */
  { key: 'hoursByDay', contract: 'hoursByDay', unit: 'hours', carry: false, record: (d) => 8 * d.meanEffort },
  /** Share of the month's bills issued by the end of the day (documents prepared and sent). */
  {
    key: 'invoicedByDay',
    contract: 'invoicedByDay',
    unit: 'share',
    carry: true,
    record: (d) => (d.dept.billsMonth > 0 ? d.dept.issuedMonth / d.dept.billsMonth : 1),
  },
] as const satisfies readonly DayMetric[];

export type DayKey = (typeof DAY_METRICS)[number]['key'];
export type DayContractKey = (typeof DAY_METRICS)[number]['contract'];
export const DAY_ROWS: readonly DayMetric[] = DAY_METRICS;

/** The unit of each name in the contract's `metrics` (a share of plan for `perPlan` names). */
export const METRIC_UNITS = Object.fromEntries(
  METRIC_ROWS.flatMap((r) => [
    ...(r.monthly ? [[r.monthly, r.unit]] : []),
    ...(r.perPlan ? [[r.perPlan, 'share']] : []),
    ...(r.total ? [[r.total, r.unit]] : []),
  ]),
) as Record<MetricKey, Unit>;
