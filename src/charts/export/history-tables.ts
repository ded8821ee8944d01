/** The data behind the history and fit charts, as the export bars write it (CSV, Excel). */
import type { FitReport, HistoryView } from '../../engine/index.ts';
import type { Table } from './csv.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function historyMonthsTable(view: HistoryView): Table {
  return { header: ['month', 'collected', 'payments', 'payers', 'complete'], rows: view.months.map((m) => [m.month, m.collected, m.payments, m.payers, m.complete]) };
}

export function historyProfileTable(view: HistoryView): Table {
  const p = view.statistics.profile;
  return {
    header: ['day_of_month', 'collected_month_share_median', 'collected_month_share_p10', 'collected_month_share_p90'],
    rows: p.median.map((m, d) => [d + 1, m, p.p10[d], p.p90[d]]),
  };
}

export function weekdaysTable(view: HistoryView, names: readonly string[] = WEEKDAYS): Table {
  return { header: ['weekday', 'collections_share'], rows: view.statistics.weekdays.map((s, i) => [names[i], s]) };
}

export function largestTable(view: HistoryView): Table {
  return { header: ['client', 'collections_share'], rows: view.largest.map((c) => [c.name, c.share]) };
}

export function fitProfileTable(report: FitReport): Table {
  const { observed: o, model: m, start: s } = report.profile;
  return {
    header: ['day_of_month', 'history_median', 'history_p10', 'history_p90', 'model_median', 'model_p10', 'model_p90', 'before_median', 'before_p10', 'before_p90'],
    rows: o.median.map((_, d) => [d + 1, o.median[d], o.p10[d], o.p90[d], m.median[d], m.p10[d], m.p90[d], s.median[d], s.p10[d], s.p90[d]]),
  };
}

export function fitMonthsTable(report: FitReport): Table {
  return {
    header: ['month', 'history', 'model_median', 'model_p10', 'model_p90', 'before_median', 'before_p10', 'before_p90'],
    rows: report.months.map((m) => [m.month, m.observed, m.model.median, m.model.p10, m.model.p90, m.start.median, m.start.p10, m.start.p90]),
  };
}
