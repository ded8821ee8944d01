/**
 * The glance figures and the verdict come from the results, not from words written in:
 * real results of the client department (30 runs × 12 months, seed 20260), and the same
 * results edited to walk each branch — a profit difference that straddles zero, a person
 * whose pay falls, a mid-month gap in few months, a two-year horizon.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { glanceOf } from '../../src/app/glance.ts';
import { verdictOf } from '../../src/app/verdict.ts';
import { compactMoney } from '../../src/charts/format.ts';
import type { ResultsJson } from '../../src/engine/index.ts';
import { tinyResults } from '../charts/fixture.ts';

let real: ResultsJson;
const edited = (edit: (r: ResultsJson) => void): ResultsJson => {
  const r = structuredClone(real);
  edit(r);
  return r;
};
const scheme = (r: ResultsJson, id: string) => r.schemes.find((s) => s.id === id)!;

beforeAll(() => {
  real = tinyResults(30, 12).results;
});

describe('glanceOf', () => {
  it('reads each scheme’s figures from the results, a year’s worth', () => {
    const g = glanceOf(real);
    const tranches = g.schemes.find((s) => s.id === 'tranches')!;
    const r = scheme(real, 'tranches');
    expect(tranches.profitYear).toBe(r.metrics.profitTotal.p50);
    expect(tranches.diffYear).toEqual({ median: r.vsBaseline!.profitDiff.median, p5: r.vsBaseline!.profitDiff.p5, p95: r.vsBaseline!.profitDiff.p95 });
    expect(tranches.gapWhole).toBe(r.metrics.maxCashGapMonthly.p50);
    expect(tranches.gapMid).toBe(r.metrics.maxCashGapMidMonth.p50);
    expect(tranches.people.map((p) => p.change)).toEqual(r.staff.map((p, i) => p.pay.p50! - scheme(real, 'linear').staff[i].pay.p50!));
    expect(g.baseline?.id).toBe('linear');
    expect(g.baseline?.diffYear).toBeNull();
  });

  it('scales totals over a two-year horizon to a year', () => {
    const r = edited((x) => (x.scenario.months = 24));
    const g = glanceOf(r).schemes.find((s) => s.id === 'threshold')!;
    expect(g.profitYear).toBeCloseTo(scheme(real, 'threshold').metrics.profitTotal.p50! / 2, 6);
    expect(g.bonusYear).toBeCloseTo(scheme(real, 'threshold').metrics.bonusTotal.p50! / 2, 6);
  });
});

describe('verdictOf', () => {
  it('puts the scheme with the largest profit difference first, with its own figures', () => {
    const v = verdictOf(glanceOf(real), 'en');
    const order = real.schemes.filter((s) => s.vsBaseline).sort((a, b) => b.vsBaseline!.profitDiff.median! - a.vsBaseline!.profitDiff.median!);
    expect(v.schemes.map((s) => s.scheme)).toEqual(order.map((s) => s.id));
    const best = order[0];
    const diff = compactMoney(best.vsBaseline!.profitDiff.median!, 'en', { signed: true });
    expect(v.schemes[0].text).toContain(`${best.name} — ${diff} profit a year against “0.1% of collections”`);
    expect(v.lead).toBeNull();
  });

  it('says there is no clear difference when the 90% interval straddles zero', () => {
    const r = edited((x) => {
      for (const s of x.schemes) if (s.vsBaseline) Object.assign(s.vsBaseline.profitDiff, { median: 1e6, p5: -3e6, p95: 5e6 });
    });
    const v = verdictOf(glanceOf(r), 'en');
    expect(v.lead).toBe('No scheme clearly earns more profit than “0.1% of collections”.');
    expect(v.schemes[0].text).toContain('no clear difference in profit from “0.1% of collections” (−3M\u00A0₽ … +5M\u00A0₽ a year');
    expect(verdictOf(glanceOf(r), 'ru').lead).toBe('Ни одна схема не приносит явно больше прибыли, чем «0.1% of collections».');
  });

  it('names whose pay falls, beyond what the quantiles can tell apart', () => {
    const r = edited((x) => {
      const base = scheme(x, 'linear').staff[2].pay.p50!;
      scheme(x, 'threshold').staff[2].pay.p50 = base - 2000;
      scheme(x, 'tranches').staff[2].pay.p50 = base * (1 - 0.001); // inside the 0.5% error bound
    });
    const v = verdictOf(glanceOf(r), 'en');
    expect(v.schemes.find((s) => s.scheme === 'threshold')!.text).toContain('pay a month falls: Vasya −2k\u00A0₽');
    expect(v.schemes.find((s) => s.scheme === 'tranches')!.text).toContain('nobody’s pay falls');
  });

  it('tells the months without a mid-month gap from the quantiles that are zero, and the worst day of the month', () => {
    const r = edited((x) => {
      Object.assign(scheme(x, 'tranches').metrics.maxCashGapMidMonth, { p5: 0, p25: 0, p50: 0, p75: 0, p95: 0 });
      Object.assign(scheme(x, 'tranches').metrics.maxCashGapMonthly, { p50: 8_012_345 });
      Object.assign(scheme(x, 'threshold').metrics.maxCashGapMidMonth, { p5: 0, p25: 2e6, p50: 13_593_800, p75: 15e6, p95: 18e6 });
      Object.assign(scheme(x, 'threshold').metrics.maxCashGapMonthly, { p50: 13_593_800 });
      Object.assign(scheme(x, 'linear').metrics.maxCashGapMidMonth, { p50: 13_192_039 });
    });
    const en = verdictOf(glanceOf(r), 'en');
    expect(en.schemes.find((s) => s.scheme === 'tranches')!.text).toContain('no mid-month gap in 19 months of 20, though the worst day of a typical month is 8.0M\u00A0₽ short');
    expect(en.schemes.find((s) => s.scheme === 'threshold')!.text).toContain('a mid-month gap of 13.6M\u00A0₽ in a typical month (13.2M\u00A0₽ under “0.1% of collections”);');
    const ru = verdictOf(glanceOf(r), 'ru');
    expect(ru.schemes.find((s) => s.scheme === 'tranches')!.text).toContain('разрыва в середине месяца нет в 19 месяцах из 20, хотя в худший день типичного месяца не хватает 8,0\u00A0млн\u00A0₽');
  });
});
