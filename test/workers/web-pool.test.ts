/**
 * How the web worker pool hands out chunks, with in-process fake workers (Comlink over a
 * MessageChannel) that answer after a random delay: every job is sent exactly once, a
 * worker never holds more than two chunks, no job past a checkpoint leaves before the
 * checkpoint is read, and a checkpoint that settles the answer ends the batch there. A
 * summary gathers every worker's runs; a glimpse takes the first worker's alone.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Comlink from 'comlink';
import { WebWorkerRunner } from '../../src/workers/web-worker-runner.ts';
import { defaultScenario, type RunJob } from '../../src/engine/index.ts';

interface Seen {
  /** Per job sent, its run index. */
  runs: number[];
  /** Most chunks any worker held at once. */
  mostHeld: number;
  /** Per checkpoint read: the jobs sent by then. */
  sentAtCheckpoint: number[];
}

function fakeWorker(seen: Seen, delay: () => number, calls: string[] = []): Worker {
  const { port1, port2 } = new MessageChannel();
  let held = 0;
  Comlink.expose(
    {
      init() {},
      collect() {
        calls.push('collect');
        return { folded: 0 };
      },
      absorb() {
        calls.push('absorb');
      },
      summarize() {
        calls.push('summarize');
        return { schemes: [] };
      },
      async run(_batch: number, jobs: RunJob[]) {
        held++;
        seen.mostHeld = Math.max(seen.mostHeld, held);
        for (const job of jobs) seen.runs.push(job.runIndex);
        await new Promise((r) => setTimeout(r, delay()));
        held--;
        return { count: jobs.length, ms: 1 };
      },
    },
    port2 as unknown as Comlink.Endpoint,
  );
  port1.start();
  const worker = port1 as unknown as Worker & { terminate(): void };
  worker.terminate = () => {
    port1.close();
    port2.close();
  };
  return worker;
}

describe('the web worker pool', () => {
  it('sends every job once, at most two chunks to a worker, none past a checkpoint before it is read', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        async (workers, runs, chunkSize, salt) => {
          const scenario = defaultScenario();
          scenario.simulation.runs = runs;
          const schemes = scenario.schemes.length;
          const seen: Seen = { runs: [], mostHeld: 0, sentAtCheckpoint: [] };
          let x = salt;
          const delay = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 4);
          const runner = new WebWorkerRunner({ workers, createWorker: () => fakeWorker(seen, delay) });
          const checkpoints = [5, 10, 20, 40].filter((c) => c < runs).concat(runs);
          await runner.run(scenario, {
            chunkSize,
            checkpoints,
            onCheckpoint: async (at) => {
              seen.sentAtCheckpoint.push(seen.runs.length);
              // Nothing past the checkpoint has left: every job sent so far is below it.
              expect(Math.max(...seen.runs)).toBeLessThan(at);
              return false;
            },
          });
          runner.dispose();
          expect(seen.runs.length).toBe(runs * schemes);
          const counts = new Map<number, number>();
          for (const r of seen.runs) counts.set(r, (counts.get(r) ?? 0) + 1);
          expect([...counts.values()].every((c) => c === schemes)).toBe(true);
          expect(seen.mostHeld).toBeLessThanOrEqual(2);
          expect(seen.sentAtCheckpoint).toEqual(checkpoints.slice(0, -1).map((c) => c * schemes));
        },
      ),
      { numRuns: 40, seed: 20261204 },
    );
  });

  it('ends the batch at the checkpoint that settles it', async () => {
    const scenario = defaultScenario();
    scenario.simulation.runs = 100;
    const seen: Seen = { runs: [], mostHeld: 0, sentAtCheckpoint: [] };
    const runner = new WebWorkerRunner({ workers: 2, createWorker: () => fakeWorker(seen, () => 1) });
    let done = 0;
    await runner.run(scenario, { chunkSize: 3, checkpoints: [10, 20, 100], onCheckpoint: async (at) => at === 20, onProgress: (d) => (done = d) });
    runner.dispose();
    expect(Math.max(...seen.runs)).toBe(19);
    expect(done).toBe(20 * scenario.schemes.length);
  });

  it('gathers every worker\'s summaries for a summary, and only the first worker\'s for a glimpse', async () => {
    const scenario = defaultScenario();
    scenario.simulation.runs = 6;
    const seen: Seen = { runs: [], mostHeld: 0, sentAtCheckpoint: [] };
    const calls: string[][] = [];
    const runner = new WebWorkerRunner({
      workers: 3,
      createWorker: () => {
        const mine: string[] = [];
        calls.push(mine);
        return fakeWorker(seen, () => 0, mine);
      },
    });
    await runner.run(scenario, { chunkSize: 2 });
    await runner.summarize();
    expect(calls).toEqual([['absorb', 'absorb', 'summarize'], ['collect'], ['collect']]);
    for (const c of calls) c.length = 0;
    await runner.summarize({ glimpse: true });
    expect(calls).toEqual([['summarize'], [], []]);
    runner.dispose();
  });
});
