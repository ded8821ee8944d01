import { describe, expect, it } from 'vitest';
import { compactMoney, exactMoney, moneyTicks, percent, dayOfMonth, monthLabel, formatNumber, NBSP, NNBSP } from '../../src/charts/format.ts';
import { schemeColor, schemeColors, OKABE_ITO } from '../../src/charts/palette.ts';

describe('money on axes: compact', () => {
  it('writes millions and thousands per language', () => {
    expect(compactMoney(25e6, 'en')).toBe(`25M${NBSP}₽`);
    expect(compactMoney(25e6, 'ru')).toBe(`25${NBSP}млн${NBSP}₽`);
    expect(compactMoney(3e5, 'en')).toBe(`300k${NBSP}₽`);
    expect(compactMoney(3e5, 'ru')).toBe(`300${NBSP}тыс.${NBSP}₽`);
    expect(compactMoney(2.5e6, 'ru')).toBe(`2,5${NBSP}млн${NBSP}₽`);
    expect(compactMoney(1.2e9, 'ru')).toBe(`1,2${NBSP}млрд${NBSP}₽`);
    expect(compactMoney(-5e6, 'en')).toBe(`−5M${NBSP}₽`);
    expect(compactMoney(null, 'en')).toBe('–');
  });

  it('reads the same with ordinary spaces ("25 млн ₽", "25M ₽")', () => {
    const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
    expect(plain(compactMoney(25e6, 'ru'))).toBe('25 млн ₽');
    expect(plain(compactMoney(25e6, 'en'))).toBe('25M ₽');
    expect(plain(compactMoney(3e5, 'ru'))).toBe('300 тыс. ₽');
  });

  it('gives a whole axis one unit and the decimals its step needs', () => {
    const f = moneyTicks([0, 5e5, 1e6, 1.5e6], 'en');
    expect([0, 5e5, 1e6, 1.5e6].map(f)).toEqual(['0', `0.5M${NBSP}₽`, `1M${NBSP}₽`, `1.5M${NBSP}₽`]);
    const g = moneyTicks([-2e7, -1e7, 0, 1e7], 'ru');
    expect(g(-2e7)).toBe(`−20${NBSP}млн${NBSP}₽`);
  });

  it('signs differences', () => {
    expect(compactMoney(31.36e6, 'en', { digits: 2, signed: true })).toBe(`+31.36M${NBSP}₽`);
    expect(compactMoney(0, 'en', { signed: true })).toBe(`0${NBSP}₽`);
  });
});

describe('exact money, to the kopeck', () => {
  it('groups with narrow no-break spaces and a decimal comma in Russian', () => {
    expect(exactMoney(27000, 'ru')).toBe(`27${NNBSP}000,00${NBSP}₽`);
    expect(exactMoney(27000, 'ru').replace(/[\u00A0\u202F]/g, ' ')).toBe('27 000,00 ₽');
    expect(exactMoney(1234567.891, 'ru')).toBe(`1${NNBSP}234${NNBSP}567,89${NBSP}₽`);
  });
  it('groups with commas in English', () => {
    expect(exactMoney(27000, 'en')).toBe(`27,000.00${NBSP}₽`);
    expect(exactMoney(75000.5, 'en')).toBe(`75,000.50${NBSP}₽`);
    expect(exactMoney(-6000, 'en')).toBe(`−6,000.00${NBSP}₽`);
  });
});

describe('shares, days and months', () => {
  it('writes percentages per language', () => {
    expect(percent(0.935, 'en')).toBe('94%');
    expect(percent(0.935, 'ru')).toBe(`94${NBSP}%`);
    expect(percent(1.056, 'ru', 1)).toBe(`105,6${NBSP}%`);
    expect(percent(null, 'en')).toBe('–');
    // Trimmed (the run status's interval widths): hundredths where given, never a rounded-off 1%.
    expect(percent(0.0082, 'en', 2, { fixed: false })).toBe('0.82%');
    expect(percent(0.01, 'en', 2, { fixed: false })).toBe('1%');
    expect(percent(0.0104, 'en', 2, { fixed: false })).toBe('1.04%');
    expect(percent(0.0131, 'ru', 2, { fixed: false })).toBe(`1,31${NBSP}%`);
    expect(percent(0.1234, 'en', 1, { fixed: false })).toBe('12.3%');
  });
  it('writes days of month and months', () => {
    expect(dayOfMonth(15, 'en')).toBe('15th');
    expect(dayOfMonth(1, 'en')).toBe('1st');
    expect(dayOfMonth(22, 'en')).toBe('22nd');
    expect(dayOfMonth(11, 'en')).toBe('11th');
    expect(dayOfMonth(15, 'ru')).toBe('15-е');
    expect(monthLabel('2027-03', 'en')).toBe('Mar 2027');
    expect(monthLabel('2027-03', 'ru', 'long')).toBe('март 2027');
    expect(formatNumber(0.4213, 'ru', 2)).toBe('0,42');
  });
});

describe('palette', () => {
  it('is Okabe–Ito, baseline first, one colour per scheme', () => {
    expect(schemeColor(0)).toBe(OKABE_ITO[0]);
    expect(schemeColor(OKABE_ITO.length)).toBe(OKABE_ITO[0]);
    const c = schemeColors([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 'b');
    expect(c).toEqual({ b: OKABE_ITO[0], a: OKABE_ITO[1], c: OKABE_ITO[2] });
  });
});
