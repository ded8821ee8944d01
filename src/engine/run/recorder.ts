/**
 * Writes what a run leaves behind (RunResult) as the days go by: the cash balance
 * every recorded day, the month's figures at its end.
 */
import type { RunResult } from './run-result.ts';
import { DAYS_IN_MONTH_SLOTS } from './run-result.ts';
import { DAY_ROWS, METRIC_ROWS, MONTHLY_KEYS, type DayEnd, type DayKey, type MonthEnd, type MonthlyKey } from './metrics.ts';

export function allocateRunResult(schemeIndex: number, runIndex: number, months: number, days: number, staff: number): RunResult {
  // One buffer for the whole run, cut into views: one allocation per run, not thirty.
  const slots = MONTHLY_KEYS.length * months + days + DAY_ROWS.length * months * DAYS_IN_MONTH_SLOTS + 3 * staff * months + staff * staff;
  const store = new Float64Array(slots);
  let at = 0;
  const take = (n: number) => store.subarray(at, (at += n));
  const series = Object.fromEntries(MONTHLY_KEYS.map((k) => [k, take(months)])) as Record<MonthlyKey, Float64Array>;
  const cashDaily = take(days);
  const byDay = Object.fromEntries(DAY_ROWS.map((row) => [row.key, take(months * DAYS_IN_MONTH_SLOTS)])) as Record<DayKey, Float64Array>;
  const result: RunResult = {
    schemeIndex,
    runIndex,
    months,
    days,
    staff,
    ...series,
    cashDaily,
    ...byDay,
    staffPay: take(staff * months),
    staffBonus: take(staff * months),
    staffEffort: take(staff * months),
    coverMatrix: take(staff * staff),
  };
  if (at !== slots) throw new Error(`RunResult layout: ${at} of ${slots} slots used`);
  return result;
}

const MONTH_ROWS = METRIC_ROWS.filter((row) => row.record);
const monthRecords = MONTH_ROWS.map((row) => row.record!);
const dayRecords = DAY_ROWS.map((row) => row.record);

/**
 * Writes one run's record: the registry's rows with their columns looked up once a run,
 * not by name on every day.
 */
export class RunRecorder {
  private readonly monthColumns: Float64Array[];
  private readonly dayColumns: Float64Array[];
  /** The cumulative day series, carried past the month's length. */
  private readonly carried: Float64Array[];

  constructor(r: RunResult) {
    this.monthColumns = MONTH_ROWS.map((row) => r[row.key as MonthlyKey]);
    this.dayColumns = DAY_ROWS.map((row) => r[row.key as DayKey]);
    this.carried = DAY_ROWS.filter((row) => row.carry).map((row) => r[row.key as DayKey]);
  }

  /** Recorded month m: every registry row that reads the month's end writes its value. */
  month(m: number, e: MonthEnd): void {
    for (let k = 0; k < monthRecords.length; k++) this.monthColumns[k][m] = monthRecords[k](e);
  }

  /** Recorded month m, day of month dom: every day row writes its value. */
  day(m: number, dom: number, d: DayEnd): void {
    const i = m * DAYS_IN_MONTH_SLOTS + dom - 1;
    for (let k = 0; k < dayRecords.length; k++) this.dayColumns[k][i] = dayRecords[k](d);
  }

  /** Carries each cumulative day series' last value over the slots past the month's length. */
  closeMonth(m: number, monthLength: number): void {
    const base = m * DAYS_IN_MONTH_SLOTS;
    for (const a of this.carried) {
      for (let d = monthLength; d < DAYS_IN_MONTH_SLOTS; d++) a[base + d] = a[base + monthLength - 1];
    }
  }
}
