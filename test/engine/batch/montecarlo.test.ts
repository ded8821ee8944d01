import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { chunkRuns, planRuns, runChunk } from '../../../src/engine/batch/montecarlo.ts';
import { jobsOf, planShape } from '../../../src/engine/batch/run-plan.ts';
import { compileModel } from '../../../src/engine/model/model.ts';
import { parseScenarioText } from '../../../src/engine/scenario/parse.ts';
import { ResultsAccumulator, buildResultsJson, resultsJsonText } from '../../../src/engine/results/summarize.ts';
import type { Scenario } from '../../../src/engine/scenario/types.ts';
import { fakeScenario } from '../../support/fake-run.ts';

function bundled(runs: number, months: number): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL('../../../scenarios/client-department.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('bundled scenario does not parse');
  const s = parsed.scenario;
  return { ...s, simulation: { ...s.simulation, runs, months, burnInMonths: 1 } };
}

describe('planRuns', () => {
  it('lists every (scheme, run) job run-major before any splitting', () => {
    const plan = planRuns(fakeScenario(3), { runsFrom: 2, runsTo: 4 });
    expect(plan.jobs).toEqual([
      { schemeIndex: 0, runIndex: 2 }, { schemeIndex: 1, runIndex: 2 }, { schemeIndex: 2, runIndex: 2 },
      { schemeIndex: 0, runIndex: 3 }, { schemeIndex: 1, runIndex: 3 }, { schemeIndex: 2, runIndex: 3 },
    ]);
  });

  it('keeps scenario order for a subset of schemes and refuses unknown ones', () => {
    const plan = planRuns(fakeScenario(3), { runsTo: 1, schemeIds: ['s2', 's0'] });
    expect(plan.schemeIndices).toEqual([0, 2]);
    expect(() => planRuns(fakeScenario(3), { schemeIds: ['zz'] })).toThrow(/unknown scheme "zz"/);
    expect(() => planRuns(fakeScenario(3), { runsFrom: 3, runsTo: 1 })).toThrow(RangeError);
  });

  it('lists any slice of the plan on demand, the same jobs as the full list', () => {
    const options = { runsFrom: 3, runsTo: 11, schemeIds: ['s2', 's0'] };
    const plan = planRuns(fakeScenario(3), options);
    const shape = planShape(fakeScenario(3), options);
    expect(shape.jobCount).toBe(plan.jobs.length);
    expect(jobsOf(shape, 0, shape.jobCount)).toEqual(plan.jobs);
    expect(jobsOf(shape, 5, 9)).toEqual(plan.jobs.slice(5, 9));
    expect(() => planShape(fakeScenario(3), { runsFrom: 4, runsTo: 2 })).toThrow(RangeError);
  });

  it('chunks cover the plan exactly, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 50 }), (runs, size) => {
        const plan = planRuns(fakeScenario(3), { runsTo: runs });
        const chunks = chunkRuns(plan, size);
        expect(chunks.flat()).toEqual(plan.jobs);
        expect(chunks.every((c) => c.length <= size && c.length > 0)).toBe(true);
      }),
      { seed: 1 },
    );
  });
});

describe('runChunk with the real simulator', () => {
  // seed: the bundled scenario's; 4 runs × 2 months (+1 burn-in) of 3 schemes; tolerance: exact bytes.
  const scenario = bundled(4, 2);
  const model = compileModel(scenario);
  const plan = planRuns(scenario);
  const reference = resultsJsonText(buildResultsJson(scenario, new ResultsAccumulator(scenario).addAll(runChunk(model, plan.jobs))));

  it('gives identical summaries for any chunking and any completion order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: plan.jobs.length }), fc.boolean(), (size, reverse) => {
        const chunks = chunkRuns(plan, size);
        if (reverse) chunks.reverse();
        const parts = chunks.map((jobs) => new ResultsAccumulator(scenario).addAll(runChunk(compileModel(scenario), jobs)));
        const acc = parts.reduce((a, b) => a.merge(b), new ResultsAccumulator(scenario));
        expect(resultsJsonText(buildResultsJson(scenario, acc))).toBe(reference);
      }),
      { numRuns: 5, seed: 3 },
    );
  });

  it('run i does not depend on which other runs were simulated', () => {
    const alone = runChunk(model, [{ schemeIndex: 1, runIndex: 3 }])[0];
    const inBatch = runChunk(model, plan.jobs).find((r) => r.schemeIndex === 1 && r.runIndex === 3)!;
    expect([...alone.collections]).toEqual([...inBatch.collections]);
    expect([...alone.cashDaily]).toEqual([...inBatch.cashDaily]);
  });
});
