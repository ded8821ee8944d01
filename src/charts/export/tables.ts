/**
 * The data behind each chart as a table (what its CSV and its workbook sheet hold): the
 * numbers of the results contract the chart draws, as they are (never rounded here), one
 * row per scheme and position. Column names are the contract's, in snake_case, as
 * `paybench run --csv` writes them; headers.ts names them in Russian for a Russian export.
 */
import { METRIC_KEYS } from '../../engine/index.ts';
import type { Dist, MetricKey, MonthSummary, ResultsJson, SchemeResults, Tornado, TradeOff } from '../../engine/index.ts';
import { horizonDate } from '../format.ts';
import type { Cell, Table } from './csv.ts';

const DIST = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;
const BANDS = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
const distHeader = (prefix: string) => DIST.map((k) => `${prefix}_${k}`);
const distCells = (d: Dist): Cell[] => DIST.map((k) => d[k]);
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
const who = (s: SchemeResults): Cell[] => [s.id, s.name];

export function cashTable(results: ResultsJson, mode: 'horizon' | 'typicalMonth'): Table {
  if (mode === 'typicalMonth') {
    return {
      header: ['scheme', 'scheme_name', 'day_of_month', ...BANDS.map((b) => `cash_${b}`)],
      rows: results.schemes.flatMap((s) => s.typicalMonth.p50.map((_, i) => [...who(s), i + 1, ...BANDS.map((b) => s.typicalMonth[b][i])])),
    };
  }
  const date = (i: number) => horizonDate(results.scenario.startMonth, i).toISOString().slice(0, 10);
  return {
    header: ['scheme', 'scheme_name', 'day', 'date', ...BANDS.map((b) => `cash_${b}`)],
    rows: results.schemes.flatMap((s) => s.cashDaily.p50.map((_, i) => [...who(s), i + 1, date(i), ...BANDS.map((b) => s.cashDaily[b][i])])),
  };
}

export function intraMonthTable(results: ResultsJson): Table {
  return {
    header: ['scheme', 'scheme_name', 'day_of_month', 'collected_share_median', 'collected_share_mean'],
    rows: results.schemes.flatMap((s) => s.intraMonth.map((d) => [...who(s), d.day, d.median, d.mean])),
  };
}

export function effortTable(results: ResultsJson): Table {
  return {
    header: ['scheme', 'scheme_name', 'day_of_month', 'effort_median', 'effort_mean', 'worked_share'],
    rows: results.schemes.flatMap((s) => s.effortByDay.map((d) => [...who(s), d.day, d.median, d.mean, d.worked])),
  };
}

export function distributionTable(results: ResultsJson, metric: MetricKey): Table {
  return {
    header: ['scheme', 'scheme_name', 'runs', ...distHeader(snake(metric))],
    rows: results.schemes.map((s) => [...who(s), s.runs, ...distCells(s.metrics[metric])]),
  };
}

export function payTable(results: ResultsJson): Table {
  return {
    header: ['scheme', 'scheme_name', 'staff', 'name', 'role', ...distHeader('pay'), ...distHeader('bonus'), ...distHeader('pay_total')],
    rows: results.schemes.flatMap((s) =>
      s.staff.map((p) => [...who(s), p.id, p.name, p.role, ...distCells(p.pay), ...distCells(p.bonus), ...distCells(p.payTotal)]),
    ),
  };
}

export function growthTable(results: ResultsJson): Table {
  return {
    header: [
      'scheme', 'scheme_name', 'month', 'collections_median', 'collections_mean', 'billed_median', 'billed_mean',
      'new_clients_median', 'new_clients_mean', 'lost_clients_median', 'lost_clients_mean',
    ],
    rows: results.schemes.flatMap((s) =>
      s.monthly.map((m) => [
        ...who(s), m.month, m.collections.median, m.collections.mean, m.billed.median, m.billed.mean,
        m.newClients.median, m.newClients.mean, m.lostClients.median, m.lostClients.mean,
      ]),
    ),
  };
}

/** The summary table's columns, unrounded, plus the interval ends and N; the whole-month and mid-month gaps side by side. */
export function summaryTable(results: ResultsJson): Table {
  return {
    header: [
      'scheme', 'scheme_name', 'baseline', 'collections_monthly_p50', 'plan_met_share', 'max_cash_gap_monthly_p50', 'max_cash_gap_mid_month_p50',
      'profit_total_p50', 'profit_diff_median', 'profit_diff_p5', 'profit_diff_p95', 'share_better', 'bonus_total_p50', 'runs',
    ],
    rows: results.schemes.map((s) => {
      const vs = s.id === results.baseline ? null : s.vsBaseline;
      return [
        ...who(s), s.id === results.baseline, s.metrics.collectionsMonthly.p50, s.planMetShare, s.metrics.maxCashGapMonthly.p50, s.metrics.maxCashGapMidMonth.p50,
        s.metrics.profitTotal.p50, vs?.profitDiff.median, vs?.profitDiff.p5, vs?.profitDiff.p95, vs?.shareBetter,
        s.metrics.bonusTotal.p50, s.runs,
      ];
    }),
  };
}

/** Who covered whom (P7): one row per scheme and pair of people with cover, mean hours per run over the horizon. */
export function coverMatrixTable(results: ResultsJson): Table {
  return {
    header: ['scheme', 'scheme_name', 'away', 'away_name', 'covered_by', 'covered_by_name', 'cover_hours_mean'],
    rows: results.schemes.flatMap((s) =>
      (s.coverMatrix ?? []).flatMap((row, a) =>
        row.flatMap((hours, c) => (a === c || !hours ? [] : [[...who(s), s.staff[a]?.id, s.staff[a]?.name, s.staff[c]?.id, s.staff[c]?.name, hours]])),
      ),
    ),
  };
}

/** Month series of the sales, inbound and people modules: median and mean of each key. */
export function monthlyTable(results: ResultsJson, keys: readonly Exclude<keyof MonthSummary, 'month'>[]): Table {
  return {
    header: ['scheme', 'scheme_name', 'month', ...keys.flatMap((k) => [`${snake(k)}_median`, `${snake(k)}_mean`])],
    rows: results.schemes.flatMap((s) => s.monthly.map((m) => [...who(s), m.month, ...keys.flatMap((k) => [m[k]?.median, m[k]?.mean])])),
  };
}

/** Every metric's spread over runs in one table (the Distributions tab's charts and the rest). */
export function distributionsTable(results: ResultsJson, metricName: (k: MetricKey) => string): Table {
  return {
    header: ['metric', 'metric_name', 'scheme', 'scheme_name', 'runs', ...distHeader('value')],
    rows: METRIC_KEYS.flatMap((k) => results.schemes.map((s) => [k, metricName(k), ...who(s), s.runs, ...distCells(s.metrics[k])])),
  };
}

/** The tornado: each input's advantage low and high around the advantage as it stands, widest first. */
export function tornadoTable(t: Tornado, inputName: (input: string) => string): Table {
  return {
    header: ['scheme', 'baseline', 'input', 'input_name', 'path', 'low', 'as_is', 'high', 'swing'],
    rows: t.schemes.flatMap((x) => x.bars.map((b) => [x.id, t.baseline, b.input, inputName(b.input), b.path, b.low, x.base, b.high, b.swing])),
  };
}

/** The optimiser's trade-off: the best figure found at each gap limit, with the inputs that give it. */
export function tradeOffTable(t: TradeOff, inputs: readonly string[]): Table {
  const name = (metric: string) => snake(metric.replace(/\./g, '_'));
  return {
    header: [`${name(t.gap)}_at_most`, name(t.objective), ...inputs.map((f) => f.replace(/[[\].]+/g, '_').replace(/_$/, '')), 'blocks'],
    rows: t.points.map((p) => [p.gap, p.objective, ...p.values, p.blocks]),
  };
}
