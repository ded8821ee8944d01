/**
 * Whatever the validator accepts, the engine runs: scenarios generated at the ends of
 * every allowed range (test/engine/scenario/arbitraries.ts) run for 2 runs × 1 month, and
 * the results JSON must hold finite numbers only — no NaN or Infinity (both written as
 * null), no null where a number belongs — and the payout calculator must answer for every
 * scheme. A small pass runs in `npm test`; PAYBENCH_FUZZ_RUNS=2000 runs a bigger one.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ResultsAccumulator, buildResultsJson, compileModel, simulateRun } from '../../src/engine/index.ts';
import type { ResultsJson, Scenario } from '../../src/engine/index.ts';
import { scenarioArb } from './scenario/arbitraries.ts';
import { nonFiniteInRun, payoutText, unexpectedNulls } from './results-checks.ts';

const RUNS = Number(process.env.PAYBENCH_FUZZ_RUNS ?? 30);

/** The batch on this thread, as `paybench run --workers 1` does it: every run finite, and the results. */
function run(scenario: Scenario): ResultsJson {
  const model = compileModel(scenario);
  const acc = new ResultsAccumulator(scenario);
  for (let s = 0; s < scenario.schemes.length; s++) {
    for (let r = 0; r < scenario.simulation.runs; r++) {
      const result = simulateRun(model, s, r);
      expect(nonFiniteInRun(result), `scheme ${s}, run ${r}`).toEqual([]);
      acc.add(result);
    }
  }
  return buildResultsJson(scenario, acc, { generator: 'fuzz' });
}

const short = (s: Scenario): Scenario => ({ ...s, simulation: { ...s.simulation, runs: 2, months: 1 } });

describe('accepted scenarios run', () => {
  it(`to finite results and payouts (${RUNS} scenarios × 2 runs × 1 month)`, () => {
    fc.assert(
      fc.property(scenarioArb({ maxStaff: 6, maxSchemes: 3, hugeBook: 1 }).map(short), (scenario) => {
        expect(unexpectedNulls(run(scenario))).toEqual([]);
        for (const scheme of scenario.schemes) expect(payoutText(scenario, scheme.id)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: RUNS },
    );
  }, Math.max(60_000, RUNS * 300)); // a bigger pass (PAYBENCH_FUZZ_RUNS) gets the time it needs
});
