/**
 * Dates of a payment history as whole days since 1970-01-01 (the proleptic Gregorian
 * calendar, no time zones: a bank statement's date is a date), and the written forms
 * statements use: 31.01.2025 (Russian banks and 1C), 2025-01-31 (ISO), 31/01/2025 and
 * 01/31/2025. A time after the date ("31.01.2025 10:33:00", "2025-01-31T10:33") is ignored.
 */

/** The order of day, month and year in a written date. */
export type DateOrder = 'dmy' | 'ymd' | 'mdy';

export interface DateFormat {
  order: DateOrder;
  /** The separator seen, for saying which format was found ("DD.MM.YYYY"). */
  separator: string;
}

/** Days since 1970-01-01 of a calendar date (Howard Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number. */
export function civilDate(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A month as a count since year 0 (year × 12 + month − 1): months subtract. */
export function monthNumber(year: number, month: number): number {
  return year * 12 + month - 1;
}

export function monthText(monthNo: number): string {
  return `${Math.floor(monthNo / 12)}-${String((monthNo % 12) + 1).padStart(2, '0')}`;
}

export function isoDay(n: number): string {
  const { year, month, day } = civilDate(n);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 31.01.2025: how a Russian statement writes it. */
export function russianDay(n: number): string {
  const { year, month, day } = civilDate(n);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

const PARTS = /^\s*(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*$/;

/** Years a statement may hold (two-digit years are this century). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** The day number of a written date in this order, or null when it is not one. */
export function readDate(text: string, order: DateOrder): number | null {
  const m = PARTS.exec(text);
  if (!m) return null;
  const [a, b, c] = [m[1], m[3], m[4]];
  let year: string, month: string, day: string;
  if (order === 'ymd') [year, month, day] = [a, b, c];
  else if (order === 'dmy') [day, month, year] = [a, b, c];
  else [month, day, year] = [a, b, c];
  if (day.length > 2 || (year.length !== 4 && year.length !== 2)) return null;
  const y = year.length === 2 ? 2000 + Number(year) : Number(year);
  const mo = Number(month);
  const d = Number(day);
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayNumber(y, mo, d);
}

/** The separator of a written date ("." in 31.01.2025), or null. */
export function separatorOf(text: string): string | null {
  return PARTS.exec(text)?.[2] ?? null;
}

/** "DD.MM.YYYY", "YYYY-MM-DD", … */
export function formatName(f: DateFormat): string {
  const s = f.separator;
  return f.order === 'ymd' ? `YYYY${s}MM${s}DD` : f.order === 'dmy' ? `DD${s}MM${s}YYYY` : `MM${s}DD${s}YYYY`;
}

/** Reads a format the user names ("DD.MM.YYYY", "yyyy-mm-dd", "MM/DD/YYYY", or dmy/ymd/mdy); null if it is none. */
export function parseDateFormat(text: string): DateFormat | null {
  const t = text.trim().toUpperCase();
  if (/^(DMY|YMD|MDY)$/.test(t)) return { order: t.toLowerCase() as DateOrder, separator: t === 'YMD' ? '-' : t === 'MDY' ? '/' : '.' };
  const m = /^(DD|MM|YYYY|YY)([./-])(DD|MM|YYYY|YY)\2(DD|MM|YYYY|YY)$/.exec(t);
  if (!m) return null;
  const parts = [m[1], m[3], m[4]].map((p) => p[0]).join('');
  const order = parts === 'DMY' ? 'dmy' : parts === 'YMD' ? 'ymd' : parts === 'MDY' ? 'mdy' : null;
  return order ? { order, separator: m[2] } : null;
}

/**
 * The format that reads every one of these dates (each is a date in one order only when
 * a day is above 12): day first wins a tie with month first, as in Russian and European
 * statements, and `ambiguous` says so. Null when no order reads them all.
 */
export function detectDateFormat(samples: readonly string[]): { format: DateFormat; ambiguous: boolean } | null {
  const written = samples.filter((s) => s.trim() !== '');
  if (written.length === 0) return null;
  const separator = separatorOf(written[0]) ?? '.';
  const fits = (['dmy', 'ymd', 'mdy'] as const).filter((order) => written.every((s) => readDate(s, order) !== null));
  if (fits.length === 0) return null;
  return { format: { order: fits[0], separator }, ambiguous: fits.includes('dmy') && fits.includes('mdy') };
}
