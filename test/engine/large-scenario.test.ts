import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import { compileModel } from '../../src/engine/model/model.ts';
import { planRuns, runChunk } from '../../src/engine/batch/montecarlo.ts';
import { ResultsAccumulator, buildResultsJson } from '../../src/engine/results/summarize.ts';
import { SCENARIO_LIMITS } from '../../src/engine/scenario/limits.ts';

const text = readFileSync(new URL('../fixtures/large-department.json', import.meta.url), 'utf8');

describe('a large scenario: 5,000 clients × 36 months × 20 staff', () => {
  it('parses within the limits and runs to a complete summary', () => {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.path).join(', '));
    const scenario = { ...parsed.scenario, simulation: { ...parsed.scenario.simulation, runs: 1 } };
    expect(scenario.clients.count).toBe(5000);
    expect(scenario.staff).toHaveLength(20);
    expect(scenario.simulation.months).toBe(SCENARIO_LIMITS.maxMonths);
    const acc = new ResultsAccumulator(scenario).addAll(runChunk(compileModel(scenario), planRuns(scenario).jobs));
    const json = buildResultsJson(scenario, acc);
    for (const s of json.schemes) {
      expect(s.runs).toBe(1);
      expect(s.cashDaily.p50).toHaveLength(365 + 366 + 365); // 2027–2029
      expect(s.monthly).toHaveLength(36);
      expect(s.staff).toHaveLength(20);
      expect(s.metrics.collectionsMonthly.p50).toBeGreaterThan(0);
    }
  });

  it('is refused past the limits with the path and the reason', () => {
    const doc = JSON.parse(text);
    doc.clients.count = SCENARIO_LIMITS.maxClients + 1;
    doc.simulation.months = SCENARIO_LIMITS.maxMonths + 1;
    const parsed = parseScenarioText(JSON.stringify(doc));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['clients.count', 'simulation.months']));
  });
});
