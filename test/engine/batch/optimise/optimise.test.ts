/**
 * The optimiser on the real engine, kept small (3 months after 1 of burn-in, blocks of 5
 * runs, a budget of 80 evaluations of 10 runs): relations, not figures of the current
 * calibration. The start is the client department's gated scheme with its threshold put
 * at 30M, below what the team collects on a normal day: it pays for the easy part (article
 * 002), so a better scheme exists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optimise, type OptimiseOptions } from '../../../../src/engine/batch/optimise/optimise.ts';
import { parseGoal, boundValue, slack } from '../../../../src/engine/batch/optimise/goal.ts';
import { parseInputText } from '../../../../src/engine/batch/optimise/inputs.ts';
import { Bench, type BlockRunner } from '../../../../src/engine/batch/optimise/bench.ts';
import { parseScenarioText } from '../../../../src/engine/scenario/parse.ts';
import { buildResultsJson } from '../../../../src/engine/results/summarize.ts';
import { schemeName } from '../../../../src/engine/pay/scheme-name.ts';
import type { Scenario } from '../../../../src/engine/scenario/types.ts';
import { InlineRunner } from '../../../../src/workers/inline-runner.ts';
import { NodeWorkerRunner } from '../../../../src/workers/node-worker-runner.ts';
import type { Runner } from '../../../../src/workers/runner.ts';

function weakStart(): Scenario {
  const doc = JSON.parse(readFileSync(new URL('../../../../scenarios/client-department.json', import.meta.url), 'utf8'));
  doc.simulation.months = 3;
  doc.simulation.burnInMonths = 1;
  doc.schemes.find((s: { id: string }) => s.id === 'tranches').formula.threshold = '30000000';
  const parsed = parseScenarioText(JSON.stringify(doc));
  if (!parsed.ok) throw new Error('the test scenario does not parse');
  return parsed.scenario;
}

const through = (runner: Runner): BlockRunner => async (s, range) => buildResultsJson(s, await runner.run(s, range));
const SMALL: OptimiseOptions = { runs: 10, budget: 80 };

describe('optimise', () => {
  it('suggests a better scheme that keeps every limit on a seed the search never used, named by what it is', async () => {
    const scenario = weakStart();
    const r = await optimise(scenario, { schemeId: 'tranches' }, through(new InlineRunner()), SMALL);
    expect(r.verdict).toBe('better');
    expect(r.seeds.recheck).not.toBe(r.seeds.search);
    expect(r.evaluations).toBeLessThanOrEqual(80);
    const s = r.suggested!;
    expect(s.name).toBe(schemeName(s, 'en', scenario.company.plan));
    expect(s.id).toMatch(/^t\d+m-[\d_]+pct(-\d+at[\d_]+){2}$/);
    expect(scenario.schemes.map((x) => x.id)).not.toContain(s.id);
    // Only the scheme's inputs moved: the split, the tranches' weights, everything else as it was.
    const start = scenario.schemes.find((x) => x.id === 'tranches')!;
    expect(s.split).toEqual(start.split);
    expect(s.tranches.map((t) => t.weight)).toEqual(start.tranches.map((t) => t.weight));

    // Checked independently: the start and the suggestion on the re-check's seed and runs.
    const check: Scenario = { ...scenario, simulation: { ...scenario.simulation, seed: r.seeds.recheck, runs: r.runs.recheck }, schemes: [start, s], baseline: start.id };
    const json = buildResultsJson(check, await new InlineRunner().run(check));
    const [mine, theirs] = [json.schemes[1], json.schemes[0]];
    const goal = parseGoal(undefined, undefined, scenario.staff.map((p) => p.id));
    for (const limit of goal.limits) {
      const room = slack(limit, limit.metric.read(mine, false), boundValue(limit, limit.metric.read(theirs, true)));
      expect(room, limit.text).toBeGreaterThanOrEqual(0);
    }
    expect(mine.metrics.profitTotal.p50!).toBeGreaterThan(theirs.metrics.profitTotal.p50!);
    // The report says the same, and the interval of the difference leaves the start behind.
    const profit = r.figures.find((f) => f.metric === 'profitTotal.p50')!;
    expect(profit.recheck).toEqual({ start: theirs.metrics.profitTotal.p50, suggested: mine.metrics.profitTotal.p50 });
    expect(profit.interval![0]).toBeLessThanOrEqual(profit.difference!);
    expect(profit.interval![1]).toBeGreaterThanOrEqual(0);
    expect(r.limits.every((l) => l.holds)).toBe(true);
    expect(r.paired.recheck?.profitDiff.median).toBe(mine.vsBaseline?.profitDiff.median);
    // The trade-off: the best figure rises as the gap allowed grows.
    const curve = r.tradeOff.points;
    expect(curve.length).toBeGreaterThan(0);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i].gap).toBeGreaterThanOrEqual(curve[i - 1].gap);
      expect(curve[i].objective).toBeGreaterThan(curve[i - 1].objective);
    }
  }, 60_000);

  it('gives the same suggestion for 1 and 2 workers', async () => {
    const scenario = weakStart();
    const two = new NodeWorkerRunner({ workers: 2, minJobsPerWorker: 1 });
    try {
      const a = await optimise(scenario, { schemeId: 'tranches' }, through(new InlineRunner()), { runs: 8, budget: 60 });
      const b = await optimise(scenario, { schemeId: 'tranches' }, through(two), { runs: 8, budget: 60 });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    } finally {
      await two.dispose();
    }
  }, 120_000);

  it('says why there is no suggestion when no scheme can meet a limit', async () => {
    const scenario = weakStart();
    const staff = scenario.staff.map((p) => p.id);
    const r = await optimise(
      scenario,
      { schemeId: 'tranches', inputs: [parseInputText('formula.rate=0.003..0.008', scenario, 'tranches')], goal: parseGoal(undefined, ['profitTotal.p50 >= 1bn'], staff) },
      through(new InlineRunner()),
      { runs: 6, budget: 40 },
    );
    expect(r.suggested).toBeNull();
    expect(r.verdict).toBe('limit');
    expect(r.limits[0]).toMatchObject({ limit: 'profitTotal.p50 >= 1bn', holds: false });
  }, 60_000);

  it('maximises a paired difference with the start, run by run', async () => {
    const scenario = weakStart();
    const staff = scenario.staff.map((p) => p.id);
    const r = await optimise(
      scenario,
      { schemeId: 'tranches', inputs: [parseInputText('formula.threshold=30000000..60000000:2000000', scenario, 'tranches')], goal: parseGoal('vsBaseline.profit.p50', [], staff) },
      through(new InlineRunner()),
      { runs: 6, budget: 40 },
    );
    const goal = r.figures.find((f) => f.role === 'goal')!;
    expect(goal.metric).toBe('vsBaseline.profit.p50');
    expect(goal.recheck.start).toBe(0);
    expect(goal.recheck.suggested).toBe(r.paired.recheck?.profitDiff.median);
    expect(r.verdict).toBe('better');
    expect(Number(r.suggested!.formula.type === 'threshold' && r.suggested!.formula.threshold)).toBeLessThan(56e6);
  }, 60_000);

  it('refuses what it cannot do, in the user’s words', async () => {
    const scenario = weakStart();
    const run = through(new InlineRunner());
    await expect(optimise(scenario, { schemeId: 'nope' }, run)).rejects.toThrow(/no scheme "nope" in the scenario \(linear, threshold, tranches\)/);
    await expect(optimise(scenario, { schemeId: 'tranches' }, run, { runs: 10, budget: 20 })).rejects.toThrow(/a budget of 20 evaluations is too small for 6 inputs: at least 56/);
    await expect(optimise(scenario, { schemeId: 'tranches', inputs: [] }, run)).rejects.toThrow(/nothing to vary/);
  });
});

describe('the bench', () => {
  it('measures a scheme the same whatever batch it runs in (the premise of keeping results by scheme)', async () => {
    const scenario = weakStart();
    const [linear, threshold, tranches] = scenario.schemes;
    const run = through(new InlineRunner());
    const alone = await new Bench(scenario, 'tranches', 3, run).measure([threshold], 1);
    const crowded = await new Bench(scenario, 'tranches', 3, run, { pairStart: true }).measure([linear, { ...threshold, id: 'other' }, tranches], 1);
    const strip = (x: object) => JSON.stringify({ ...x, id: '', vsBaseline: null });
    expect(strip(crowded.results[1])).toBe(strip(alone.results[0]));
    expect(strip(crowded.start)).toBe(strip(alone.start));
    expect(crowded.results[2]).toBe(crowded.start); // the start itself is not run twice
  });
});
