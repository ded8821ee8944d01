import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Workbench } from '../../src/app/workbench.svelte.ts';
import { DEBOUNCE_MS } from '../../src/app/run-schedule.svelte.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { buildResultsJson, resultsJsonText } from '../../src/engine/results/summarize.ts';
import { GENERATOR } from '../../src/engine/batch/generator.ts';
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { localEngine } from './local-engine.ts';
import { DEFAULT_TOLERANCE, checkpoints, likelySettlingStep, precision, settling, type Likely } from '../../src/engine/batch/converge.ts';

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

  it('ends with every worker\'s runs even when the run ends before its first glimpse', async () => {
    // Three workers, not crowded: a glimpse is the first worker's runs alone (here: run 0).
    // Five runs end before a glimpse is due (10 runs of each scheme a worker), so the last
    // summary is the first picture too, and it must be the whole one.
    const scenario = bundled(5);
    const local = localEngine();
    const firstWorkers = { ...scenario, simulation: { ...scenario.simulation, runs: 1 } };
    const glimpse = buildResultsJson(firstWorkers, await new InlineRunner().run(firstWorkers), { generator: GENERATOR });
    const engine = { ...local, size: 3, crowded: false, summarize: (options?: { glimpse?: boolean }) => (options?.glimpse ? Promise.resolve(glimpse) : local.summarize()) };
    const wb = new Workbench(scenario, engine, 'en');
    await wb.run();
    expect(wb.status).toBe('done');
    const cli = buildResultsJson(scenario, await new InlineRunner().run(scenario), { generator: GENERATOR });
    expect(resultsJsonText(wb.results!)).toBe(resultsJsonText(cli));
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
    expect(run).toHaveBeenCalledWith('edited'); // not asked for: an Undo back to the runs held reads them again
    wb.autoRun = false;
    wb.changed();
    vi.advanceTimersByTime(DEBOUNCE_MS * 3);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('says why it waits for the Run button: a configuration grown large, or the switch turned off', () => {
    vi.useFakeTimers();
    const wb = new Workbench(bundled(2), localEngine(), 'en');
    vi.spyOn(wb, 'run').mockResolvedValue();
    expect(wb.autoRunOffForSize).toBe(false);
    wb.draft.simulation.runs = 20_000;
    wb.changed();
    expect({ auto: wb.autoRun, forSize: wb.autoRunOffForSize }).toEqual({ auto: false, forSize: true });
    wb.autoRun = true;
    wb.autoRun = false;
    expect({ auto: wb.autoRun, forSize: wb.autoRunOffForSize }).toEqual({ auto: false, forSize: false });
    expect(new Workbench(bundled(20_000), localEngine(), 'en').autoRunOffForSize).toBe(true);
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

  it('marks the finished results stale when the inputs changed during a manual run', async () => {
    const wb = new Workbench(bundled(20), localEngine(), 'en');
    wb.autoRun = false;
    const running = wb.run();
    (wb.draft.schemes[1].formula as { threshold: string }).threshold = '48000000';
    wb.changed();
    await running;
    expect(wb.status).toBe('done');
    expect(wb.resultsScenario!.schemes[1].formula).toMatchObject({ threshold: '40000000' });
    expect(wb.stale).toBe(true);
    await wb.run();
    expect(wb.stale).toBe(false);
    // A draft with errors has no current results either.
    wb.draft.company.plan = 'lots';
    expect(wb.stale).toBe(true);
  });

  it('relabels the results on a rename or a language switch instead of running again', async () => {
    const engine = localEngine();
    const wb = new Workbench(bundled(4), engine, 'en');
    await wb.run();
    vi.useFakeTimers();
    const run = vi.spyOn(wb, 'run');
    wb.draft.schemes[1].name = 'Threshold (ours)';
    wb.changed();
    wb.setLang('ru');
    wb.changed();
    vi.advanceTimersByTime(DEBOUNCE_MS * 3);
    expect(run).not.toHaveBeenCalled();
    expect(wb.stale).toBe(false);
    expect(wb.results!.scenario.name).toBe('Клиентский отдел (статья 002)');
    expect(wb.results!.schemes.map((s) => s.name)).toEqual(['0,1% от оборота', 'Threshold (ours)', 'Порог траншами по третям: 50% к 15-му, 90% к 25-му']);
    expect(wb.results!.schemes[0].staff.map((p) => p.name)).toEqual(['Начальник отдела', 'Маша', 'Вася', 'Оля']);
    // A number is an input: it runs.
    wb.draft.simulation.runs = 5;
    wb.changed();
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('names a new scheme from its parameters and keeps the name following them', () => {
    const wb = new Workbench(bundled(2), localEngine(), 'en');
    wb.addScheme();
    const added = wb.draft.schemes[3];
    expect(added.name).toBe('0.1% of collections; head 40%, the rest equally');
    added.formula = { type: 'threshold', threshold: '45000000', rate: '0.004' };
    wb.changed();
    expect(wb.draft.schemes[3].name).toBe('(C − 45M) × 0.4%; head 40%, the rest equally');
    wb.duplicateScheme(3);
    expect(wb.draft.schemes[4].name).toBe(wb.draft.schemes[3].name);
    wb.duplicateScheme(1);
    expect(wb.draft.schemes[2].name).toBe('(C − 40M) × 0.5% (copy)');
  });
});

describe('Workbench: stop when settled', () => {
  it('stops at a step of 100, 200, 300 … runs once settled, with the numbers the CLI gives with --until-converged', async () => {
    const scenario = { ...bundled(400), simulation: { ...bundled(400).simulation, months: 2, burnInMonths: 1 } };
    const wb = new Workbench(scenario, localEngine(), 'en');
    await wb.run();
    expect(wb.status).toBe('done');
    const settledAt = wb.settled?.runs ?? 400;
    expect(checkpoints(400)).toContain(settledAt);
    expect(wb.results!.scenario.runs).toBe(settledAt);
    const { main } = await import('../../src/cli/main.ts');
    const files: Record<string, string> = { '/s.json': JSON.stringify(scenario) };
    const written: Record<string, string> = {};
    const err: string[] = [];
    const code = await main(['run', '/s.json', '--until-converged', '--workers', '1', '--quiet', '--json', '/r.json'], {
      stdout: () => {},
      stderr: (s) => err.push(s),
      readFile: async (p) => files[p],
      writeFile: async (p, d) => void (written[p] = d),
      cwd: '/',
      cpus: 1,
      isTTY: false,
    });
    expect(code).toBe(0);
    expect(JSON.parse(written['/r.json']).scenario.runs).toBe(settledAt);
    expect(written['/r.json']).toBe(resultsJsonText(wb.results!));
  });

  it('runs every run with the switch off', async () => {
    const wb = new Workbench(bundled(150), localEngine(), 'en');
    wb.untilSettled = false;
    await wb.run();
    expect(wb.settled).toBeNull();
    expect(wb.unsettled).toBeNull();
    expect(wb.results!.scenario.runs).toBe(150);
  });

  it('runs again when the precision asked or the switch changes, reading the runs held where they serve', async () => {
    // Two months of 800 runs: the widest interval is 4.7% of profit at 400 runs, so the default
    // (2%) runs them all and 5% settles at 400, as `paybench run --until-converged --tolerance 0.05` does.
    const scenario = { ...bundled(800), simulation: { ...bundled(800).simulation, months: 2, burnInMonths: 1 } };
    const engine = localEngine();
    const wb = new Workbench(scenario, engine, 'en');
    await wb.run();
    expect(wb.unsettled).toMatchObject({ runs: 800, tolerance: DEFAULT_TOLERANCE });
    expect(engine.jobs).toBe(3 * 800);

    wb.tolerance = 0.05;
    await vi.waitFor(() => expect(wb.status === 'done' && wb.settled).toMatchObject({ runs: 400, tolerance: 0.05 }), { timeout: 60_000 });
    expect(wb.results!.scenario.runs).toBe(400);
    // The step was found in the runs held; only the 400 runs up to it were made again.
    expect(engine.jobs).toBe(3 * 800 + 3 * 400);
    const { main } = await import('../../src/cli/main.ts');
    const files: Record<string, string> = { '/s.json': JSON.stringify(scenario) };
    const written: Record<string, string> = {};
    const io = { stdout: () => {}, stderr: () => {}, readFile: async (p: string) => files[p], writeFile: async (p: string, d: string) => void (written[p] = d), cwd: '/', cpus: 1, isTTY: false };
    expect(await main(['run', '/s.json', '--until-converged', '--tolerance', '0.05', '--workers', '1', '--quiet', '--json', '/r.json'], io)).toBe(0);
    expect(written['/r.json']).toBe(resultsJsonText(wb.results!));

    // Back to the default: the 800 runs are still held, so nothing runs and the answer is theirs
    // again (the 400 runs settled at 5% are held too, but their step would not settle at 2%).
    wb.tolerance = DEFAULT_TOLERANCE;
    await vi.waitFor(() => expect(wb.status === 'done' && wb.unsettled).toMatchObject({ runs: 800, tolerance: DEFAULT_TOLERANCE }), { timeout: 60_000 });
    expect(wb.results!.scenario.runs).toBe(800);
    expect(engine.jobs).toBe(3 * 800 + 3 * 400);
    // And at 5% again: the 400 runs settled there serve (the 800 held would settle at 400 too,
    // but their answer there must be read from every scheme's first 400 runs, made again).
    wb.tolerance = 0.05;
    await vi.waitFor(() => expect(wb.status === 'done' && wb.settled).toMatchObject({ runs: 400, tolerance: 0.05 }), { timeout: 60_000 });
    expect(engine.jobs).toBe(3 * 800 + 3 * 400);
    expect(written['/r.json']).toBe(resultsJsonText(wb.results!));

    // The switch off: every run, no reading; the precision alone then changes nothing.
    wb.untilSettled = false;
    await vi.waitFor(() => expect(wb.status === 'done' && wb.unsettled === null && wb.results!.scenario.runs).toBe(800), { timeout: 60_000 });
    const run = vi.spyOn(wb, 'run');
    wb.tolerance = 0.01;
    await new Promise((r) => setTimeout(r, DEBOUNCE_MS * 2));
    expect(run).not.toHaveBeenCalled();
  });

  it('does not give up a sensitivity sweep under way for a precision changed meanwhile', async () => {
    const wb = new Workbench(bundled(4), localEngine(), 'en');
    await wb.run();
    const sweep = wb.sensitivity.compute(wb.scenario!, 2);
    expect(wb.sensitivity.running).toBe(true);
    const run = vi.spyOn(wb, 'run');
    wb.tolerance = 0.01;
    await sweep;
    await new Promise((r) => setTimeout(r, DEBOUNCE_MS * 2));
    expect(run).not.toHaveBeenCalled();
    expect(wb.sensitivity.status).toBe('done');
    expect(wb.tolerance).toBe(0.01);
  });

  it('calls results partial while runs go on or once cancelled, never when the answer settled sooner', async () => {
    const scenario = { ...bundled(800), simulation: { ...bundled(800).simulation, months: 2, burnInMonths: 1 } };
    const wb = new Workbench(scenario, localEngine(), 'en');
    wb.comparison.tolerance = 0.05;
    const running = wb.run();
    await vi.waitFor(() => expect(wb.running && wb.results !== null).toBe(true), { timeout: 30_000, interval: 1 });
    expect(wb.partial).toBe(true);
    await running;
    // Settled at 400 of 800 runs: complete, not partial.
    expect(wb.settled?.runs).toBe(400);
    expect(wb.results!.scenario.runs).toBe(400);
    expect(wb.partial).toBe(false);
    const cut = wb.run();
    await vi.waitFor(() => expect(wb.running && wb.results!.scenario.runs < 400).toBe(true), { timeout: 30_000, interval: 1 });
    wb.cancel();
    await cut;
    expect(wb.status).toBe('cancelled');
    expect(wb.partial).toBe(true);
  });

  it('foresees from each step read where the run will likely settle, and counts the time left to there', async () => {
    const scenario = { ...bundled(800), simulation: { ...bundled(800).simulation, months: 2, burnInMonths: 1 } };
    // What the first step (100 runs) says, read from a comparison of those runs alone.
    const first = new Workbench({ ...scenario, simulation: { ...scenario.simulation, runs: 100 } }, localEngine(), 'en');
    first.untilSettled = false;
    await first.run();
    const foreseen = likelySettlingStep(settling(first.results!, null, 0.05), 800, 0.05)!;
    expect(checkpoints(800).slice(1)).toContain(foreseen);

    const engine = localEngine();
    const wb = new Workbench(scenario, engine, 'en');
    wb.comparison.tolerance = 0.05;
    const seen: { step: number; likely: Likely | null; eta: number | null; mostEta: number }[] = [];
    engine.afterStep = (step) => seen.push({ step, likely: wb.likely, eta: wb.etaMs, mostEta: (wb.elapsedMs / wb.done) * (wb.total - wb.done) });
    expect(wb.likely).toBeNull();
    await wb.run();
    const at = wb.settled!.runs;
    expect(seen.map((s) => s.step)).toEqual(checkpoints(800).filter((c) => c <= at));
    expect(seen[0].likely).toEqual({ runs: foreseen, total: 3 * foreseen, everyRun: foreseen === 800 });
    // Not settled at a step: a step past it foreseen; settled: nothing more to foresee.
    for (const s of seen.slice(0, -1)) expect(s.likely!.runs).toBeGreaterThan(s.step);
    expect(seen.at(-1)!.likely).toBeNull();
    // The time left runs to the step foreseen, short of what every run would take.
    for (const s of seen.filter((s) => s.likely !== null && s.likely.runs < 800)) expect(s.eta!).toBeLessThan(s.mostEta);
  });

  it('says how wide the interval still is when every run was made unsettled, as the CLI does', async () => {
    // 100 runs: one step, with no step before it to hold the ranking, so it cannot settle.
    const scenario = { ...bundled(100), simulation: { ...bundled(100).simulation, months: 2, burnInMonths: 1 } };
    const wb = new Workbench(scenario, localEngine(), 'en');
    await wb.run();
    expect(wb.settled).toBeNull();
    expect(wb.unsettled).not.toBeNull();
    expect(wb.unsettled!.runs).toBe(100);
    expect(wb.unsettled!.tolerance).toBe(DEFAULT_TOLERANCE);
    // The widest interval of the results shown, as a share of the larger median profit.
    expect(wb.unsettled!.widest).toBe(precision(wb.results!).widest);
    expect(wb.unsettled!.widest).toBeGreaterThan(0);
  });
});
