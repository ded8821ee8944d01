import { describe, expect, it } from 'vitest';
import { normalizeDecimal, percentToRate, rateToPercent, shiftDecimal } from '../../src/app/decimal-text.ts';

describe('decimal text', () => {
  it('reads amounts typed with grouping spaces and a decimal comma', () => {
    expect(normalizeDecimal('50 000 000')).toBe('50000000');
    expect(normalizeDecimal('27\u202F000,50')).toBe('27000.50');
    expect(normalizeDecimal('1,234,567.5')).toBe('1234567.5');
    expect(normalizeDecimal('\u22126000')).toBe('-6000');
    expect(normalizeDecimal('40,000,000')).toBe('40000000');
    expect(normalizeDecimal('40,000', 'en')).toBe('40000');
    expect(normalizeDecimal('0,5', 'en')).toBe('0.5');
  });
  it('moves the point exactly, both ways', () => {
    expect(shiftDecimal('0.005', 2)).toBe('0.5');
    expect(shiftDecimal('0.5', -2)).toBe('0.005');
    expect(shiftDecimal('40', -2)).toBe('0.4');
    expect(shiftDecimal('0.4', 2)).toBe('40');
    expect(shiftDecimal('1', 2)).toBe('100');
    expect(shiftDecimal('abc', 2)).toBeNull();
  });
  it('shows rates as percents and reads them back unchanged', () => {
    for (const rate of ['0.001', '0.005', '0.18', '0.302', '1', '0']) expect(percentToRate(rateToPercent(rate))).toBe(rate);
    expect(percentToRate('0,5')).toBe('0.005');
    expect(percentToRate('x')).toBe('x');
  });
});
