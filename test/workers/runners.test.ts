import { afterAll, describe, expect, it } from 'vitest';
import { NodeWorkerRunner } from '../../src/workers/node-worker-runner.ts';
import { buildResultsJson, resultsJsonText } from '../../src/engine/results/summarize.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { ResultsAccumulator } from '../../src/engine/results/accumulator.ts';
import { fakeRun, fakeScenario } from '../support/fake-run.ts';

const entry = new URL('./fixtures/fake-worker.mjs', import.meta.url);
const named = (name: string, runs = 24): Scenario => {
  const s = fakeScenario(3);
  return { ...s, name, simulation: { ...s.simulation, runs } };
};
const text = (scenario: Scenario, acc: ResultsAccumulator) => resultsJsonText(buildResultsJson(scenario, acc));

/** The reference: every run added in plain order on this thread. */
const direct = (scenario: Scenario) => {
  const acc = new ResultsAccumulator(scenario);
  for (let r = 0; r < scenario.simulation.runs; r++) for (let s = 0; s < scenario.schemes.length; s++) acc.add(fakeRun(s, r));
  return acc;
};
const pools: NodeWorkerRunner[] = [];
const pool = (workers: number) => {
  const p = new NodeWorkerRunner({ workers, entry });
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.dispose()));
});

describe('runners', () => {
  it('give the same results with 1 or 2 workers as one thread, whatever the chunk size', async () => {
    const scenario = named('ok');
    const reference = text(scenario, direct(scenario));
    const progress: number[] = [];
    const two = await pool(2).run(scenario, { chunkSize: 5, onProgress: (done, total) => progress.push(done / total) });
    expect(text(scenario, two)).toBe(reference);
    expect(text(scenario, await pool(1).run(scenario, { chunkSize: 7 }))).toBe(reference);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('give the same results when each worker ends as it hands over (keepWorkers: false), batch after batch', async () => {
    const scenario = named('ok');
    const reference = text(scenario, direct(scenario));
    const p = new NodeWorkerRunner({ workers: 2, entry, keepWorkers: false });
    pools.push(p);
    expect(text(scenario, await p.run(scenario, { chunkSize: 3 }))).toBe(reference);
    // The workers ended with the batch: the next one starts fresh workers.
    expect(text(scenario, await p.run(scenario, { chunkSize: 4 }))).toBe(reference);
  });

  it('runs a slice of runs and a subset of schemes', async () => {
    const scenario = named('ok');
    const acc = await pool(2).run(scenario, { runsFrom: 4, runsTo: 9, schemeIds: ['s2', 's0'] });
    expect(acc.schemeIndices()).toEqual([0, 2]);
    expect(acc.runIndices(2)).toEqual([4, 5, 6, 7, 8]);
  });

  it('reports a worker that throws, then recovers', async () => {
    const p = pool(2);
    await expect(p.run(named('throw at run 5'))).rejects.toThrow(/worker \d failed on chunk \d+: simulated failure in run 5/);
    const scenario = named('ok', 6);
    expect(text(scenario, await p.run(scenario))).toBe(text(scenario, direct(scenario)));
  });

  it('reports a worker that dies, then recovers', async () => {
    const p = pool(2);
    await expect(p.run(named('crash at run 1', 40), { chunkSize: 2 })).rejects.toThrow(/worker \d crashed: simulated crash/);
    const scenario = named('ok', 6);
    expect((await p.run(scenario)).size).toBe(18);
  });

  it('cancels promptly and can run again', async () => {
    const p = pool(2);
    const controller = new AbortController();
    let last = 0;
    const run = p.run(named('slow', 200), {
      chunkSize: 3,
      signal: controller.signal,
      onProgress: (done) => {
        last = done;
        if (done >= 6) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    // Stopped within the chunks already under way, far short of the 600 scheme-runs asked for.
    expect(last).toBeLessThan(100);
    expect((await p.run(named('ok', 4))).size).toBe(12);
  });
});
