/**
 * Month series of the sales, star-syndrome, absence and attrition modules, read from the
 * results contract, and whether a chart of them has anything to show (a scenario without
 * sales has no selling hours: its chart is left out rather than drawn empty).
 */
import type { MonthSummary, ResultsJson, SchemeResults } from '../engine/index.ts';
import { num } from './common.ts';

export type MonthKey = Exclude<keyof MonthSummary, 'month'>;

/** One scheme's series by month (NaN where a month has no value). */
export function monthValues(s: SchemeResults, key: MonthKey, stat: 'median' | 'mean' = 'median'): number[] {
  return s.monthly.map((m) => num(m[key]?.[stat]));
}

/** One line per scheme of a month series, as MonthPanels draws it. */
export function monthSeries(shown: readonly SchemeResults[], key: MonthKey, stat: 'median' | 'mean' = 'median'): { id: string; name: string; values: number[] }[] {
  return shown.map((s) => ({ id: s.id, name: s.name, values: monthValues(s, key, stat) }));
}

/** The month labels of the shown schemes' horizon. */
export const monthsOf = (shown: readonly SchemeResults[]): string[] => shown[0]?.monthly.map((m) => m.month) ?? [];

/** Some scheme has a non-zero value of one of `keys` in some month. */
export function hasMonthly(results: Pick<ResultsJson, 'schemes'>, keys: readonly MonthKey[]): boolean {
  return results.schemes.some((s) =>
    s.monthly.some((m) => keys.some((k) => { const c = m[k]; return !!c && ((c.mean ?? 0) !== 0 || (c.median ?? 0) !== 0); })),
  );
}

export const hasActivity = (r: Pick<ResultsJson, 'schemes'>) => hasMonthly(r, ['prospectingHours', 'serviceHours']);
export const hasInbound = (r: Pick<ResultsJson, 'schemes'>) => hasMonthly(r, ['inboundConversion', 'starLevel']);
export const hasWorkforce = (r: Pick<ResultsJson, 'schemes'>) => hasMonthly(r, ['absentDays', 'departures']);
/** Somebody's clients were covered, or missed someone who was away (P7). */
export const hasCover = (r: Pick<ResultsJson, 'schemes'>) => hasMonthly(r, ['coverHours', 'uncoveredHours']);
/** Somebody covered somebody under some scheme (the who-covered-whom table has a row). */
export const hasCoverMatrix = (r: Pick<ResultsJson, 'schemes'>) => r.schemes.some((s) => (s.coverMatrix ?? []).some((row) => row.some((h) => (h ?? 0) > 0)));
/** Active clients are shown with the modules that move the book (sales, inbound, leavers); a plain client department's book is not the story. */
export const hasActiveClients = (r: Pick<ResultsJson, 'schemes'>) =>
  (hasActivity(r) || hasInbound(r) || hasWorkforce(r)) && hasMonthly(r, ['activeClients']);

/** A panel of MonthPanels.svelte: one line per scheme. */
export interface PanelSeries {
  id: string;
  name: string;
  values: number[];
}
export interface Panel {
  /** Data attribute of the panel (tests, export). */
  key: string;
  axis: string;
  /** In the read-out: "prospecting 120 h". */
  short: string;
  unit?: string;
  kind: 'count' | 'share';
  /** Fixed domain (e.g. [0, 1] for the star level); otherwise 0…max. */
  domain?: [number, number];
  series: PanelSeries[];
}
