/**
 * What the .xlsx and the glance's tables hold: the glance (each scheme's figures and its
 * verdict; each person's pay), the summary, and the data of every chart — cash by day and
 * in a typical month, collections and effort by day of month, every metric's spread, pay
 * per person, growth, every series by month (DSO, sales, people), who covered whom and,
 * once computed, the sensitivity — a sheet each, in the user's language.
 */
import type { ResultsJson, Tornado } from '../engine/index.ts';
import type { Lang } from '../charts/format.ts';
import type { Table } from '../charts/export/csv.ts';
import type { SheetTable } from '../charts/export/xlsx.ts';
import {
  cashTable, coverMatrixTable, distributionsTable, effortTable, growthTable, intraMonthTable, monthlyTable, payTable, summaryTable, tornadoTable,
} from '../charts/export/tables.ts';
import { hasCoverMatrix } from '../charts/month-series.ts';
import { labels } from '../charts/labels.ts';
import { glanceOf } from './glance.ts';
import { verdictOf } from './verdict.ts';

/** The glance strip as a table: a row per scheme, the verdict's sentence last. */
export function glanceTable(results: ResultsJson, lang: Lang): Table {
  const g = glanceOf(results);
  const verdict = new Map(verdictOf(g, lang).schemes.map((v) => [v.scheme, v.text]));
  return {
    header: [
      'scheme', 'scheme_name', 'baseline', 'runs', 'profit_year_p50', 'profit_diff_year_median', 'profit_diff_year_p5', 'profit_diff_year_p95',
      'share_better', 'max_cash_gap_monthly_p50', 'max_cash_gap_mid_month_p50', 'plan_met_share', 'bonus_year_p50', 'verdict',
    ],
    rows: g.schemes.map((s) => [
      s.id, s.name, s.isBaseline, s.runs, s.profitYear, s.diffYear?.median, s.diffYear?.p5, s.diffYear?.p95,
      s.shareBetter, s.gapWhole, s.gapMid, s.planMet, s.bonusYear, verdict.get(s.id) ?? null,
    ]),
  };
}

/** Each person's median pay a month under each scheme, and its change against the baseline. */
export function glancePayTable(results: ResultsJson): Table {
  const g = glanceOf(results);
  return {
    header: ['scheme', 'scheme_name', 'staff', 'name', 'pay_p50', 'pay_change'],
    rows: g.schemes.flatMap((s) => s.people.map((p) => [s.id, s.name, p.id, p.name, p.pay, p.change])),
  };
}

const NAMES = {
  en: {
    glance: 'At a glance', pay: 'Pay at a glance', summary: 'Summary', cash: 'Cash by day', typical: 'Cash in a typical month',
    intra: 'Collected by day of month', effort: 'Effort by day of month', distributions: 'Distributions', payPerPerson: 'Pay per person',
    growth: 'Growth by month', months: 'Every series by month', cover: 'Who covered whom', sensitivity: 'Sensitivity',
  },
  ru: {
    glance: 'Главное', pay: 'Оплата — главное', summary: 'Сводка', cash: 'Деньги по дням', typical: 'Деньги в типичном месяце',
    intra: 'Собрано по дням месяца', effort: 'Усилия по дням месяца', distributions: 'Распределения', payPerPerson: 'Оплата по сотрудникам',
    growth: 'Рост по месяцам', months: 'Все ряды по месяцам', cover: 'Кто кого замещал', sensitivity: 'Чувствительность',
  },
};

export function workbookSheets(results: ResultsJson, lang: Lang, tornado: Tornado | null = null): SheetTable[] {
  const n = NAMES[lang];
  const L = labels(lang);
  const sheets: SheetTable[] = [
    { name: n.glance, table: glanceTable(results, lang) },
    { name: n.pay, table: glancePayTable(results) },
    { name: n.summary, table: summaryTable(results) },
    { name: n.cash, table: cashTable(results, 'horizon') },
    { name: n.typical, table: cashTable(results, 'typicalMonth') },
    { name: n.intra, table: intraMonthTable(results) },
    { name: n.effort, table: effortTable(results) },
    { name: n.distributions, table: distributionsTable(results, (k) => L.metrics[k]) },
    { name: n.payPerPerson, table: payTable(results) },
    { name: n.growth, table: growthTable(results) },
  ];
  // Every month series the contract has (growth, DSO, the sales and people modules).
  const keys = Object.keys(results.schemes[0]?.monthly[0] ?? {}).filter((k) => k !== 'month') as Parameters<typeof monthlyTable>[1];
  if (keys.length > 0) sheets.push({ name: n.months, table: monthlyTable(results, keys) });
  if (hasCoverMatrix(results)) sheets.push({ name: n.cover, table: coverMatrixTable(results) });
  if (tornado) sheets.push({ name: n.sensitivity, table: tornadoTable(tornado, (input) => L.sensitivityInputs[input] ?? input) });
  return sheets;
}
