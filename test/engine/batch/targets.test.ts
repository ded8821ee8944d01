/** Targets files (batch/targets.ts): read strictly, checked on results, a miss measured in the range's own scale. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTargets, miss, parseTargets, targetScenario, TargetsError } from '../../../src/engine/batch/targets.ts';
import { parseScenarioText, type ResultsJson } from '../../../src/engine/index.ts';

const file = (name: string) => readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8');
const minimal = (targets: unknown[]) => JSON.stringify({ format: 'paybench-targets', version: 1, scenario: 'x.json', targets });
const target = { id: 'a', phenomenon: 'P1', label: 'a', figure: 'linear.planMetShare', max: 0.3, source: '002' };

describe('targets files', () => {
  it('reads every bundled targets file, and each runs against its scenario with its extra schemes', () => {
    for (const name of ['client-department']) {
      const targets = parseTargets(file(`${name}.targets.json`));
      const parsed = parseScenarioText(file(targets.scenario));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const s = targetScenario(parsed.scenario, targets, 3);
      expect(s.simulation.runs).toBe(3);
      expect(s.schemes.length).toBe(parsed.scenario.schemes.length + targets.schemes.length);
    }
  });

  it('refuses a bad file with the path of what is wrong', () => {
    expect(() => parseTargets('{')).toThrow(TargetsError);
    expect(() => parseTargets(minimal([]))).toThrow(/targets: a non-empty list/);
    expect(() => parseTargets(minimal([{ ...target, figure: 'max(' }]))).toThrow(/targets\[0\]\.figure/);
    expect(() => parseTargets(minimal([{ ...target, max: undefined }]))).toThrow(/give min, max or both/);
    expect(() => parseTargets(minimal([target, target]))).toThrow(/listed twice/);
    expect(() => parseTargets(minimal([{ ...target, min: 2, max: 1 }]))).toThrow(/min is above max/);
  });

  it('refuses a target that reads a scheme nobody has', () => {
    const targets = parseTargets(minimal([{ ...target, figure: 'nobody.planMetShare' }]));
    const parsed = parseScenarioText(file('client-department.json'));
    if (!parsed.ok) throw new Error('bundled scenario');
    expect(() => targetScenario(parsed.scenario, targets)).toThrow(/scheme "nobody"/);
  });

  it('checks a figure against its range, and measures a miss in the range’s scale', () => {
    const results = { schemes: [{ id: 'linear', planMetShare: 0.45 }] } as unknown as ResultsJson;
    const targets = parseTargets(minimal([target, { ...target, id: 'b', min: 0.4, max: 0.6 }, { ...target, id: 'c', min: 0.5, max: 0.6 }]));
    const [a, b, c] = checkTargets(targets.targets, results);
    expect([a.pass, b.pass, c.pass]).toEqual([false, true, false]);
    expect(miss(b)).toBe(0);
    expect(miss(a)).toBeCloseTo(0.15 / 0.03); // one-sided: a tenth of the bound is the scale
    expect(miss(c)).toBeCloseTo(0.05 / 0.1); // two-sided: the range's width
  });
});
