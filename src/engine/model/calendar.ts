/**
 * The simulated calendar: every day from the first burn-in month to the end of the
 * horizon, with working days, weekends and holidays. Built once per scenario and shared
 * by every run (it holds no randomness).
 */
import type { CalendarSettings } from '../scenario/types.ts';

/** Russian public holidays by fixed date (Labour Code art. 112); transfers come from the scenario. */
const RU_HOLIDAYS: ReadonlyArray<[number, number]> = [
  [1, 1], [1, 2], [1, 3], [1, 4], [1, 5], [1, 6], [1, 7], [1, 8],
  [2, 23], [3, 8], [5, 1], [5, 9], [6, 12], [11, 4],
];

export interface Calendar {
  /** Total simulated days (burn-in + horizon). */
  days: number;
  /** Index of the first recorded day (after burn-in). */
  firstRecordedDay: number;
  /** Months simulated in total, and the index of the first recorded one. */
  months: number;
  firstRecordedMonth: number;
  /** Per day: month index (0-based over the simulated span). */
  monthOf: Int32Array;
  /** Per day: day of month, 1..31. */
  dayOfMonth: Uint8Array;
  /** Per day: 1 if a working day. */
  working: Uint8Array;
  /** Per month: first day index, length in days, calendar month 1..12, year. */
  monthStart: Int32Array;
  monthLength: Uint8Array;
  calendarMonth: Uint8Array;
  year: Int32Array;
  /** Per day: index of the next working day at or after it (payments land on banking days). */
  nextWorking: Int32Array;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Builds the calendar from `startMonth` ("YYYY-MM"), preceded by `burnInMonths`. */
export function buildCalendar(
  settings: CalendarSettings,
  startMonth: string,
  burnInMonths: number,
  horizonMonths: number,
): Calendar {
  const [y0, m0] = startMonth.split('-').map(Number);
  let year = y0;
  let month = m0 - burnInMonths;
  while (month < 1) {
    month += 12;
    year -= 1;
  }
  const months = burnInMonths + horizonMonths;
  const extra = new Set(settings.extraHolidays);
  const workingWeekends = new Set(settings.workingWeekends);

  const monthStart = new Int32Array(months);
  const monthLength = new Uint8Array(months);
  const calendarMonth = new Uint8Array(months);
  const years = new Int32Array(months);
  let days = 0;
  for (let i = 0, y = year, m = month; i < months; i++) {
    monthStart[i] = days;
    monthLength[i] = daysIn(y, m);
    calendarMonth[i] = m;
    years[i] = y;
    days += monthLength[i];
    if (++m > 12) {
      m = 1;
      y++;
    }
  }

  const monthOf = new Int32Array(days);
  const dayOfMonth = new Uint8Array(days);
  const working = new Uint8Array(days);
  for (let i = 0; i < months; i++) {
    for (let d = 1; d <= monthLength[i]; d++) {
      const t = monthStart[i] + d - 1;
      monthOf[t] = i;
      dayOfMonth[t] = d;
      const weekday = new Date(Date.UTC(years[i], calendarMonth[i] - 1, d)).getUTCDay();
      const iso = isoDate(years[i], calendarMonth[i], d);
      const holiday =
        extra.has(iso) ||
        (settings.holidays === 'ru' && RU_HOLIDAYS.some(([hm, hd]) => hm === calendarMonth[i] && hd === d));
      const weekend = weekday === 0 || weekday === 6;
      working[t] = workingWeekends.has(iso) || (!weekend && !holiday) ? 1 : 0;
    }
  }
  const nextWorking = new Int32Array(days);
  let next = days; // past the end: no working day left
  for (let t = days - 1; t >= 0; t--) {
    if (working[t]) next = t;
    nextWorking[t] = next;
  }

  return {
    days,
    firstRecordedDay: monthStart[burnInMonths] ?? days,
    months,
    firstRecordedMonth: burnInMonths,
    monthOf,
    dayOfMonth,
    working,
    monthStart,
    monthLength,
    calendarMonth,
    year: years,
    nextWorking,
  };
}
