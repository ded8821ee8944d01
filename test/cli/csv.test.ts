import { describe, expect, it } from 'vitest';
import { toCsv as csv, csvCell } from '../../src/charts/export/csv.ts';
import { groupAmount, millions } from '../../src/cli/format.ts';

describe('CSV cells', () => {
  it('keeps numbers numbers, negative ones included', () => {
    expect(csvCell(-6000)).toBe('-6000');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(null)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-6000')).toBe("'-6000");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Masha')).toBe('Masha');
  });

  it('quotes commas, quotes and line breaks; BOM and CRLF', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csv(['x', 'y'], [['a"b', 1]])).toBe('\uFEFFx,y\r\n"a""b",1\r\n');
  });
});

describe('number formatting', () => {
  it('groups roubles with spaces', () => {
    expect(groupAmount('75000.00')).toBe('75 000.00');
    expect(groupAmount('-6000.00')).toBe('-6 000.00');
    expect(groupAmount('55000000.00', 'ru')).toBe('55 000 000,00');
    expect(groupAmount('999.5')).toBe('999.5');
  });
  it('shows millions compactly', () => {
    expect(millions(52_412_345)).toBe('52.41M');
    expect(millions(-1_500_000, 'en', true)).toBe('−1.50M');
    expect(millions(1_500_000, 'ru', true)).toBe('+1,50 млн');
    expect(millions(null)).toBe('–');
  });
});
