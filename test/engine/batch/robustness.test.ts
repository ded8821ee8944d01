/** Robustness (batch/robustness.ts): the variants it sweeps, and the flips it names as findings. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findings, planRobustness, ROBUST_INPUTS } from '../../../src/engine/batch/robustness.ts';
import { parseTargets } from '../../../src/engine/batch/targets.ts';
import { parseScenarioText, type ResultsJson, type Scenario } from '../../../src/engine/index.ts';

const file = (name: string) => readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8');
const bundled = (): Scenario => {
  const parsed = parseScenarioText(file('client-department.json'));
  if (!parsed.ok) throw new Error('bundled scenario');
  return parsed.scenario;
};
/** With the targets' salary-only scheme, as the sweep runs it. */
const department = (): Scenario => {
  const s = bundled();
  return { ...s, schemes: [...s.schemes, ...parseTargets(file('client-department.targets.json')).schemes] } as Scenario;
};
/** Results with these median monthly collections per scheme. */
const results = (medians: Record<string, number>) =>
  ({ schemes: Object.entries(medians).map(([id, p50]) => ({ id, metrics: { collectionsMonthly: { p50 } } })) }) as unknown as ResultsJson;

describe('robustness', () => {
  it('sweeps every key input both ways on the client department', () => {
    const plan = planRobustness(bundled(), parseTargets(file('client-department.targets.json')), { runs: 10 });
    expect(plan.variants.length + 2 * plan.skipped.length).toBe(2 * ROBUST_INPUTS.length);
    expect(plan.skipped).toEqual([]);
    expect(plan.variants.every((v) => v.scenario.simulation.runs === 10)).toBe(true);
  });

  it('names a deductible above what duty collects, and a plan within duty’s reach', () => {
    const s = department(); // threshold 40M, plan 50M
    const low = findings(s, results({ salary: 36e6, linear: 37e6, threshold: 39e6, tranches: 41e6 }));
    expect(low.map((f) => f.kind)).toEqual(['deductibleTooHigh', 'deductibleTooHigh']);
    expect(low[0]).toMatchObject({ scheme: 'threshold', threshold: 40e6, duty: 36e6, collections: 39e6 });
    const high = findings(s, results({ salary: 46e6, linear: 48e6, threshold: 53e6, tranches: 55e6 }));
    expect(high).toEqual([{ kind: 'planWithinDuty', plan: 50e6, duty: 46e6 }]);
    // At the article's figures neither: duty near 40M, the push well above the deductible.
    expect(findings(s, results({ salary: 41e6, linear: 43e6, threshold: 51e6, tranches: 54e6 }))).toEqual([]);
  });
});
