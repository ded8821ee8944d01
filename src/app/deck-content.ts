/**
 * The board deck's content, from the results and the scenario they came from: a cover with
 * the verdict and the glance figures; the cash of a typical month; collections by day of
 * month with the gates; profit a year; pay per person; the summary as a table. Every
 * number comes from the results (glance.ts, verdict.ts); the words from i18n-deck.ts.
 * Chart values stay in roubles and shares, so "Edit data" shows the results' numbers.
 */
import type { ResultsJson, Scenario } from '../engine/index.ts';
import { compactMoney, percent, type Lang } from '../charts/format.ts';
import { labels } from '../charts/labels.ts';
import { schemeColors } from '../charts/palette.ts';
import type { Deck, DeckSlide, DeckTable, LegendEntry } from '../charts/export/pptx.ts';
import { glanceOf, type Glance } from './glance.ts';
import { verdictOf } from './verdict.ts';
import { DECK_WORDS } from './i18n-deck.ts';
import { GLANCE_WORDS } from './i18n-glance.ts';

const MILLIONS = { en: '#,##0,,"M ₽"', ru: '#,##0,," млн ₽"' };
const MILLIONS_1 = { en: '#,##0.0,,"M"', ru: '#,##0.0,," млн"' };
const THOUSANDS = { en: '#,##0,"k ₽"', ru: '#,##0," тыс. ₽"' };
const THOUSANDS_1 = { en: '#,##0.0,"k"', ru: '#,##0.0," тыс."' };
const DAYS = Array.from({ length: 31 }, (_, i) => String(i + 1));
/** Millions to a tenth; nothing short is "0 ₽". */
const M = (x: number | null, lang: Lang, signed = false, digits = 1) => (x === 0 ? compactMoney(0, lang) : compactMoney(x, lang, { digits, unit: 1e6, fixed: true, signed }));

export interface DeckOptions {
  status: string | null;
  /** Today, in words ("6 March 2027"). */
  date: string;
}

function glanceTable(g: Glance, colours: Record<string, string>, lang: Lang): DeckTable {
  const w = GLANCE_WORDS[lang];
  const k = (x: number | null, signed = false) => compactMoney(x, lang, { digits: 1, unit: 1e3, fixed: true, signed });
  const row = (label: string, cell: (s: Glance['schemes'][number]) => string) => [label, ...g.schemes.map(cell)];
  return {
    header: [DECK_WORDS[lang].glanceMeasure, ...g.schemes.map((s) => (s.isBaseline ? `${s.name} (${w.baseline})` : s.name))],
    headerColours: [undefined, ...g.schemes.map((s) => colours[s.id])],
    rows: [
      row(w.row.profit, (s) => M(s.profitYear, lang)),
      row(w.row.diff, (s) => (s.diffYear ? `${M(s.diffYear.median, lang, true)} [${M(s.diffYear.p5, lang, true)}; ${M(s.diffYear.p95, lang, true)}]` : '–')),
      row(w.row.better, (s) => (s.shareBetter === null ? '–' : w.betterIn(percent(s.shareBetter, lang)))),
      row(w.row.gapWhole, (s) => M(s.gapWhole, lang)),
      row(w.row.gapMid, (s) => M(s.gapMid, lang)),
      row(w.row.planMet, (s) => percent(s.planMet, lang)),
      row(w.row.bonus, (s) => M(s.bonusYear, lang, false, 2)),
      ...(g.schemes[0]?.people ?? []).map((p, i) =>
        row(`${w.row.pay}: ${p.name}`, (s) => {
          const q = s.people[i];
          return q?.change !== null && q?.change !== undefined ? `${k(q.pay)} (${k(q.change, true)})` : k(q?.pay ?? null);
        }),
      ),
    ],
  };
}

function summaryTable(results: ResultsJson, colours: Record<string, string>, lang: Lang): DeckTable {
  const L = labels(lang);
  const m2 = (x: number | null, signed = false, bare = false) => compactMoney(x, lang, { digits: 2, unit: 1e6, fixed: true, signed, bare });
  return {
    widths: [2.4, 1.1, 1.0, 1.1, 1.2, 1.1, 2.0, 0.8, 1.1, 1.0],
    header: [L.col.scheme, L.col.collections, L.col.planMet, L.col.wholeGap, L.col.midGap, L.col.profit, L.col.diff, L.col.better, L.col.bonus, L.col.runs],
    rowColours: results.schemes.map((s) => colours[s.id]),
    rows: results.schemes.map((s) => {
      const vs = s.id === results.baseline ? null : s.vsBaseline;
      return [
        s.id === results.baseline ? `${s.name} (${L.baseline})` : s.name,
        m2(s.metrics.collectionsMonthly.p50),
        percent(s.planMetShare, lang),
        m2(s.metrics.maxCashGapMonthly.p50),
        m2(s.metrics.maxCashGapMidMonth.p50),
        m2(s.metrics.profitTotal.p50),
        vs ? `${m2(vs.profitDiff.median, true)} [${m2(vs.profitDiff.p5, true, true)}; ${m2(vs.profitDiff.p95, true, true)}]` : '–',
        vs ? percent(vs.shareBetter, lang) : '–',
        m2(s.metrics.bonusTotal.p50),
        String(s.runs),
      ];
    }),
  };
}

/** Whose pay falls, scheme by scheme, beyond the quantiles' error; or that nobody's does. */
function payHeadline(g: Glance, lang: Lang): string {
  const d = DECK_WORDS[lang];
  const k = (x: number) => compactMoney(x, lang, { digits: 1, unit: 1e3, fixed: true, signed: true });
  const falls = g.schemes.flatMap((s) => {
    const who = s.people.filter((p) => p.change !== null && p.change < 0 && !p.within);
    return who.length > 0 ? [d.payFalls(s.name, who.map((p) => `${p.name} ${k(p.change!)}`).join(', '))] : [];
  });
  return falls.length > 0 ? falls.join('; ') : d.payNobody(g.baseline?.name ?? '');
}

export function deckContent(results: ResultsJson, scenario: Scenario, lang: Lang, options: DeckOptions): Deck {
  const d = DECK_WORDS[lang];
  const g = glanceOf(results);
  const verdict = verdictOf(g, lang);
  const colours = schemeColors(results.schemes, results.baseline);
  const schemesLegend: LegendEntry[] = results.schemes.map((s) => ({ colour: colours[s.id], mark: 'box', text: s.id === results.baseline ? `${s.name} (${labels(lang).baseline})` : s.name }));
  const best = g.schemes.find((s) => s.id === verdict.schemes[0]?.scheme) ?? g.schemes[0];
  const base = g.baseline ?? g.schemes[0];
  const bestResults = results.schemes.find((s) => s.id === best.id)!;
  const gates = results.schemes.flatMap((s) => {
    const def = scenario.schemes.find((x) => x.id === s.id);
    const values = DAYS.map(() => null as number | null);
    for (const t of def?.tranches ?? []) if (t.gate && t.gate.keyClients === undefined) values[t.gate.byDay - 1] = Number(t.gate.minPlanShare);
    return values.some((v) => v !== null) ? [{ name: `${s.name}: ${labels(lang).gate}`, values, colour: colours[s.id] }] : [];
  });
  const people = g.schemes[0]?.people ?? [];

  const slides: DeckSlide[] = [
    {
      title: d.cashTitle,
      headline: d.cashHeadline(best.name, M(best.gapWhole, lang), M(best.gapMid, lang)),
      chart: {
        labels: DAYS,
        groups: [
          { type: 'line', series: results.schemes.map((s) => ({ name: `${s.name}: ${labels(lang).median}`, values: s.typicalMonth.p50, colour: colours[s.id] })) },
          { type: 'line', dash: true, series: results.schemes.map((s) => ({ name: `${s.name}: P10`, values: s.typicalMonth.p10, colour: colours[s.id] })) },
        ],
        valueFormat: MILLIONS[lang],
        valueAxisTitle: d.cashAxis,
        categoryAxisTitle: d.dayAxis,
      },
      legend: [...schemesLegend, { colour: '#57606a', mark: 'line', text: d.cashMedian }, { colour: '#57606a', mark: 'dash', text: d.cashP10 }, { text: d.cashGap }],
    },
    {
      title: d.intraTitle,
      headline: d.intraHeadline(best.name, percent(bestResults.intraMonth[14]?.median ?? null, lang), percent(bestResults.intraMonth[24]?.median ?? null, lang)),
      chart: {
        labels: DAYS,
        groups: [
          { type: 'line', series: results.schemes.map((s) => ({ name: s.name, values: s.intraMonth.map((x) => x.median), colour: colours[s.id] })) },
          ...(gates.length > 0 ? [{ type: 'line' as const, markersOnly: true, marker: 'diamond' as const, series: gates }] : []),
        ],
        valueFormat: '0%',
        valueAxisTitle: d.intraAxis,
        categoryAxisTitle: d.dayAxis,
        min: 0,
      },
      legend: [...schemesLegend, { colour: '#57606a', mark: 'line', text: d.intraLine }, ...(gates.length > 0 ? [{ colour: '#57606a', mark: 'diamond' as const, text: d.intraGate }] : [])],
    },
    {
      title: d.profitTitle,
      headline:
        best.diffYear && !best.isBaseline
          ? d.profitHeadline(best.name, M(best.diffYear.median, lang, true), M(best.diffYear.p5, lang, true), M(best.diffYear.p95, lang, true), base.name)
          : `${best.name}: ${M(best.profitYear, lang)}`,
      chart: {
        labels: [d.stats.p5, d.stats.median, d.stats.p95],
        groups: [
          {
            type: 'bar',
            series: results.schemes.map((s) => {
              const p = s.metrics.profitTotal;
              const year = (x: number | null) => (x === null ? null : x * (12 / results.scenario.months));
              return { name: s.name, values: [year(p.p5), year(p.p50), year(p.p95)], colour: colours[s.id] };
            }),
          },
        ],
        valueFormat: MILLIONS[lang],
        labelFormat: MILLIONS_1[lang],
        valueAxisTitle: d.profitAxis,
      },
      legend: [...schemesLegend, { text: d.profitBars }, { text: d.profitPaired }],
    },
    {
      title: d.payTitle,
      headline: payHeadline(g, lang),
      chart: {
        labels: people.map((p) => p.name),
        groups: [{ type: 'bar', series: g.schemes.map((s) => ({ name: s.name, values: s.people.map((p) => p.pay), colour: colours[s.id] })) }],
        valueFormat: THOUSANDS[lang],
        labelFormat: THOUSANDS_1[lang],
        valueAxisTitle: d.payAxis,
        min: 0,
      },
      legend: [...schemesLegend, { text: d.payBars }],
    },
    {
      title: d.summaryTitle,
      headline: d.summaryHeadline(best.name, percent(best.planMet, lang), M(best.gapMid, lang), best.diffYear ? M(best.diffYear.median, lang, true) : '–'),
      table: summaryTable(results, colours, lang),
      legend: [{ text: d.summaryNote }],
    },
  ];
  return {
    lang,
    title: results.scenario.name,
    kicker: d.coverKicker,
    meta: d.meta(results.scenario.name, results.scenario.seed, results.scenario.runs, results.scenario.months),
    status: options.status,
    footer: d.footer(options.date),
    cover: { verdictTitle: d.verdict, verdict: [...(verdict.lead ? [verdict.lead] : []), ...verdict.schemes.map((v) => v.text)], table: glanceTable(g, colours, lang) },
    slides,
  };
}
