/** Version 1 → 2: a file that set its own effort model keeps its meaning; one that did not gets today's defaults. */
import { describe, expect, it } from 'vitest';
import { defaultScenario, parseScenario } from '../../../src/engine/index.ts';
import { minimalFile } from './helpers.ts';

describe('scenario version 1 → 2', () => {
  it('keeps a version-1 effort model as it was: every hour of effort queue work, nothing waiting, no extra weight on gates', () => {
    const file = { ...minimalFile(), version: 1, behaviour: { effort: { enabled: true, deadlineDiscount: 0.9, costFactor: 0.6, dutyFloor: 0.35, maxEffort: 1.75, weekendCostMultiplier: 1.5, forecastSigmaBase: '1000000', forecastSigmaShare: 0.4, forecastLearning: 0.3 } } };
    const parsed = parseScenario(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.version).toBe(2);
    expect(parsed.scenario.behaviour.effort).toMatchObject({ dutyFloor: 0.35, routineShare: 0, routineCanWaitDays: 0, gateLossAversion: 1 });
    expect(parsed.warnings.map((w) => w.code)).toContain('version.upgraded');
  });

  it('gives a version-1 file without an effort model today’s defaults', () => {
    const parsed = parseScenario({ ...minimalFile(), version: 1 });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.behaviour.effort).toEqual(defaultScenario().behaviour.effort);
  });
});
