import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Workbench, DEBOUNCE_MS } from '../../src/app/workbench.svelte.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { buildResultsJson, resultsJsonText } from '../../src/engine/results/summarize.ts';
import { GENERATOR } from '../../src/engine/batch/generator.ts';
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { localEngine } from './local-engine.ts';

function bundled(runs: number): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL('../../scenarios/client-department.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('the bundled scenario does not parse');
  return { ...parsed.scenario, simulation: { ...parsed.scenario.simulation, runs } };
}

afterEach(() => vi.useRealTimers());

describe('Workbench', () => {
  it('ends a run with exactly the summary the CLI prints for the same scenario, seed and runs', async () => {
    const scenario = bundled(30);
    const engine = localEngine();
    const wb = new Workbench(scenario, engine, 'en');
    await wb.run();
    expect(wb.status).toBe('done');
    expect(wb.done).toBe(90);
    const cli = buildResultsJson(scenario, await new InlineRunner().run(scenario), { generator: GENERATOR });
    expect(resultsJsonText(wb.results!)).toBe(resultsJsonText(cli));
    // Progressive refinement: a first summary from the first runs, then the complete one.
    expect(engine.summaries).toBeGreaterThanOrEqual(2);
    expect(wb.firstResultMs).not.toBeNull();
  });

  it('names the path of an invalid input and does not run it', async () => {
    const wb = new Workbench(bundled(5), localEngine(), 'en');
    wb.draft.schemes[2].tranches[0].gate!.byDay = 40;
    expect(wb.scenario).toBeNull();
    expect(wb.errorsAt('schemes[2].tranches[0].gate.byDay')[0]).toMatch(/schemes\[2\]\.tranches\[0\]\.gate\.byDay/);
    expect(wb.errorsAt('schemes', { prefix: true })).toHaveLength(1);
    await wb.run();
    expect(wb.status).toBe('idle');
  });

  it('re-runs after a short pause when an input changes, not on every keystroke', async () => {
    vi.useFakeTimers();
    const wb = new Workbench(bundled(2), localEngine(), 'en');
    const run = vi.spyOn(wb, 'run').mockResolvedValue();
    wb.draft.schemes[1].formula = { type: 'threshold', threshold: '41000000', rate: '0.005' };
    wb.changed();
    wb.changed();
    vi.advanceTimersByTime(DEBOUNCE_MS - 1);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    wb.autoRun = false;
    wb.changed();
    vi.advanceTimersByTime(DEBOUNCE_MS * 3);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('cancels a run and keeps the app usable', async () => {
    const wb = new Workbench(bundled(40), localEngine(), 'en');
    const running = wb.run();
    wb.cancel();
    await running;
    expect(wb.status).toBe('cancelled');
    await wb.run();
    expect(wb.status).toBe('done');
  });

  it('adds, duplicates and deletes schemes within 2–6 and keeps a baseline', () => {
    const wb = new Workbench(bundled(5), localEngine(), 'en');
    wb.duplicateScheme(1);
    expect(wb.draft.schemes.map((s) => s.id)).toEqual(['linear', 'threshold', 'threshold-2', 'tranches']);
    wb.addScheme();
    wb.addScheme();
    expect(wb.draft.schemes).toHaveLength(6);
    expect(wb.canAddScheme).toBe(false);
    wb.setBaseline(2);
    wb.deleteScheme(2);
    expect(wb.draft.baseline).toBe('linear');
    while (wb.canDeleteScheme) wb.deleteScheme(0);
    expect(wb.draft.schemes).toHaveLength(2);
    expect(wb.scenario).not.toBeNull();
  });
});
