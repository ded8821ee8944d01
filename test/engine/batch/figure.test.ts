/** Figures of the results named by expressions (batch/figure.ts), as targets files write them. */
import { describe, expect, it } from 'vitest';
import { evaluateFigure, FigureError, parseFigure } from '../../../src/engine/batch/figure.ts';
import type { ResultsJson } from '../../../src/engine/index.ts';

const results = {
  scenario: { name: 'x', seed: 1, runs: 10, months: 12, startMonth: '2027-01' },
  schemes: [
    { id: 'linear', metrics: { collectionsMonthly: { p50: 45e6 } }, planMetShare: 0.1, badDebtShare: 0.02, hoursByDay: [1, 2, 3, 4, 5].map((day) => ({ day, mean: day * 2, worked: 1 })) },
    { id: 'key-gates', metrics: { collectionsMonthly: { p50: 50e6 } }, planMetShare: null, badDebtShare: 0.04, hoursByDay: [] },
  ],
} as unknown as ResultsJson;

const value = (text: string) => evaluateFigure(parseFigure(text), results, text);

describe('figures', () => {
  it('reads a path into a scheme', () => expect(value('linear.metrics.collectionsMonthly.p50')).toBe(45e6));
  it('divides, subtracts and multiplies with precedence', () => {
    expect(value('linear.metrics.collectionsMonthly.p50 / key-gates.metrics.collectionsMonthly.p50')).toBeCloseTo(0.9);
    expect(value('2 + 3 * 4 - (1 + 1)')).toBe(12);
  });
  it('selects days by range and reduces them', () => {
    expect(value('max(linear.hoursByDay[2..4].mean)')).toBe(8);
    expect(value('min(linear.hoursByDay[2..4].mean)')).toBe(4);
    expect(value('mean(linear.hoursByDay[1..5].mean)')).toBe(6);
    expect(value('linear.hoursByDay[3].mean')).toBe(6);
  });
  it('takes the max of several figures', () => expect(value('max(linear.badDebtShare, key-gates.badDebtShare)')).toBe(0.04));
  it('gives null where the results have no number', () => expect(value('key-gates.planMetShare * 2')).toBeNull());
  it('refuses a list that meets arithmetic, a missing scheme and a missing key, naming them', () => {
    expect(() => value('linear.hoursByDay[1..2].mean + 1')).toThrow(FigureError);
    expect(() => value('salary.planMetShare')).toThrow(/no scheme "salary"/);
    expect(() => value('linear.metrics.nothing')).toThrow(/no "nothing"/);
  });
  it('points at the character where a figure stops making sense', () => {
    expect(() => parseFigure('linear.metrics.(')).toThrow(/character/);
    expect(() => parseFigure('max(linear.a')).toThrow(/"\)" is expected/);
    expect(() => parseFigure('linear.hoursByDay[5..2]')).toThrow(/low to high/);
  });
});
