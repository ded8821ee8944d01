/**
 * The readable summary of a run on stdout: one row per scheme (the numbers an owner asks
 * for first; the worst-day cash gap of a month over the whole month and on days 11–25 side
 * by side), then the story of the month — how much of the plan is in by the 15th and
 * the 25th, and when people push (mean effort by part of the month).
 */
import type { ResultsJson, SchemeResults } from '../engine/index.ts';
import { decimal, millions, percent, table } from './format.ts';
import type { Lang } from './format.ts';
import { peopleText } from './people-report.ts';
import { runsEn, runsRu } from '../charts/plural.ts';

const LABELS = {
  en: {
    heading: (r: ResultsJson) =>
      `${r.scenario.name} · ${runsEn(r.scenario.runs)} × ${r.scenario.months} ${r.scenario.months === 1 ? 'month' : 'months'} from ${r.scenario.startMonth} · seed ${r.scenario.seed} · baseline: ${r.baseline}`,
    scheme: 'Scheme',
    collections: 'Collections/mo (median)',
    planMet: 'Plan met',
    gapWhole: 'Gap: month (median)',
    gap: 'mid-month (median)',
    profit: 'Profit total (median)',
    dProfit: 'Δ profit vs baseline [90%]',
    better: 'Better',
    bonus: 'Bonus total (median)',
    baseline: 'baseline',
    month: 'Collected by day of month, median share of plan',
    day: (d: number) => `by day ${d}`,
    effort: 'Mean effort by day of month (1 = a full 8-hour day, 1.75 = 14 hours; days somebody worked)',
    days: (a: number, b: number) => `${a}–${b}`,
  },
  ru: {
    heading: (r: ResultsJson) =>
      `${r.scenario.name} · ${runsRu(r.scenario.runs)} × ${r.scenario.months} мес. с ${r.scenario.startMonth} · зерно ${r.scenario.seed} · база: ${r.baseline}`,
    scheme: 'Схема',
    collections: 'Сбор в месяц (медиана)',
    planMet: 'План выполнен',
    gapWhole: 'Разрыв: месяц (медиана)',
    gap: 'середина месяца (медиана)',
    profit: 'Прибыль за период (медиана)',
    dProfit: 'Δ прибыли к базе [90%]',
    better: 'Лучше',
    bonus: 'Бонус за период (медиана)',
    baseline: 'база',
    month: 'Собрано к дню месяца, медиана доли плана',
    day: (d: number) => `к ${d}-му`,
    effort: 'Средняя интенсивность по дням месяца (1 = полный 8-часовой день, 1,75 = 14 часов; дни, когда работали)',
    days: (a: number, b: number) => `${a}–${b}`,
  },
};

/** Parts of the month for the effort profile: the billing rush, the slack, the gates, the crunch. */
export const EFFORT_RANGES: [number, number][] = [[1, 3], [4, 10], [11, 15], [16, 20], [21, 25], [26, 31]];

/** Mean of the daily means over a range of days (days nobody worked are left out). */
export function effortIn(s: SchemeResults, from: number, to: number): number | null {
  const days = s.effortByDay.filter((d) => d.day >= from && d.day <= to && d.mean !== null);
  return days.length === 0 ? null : days.reduce((a, d) => a + d.mean!, 0) / days.length;
}

export function summaryText(results: ResultsJson, lang: Lang = 'en'): string {
  const L = LABELS[lang];
  const name = (s: SchemeResults) => (s.id === results.baseline ? `${s.id} (${L.baseline})` : s.id);
  const main = table(
    [L.scheme, L.collections, L.planMet, L.gapWhole, L.gap, L.profit, L.dProfit, L.better, L.bonus],
    results.schemes.map((s) => {
      const vs = s.vsBaseline;
      const diff = vs
        ? `${millions(vs.profitDiff.median, lang, true)} [${millions(vs.profitDiff.p5, lang, true)}; ${millions(vs.profitDiff.p95, lang, true)}]`
        : '–';
      return [
        name(s),
        millions(s.metrics.collectionsMonthly.p50, lang),
        percent(s.planMetShare, lang),
        millions(s.metrics.maxCashGapMonthly.p50, lang),
        millions(s.metrics.maxCashGapMidMonth.p50, lang),
        millions(s.metrics.profitTotal.p50, lang),
        diff,
        vs ? percent(vs.shareBetter, lang) : '–',
        millions(s.metrics.bonusTotal.p50, lang),
      ];
    }),
  );
  const month = table(
    [L.scheme, L.day(15), L.day(25)],
    results.schemes.map((s) => [name(s), percent(s.intraMonth[14]?.median ?? null, lang), percent(s.intraMonth[24]?.median ?? null, lang)]),
  );
  const effort = table(
    [L.scheme, ...EFFORT_RANGES.map(([a, b]) => L.days(a, b))],
    results.schemes.map((s) => [name(s), ...EFFORT_RANGES.map(([a, b]) => decimal(effortIn(s, a, b), 2, lang))]),
  );
  const people = peopleText(results, lang);
  return `${L.heading(results)}\n\n${main}\n${L.month}\n${month}\n${L.effort}\n${effort}` + (people ? `\n${people}` : '');
}
