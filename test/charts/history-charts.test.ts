// @vitest-environment jsdom
/**
 * The history and fit charts on the bundled example statement: the history's months as
 * bars (a partly covered month pale), its intra-month profile with a band, weekdays and
 * the largest clients as bars with their shares, the model drawn over the history, the
 * words in either language, and the data each exports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import MonthBands from '../../src/charts/MonthBands.svelte';
import ProfileBands from '../../src/charts/ProfileBands.svelte';
import ShareBars from '../../src/charts/ShareBars.svelte';
import { historyLabels } from '../../src/charts/history-labels.ts';
import { historyMonthsTable, historyProfileTable, largestTable, weekdaysTable } from '../../src/charts/export/history-tables.ts';
import { tableCsv } from '../../src/charts/export/csv.ts';
import { describeHistory, parseHistoryBytes } from '../../src/engine/index.ts';
import type { HistoryView } from '../../src/engine/index.ts';
import { stubResizeObserver } from './fixture.ts';

let view: HistoryView;

beforeAll(() => {
  stubResizeObserver();
  const read = parseHistoryBytes(new Uint8Array(readFileSync(join(process.cwd(), 'scenarios/history-example.csv'))));
  if (!read.ok) throw new Error('the example does not read');
  view = describeHistory(read.history);
});

describe('history charts', () => {
  it('draw the months as bars, a partly covered one pale, and the model as a line over its band', () => {
    const values = view.months.map((m) => m.collected);
    const { container } = render(MonthBands, {
      title: 'Collections by month',
      yTitle: 'collected',
      months: view.months.map((m) => m.month),
      series: [
        { id: 'history', label: 'history', colour: '#000000', mark: 'bar', values, faded: values.map((_, i) => i === 0) },
        { id: 'model', label: 'model', bandLabel: 'band', colour: '#0072B2', mark: 'line', values: values.map((v) => v * 1.01), p10: values.map((v) => v * 0.9), p90: values.map((v) => v * 1.1) },
      ],
      width: 720,
    });
    const bars = [...container.querySelectorAll('rect[data-bar="history"]')];
    expect(bars).toHaveLength(12);
    expect(bars[0].getAttribute('fill-opacity')).toBe('0.25');
    expect(bars[1].getAttribute('fill-opacity')).toBe('0.8');
    expect(container.querySelector('path[data-series="model"]')!.getAttribute('d')).toMatch(/^M/);
    expect(container.querySelector('path[data-band="model"]')!.getAttribute('d')).toMatch(/Z$/);
  });

  it('draw the share collected by day with its band, in English and Russian', () => {
    for (const lang of ['en', 'ru'] as const) {
      const H = historyLabels(lang);
      const { container, unmount } = render(ProfileBands, {
        title: H.profileTitle,
        yTitle: H.profileAxis,
        series: [{ id: 'history', label: H.history, bandLabel: H.acrossMonths, colour: '#000000', ...view.statistics.profile }],
        lang,
        width: 720,
      });
      expect(container.textContent).toContain(H.profileTitle);
      expect(container.textContent).toContain(H.acrossMonths);
      expect(container.querySelectorAll('path[data-series="history"]')).toHaveLength(1);
      expect(container.querySelectorAll('path[data-band="history"]')).toHaveLength(1);
      unmount();
    }
  });

  it('draw weekdays and the largest clients with their shares', () => {
    const { container } = render(ShareBars, { title: 'Largest', colour: '#000', rows: view.largest.map((c) => ({ label: c.name, share: c.share })), lang: 'ru', width: 600 });
    expect(container.textContent).toContain(view.largest[0].name);
    expect(container.textContent).toMatch(/\d,\d\u00a0%/);
    expect(view.statistics.weekdays.slice(5)).toEqual([0, 0]); // the model pays on working days only
  });

  it('export their data', () => {
    expect(historyMonthsTable(view).rows).toHaveLength(12);
    expect(historyProfileTable(view).rows[30].slice(0, 2)).toEqual([31, 1]);
    expect(weekdaysTable(view).rows[0][0]).toBe('Monday');
    expect(largestTable(view).rows).toHaveLength(10);
    const ru = tableCsv(historyMonthsTable(view), 'ru');
    expect(ru.split('\r\n')[0]).toBe('\ufeffМесяц;Собрано;Платежей;Плательщиков;Полный месяц');
  });
});
