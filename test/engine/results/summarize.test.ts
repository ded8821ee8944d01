import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ResultsAccumulator, buildResultsJson, resultsJsonText, METRIC_KEYS } from '../../../src/engine/results/summarize.ts';
import type { RunResult } from '../../../src/engine/run/run-result.ts';
import { fakeRun, fakeScenario, FAKE_DAYS, FAKE_MONTHS } from '../../support/fake-run.ts';

const scenario = fakeScenario(3);
const RUNS = 12;
const all: RunResult[] = [];
for (let run = 0; run < RUNS; run++) for (let s = 0; s < 3; s++) all.push(fakeRun(s, run));

const text = (results: RunResult[]) =>
  resultsJsonText(buildResultsJson(scenario, new ResultsAccumulator(scenario).addAll(results)));

describe('ResultsAccumulator and the results JSON', () => {
  const reference = text(all);

  it('does not depend on the order runs arrive in (shuffle → identical JSON)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (shuffled) => {
        expect(text(shuffled)).toBe(reference);
      }),
      { numRuns: 20, seed: 42 },
    );
  });

  it('merge(a, b) gives the same as adding everything to one', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: all.length, maxLength: all.length }), (side) => {
        const a = new ResultsAccumulator(scenario);
        const b = new ResultsAccumulator(scenario);
        all.forEach((r, i) => (side[i] ? a : b).add(r));
        const merged = a.merge(b);
        expect(merged.size).toBe(all.length);
        expect(resultsJsonText(buildResultsJson(scenario, merged))).toBe(reference);
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  it('refuses the same run twice', () => {
    const acc = new ResultsAccumulator(scenario).add(fakeRun(0, 0));
    expect(() => acc.add(fakeRun(0, 0))).toThrow(/run 0 of scheme 0 was added twice/);
  });

  it('has the documented shape', () => {
    const json = JSON.parse(reference);
    expect(json.format).toBe('paybench-results');
    expect(json.version).toBe(1);
    expect(json.scenario).toEqual({ name: 'Fake department', seed: 7, runs: RUNS, months: FAKE_MONTHS, startMonth: '2026-01' });
    expect(json.baseline).toBe('s0');
    expect(json.schemes.map((s: { id: string }) => s.id)).toEqual(['s0', 's1', 's2']);
    const s1 = json.schemes[1];
    expect(Object.keys(s1.metrics)).toEqual([...METRIC_KEYS]);
    for (const key of METRIC_KEYS) expect(Object.keys(s1.metrics[key])).toEqual(['mean', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95']);
    expect(s1.intraMonth).toHaveLength(31);
    expect(s1.effortByDay).toHaveLength(31);
    expect(s1.cashDaily.p50).toHaveLength(FAKE_DAYS);
    expect(Object.keys(s1.cashDaily)).toEqual(['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95']);
    expect(s1.typicalMonth.p50).toHaveLength(31);
    expect(s1.monthly.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(s1.staff.map((p: { id: string }) => p.id)).toEqual(['head', 'masha', 'vasya']);
    expect(json.schemes[0].vsBaseline).toBeNull();
    expect(s1.vsBaseline.runs).toBe(RUNS);
  });

  it('computes monthly metrics over all run-months and totals per run', () => {
    const json = JSON.parse(reference);
    const runs = all.filter((r) => r.schemeIndex === 2);
    const monthly = runs.flatMap((r) => [...r.collections]);
    const mean = monthly.reduce((a, b) => a + b, 0) / monthly.length;
    expect(json.schemes[2].metrics.collectionsMonthly.mean).toBeCloseTo(mean, 2);
    const met = monthly.filter((c) => c >= 50e6).length / monthly.length;
    expect(json.schemes[2].planMetShare).toBeCloseTo(met, 6);
    const profits = runs.map((r) => r.profit.reduce((a, b) => a + b, 0)).sort((a, b) => a - b);
    expect(json.schemes[2].metrics.profitTotal.p50).toBeCloseTo((profits[5] + profits[6]) / 2, 2);
    // cumulative share of plan on the last day = collections / plan
    const last = monthly.map((c) => c / 50e6);
    expect(json.schemes[2].intraMonth[30].mean).toBeCloseTo(last.reduce((a, b) => a + b, 0) / last.length, 6);
    // effort: days 7, 14, 21, 28 nobody worked
    expect(json.schemes[2].effortByDay[6]).toEqual({ day: 7, median: null, mean: null, worked: 0 });
    expect(json.schemes[2].effortByDay[0].worked).toBe(1);
  });

  it('rounds roubles to kopecks and shares to 6 decimals', () => {
    const json = JSON.parse(reference);
    const c = json.schemes[1].metrics.collectionsMonthly.p50;
    expect(Math.round(c * 100) / 100).toBe(c);
    const f = json.schemes[1].metrics.planFulfilmentMonthly.p50;
    expect(Math.round(f * 1e6) / 1e6).toBe(f);
  });
});

describe('paired differences against the baseline', () => {
  /** Scheme 1 beats the baseline by exactly 1M of profit in runs 0–6, loses 2M in runs 7–9. */
  function constructed(): RunResult[] {
    const out: RunResult[] = [];
    for (let run = 0; run < 10; run++) {
      const base = fakeRun(0, run);
      const other = fakeRun(1, run);
      const delta = run < 7 ? 1e6 : -2e6;
      for (let k = 0; k < FAKE_MONTHS; k++) {
        other.profit[k] = base.profit[k] + delta / FAKE_MONTHS;
        other.collections[k] = base.collections[k] + 300_000;
        other.maxCashGapMid[k] = base.maxCashGapMid[k] - 1_000_000;
      }
      out.push(base, other);
    }
    return out;
  }

  it('pairs runs by index: median, interval, share better', () => {
    const json = buildResultsJson(fakeScenario(2), new ResultsAccumulator(fakeScenario(2)).addAll(constructed()));
    const vs = json.schemes[1].vsBaseline!;
    expect(vs.runs).toBe(10);
    expect(vs.shareBetter).toBe(0.7);
    expect(vs.profitDiff.median).toBeCloseTo(1e6, 2);
    expect(vs.profitDiff.mean).toBeCloseTo((7 * 1e6 - 3 * 2e6) / 10, 2);
    expect(vs.profitDiff.p5).toBeCloseTo(-2e6, 2);
    expect(vs.profitDiff.p95).toBeCloseTo(1e6, 2);
    // Every pair differs by the same amount: the mean's interval has no width.
    expect(vs.collectionsDiff).toEqual({ median: 300000, p5: 300000, p95: 300000, mean: 300000, meanLow: 300000, meanHigh: 300000 });
    // 7 runs at +1M and 3 at −2M: mean 0.1M, sd 1.449M, 90% interval ± 1.645 × 1.449M / √10.
    const half = 1.6448536269514722 * Math.sqrt((7 * 0.9e6 ** 2 + 3 * 2.1e6 ** 2) / 9 / 10);
    expect(vs.profitDiff.meanLow).toBeCloseTo(0.1e6 - half, 0);
    expect(vs.profitDiff.meanHigh).toBeCloseTo(0.1e6 + half, 0);
    expect(vs.maxCashGapMidDiff.median).toBeCloseTo(-1e6, 2);
  });

  it('pairs only the runs both schemes have', () => {
    const runs = constructed().filter((r) => !(r.schemeIndex === 0 && r.runIndex >= 5));
    const vs = buildResultsJson(fakeScenario(2), new ResultsAccumulator(fakeScenario(2)).addAll(runs)).schemes[1].vsBaseline!;
    expect(vs.runs).toBe(5);
    expect(vs.shareBetter).toBe(1);
  });

  it('says the runs every scheme has: the fewest, so a summary with a scheme behind reads as partial', () => {
    const runs = constructed().filter((r) => !(r.schemeIndex === 0 && r.runIndex >= 5));
    const json = buildResultsJson(fakeScenario(2), new ResultsAccumulator(fakeScenario(2)).addAll(runs));
    expect(json.schemes.map((s) => s.runs)).toEqual([5, constructed().filter((r) => r.schemeIndex === 1).length]);
    expect(json.scenario.runs).toBe(5);
  });

  it('has no comparison when the baseline was not run', () => {
    const runs = constructed().filter((r) => r.schemeIndex === 1);
    const json = buildResultsJson(fakeScenario(2), new ResultsAccumulator(fakeScenario(2)).addAll(runs));
    expect(json.schemes.map((s) => s.id)).toEqual(['s1']);
    expect(json.schemes[0].vsBaseline).toBeNull();
  });
});
