/**
 * The .xlsx workbook, written by write-excel-file and read back by read-excel-file: a sheet
 * per table in the user's language, headers in words, numbers stored as the results hold
 * them (distinct quantiles stay distinct), dates as dates.
 */
import { describe, expect, it } from 'vitest';
import readExcelFile from 'read-excel-file/node';
import { xlsxBlob, xlsxSheets } from '../../../src/charts/export/xlsx.ts';
import { workbookSheets } from '../../../src/app/workbook.ts';
import { tinyResults } from '../fixture.ts';

describe('the workbook', () => {
  const { results } = tinyResults(12, 2);

  it('reads back a sheet per table, with every number as the results hold it', async () => {
    const sheets = workbookSheets(results, 'ru');
    const blob = await xlsxBlob(sheets, 'ru');
    const read = await readExcelFile(Buffer.from(await blob.arrayBuffer()));
    expect(read.map((s) => s.sheet)).toEqual(xlsxSheets(sheets, 'ru').map((s) => s.sheet));
    expect(read[0].sheet).toBe('Главное');
    for (const [i, { table }] of sheets.entries()) {
      const data = read[i].data;
      expect(data).toHaveLength(table.rows.length + 1);
      table.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (typeof cell === 'number' && Number.isFinite(cell)) expect(data[r + 1][c], `${read[i].sheet} ${table.header[c]}`).toBe(cell);
        }),
      );
    }
    const summary = read.find((s) => s.sheet === 'Сводка')!.data;
    expect(summary[0]).toContain('Разрыв в худший день месяца (весь месяц), медиана (P50)');
    const distributions = read.find((s) => s.sheet === 'Распределения')!.data;
    const header = distributions[0] as string[];
    const p25 = header.indexOf('Значение, P25');
    const p50 = header.indexOf('Значение, медиана (P50)');
    // Where the results hold different quartiles, so does the workbook.
    const distinct = distributions.slice(1).filter((r) => r[p25] !== r[p50]).length;
    const expected = results.schemes.flatMap((s) => Object.values(s.metrics)).filter((d) => d.p25 !== d.p50).length;
    expect(distinct).toBe(expected);
    const cash = read.find((s) => s.sheet === 'Деньги по дням')!.data;
    expect(cash[1][3]).toBeInstanceOf(Date);
    expect((cash[1][3] as unknown as Date).toISOString().slice(0, 10)).toBe('2027-01-01');
  });

  it('names sheets in English too, within Excel’s 31 characters and unique', () => {
    const names = xlsxSheets(workbookSheets(results, 'en'), 'en').map((s) => s.sheet);
    expect(names.slice(0, 3)).toEqual(['At a glance', 'Pay at a glance', 'Summary']);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});
