import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ResultsAccumulator } from '../../../src/engine/results/accumulator.ts';
import { buildResultsJson, resultsJsonText } from '../../../src/engine/results/summarize.ts';
import type { ResultsJson } from '../../../src/engine/results/summarize.ts';
import { quantileSorted, sortedCopy, BAND_LEVELS, BAND_P } from '../../../src/engine/results/quantiles.ts';
import { EXACT_DISTINCT, MAX_BUCKETS, RELATIVE_ERROR } from '../../../src/engine/results/quantile-sketch.ts';
import type { RunResult } from '../../../src/engine/run/run-result.ts';
import { fakeRun, fakeScenario, FAKE_DAYS, FAKE_MONTHS } from '../../support/fake-run.ts';

// 1,500 synthetic runs of 2 schemes (seeded by run index): beyond EXACT_DISTINCT, so the
// per-day cash, intra-month and money series are in bucket mode.
const scenario = fakeScenario(2);
const RUNS = 1500;
const all: RunResult[] = [];
for (let run = 0; run < RUNS; run++) for (let s = 0; s < 2; s++) all.push(fakeRun(s, run));
const text = (acc: ResultsAccumulator) => resultsJsonText(buildResultsJson(scenario, acc));
const whole = new ResultsAccumulator(scenario).addAll(all);
const reference = text(whole);
const referenceState = JSON.stringify(whole.toState());

describe('mergeable summaries', () => {
  it('merging shards gives the whole run, for any split, order and grouping (associative, commutative)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer(), (parts, salt) => {
        // Split runs into `parts` shards by a salted hash, fold them as a random tree.
        const shards = Array.from({ length: parts }, () => new ResultsAccumulator(scenario));
        for (const r of all) shards[Math.abs((r.runIndex * 2654435761 + salt) | 0) % parts].add(r);
        const queue = [...shards];
        let k = Math.abs(salt);
        while (queue.length > 1) {
          const i = k++ % queue.length;
          const [a] = queue.splice(i, 1);
          const [b] = queue.splice(k++ % queue.length, 1);
          queue.push(k % 2 ? a.merge(b) : b.merge(a));
        }
        expect(queue[0].size).toBe(all.length);
        expect(JSON.stringify(queue[0].toState())).toBe(referenceState);
        expect(text(queue[0])).toBe(reference);
      }),
      { seed: 21, numRuns: 6 },
    );
  });

  it('survives its state (a shard file) unchanged', () => {
    const back = ResultsAccumulator.fromState(JSON.parse(JSON.stringify(whole.toState())));
    expect(back.size).toBe(whole.size);
    expect(text(back)).toBe(reference);
  });

  it('refuses to merge a run twice', () => {
    const a = new ResultsAccumulator(scenario).add(fakeRun(0, 3));
    const b = new ResultsAccumulator(scenario).add(fakeRun(1, 3)).add(fakeRun(0, 3));
    expect(() => a.merge(b)).toThrow(/run 3 of scheme 0 was added twice/);
  });
});

describe('quantile error against exact quantiles (1,500 synthetic runs, seeded by run index)', () => {
  const json: ResultsJson = JSON.parse(reference);
  /** |got − exact type-7 quantile| ≤ α·max(|x⌊h⌋|, |x⌊h⌋+1|) + rounding of the output. */
  function expectWithin(values: ArrayLike<number>, p: number, got: number | null, rounding: number, scale = 1, what = '') {
    const s = sortedCopy(values);
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    const neighbours = Math.max(Math.abs(s[lo]), Math.abs(s[Math.min(lo + 1, s.length - 1)])) * scale;
    const exact = quantileSorted(s, p) * scale;
    expect(got, what).not.toBeNull();
    expect(Math.abs(got! - exact), `${what} p=${p}: ${got} vs exact ${exact}`).toBeLessThanOrEqual(RELATIVE_ERROR * neighbours + rounding);
  }
  const runsOf = (scheme: number) => all.filter((r) => r.schemeIndex === scheme);

  it('cash bands by day and in the typical month', () => {
    for (const scheme of [0, 1]) {
      const runs = runsOf(scheme);
      const out = json.schemes[scheme];
      for (let d = 0; d < FAKE_DAYS; d += 7) {
        const column = runs.map((r) => r.cashDaily[d]);
        BAND_LEVELS.forEach((level, k) => expectWithin(column, BAND_P[k], out.cashDaily[level][d], RELATIVE_ERROR, 1, `cash day ${d + 1}`));
      }
      // Day of month 15: Jan 15, Feb 15, Mar 15 of every run.
      const typical = runs.flatMap((r) => [14, 31 + 14, 59 + 14].map((d) => r.cashDaily[d]));
      BAND_LEVELS.forEach((level, k) => expectWithin(typical, BAND_P[k], out.typicalMonth[level][14], RELATIVE_ERROR, 1, 'typical day 15'));
    }
  });

  it('monthly metrics, intra-month shares, staff pay; the profit total and paired differences exactly', () => {
    const runs = runsOf(1);
    const out = json.schemes[1];
    const pooled = runs.flatMap((r) => [...r.collections]);
    for (const [p, key] of [[0.05, 'p5'], [0.1, 'p10'], [0.25, 'p25'], [0.5, 'p50'], [0.75, 'p75'], [0.9, 'p90'], [0.95, 'p95']] as const) {
      expectWithin(pooled, p, out.metrics.collectionsMonthly[key], RELATIVE_ERROR, 1, 'collections');
      expectWithin(pooled, p, out.metrics.planFulfilmentMonthly[key], 5e-7, 1 / 50e6, 'plan fulfilment');
      expectWithin(runs.flatMap((r) => [...r.staffPay.subarray(FAKE_MONTHS, 2 * FAKE_MONTHS)]), p, out.staff[1].pay[key], RELATIVE_ERROR, 1, 'masha pay');
    }
    const day10 = runs.flatMap((r) => [0, 1, 2].map((m) => r.collectedByDay[m * 31 + 9]));
    expectWithin(day10, 0.5, out.intraMonth[9].median, 5e-7, 1 / 50e6, 'intra-month day 10');
    // Exact: the profit total's quantiles and the paired differences keep every run.
    const profit = sortedCopy(runs.map((r) => r.profit.reduce((a, b) => a + b, 0)));
    expect(out.metrics.profitTotal.p25).toBe(Math.round(quantileSorted(profit, 0.25) * 100) / 100);
    const base = runsOf(0);
    const diffs = sortedCopy(runs.map((r, i) => r.profit.reduce((a, b) => a + b, 0) - base[i].profit.reduce((a, b) => a + b, 0)));
    expect(out.vsBaseline!.profitDiff.p5).toBe(Math.round(quantileSorted(diffs, 0.05) * 100) / 100);
    expect(out.vsBaseline!.runs).toBe(RUNS);
  });

  it('states the bound in the JSON', () => {
    expect(json.quantileError).toEqual({ relative: RELATIVE_ERROR, exactUpTo: EXACT_DISTINCT });
  });
});

describe('memory does not grow with runs', () => {
  it('keeps summary sizes bounded: sketches stop growing, per-run data is 3 numbers a run', () => {
    const footprint = (runs: number) => {
      const acc = new ResultsAccumulator(scenario);
      for (let run = 0; run < runs; run++) acc.add(fakeRun(1, run));
      const s = acc.scheme(1)!;
      const state = s.toState();
      expect(state.perRun.profitTotal).toHaveLength(runs);
      expect(Object.keys(state.perRun)).toHaveLength(3);
      return s.footprint;
    };
    const [a, b] = [footprint(3000), footprint(9000)];
    // 90 days + 31 + 31 + 3 months × 4 + 4 metrics + 5 totals + 3 staff × 3 series, each at most 2 × MAX_BUCKETS
    const series = FAKE_DAYS + 31 + 31 + FAKE_MONTHS * 4 + 4 + 5 + 9;
    expect(b).toBeLessThanOrEqual(series * 2 * MAX_BUCKETS);
    expect(b).toBeLessThan(a * 1.25);
    expect(b / series).toBeLessThan(6000); // cash spans ±15M here: up to 7 decades each side at 1,151 buckets a decade
  });
});
