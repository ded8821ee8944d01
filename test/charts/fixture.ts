/**
 * Results from the real engine for chart tests: the bundled client-department scenario,
 * cut to 5 runs × 2 months (seed 20260) so a render test stays fast.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenario } from '../../src/engine/scenario/index.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { compileModel } from '../../src/engine/model/model.ts';
import { planRuns, runChunk } from '../../src/engine/batch/montecarlo.ts';
import { ResultsAccumulator, buildResultsJson, type ResultsJson } from '../../src/engine/results/summarize.ts';

/** The repository root (vitest runs from it). */
const ROOT = process.cwd();

export function loadScenario(file = 'scenarios/client-department.json'): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
  return parsed.scenario;
}

export function tinyResults(runs = 5, months = 2): { scenario: Scenario; results: ResultsJson } {
  const base = loadScenario();
  const scenario: Scenario = {
    ...base,
    simulation: { ...base.simulation, runs, months, burnInMonths: 1 },
  };
  const model = compileModel(scenario);
  const acc = new ResultsAccumulator(scenario).addAll(runChunk(model, planRuns(scenario).jobs));
  return { scenario, results: buildResultsJson(scenario, acc) };
}

/** jsdom has no ResizeObserver; `bind:clientWidth` needs one (it simply never fires here). */
export function stubResizeObserver(): void {
  if (typeof globalThis.ResizeObserver === 'undefined') {
    globalThis.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
  }
}
