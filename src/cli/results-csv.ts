/** The results contract as spreadsheet tables (one file each). */
import { METRIC_KEYS } from '../engine/index.ts';
import type { Dist, ResultsJson } from '../engine/index.ts';
import { toCsv as csv } from '../charts/export/csv.ts';
import type { Cell } from '../charts/export/csv.ts';

const DIST = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;
const BANDS = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
const distHeader = (prefix: string) => DIST.map((k) => `${prefix}_${k}`);
const distCells = (d: Dist): Cell[] => DIST.map((k) => d[k]);
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

export function resultsCsvFiles(results: ResultsJson): Record<string, string> {
  const schemes = results.schemes;
  const summary = csv(
    [
      'scheme', 'scheme_name', 'baseline', 'runs', 'plan_met_share',
      ...METRIC_KEYS.flatMap((k) => distHeader(snake(k))),
      'profit_diff_median', 'profit_diff_p5', 'profit_diff_p95', 'profit_diff_mean',
      'collections_diff_median', 'max_cash_gap_mid_diff_median', 'share_better',
    ],
    schemes.map((s) => {
      const vs = s.vsBaseline;
      return [
        s.id, s.name, s.id === results.baseline ? 1 : 0, s.runs, s.planMetShare,
        ...METRIC_KEYS.flatMap((k) => distCells(s.metrics[k])),
        vs?.profitDiff.median, vs?.profitDiff.p5, vs?.profitDiff.p95, vs?.profitDiff.mean,
        vs?.collectionsDiff.median, vs?.maxCashGapMidDiff.median, vs?.shareBetter,
      ];
    }),
  );
  const monthly = csv(
    ['scheme', 'month', 'collections_median', 'collections_mean', 'billed_median', 'billed_mean',
      'new_clients_median', 'new_clients_mean', 'lost_clients_median', 'lost_clients_mean'],
    schemes.flatMap((s) =>
      s.monthly.map((m) => [
        s.id, m.month, m.collections.median, m.collections.mean, m.billed.median, m.billed.mean,
        m.newClients.median, m.newClients.mean, m.lostClients.median, m.lostClients.mean,
      ]),
    ),
  );
  const intraMonth = csv(
    ['scheme', 'day', 'collected_share_median', 'collected_share_mean', 'effort_median', 'effort_mean',
      'effort_worked_share', ...BANDS.map((b) => `cash_${b}`)],
    schemes.flatMap((s) =>
      s.intraMonth.map((d, i) => {
        const e = s.effortByDay[i];
        return [s.id, d.day, d.median, d.mean, e.median, e.mean, e.worked, ...BANDS.map((b) => s.typicalMonth[b][i])];
      }),
    ),
  );
  const staff = csv(
    ['scheme', 'staff', 'name', 'role', ...distHeader('pay'), ...distHeader('bonus'), ...distHeader('pay_total')],
    schemes.flatMap((s) =>
      s.staff.map((p) => [s.id, p.id, p.name, p.role, ...distCells(p.pay), ...distCells(p.bonus), ...distCells(p.payTotal)]),
    ),
  );
  const cashDaily = csv(
    ['scheme', 'day', ...BANDS.map((b) => `cash_${b}`)],
    schemes.flatMap((s) => s.cashDaily.p50.map((_, d) => [s.id, d + 1, ...BANDS.map((b) => s.cashDaily[b][d])])),
  );
  return {
    'summary.csv': summary,
    'monthly.csv': monthly,
    'intra-month.csv': intraMonth,
    'staff.csv': staff,
    'cash-daily.csv': cashDaily,
  };
}
