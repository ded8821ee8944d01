/**
 * CSV for spreadsheets: BOM, CRLF, RFC 4180 quoting, '.' decimals whatever the language,
 * and no cell a spreadsheet would run as a formula.
 */
import { describe, expect, it } from 'vitest';
import { BOM, CSV_LOCALES, csvCell, tableCsv, toCsv, type Table } from '../../../src/charts/export/csv.ts';
import {
  cashTable, coverMatrixTable, distributionTable, effortTable, growthTable, intraMonthTable, monthlyTable, payTable, summaryTable,
} from '../../../src/charts/export/tables.ts';
import { METRIC_KEYS } from '../../../src/engine/index.ts';
import { tinyResults } from '../fixture.ts';

describe('csv', () => {
  it('starts with a BOM, ends every row with CRLF and quotes what needs quoting', () => {
    const text = toCsv(['name', 'value'], [['Маша, "старшая"', 1.5], ['line\nbreak', -2]]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1)).toBe('name,value\r\n"Маша, ""старшая""",1.5\r\n"line\nbreak",-2\r\n');
  });

  it('guards text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('-')).toBe("'-");
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it("writes '.' decimals, no exponents, empty cells for missing numbers", () => {
    expect(csvCell(1234567.25)).toBe('1234567.25');
    expect(csvCell(1e-7)).toBe('0.0000001');
    expect(csvCell(1e21)).toBe('1000000000000000000000');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('1');
  });

  it('gives each chart table one header and rows of the same width', () => {
    const { results } = tinyResults(3, 2);
    for (const t of [summaryTable(results), distributionTable(results, 'profitTotal'), cashTable(results, 'horizon'), cashTable(results, 'typicalMonth')]) {
      expect(t.rows.length).toBeGreaterThan(0);
      for (const row of t.rows) expect(row).toHaveLength(t.header.length);
    }
    const summary = summaryTable(results);
    expect(summary.rows.map((r) => r[0])).toEqual(results.schemes.map((s) => s.id));
    expect(summary.header).toContain('profit_diff_p5');
  });
});

/** Splits CSV text on a delimiter outside quotes (rows on CRLF). */
function parse(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('csv in the Russian locale', () => {
  const { results } = tinyResults(3, 2);
  const tables: Table[] = [
    summaryTable(results), cashTable(results, 'horizon'), cashTable(results, 'typicalMonth'), intraMonthTable(results), effortTable(results),
    payTable(results), growthTable(results), coverMatrixTable(results),
    // every month series the contract has, whatever the registry grows to
    monthlyTable(results, Object.keys(results.schemes[0].monthly[0]).filter((k) => k !== 'month') as Parameters<typeof monthlyTable>[1]),
    ...METRIC_KEYS.map((k) => distributionTable(results, k)),
  ];

  it("writes ';' between cells and ',' decimals, and every number as it is", () => {
    expect(csvCell(1234567.25, CSV_LOCALES.ru)).toBe('1234567,25');
    expect(csvCell(-0.000001, CSV_LOCALES.ru)).toBe('-0,000001');
    expect(csvCell('a;b', CSV_LOCALES.ru)).toBe('"a;b"');
    const table = summaryTable(results);
    const rows = parse(tableCsv(table, 'ru').slice(1), ';');
    expect(rows[0]).toHaveLength(table.header.length);
    table.rows.forEach((r, i) =>
      r.forEach((cell, j) => {
        if (typeof cell === 'number') expect(Number(rows[i + 1][j].replace(',', '.')), table.header[j]).toBe(cell);
      }),
    );
  });

  it('names every column of every table in Russian', () => {
    for (const t of tables) {
      const header = parse(tableCsv(t, 'ru').slice(1), ';')[0];
      for (const h of header) expect(h, h).toMatch(/^[А-ЯЁP]/);
      expect(header.every((h) => !/_/.test(h)), header.join(' | ')).toBe(true);
    }
    const summary = parse(tableCsv(summaryTable(results), 'ru').slice(1), ';')[0];
    expect(summary).toContain('Разрыв в худший день месяца (весь месяц), медиана (P50)');
    expect(summary).toContain('Разрыв в худший день середины месяца (11–25-е), медиана (P50)');
  });

  it('writes dates as 31.01.2027 and roles in words; English keeps the contract', () => {
    const cash = parse(tableCsv(cashTable(results, 'horizon'), 'ru').slice(1), ';');
    expect(cash[1][3]).toBe('01.01.2027');
    const pay = parse(tableCsv(payTable(results), 'ru').slice(1), ';');
    expect(pay.slice(1).map((r) => r[4])).toContain('начальник отдела');
    expect(tableCsv(summaryTable(results), 'en').slice(1).split('\r\n')[0]).toBe(summaryTable(results).header.join(','));
  });
});

