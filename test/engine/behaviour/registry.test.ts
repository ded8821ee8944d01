/**
 * The behaviour registry: every module names the scenario section that switches it, says
 * what it reads and changes, and is called at its moments by the day loop through the
 * registry. A module switched off leaves no trace of itself in a run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileModel, parseScenario, simulateRun } from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/engine/index.ts';
import { Behaviours } from '../../../src/engine/behaviour/registry.ts';
import { Department } from '../../../src/engine/world/department.ts';
import { Workforce } from '../../../src/engine/world/workforce.ts';
import { FIELDS } from '../../../src/engine/scenario/fields.ts';

function bundled(name: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL(`../../../scenarios/${name}.json`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.errors.length} errors`);
  return parsed.scenario;
}

function modulesOf(scenario: Scenario) {
  const model = compileModel(scenario);
  const dept = new Department(model);
  const workforce = new Workforce(model);
  return new Behaviours({ model, scheme: model.schemes[0], dept, workforce, owners: [], selling: null }).modules;
}

describe('behaviour registry', () => {
  const scenario = bundled('absence-and-departures');

  it('lists each module once, under a behaviour section of the scenario that has an on/off switch', () => {
    const keys = modulesOf(scenario).map((b) => b.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect(FIELDS.behaviour).toContain(key);
      expect(scenario.behaviour[key]).toHaveProperty('enabled');
    }
  });

  it('says in words what each module reads and changes', () => {
    for (const b of modulesOf(scenario)) {
      expect(b.reads.length).toBeGreaterThan(10);
      expect(b.changes.length).toBeGreaterThan(10);
    }
  });

  // absence-and-departures runs absence and attrition; a run with one of them off records
  // none of what it changes, and the other's figures still show (seed of the file, run 0–4).
  const off = (key: 'absence' | 'attrition'): Scenario => ({ ...scenario, behaviour: { ...scenario.behaviour, [key]: { ...scenario.behaviour[key], enabled: false } } });
  const sum = (runs: ReturnType<typeof simulateRun>[], pick: (r: ReturnType<typeof simulateRun>) => Float64Array) =>
    runs.reduce((a, r) => a + pick(r).reduce((x, y) => x + y, 0), 0);
  const runsOf = (s: Scenario) => {
    const model = compileModel(s);
    return [0, 1, 2, 3, 4].map((i) => simulateRun(model, 0, i));
  };

  it('a module switched off leaves no trace: no days away without absence, no leavers without attrition', () => {
    const both = runsOf(scenario);
    expect(sum(both, (r) => r.departures)).toBeGreaterThan(0);
    expect(sum(both, (r) => r.absentDays)).toBeGreaterThan(0);
    const noAbsence = runsOf(off('absence'));
    const noAttrition = runsOf(off('attrition'));
    expect(sum(noAttrition, (r) => r.departures)).toBe(0);
    expect(sum(noAttrition, (r) => r.absentDays)).toBeGreaterThan(0);
    expect(sum(noAbsence, (r) => r.departures)).toBeGreaterThan(0);
    const neither = runsOf({ ...off('absence'), behaviour: { ...off('absence').behaviour, attrition: off('attrition').behaviour.attrition } });
    expect(sum(neither, (r) => r.absentDays)).toBe(0);
    expect(sum(neither, (r) => r.departures)).toBe(0);
  });
});
