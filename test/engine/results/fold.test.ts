import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ResultsAccumulator } from '../../../src/engine/results/accumulator.ts';
import { QuantileSketch } from '../../../src/engine/results/quantile-sketch.ts';
import { ExactSum } from '../../../src/engine/numeric/exact-sum.ts';
import { DAY_ROWS, MONTHLY_RATIOS, SUMMED_KEYS, type DayKey, type MonthlyKey } from '../../../src/engine/run/metrics.ts';
import { MONTHLY_METRICS, MONTH_KEYS, MONTH_SERIES, TOTAL_METRICS } from '../../../src/engine/results/series.ts';
import type { RunResult } from '../../../src/engine/run/run-result.ts';
import { buildResultsJson, resultsJsonText } from '../../../src/engine/results/summarize.ts';
import { fakeRun, fakeScenario } from '../../support/fake-run.ts';

const scenario = fakeScenario(1);
const PLAN = Number(scenario.company.plan);

/**
 * The fold written the plain way — one run at a time, one value at a time, straight from
 * the registry — as the summaries were folded before chunks: the chunked fold must leave
 * the same state, bit for bit.
 */
function referenceFold(runs: RunResult[]) {
  const sketches = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, new QuantileSketch()]));
  const total = (a: Float64Array, from: number, to: number) => {
    let s = 0;
    for (let i = from; i < to; i++) s += a[i];
    return s;
  };
  const monthlyMetrics = sketches(MONTHLY_METRICS);
  const totals = sketches(TOTAL_METRICS);
  const byDay = Object.fromEntries(DAY_ROWS.map((row) => [row.key, Array.from({ length: 31 }, () => new QuantileSketch())]));
  const staff: QuantileSketch[][] = [];
  const cashDaily: QuantileSketch[] = [];
  const monthly: Record<string, QuantileSketch>[] = [];
  const sums = Object.fromEntries(SUMMED_KEYS.map((k) => [k, new ExactSum()]));
  let planMet = 0;
  for (const r of runs) {
    const months = r.months;
    for (const k of SUMMED_KEYS) sums[k].add(total(r[k], 0, months));
    for (let m = 0; m < months; m++) {
      if (r.collections[m] >= PLAN) planMet++;
      for (const k of MONTHLY_METRICS) monthlyMetrics[k].add(r[k][m]);
      const month = (monthly[m] ??= sketches(MONTH_KEYS));
      for (const k of MONTH_SERIES) month[k].add(r[k][m]);
      for (const q of MONTHLY_RATIOS) if (r[q.per][m] > 0) month[q.key].add(r[q.of][m] / r[q.per][m]);
      for (let d = 0; d < 31; d++) {
        for (const row of DAY_ROWS) {
          const v = r[row.key as DayKey][m * 31 + d];
          if (row.carry || v > 0) byDay[row.key][d].add(v);
        }
      }
    }
    for (const k of TOTAL_METRICS) totals[k].add(total(r[k as MonthlyKey], 0, months));
    for (let s = 0; s < r.staff; s++) {
      const person = (staff[s] ??= [new QuantileSketch(), new QuantileSketch(), new QuantileSketch()]);
      for (let m = 0; m < months; m++) {
        person[0].add(r.staffPay[s * months + m]);
        person[1].add(r.staffBonus[s * months + m]);
      }
      person[2].add(total(r.staffPay, s * months, (s + 1) * months));
    }
    for (let d = 0; d < r.days; d++) (cashDaily[d] ??= new QuantileSketch()).add(r.cashDaily[d]);
  }
  const st = (s: QuantileSketch) => s.toState();
  const rec = (o: Record<string, QuantileSketch>) => Object.fromEntries(Object.entries(o).map(([k, s]) => [k, st(s)]));
  return JSON.stringify({
    planMet,
    monthlyMetrics: rec(monthlyMetrics),
    totals: rec(totals),
    staff: staff.map(([pay, bonus, payTotal]) => ({ pay: st(pay), bonus: st(bonus), payTotal: st(payTotal) })),
    byDay: Object.fromEntries(DAY_ROWS.map((row) => [row.key, byDay[row.key].map(st)])),
    cashDaily: cashDaily.map(st),
    monthly: monthly.map(rec),
    sums: Object.fromEntries(SUMMED_KEYS.map((k) => [k, sums[k].toState()])),
  });
}

function foldedState(acc: ResultsAccumulator): string {
  const s = acc.scheme(0)!.toState();
  const { planMet, monthlyMetrics, totals, staff, byDay, cashDaily, monthly, sums } = s;
  return JSON.stringify({ planMet, monthlyMetrics, totals, staff, byDay, cashDaily, monthly, sums });
}

/** Runs of two shapes: the usual 3 months, and a shorter 2-month horizon (59 recorded days). */
const runOf = (index: number, short: boolean) => (short ? fakeRun(0, index, 2, 59) : fakeRun(0, index));

describe('folding a chunk of runs at a time', () => {
  it('leaves the same summaries as folding run by run, value by value, wherever chunks end or are read (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ short: fc.boolean(), read: fc.nat(9) }), { minLength: 1, maxLength: 90 }),
        fc.boolean(),
        (steps, oneShape) => {
          const acc = new ResultsAccumulator(scenario);
          const runs: RunResult[] = [];
          steps.forEach(({ short, read }, i) => {
            const r = runOf(i, short && !oneShape);
            runs.push(r);
            acc.add(r);
            // Reading in the middle folds what is waiting; the summaries go on from there.
            if (read === 0) expect(foldedState(acc)).toBe(referenceFold(runs));
          });
          expect(foldedState(acc)).toBe(referenceFold(runs));
        },
      ),
      { seed: 41, numRuns: 40 },
    );
  });

  it('folds what is waiting before a merge, a state or a summary', () => {
    const whole = new ResultsAccumulator(scenario);
    for (let i = 0; i < 45; i++) whole.add(fakeRun(0, i));
    const reference = resultsJsonText(buildResultsJson(scenario, whole));
    // Two accumulators with chunks still open, merged both ways and through a typed state.
    const a = new ResultsAccumulator(scenario);
    const b = new ResultsAccumulator(scenario);
    for (let i = 0; i < 45; i++) (i % 3 === 0 ? a : b).add(fakeRun(0, i));
    expect(resultsJsonText(buildResultsJson(scenario, new ResultsAccumulator(scenario).merge(a).merge(b)))).toBe(reference);
    const c = new ResultsAccumulator(scenario);
    for (let i = 0; i < 45; i++) if (i % 3 !== 0) c.add(fakeRun(0, i));
    expect(resultsJsonText(buildResultsJson(scenario, ResultsAccumulator.fromState(c.toState(true)).merge(a)))).toBe(reference);
    expect(whole.scheme(0)!.runs).toBe(45);
  });
});
