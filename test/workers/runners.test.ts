import { afterAll, describe, expect, it } from 'vitest';
import { NodeWorkerRunner } from '../../src/workers/node-worker-runner.ts';
import { buildResultsJson, resultsJsonText } from '../../src/engine/results/summarize.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { ResultsAccumulator } from '../../src/engine/results/accumulator.ts';
import { ProfitLedger } from '../../src/engine/results/profit-figures.ts';
import { AHEAD_JOBS } from '../../src/workers/runner.ts';
import { fakeRun, fakeScenario } from '../support/fake-run.ts';

const entry = new URL('./fixtures/fake-worker.mjs', import.meta.url);
const named = (name: string, runs = 24): Scenario => {
  const s = fakeScenario(3);
  return { ...s, name, simulation: { ...s.simulation, runs } };
};
const text = (scenario: Scenario, acc: ResultsAccumulator) => resultsJsonText(buildResultsJson(scenario, acc));

/** The reference: every run (below `runs`) added in plain order on this thread. */
const direct = (scenario: Scenario, runs = scenario.simulation.runs) => {
  const acc = new ResultsAccumulator(scenario);
  for (let r = 0; r < runs; r++) for (let s = 0; s < scenario.schemes.length; s++) acc.add(fakeRun(s, r));
  return acc;
};
const below = (runs: number) => Array.from({ length: runs }, (_, r) => r);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pools: NodeWorkerRunner[] = [];
const pool = (workers: number) => {
  const p = new NodeWorkerRunner({ workers, entry, minJobsPerWorker: 1 });
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
    const p = new NodeWorkerRunner({ workers: 2, entry, keepWorkers: false, minJobsPerWorker: 1 });
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

  describe('checkpoints (the Node pool)', () => {
    it('are read from the runs’ profits while the workers run on; a batch that stops keeps exactly the runs below', async () => {
      const scenario = named('ok', 60);
      for (const [workers, keepWorkers] of [[2, false], [2, true], [1, true]] as const) {
        const p = new NodeWorkerRunner({ workers, entry, keepWorkers, minJobsPerWorker: 1 });
        pools.push(p);
        const profits = new ProfitLedger();
        const read: number[] = [];
        const acc = await p.run(scenario, {
          chunkSize: 4,
          profits,
          checkpoints: [10, 20, 40, 60],
          onCheckpoint: async (runs) => {
            read.push(runs);
            // What the reading sees: every run below the checkpoint and none past it.
            for (const s of [0, 1, 2]) expect(profits.runIndices(s)).toEqual(below(runs));
            expect(profits.profit(1, runs - 1)).toBe(direct(scenario, runs).profit(1, runs - 1));
            await sleep(40); // the workers run ahead meanwhile, holding those runs apart
            return runs === 20;
          },
        });
        expect(read).toEqual([10, 20]);
        for (const s of [0, 1, 2]) expect(acc.runIndices(s)).toEqual(below(20));
        expect(text(scenario, acc)).toBe(text(scenario, direct(scenario, 20)));
      }
    });

    it('that all go on keep every run, the same as one thread', async () => {
      const scenario = named('ok', 50);
      const profits = new ProfitLedger();
      const read: number[] = [];
      const acc = await pool(2).run(scenario, {
        chunkSize: 5,
        profits,
        checkpoints: [10, 20, 40, 50],
        onCheckpoint: async (runs) => {
          read.push(runs);
          await sleep(20);
          return false;
        },
      });
      expect(read).toEqual([10, 20, 40]); // the last is the batch's end, read by the caller
      expect(text(scenario, acc)).toBe(text(scenario, direct(scenario)));
      expect(profits.runIndices(2)).toEqual(below(50));
    });

    it('hold at most AHEAD_JOBS a worker apart while a checkpoint is read, however long the reading takes', async () => {
      const scenario = named('ok', 400);
      let done = 0;
      let aheadAtEnd = -1;
      const acc = await pool(2).run(scenario, {
        chunkSize: 8,
        profits: new ProfitLedger(),
        checkpoints: [10],
        onProgress: (n) => (done = n),
        onCheckpoint: async () => {
          // Wait until the workers stop taking jobs (parked at their bound).
          for (let last = -1, waited = 0; done !== last && waited < 10_000; waited += 250) {
            last = done;
            await sleep(250);
          }
          aheadAtEnd = done - 10 * 3;
          return false;
        },
      });
      expect(aheadAtEnd).toBe(2 * AHEAD_JOBS);
      expect(text(scenario, acc)).toBe(text(scenario, direct(scenario)));
    });
  });
});
