/**
 * CSV for spreadsheets: BOM, CRLF, RFC 4180 quoting, '.' decimals whatever the language,
 * and no cell a spreadsheet would run as a formula.
 */
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from '../../../src/charts/export/csv.ts';
import { distributionTable, summaryTable, cashTable } from '../../../src/charts/export/tables.ts';
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
