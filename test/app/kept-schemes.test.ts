import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keptSchemes } from '../../src/app/kept-schemes.ts';
import { Workbench } from '../../src/app/workbench.svelte.ts';
import type { RunReason } from '../../src/app/comparison.svelte.ts';
import type { Likely } from '../../src/engine/batch/converge.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { buildResultsJson, resultsJsonText, summarizeScheme } from '../../src/engine/results/summarize.ts';
import { GENERATOR } from '../../src/engine/batch/generator.ts';
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { ResultsAccumulator } from '../../src/engine/results/accumulator.ts';
import { keptState } from '../../src/workers/kept-runs.ts';
import { localEngine } from './local-engine.ts';

const FILES = ['client-department', 'absence-and-departures', 'sales-stagnation', 'star-inbound-sector', 'team-split'];

function bundled(name: string, runs: number, months?: number): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  const s = parsed.scenario;
  return { ...s, simulation: { ...s.simulation, runs, months: months ?? s.simulation.months } };
}

const clone = (s: Scenario): Scenario => structuredClone(s);

/** Scheme k takes the rules of scheme j (a different, valid scheme), keeping its id and name. */
function swapped(s: Scenario, k: number, j: number): Scenario {
  const out = clone(s);
  out.schemes[k] = { ...structuredClone(s.schemes[j]), id: s.schemes[k].id, name: s.schemes[k].name };
  return out;
}

describe('keptSchemes', () => {
  const s = bundled('client-department', 10);

  it('keeps every scheme of the same scenario, and of one renamed', () => {
    expect(keptSchemes(s, clone(s))).toEqual([0, 1, 2]);
    const renamed = clone(s);
    renamed.name = 'Another name';
    renamed.schemes[1].name = 'Gate';
    renamed.staff[0].name = 'Boss';
    expect(keptSchemes(s, renamed)).toEqual([0, 1, 2]);
  });

  it('keeps the schemes an edit of one scheme leaves, and none after an edit of anything else', () => {
    const gate = clone(s);
    gate.schemes[2].tranches[0].gate!.byDay = 14;
    expect(keptSchemes(s, gate)).toEqual([0, 1, -1]);
    const none = [-1, -1, -1];
    const volume = clone(s);
    volume.clients.monthlyVolume = '51000000';
    expect(keptSchemes(s, volume)).toEqual(none);
    const seed = clone(s);
    seed.simulation.seed += 1;
    expect(keptSchemes(s, seed)).toEqual(none);
    const baseline = clone(s);
    baseline.baseline = 'threshold';
    expect(keptSchemes(s, baseline)).toEqual(none);
  });

  it('keeps a scheme wherever it now stands, by its id and rules', () => {
    const middle = clone(s);
    middle.schemes.splice(1, 1);
    expect(keptSchemes(s, middle)).toEqual([0, 2]);
    const moved = clone(s);
    moved.schemes.reverse();
    expect(keptSchemes(s, moved)).toEqual([2, 1, 0]);
    const added = clone(s);
    added.schemes.splice(1, 0, { ...structuredClone(s.schemes[1]), id: 'extra', name: 'Extra' });
    expect(keptSchemes(s, added)).toEqual([0, -1, 1, 2]);
    const reid = clone(s);
    reid.schemes[1].id = 'gate';
    expect(keptSchemes(s, reid)).toEqual([0, -1, 2]);
  });
});

describe('a scheme\'s runs do not depend on the other schemes (what keeping them rests on)', () => {
  // Every bundled scenario, each scheme changed in turn to another's rules: the schemes kept
  // give the same summaries, to the byte, as in a run of the edited scenario. Seed 41, 6 runs, 4 months.
  for (const name of FILES) {
    it(name, async () => {
      const s = bundled(name, 6, 4);
      s.simulation.seed = 41;
      const before = await new InlineRunner().run(s);
      const n = s.schemes.length;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n - 1 }), fc.boolean(), async (k, shift, reverse) => {
          // Scheme k takes another's rules; the order may be turned round too (the schemes move).
          const edited = swapped(s, k, (k + shift) % n);
          if (reverse) edited.schemes.reverse();
          const places = keptSchemes(s, edited);
          expect(places.filter((p) => p >= 0).sort()).toEqual([...Array(n).keys()].filter((i) => i !== k));
          const after = await new InlineRunner().run(edited);
          const baseline = edited.schemes.findIndex((x) => x.id === edited.baseline);
          for (const [i, from] of places.entries()) {
            if (from < 0) continue;
            const a = summarizeScheme(edited, ResultsAccumulator.fromState(keptState(before.toState(), places)), i);
            const b = summarizeScheme(edited, after, i);
            // Against an edited baseline, the paired differences change with it; the rest stands.
            if (places[baseline] < 0) expect({ ...a, vsBaseline: null }).toEqual({ ...b, vsBaseline: null });
            else expect(JSON.stringify(a)).toBe(JSON.stringify(b));
          }
        }),
        { numRuns: 3, seed: 41 },
      );
    }, 60_000);
  }
});

/**
 * Runs the draft as it stands: the workbench kept `kept` schemes, has simulated `jobs`
 * scheme-runs in all, and shows exactly what a run of every scheme gives.
 */
async function runKeeping(wb: Workbench, engine: ReturnType<typeof localEngine>, kept: number, jobs: number, why: RunReason = 'asked'): Promise<void> {
  const scenario = wb.scenario!;
  await wb.run(why);
  expect(wb.status).toBe('done');
  expect(wb.keptSchemes).toBe(kept);
  expect(engine.jobs).toBe(jobs);
  const fresh = buildResultsJson(scenario, await new InlineRunner().run(scenario), { generator: GENERATOR });
  expect(resultsJsonText(wb.results!)).toBe(resultsJsonText(fresh));
}

/**
 * Runs the draft as it stands: settled at `runs` (null: not settled), with the numbers and the
 * status of a fresh workbench's run.
 */
async function settlesAsAFreshRun(wb: Workbench, runs: number | null): Promise<void> {
  const edited = wb.scenario!;
  await wb.run();
  expect(wb.status).toBe('done');
  expect(wb.settled?.runs ?? null).toBe(runs);
  const fresh = new Workbench(edited, localEngine(), 'en');
  await fresh.run();
  expect(wb.settled).toEqual(fresh.settled);
  expect(wb.unsettled).toEqual(fresh.unsettled);
  expect(resultsJsonText(wb.results!)).toBe(resultsJsonText(fresh.results!));
  // Read again from every scheme's runs, it made what a fresh run makes (else only the edited schemes ran).
  if (wb.keptSchemes === 0) expect(wb.done).toBe(fresh.done);
}

describe('the workbench keeps the unchanged schemes\' runs', () => {
  it('runs only the edited scheme, and shows exactly what a run of every scheme gives', async () => {
    const engine = localEngine();
    const wb = new Workbench(bundled('client-department', 40), engine, 'en');
    await runKeeping(wb, engine, 0, 120);
    wb.draft.schemes[2].tranches[0].gate!.byDay = 14;
    await runKeeping(wb, engine, 2, 160);
    // An edit of the baseline keeps the other two as well: their paired differences are read anew.
    wb.draft.schemes[0].name = 'Linear';
    (wb.draft.schemes[0].formula as { rate: string }).rate = '0.0012';
    await runKeeping(wb, engine, 2, 200);
    // Run asked for again with nothing edited: every scheme runs again.
    await runKeeping(wb, engine, 0, 320);
  }, 60_000);

  it('runs nothing when a scheme is only removed, and nothing but the new one when one is added before the others', async () => {
    const s = bundled('client-department', 30);
    const engine = localEngine();
    const wb = new Workbench(s, engine, 'en');
    await runKeeping(wb, engine, 0, 90);
    wb.draft.schemes.splice(1, 1);
    await runKeeping(wb, engine, 2, 90);
    wb.draft.schemes.splice(1, 0, { ...structuredClone(s.schemes[1]), id: 'threshold-45', name: 'Threshold 45M' });
    (wb.draft.schemes[1].formula as { threshold: string }).threshold = '45000000';
    await runKeeping(wb, engine, 2, 120);
  }, 60_000);

  it('runs every scheme after an edit of what they share; what else ran meanwhile leaves the held runs', async () => {
    const engine = localEngine();
    const wb = new Workbench(bundled('client-department', 12), engine, 'en');
    await runKeeping(wb, engine, 0, 36);
    wb.draft.clients.monthlyVolume = '52000000';
    await runKeeping(wb, engine, 0, 72);
    // The engine ran something else since (the sensitivity sweep, the optimiser): the comparison's runs are still held.
    await engine.run(bundled('team-split', 3));
    const other = engine.jobs;
    wb.draft.schemes[1].name = 'renamed, and its rate changed';
    (wb.draft.schemes[1].formula as { rate: string }).rate = '0.006';
    await runKeeping(wb, engine, 2, other + 12);
  }, 60_000);

  it('keeps the runs through a run cancelled by the next edit', async () => {
    const engine = localEngine();
    const wb = new Workbench(bundled('client-department', 40), engine, 'en');
    await runKeeping(wb, engine, 0, 120);
    wb.draft.schemes[2].tranches[0].gate!.byDay = 14;
    const cancelled = wb.run();
    await new Promise((r) => setTimeout(r, 5)); // it has started
    wb.draft.schemes[2].tranches[0].gate!.byDay = 13;
    const before = engine.jobs;
    await runKeeping(wb, engine, 2, engine.jobs + 40);
    await cancelled;
    expect(before).toBeLessThan(160); // the first edit's run did not finish
  }, 60_000);

  it('reads the runs held again at once after an Undo back to them, and runs them again when Run is asked for', async () => {
    const engine = localEngine();
    const s = bundled('client-department', 40);
    const wb = new Workbench(s, engine, 'en');
    await runKeeping(wb, engine, 0, 120);
    const shown = resultsJsonText(wb.results!);
    // An edit's run, cancelled by an Undo back to the scenario whose runs are held.
    wb.draft.schemes[2].tranches[0].gate!.byDay = 14;
    const cancelled = wb.run('edited');
    await new Promise((r) => setTimeout(r, 5)); // it has started
    wb.draft.schemes[2].tranches[0].gate!.byDay = s.schemes[2].tranches[0].gate!.byDay;
    await runKeeping(wb, engine, 3, engine.jobs, 'edited');
    await cancelled;
    expect(resultsJsonText(wb.results!)).toBe(shown);
    // The Run button with nothing edited: every scheme runs again.
    await runKeeping(wb, engine, 0, engine.jobs + 120);
  }, 60_000);

  it('goes back to the comparison before the last one at once, and forth again', async () => {
    const engine = localEngine();
    const s = bundled('client-department', 40);
    const day = s.schemes[2].tranches[0].gate!.byDay;
    const wb = new Workbench(s, engine, 'en');
    await runKeeping(wb, engine, 0, 120);
    const first = resultsJsonText(wb.results!);
    wb.draft.schemes[2].tranches[0].gate!.byDay = 14;
    await runKeeping(wb, engine, 2, 160, 'edited');
    const second = resultsJsonText(wb.results!);
    // Undo, then Redo: every scheme is kept from the comparison held before; nothing runs.
    wb.draft.schemes[2].tranches[0].gate!.byDay = day;
    await runKeeping(wb, engine, 3, 160, 'edited');
    expect(resultsJsonText(wb.results!)).toBe(first);
    wb.draft.schemes[2].tranches[0].gate!.byDay = 14;
    await runKeeping(wb, engine, 3, 160, 'edited');
    expect(resultsJsonText(wb.results!)).toBe(second);
    // A third value keeps the two others and runs its scheme.
    wb.draft.schemes[2].tranches[0].gate!.byDay = 13;
    await runKeeping(wb, engine, 2, 200, 'edited');
    // Run asked for on what an older comparison held: every scheme runs again.
    wb.draft.schemes[2].tranches[0].gate!.byDay = 14;
    await runKeeping(wb, engine, 0, 320);
  }, 60_000);

  it('reads the answer from every scheme\'s runs when it settles before the kept runs end', async () => {
    // Two schemes, 400 runs: linear against threshold is not settled at 100, 200 or 400 runs,
    // so the first run makes all 400. The edit gives threshold the baseline's rules: every paired
    // difference is 0, the answer settles at 200 runs, and the 200-run answer is what shows.
    const s = bundled('client-department', 400, 3);
    s.schemes = s.schemes.slice(0, 2);
    const engine = localEngine();
    const wb = new Workbench(s, engine, 'en');
    await wb.run();
    expect(wb.settled).toBeNull();
    expect(engine.jobs).toBe(800);
    wb.draft.schemes[1] = { ...structuredClone(s.schemes[0]), id: s.schemes[1].id, name: s.schemes[1].name };
    await settlesAsAFreshRun(wb, 200);
  }, 120_000);

  it('keeps a comparison settled sooner: the edited scheme runs up to its step, where the answer settles again', async () => {
    // Three months of 400 runs at 5%: settled at 200. Each edit of a gate day then runs that
    // scheme's 200 runs alone and shows what a fresh run of the edited scenario shows.
    const engine = localEngine();
    const wb = new Workbench(bundled('client-department', 400, 3), engine, 'en');
    wb.tolerance = 0.05;
    await wb.run();
    expect(wb.settled?.runs).toBe(200);
    expect(engine.jobs).toBe(600);
    let shown = '';
    // Where the run likely settles, read at each step: no further than the kept runs' step, in
    // the edited scheme's runs alone.
    const foreseen: (Likely | null)[] = [];
    engine.afterStep = () => foreseen.push(wb.likely);
    for (const [day, jobs] of [[14, 800], [13, 1000]]) {
      wb.draft.schemes[2].tranches[0].gate!.byDay = day;
      foreseen.length = 0;
      await wb.run('edited');
      expect(wb.keptSchemes).toBe(2);
      expect(engine.jobs).toBe(jobs);
      // Read at 100 runs: likely settled at the kept step of 200, in 200 runs of one scheme;
      // read there (by the workbench: the batch ends at it), settled: nothing more foreseen.
      expect(foreseen).toEqual([{ runs: 200, total: 200, everyRun: false }]);
      expect(wb.likely).toBeNull();
      const fresh = new Workbench(wb.scenario!, localEngine(), 'en');
      fresh.tolerance = 0.05;
      await fresh.run();
      expect(wb.settled).toEqual(fresh.settled);
      expect(resultsJsonText(wb.results!)).toBe(resultsJsonText(fresh.results!));
      shown = resultsJsonText(wb.results!);
    }
    // Stricter than it settled at, its step would not do: every scheme runs. (The comparison's
    // own precision: the workbench's setter would schedule a run of its own.)
    wb.comparison.tolerance = 0.01;
    wb.draft.schemes[2].tranches[0].gate!.byDay = 12;
    await runKeeping(wb, engine, 0, 1000 + 1200, 'edited');
    // Back to 5% and the day before (an Undo): kept whole from its 200 runs held, nothing runs.
    wb.comparison.tolerance = 0.05;
    wb.draft.schemes[2].tranches[0].gate!.byDay = 13;
    await wb.run('edited');
    expect(wb.keptSchemes).toBe(3);
    expect(engine.jobs).toBe(2200);
    expect(wb.settled?.runs).toBe(200);
    expect(resultsJsonText(wb.results!)).toBe(shown);
  }, 180_000);

  it('runs every scheme on when the answer is not settled where the kept comparison settled', async () => {
    // linear and the same rules under another id differ by 0 in every run: settled at 200.
    // The second then takes threshold's rules: not settled at 200, so both run on from the start.
    const s = bundled('client-department', 400, 3);
    const threshold = s.schemes[1];
    s.schemes = [s.schemes[0], { ...structuredClone(s.schemes[0]), id: 'second', name: 'Second' }];
    const engine = localEngine();
    const wb = new Workbench(s, engine, 'en');
    await wb.run();
    expect(wb.settled?.runs).toBe(200);
    wb.draft.schemes[1] = { ...structuredClone(threshold), id: 'second', name: 'Second' };
    const edited = wb.scenario!;
    await wb.run('edited');
    expect(wb.status).toBe('done');
    expect(engine.jobs).toBe(400 + 200 + 800);
    expect(wb.settled?.runs ?? 400).toBe(400);
    const fresh = new Workbench(edited, localEngine(), 'en');
    await fresh.run();
    expect(wb.settled).toEqual(fresh.settled);
    expect(wb.unsettled).toEqual(fresh.unsettled);
    expect(resultsJsonText(wb.results!)).toBe(resultsJsonText(fresh.results!));
  }, 180_000);

  // Every scheme on the baseline's rules (every difference 0: settled at 200), then one takes
  // its own rules back: in the sales scenario the answer settles at 200 again with the others
  // kept; in the team split it does not, and every scheme runs on. Seed 21, 400 runs, 1 month.
  for (const [name, path] of [['sales-stagnation', 'kept'], ['team-split', 'run on']] as const) {
    it(`after a comparison settled sooner, an edit's answer is a fresh run's: ${name} (${path})`, async () => {
      const own = bundled(name, 400, 1);
      own.simulation.seed = 21;
      own.simulation.burnInMonths = 1;
      const base = own.schemes.find((x) => x.id === own.baseline)!;
      const s = { ...own, schemes: own.schemes.map((x) => ({ ...structuredClone(base), id: x.id, name: x.name })) };
      const k = own.schemes.length - 1;
      const engine = localEngine();
      const wb = new Workbench(s, engine, 'en');
      await wb.run();
      expect(wb.settled?.runs).toBe(200);
      wb.draft.schemes[k] = structuredClone(own.schemes[k]);
      const before = engine.jobs;
      await settlesAsAFreshRun(wb, path === 'kept' ? 200 : null);
      expect(wb.keptSchemes).toBe(path === 'kept' ? own.schemes.length - 1 : 0);
      expect(engine.jobs - before).toBe(path === 'kept' ? 200 : 200 + 400 * own.schemes.length);
    }, 60_000);
  }

  it('reads the steps from the kept runs when nothing is left to run, and the answer again if it settles sooner', async () => {
    // linear, the same rules under another id, and threshold: not settled at 400 runs. Without
    // threshold nothing runs, but the two left differ by 0 in every run: settled at 200.
    const s = bundled('client-department', 400, 3);
    s.schemes = [s.schemes[0], { ...structuredClone(s.schemes[0]), id: 'linear-again', name: 'Linear again' }, s.schemes[1]];
    const engine = localEngine();
    const wb = new Workbench(s, engine, 'en');
    await wb.run();
    expect(wb.settled).toBeNull();
    wb.draft.schemes.pop();
    await settlesAsAFreshRun(wb, 200);
  }, 120_000);
});
