/**
 * What a history says before any fitting: collections by month, the share of each month's
 * total collected by each day of month (median across months, with a band), the largest
 * clients' share and the weekday profile. A first or last month the statement only
 * partly covers (its payments start late or stop early and it holds much less than the
 * others) is shown but left out of the statistics, which read whole months only.
 */
import { civilDate, daysInMonth, monthNumber, monthText, weekdayOf, isoDay } from './dates.ts';
import type { History } from './parse.ts';
import { PaymentTally, quantile, statisticsOf, type HistoryStatistics } from './tally.ts';

export interface HistoryMonth {
  /** "2025-01". */
  month: string;
  /** Roubles collected. */
  collected: number;
  payments: number;
  /** Clients who paid (null without a client column). */
  payers: number | null;
  /** A whole month, read by the statistics. */
  complete: boolean;
}

export interface HistoryView {
  /** ISO dates of the first and last payment. */
  first: string;
  last: string;
  months: HistoryMonth[];
  /** The whole months the statistics read: the first ("2025-01") and how many. */
  horizon: { start: string; months: number };
  statistics: HistoryStatistics;
  /** The ten largest payers and their share of the collections (none without a client column). */
  largest: { name: string; share: number }[];
  /** Clients who paid at least once (null without a client column). */
  clients: number | null;
  payments: number;
  /** Roubles collected over the whole history. */
  total: number;
}

/** A partly covered end month holds less than this share of the median month. */
const PARTIAL_SHARE = 0.6;

/** Month number (year × 12 + month − 1), day of month and weekday of a day number. */
function placeOf(day: number): { month: number; dom: number; weekday: number } {
  const { year, month, day: dom } = civilDate(day);
  return { month: monthNumber(year, month), dom, weekday: weekdayOf(day) };
}

/** A tally of the payments in `months` months from month number `start` (the others are left out). */
export function tallyHistory(history: History, start: number, months: number): PaymentTally {
  const tally = new PaymentTally(months, history.hasClients ? history.clients.length : 0);
  for (const p of history.payments) {
    const at = placeOf(p.day);
    const m = at.month - start;
    if (m >= 0 && m < months) tally.add(m, at.dom, at.weekday, p.client, p.kopecks);
  }
  return tally;
}

/** The whole months of a history: from its first calendar month to its last, less a partly covered end. */
export function wholeMonths(history: History): { start: number; months: number; partial: Set<number> } {
  const ps = history.payments;
  const firstAt = placeOf(ps[0].day);
  const lastAt = placeOf(ps[ps.length - 1].day);
  const totals = new Map<number, number>();
  for (const p of ps) {
    const m = placeOf(p.day).month;
    totals.set(m, (totals.get(m) ?? 0) + p.kopecks);
  }
  const span = lastAt.month - firstAt.month + 1;
  const partial = new Set<number>();
  if (span >= 3) {
    const median = quantile(Array.from({ length: span }, (_, k) => totals.get(firstAt.month + k) ?? 0).slice(1, -1), 0.5);
    if (firstAt.dom > 5 && (totals.get(firstAt.month) ?? 0) < PARTIAL_SHARE * median) partial.add(firstAt.month);
    const { year, month } = civilDate(ps[ps.length - 1].day);
    const lastDay = daysInMonth(year, month);
    if (lastAt.dom < Math.min(25, lastDay) && (totals.get(lastAt.month) ?? 0) < PARTIAL_SHARE * median) partial.add(lastAt.month);
  }
  const start = firstAt.month + (partial.has(firstAt.month) ? 1 : 0);
  const end = lastAt.month - (partial.has(lastAt.month) ? 1 : 0);
  return { start, months: end - start + 1, partial };
}

export function describeHistory(history: History): HistoryView {
  const ps = history.payments;
  const whole = wholeMonths(history);
  const firstMonth = placeOf(ps[0].day).month;
  const lastMonth = placeOf(ps[ps.length - 1].day).month;
  const span = lastMonth - firstMonth + 1;
  const all = tallyHistory(history, firstMonth, span);
  const counts = new Int32Array(span);
  for (const p of ps) counts[placeOf(p.day).month - firstMonth]++;
  const months: HistoryMonth[] = Array.from({ length: span }, (_, k) => {
    let total = 0;
    for (let d = 0; d < 31; d++) total += all.byDay[k * 31 + d];
    return {
      month: monthText(firstMonth + k),
      collected: total / 100,
      payments: counts[k],
      payers: history.hasClients ? all.payers[k] : null,
      complete: !whole.partial.has(firstMonth + k),
    };
  });
  const statistics = statisticsOf(tallyHistory(history, whole.start, whole.months), history.hasClients);
  const totalKopecks = ps.reduce((a, p) => a + p.kopecks, 0);
  const largest = history.hasClients
    ? Array.from(all.byClient, (k, i) => ({ name: history.clients[i], share: totalKopecks > 0 ? k / totalKopecks : 0 }))
        .sort((a, b) => b.share - a.share)
        .slice(0, 10)
    : [];
  return {
    first: isoDay(ps[0].day),
    last: isoDay(ps[ps.length - 1].day),
    months,
    horizon: { start: monthText(whole.start), months: whole.months },
    statistics,
    largest,
    clients: history.hasClients ? Array.from(all.byClient).filter((k) => k > 0).length : null,
    payments: ps.length,
    total: totalKopecks / 100,
  };
}
