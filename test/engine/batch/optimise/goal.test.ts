/** What the optimiser maximises and keeps: the results' own names, read off a scheme's results; limits as people write them. */
import { describe, expect, it } from 'vitest';
import { boundValue, parseAmount, parseGoal, parseLimit, parseMetric, slack } from '../../../../src/engine/batch/optimise/goal.ts';
import { OptimiseError } from '../../../../src/engine/batch/optimise/errors.ts';
import type { SchemeResults } from '../../../../src/engine/results/results-json.ts';

const STAFF = ['head', 'masha', 'vasya'];

const dist = (p50: number) => ({ mean: p50, p5: p50 - 5, p10: p50 - 4, p25: p50 - 2, p50, p75: p50 + 2, p90: p50 + 4, p95: p50 + 5 });
const results = {
  id: 'x',
  metrics: { profitTotal: dist(100), maxCashGapMidMonth: dist(10), bonusTotal: dist(7) },
  planMetShare: 0.4,
  staff: [
    { id: 'head', pay: dist(60), bonus: dist(20), payTotal: dist(700) },
    { id: 'masha', pay: dist(40), bonus: dist(10), payTotal: dist(480) },
    { id: 'vasya', pay: dist(30), bonus: dist(5), payTotal: dist(360) },
  ],
  vsBaseline: { runs: 10, profitDiff: { median: 3, p5: -1, p95: 6, mean: 2.5, meanLow: 2, meanHigh: 3 }, collectionsDiff: { median: 1, p5: 0, p95: 2, mean: 1 }, maxCashGapMidDiff: { median: -2, p5: -3, p95: 0, mean: -2 }, shareBetter: 0.7 },
} as unknown as SchemeResults;

const read = (name: string, isStart = false) => parseMetric(name, STAFF).map((m) => m.read(results, isStart));

describe('metrics by the results contract’s names', () => {
  it('reads a metric’s mean and quantiles, p10 and p90 included, and the median by name', () => {
    expect(read('profitTotal.p50')).toEqual([100]);
    expect(read('maxCashGapMidMonth.p90')).toEqual([14]);
    expect(read('metrics.bonusTotal.mean')).toEqual([7]);
    expect(read('profitTotal.median')).toEqual([100]);
    expect(read('planMetShare')).toEqual([0.4]);
  });

  it('reads a person’s pay, and staff.* is everyone, one metric each', () => {
    expect(read('staff.masha.pay.p50')).toEqual([40]);
    const all = parseMetric('staff.*.pay.p50', STAFF);
    expect(all.map((m) => m.text)).toEqual(['staff.head.pay.p50', 'staff.masha.pay.p50', 'staff.vasya.pay.p50']);
    expect(all.map((m) => m.read(results, false))).toEqual([60, 40, 30]);
  });

  it('reads the paired differences with the start (zero for the start itself)', () => {
    const [m] = parseMetric('vsBaseline.profit.p50', STAFF);
    expect(m.paired).toBe(true);
    expect(m.read(results, false)).toBe(3);
    expect(m.read(results, true)).toBe(0);
    expect(read('vsBaseline.maxCashGapMid.mean')).toEqual([-2]);
    expect(read('vsBaseline.profit.meanLow')).toEqual([2]);
    expect(read('vsBaseline.shareBetter')).toEqual([0.7]);
  });

  it('refuses what the results do not hold, saying what would do', () => {
    expect(() => parseMetric('profitTotl.p50', STAFF)).toThrow(/not a metric of the results: e\.g\. profitTotal\.p50/);
    expect(() => parseMetric('profitTotal.p99', STAFF)).toThrow(/"p99" is not one of mean, p5, p10, p25, p50, p75, p90, p95/);
    expect(() => parseMetric('profitTotal', STAFF)).toThrow(/name a statistic, e\.g\. profitTotal\.p50/);
    expect(() => parseMetric('staff.misha.pay.p50', STAFF)).toThrow(/nobody with the id "misha" on the staff \(head, masha, vasya\)/);
    expect(() => parseMetric('vsBaseline.cash.p50', STAFF)).toThrow(/profit, collections or maxCashGapMid/);
    const e = (() => {
      try {
        parseMetric('nonsense', STAFF);
      } catch (error) {
        return error as OptimiseError;
      }
    })();
    expect(e?.text('ru')).toMatch(/не показатель результатов/);
  });
});

describe('limits', () => {
  it('reads amounts as people type them', () => {
    expect(parseAmount('15000000')).toBe(15e6);
    expect(parseAmount('15M')).toBe(15e6);
    expect(parseAmount('1.5bn')).toBe(1.5e9);
    expect(parseAmount('500k')).toBe(5e5);
    expect(parseAmount('90%')).toBe(0.9);
    expect(parseAmount('15_000_000')).toBe(15e6);
    expect(parseAmount('lots')).toBeNull();
  });

  it('compares with a number or with the start, shifted or scaled', () => {
    const [cap] = parseLimit('bonusTotal.p50 <= 1M', STAFF);
    expect(cap.op).toBe('<=');
    expect(boundValue(cap, 123)).toBe(1e6);
    expect(slack(cap, 4e5, 1e6)).toBe(6e5);
    const [gap] = parseLimit('maxCashGapMidMonth.p90 ≤ start + 1M', STAFF);
    expect(boundValue(gap, 8e6)).toBe(9e6);
    const [pay] = parseLimit('staff.masha.pay.p50>=start*1.1', STAFF);
    expect(pay.op).toBe('>=');
    expect(boundValue(pay, 40_000)).toBeCloseTo(44_000, 6);
    expect(slack(pay, 43_000, 44_000)).toBe(-1000);
    expect(slack(pay, null, 44_000)).toBe(-Infinity);
  });

  it('spells staff.* out into one limit per person', () => {
    expect(parseLimit('staff.*.pay.p50 >= start', STAFF).map((l) => l.text)).toEqual([
      'staff.head.pay.p50 >= start',
      'staff.masha.pay.p50 >= start',
      'staff.vasya.pay.p50 >= start',
    ]);
  });

  it('refuses a limit without an operator or with a bound it cannot read', () => {
    expect(() => parseLimit('profitTotal.p50 = 5', STAFF)).toThrow(/write METRIC OP VALUE/);
    expect(() => parseLimit('profitTotal.p50 >= lots', STAFF)).toThrow(/a number \(15000000, 15M, 90%\) or start/);
    expect(() => parseLimit('profitTotal.p50 >= start + lots', STAFF)).toThrow(/"lots" is not an amount/);
  });

  it('defaults: median profit, the P90 mid-month gap no worse, nobody’s median pay lower', () => {
    const goal = parseGoal(undefined, undefined, STAFF);
    expect(goal.maximise.text).toBe('profitTotal.p50');
    expect(goal.limits.map((l) => l.text)).toEqual([
      'maxCashGapMidMonth.p90 <= start',
      'staff.head.pay.p50 >= start',
      'staff.masha.pay.p50 >= start',
      'staff.vasya.pay.p50 >= start',
    ]);
    expect(parseGoal('bonusTotal.mean', [], STAFF).limits).toEqual([]);
    expect(() => parseGoal('staff.*.pay.p50', undefined, STAFF)).toThrow(/one figure/);
  });
});
