/**
 * A checkpoint read from per-run profits alone (profit-figures.ts) must say exactly what the
 * whole results contract says for the same runs: same medians, same intervals, same ranking.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ResultsAccumulator } from '../../../src/engine/results/accumulator.ts';
import { buildResultsJson } from '../../../src/engine/results/summarize.ts';
import { ProfitLedger, profitFigures } from '../../../src/engine/results/profit-figures.ts';
import { runProfit } from '../../../src/engine/results/series.ts';
import { precision, settling, settlingOf } from '../../../src/engine/batch/converge.ts';
import { fakeRun, fakeScenario } from '../../support/fake-run.ts';

describe('profit figures from per-run profits', () => {
  it('give the contract’s precision for any runs held, from an accumulator or a ledger', () => {
    const scenario = fakeScenario(3);
    fc.assert(
      fc.property(
        // Which runs each scheme holds (the baseline may hold none, or other runs than a scheme).
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 25 }), { minLength: 3, maxLength: 3 }),
        fc.constantFrom('s0', 's1', 's2'),
        (held, baseline) => {
          const s = { ...scenario, baseline };
          const acc = new ResultsAccumulator(s);
          const ledger = new ProfitLedger();
          held.forEach((runs, scheme) => {
            for (const run of runs) {
              const r = fakeRun(scheme, run);
              acc.add(r);
              ledger.record(scheme, run, runProfit(r));
            }
          });
          const results = buildResultsJson(s, acc);
          const expected = precision(results);
          expect(precision(profitFigures(s, acc))).toEqual(expected);
          expect(precision(profitFigures(s, ledger))).toEqual(expected);
          expect(settlingOf(profitFigures(s, ledger), results.scenario.runs, expected, 0.5)).toEqual(settling(results, expected, 0.5));
        },
      ),
      { numRuns: 150, seed: 4021 },
    );
  });

  it('keeps each run once, in run order', () => {
    const ledger = new ProfitLedger();
    ledger.record(1, 300, 5);
    ledger.record(1, 2, -1.5);
    ledger.record(0, 0, 7);
    expect(ledger.schemeIndices()).toEqual([0, 1]);
    expect(ledger.runIndices(1)).toEqual([2, 300]);
    expect(ledger.profit(1, 300)).toBe(5);
    expect(() => ledger.record(1, 2, 0)).toThrow(/recorded twice/);
    expect(() => ledger.profit(0, 1)).toThrow(/not held/);
  });
});
