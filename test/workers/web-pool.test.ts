/**
 * How the web worker pool hands out chunks, with in-process fake workers (Comlink over a
 * MessageChannel) that answer after a random delay and keep the run indices they fold, as a
 * real worker keeps summaries: every job is sent exactly once, a worker never holds more
 * than two chunks, and while a checkpoint is read the workers run on into the next step
 * only — held apart, so the summary read there holds exactly the runs below it. A checkpoint
 * that settles the answer ends the batch there. A summary gathers every worker's runs; a
 * glimpse takes the first worker's alone. A crowded pool asked for a glimpse first starts the
 * others once it is read. A small batch takes only as many workers as it has work for.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeWebWorker, oneAtATime } from './fake-web-worker.ts';
import { WebWorkerRunner } from '../../src/workers/web-worker-runner.ts';
import { AHEAD_JOBS, MIN_JOBS_PER_WORKER } from '../../src/workers/runner.ts';
import { ProfitLedger, defaultScenario, type ResultsJson, type RunJob } from '../../src/engine/index.ts';

interface Seen {
  /** Per job sent, its run index. */
  runs: number[];
  /** Most chunks any worker held at once. */
  mostHeld: number;
  /** Per checkpoint read: the jobs sent by then. */
  sentAtCheckpoint: number[];
}

/** The run indices of every run below `runs`, one per scheme, sorted: what a summary there holds. */
const runsBelow = (runs: number, schemes: number) => Array.from({ length: runs * schemes }, (_, k) => Math.floor(k / schemes));

/** A fake run's profit total. */
const profitOf = (job: RunJob) => job.runIndex * 10 + job.schemeIndex;

/** What a fake worker's summary says: the run indices folded in, sorted. */
const runsOf = (results: ResultsJson | null) => (results as unknown as { runs: number[] } | null)?.runs ?? [];

function fakeWorker(seen: Seen, delay: () => number, calls: string[] = [], apart = { jobs: 0 }, faults = { summarize: false }): Worker {
  let held = 0;
  let kept: number[] = [];
  let ahead: number[] = [];
  // As a real worker, it knows only the batch whose model it compiled.
  let batchHeld = -1;
  const mine = (batch: number) => {
    if (batch !== batchHeld) throw new Error(`no model for batch ${batch}`);
  };
  const inTurn = oneAtATime();
  return fakeWebWorker({
    init: inTurn((batch: number) => {
      batchHeld = batch;
      kept = [];
      ahead = [];
    }),
    collect: inTurn((batch: number) => {
      mine(batch);
      calls.push('collect');
      const state = kept;
      kept = [];
      return { runs: state };
    }),
    absorb: inTurn((batch: number, state: { runs: number[] }) => {
      mine(batch);
      calls.push('absorb');
      kept.push(...state.runs);
    }),
    commit: inTurn((batch: number) => {
      mine(batch);
      kept.push(...ahead);
      ahead = [];
    }),
    summarize: inTurn((batch: number) => {
      mine(batch);
      calls.push('summarize');
      if (faults.summarize) throw new Error('the summary failed');
      return { schemes: [], runs: [...kept].sort((a, b) => a - b) };
    }),
    run: (batch: number, jobs: RunJob[], fault?: string, heldApart = false, profits = false) => {
      // Held from when the page sends it until it is answered.
      held++;
      seen.mostHeld = Math.max(seen.mostHeld, held);
      for (const job of jobs) seen.runs.push(job.runIndex);
      if (heldApart) apart.jobs += jobs.length;
      return inTurn(async () => {
        mine(batch);
        await new Promise((r) => setTimeout(r, delay()));
        (heldApart ? ahead : kept).push(...jobs.map((j) => j.runIndex));
        held--;
        // A run's profit, as a real worker sends it back when asked: here its run and scheme.
        return { count: jobs.length, ms: 1, ...(profits ? { profits: Float64Array.from(jobs, profitOf) } : {}) };
      })();
    },
  });
}

describe('the web worker pool', () => {
  it('sends every job once, at most two chunks to a worker, and reads each checkpoint on exactly the runs below it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 6 }),
        // A crowded pool whose first summary is a glimpse, asked once this many jobs are in (or never).
        fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
        async (workers, runs, chunkSize, salt, readMs, glimpseAt) => {
          const scenario = defaultScenario();
          scenario.simulation.runs = runs;
          const schemes = scenario.schemes.length;
          const seen: Seen = { runs: [], mostHeld: 0, sentAtCheckpoint: [] };
          let x = salt;
          const delay = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 4);
          const runner = new WebWorkerRunner({ minJobsPerWorker: 1, workers, crowded: glimpseAt !== undefined, createWorker: () => fakeWorker(seen, delay) });
          const checkpoints = [5, 10, 20, 40].filter((c) => c < runs).concat(runs);
          const progress: number[] = [];
          let glimpse: Promise<unknown> | null = null;
          const profits = new ProfitLedger();
          const profitsHeld = (s: number) => profits.runIndices(s).map((run) => profits.profit(s, run));
          await runner.run(scenario, {
            chunkSize,
            checkpoints,
            profits,
            glimpseFirst: glimpseAt !== undefined,
            onProgress: (d) => {
              progress.push(d);
              if (glimpseAt !== undefined && d >= glimpseAt) glimpse ??= runner.summarize({ glimpse: true });
            },
            onCheckpoint: async (at) => {
              // Every run below the checkpoint is in the summary and the profits, and none at or past it.
              const held = runsOf(await runner.summarize());
              expect(held).toEqual(runsBelow(at, schemes));
              for (let s = 0; s < schemes; s++) expect(profitsHeld(s)).toEqual(Array.from({ length: at }, (_, run) => profitOf({ runIndex: run, schemeIndex: s })));
              await new Promise((r) => setTimeout(r, readMs));
              // While it is read, the workers may run on into the next step, never past it.
              const nextStep = checkpoints[checkpoints.indexOf(at) + 1];
              expect(Math.max(...seen.runs)).toBeLessThan(nextStep);
              seen.sentAtCheckpoint.push(at);
              return false;
            },
          });
          await glimpse;
          expect(runsOf(await runner.summarize())).toEqual(runsBelow(runs, schemes));
          expect(profits.runIndices(schemes - 1).length).toBe(runs);
          runner.dispose();
          expect(seen.runs.length).toBe(runs * schemes);
          const counts = new Map<number, number>();
          for (const r of seen.runs) counts.set(r, (counts.get(r) ?? 0) + 1);
          expect([...counts.values()].every((c) => c === schemes)).toBe(true);
          expect(seen.mostHeld).toBeLessThanOrEqual(2);
          expect(seen.sentAtCheckpoint).toEqual(checkpoints.slice(0, -1));
          // Progress counts the runs that are part of the answer: it never goes back, and ends at all of them.
          expect(progress.every((d, k) => k === 0 || d >= progress[k - 1])).toBe(true);
          expect(progress.at(-1)).toBe(runs * schemes);
        },
      ),
      { numRuns: 60, seed: 20261204 },
    );
  });

  it('ends the batch at the checkpoint that settles it, with the runs below it and none of those run ahead', async () => {
    const scenario = defaultScenario();
    scenario.simulation.runs = 100;
    const schemes = scenario.schemes.length;
    const seen: Seen = { runs: [], mostHeld: 0, sentAtCheckpoint: [] };
    const runner = new WebWorkerRunner({ minJobsPerWorker: 1, workers: 2, createWorker: () => fakeWorker(seen, () => 1) });
    let done = 0;
    await runner.run(scenario, {
      chunkSize: 3,
      checkpoints: [10, 20, 100],
      // A slow read: the workers run ahead meanwhile.
      onCheckpoint: async (at) => (await new Promise((r) => setTimeout(r, 30)), at === 20),
      onProgress: (d) => (done = d),
    });
    expect(Math.max(...seen.runs)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...seen.runs)).toBeLessThan(100);
    expect(done).toBe(20 * schemes);
    expect(runsOf(await runner.summarize())).toEqual(runsBelow(20, schemes));
    runner.dispose();
  });

  it('holds at most AHEAD_JOBS a worker apart while a checkpoint is read, however long the reading takes', async () => {
    const scenario = defaultScenario();
    scenario.simulation.runs = 1000;
    const schemes = scenario.schemes.length;
    const seen: Seen = { runs: [], mostHeld: 0, sentAtCheckpoint: [] };
    const apart: { jobs: number }[] = [];
    // One fast worker and one slow: the fast one must not take the slow one's share.
    const runner = new WebWorkerRunner({
      minJobsPerWorker: 1,
      workers: 2,
      createWorker: () => {
        const mine = { jobs: 0 };
        const slow = apart.length === 1;
        apart.push(mine);
        return fakeWorker(seen, () => (slow ? 20 : 0), [], mine);
      },
    });
    let sentByEnd = 0;
    await runner.run(scenario, {
      chunkSize: 7,
      checkpoints: [100, 1000],
      onCheckpoint: async () => {
        // A long reading: the fast worker runs up to its bound (then a while longer, to see it stop there).
        for (let waited = 0; apart[0].jobs < AHEAD_JOBS && waited < 5000; waited += 5) await new Promise((r) => setTimeout(r, 5));
        await new Promise((r) => setTimeout(r, 60));
        sentByEnd = seen.runs.length;
        return true;
      },
    });
    expect(sentByEnd).toBeGreaterThan(100 * schemes);
    expect(sentByEnd).toBeLessThanOrEqual(100 * schemes + AHEAD_JOBS * 2);
    expect(apart[0].jobs).toBe(AHEAD_JOBS);
    expect(apart[1].jobs).toBeLessThanOrEqual(AHEAD_JOBS);
    expect(runsOf(await runner.summarize())).toEqual(runsBelow(100, schemes));
    runner.dispose();
  });

  it('runs ahead of a checkpoint in pieces a quarter the time of the others, so the summary that ends a settled batch waits little', async () => {
    const scenario = defaultScenario();
    scenario.simulation.runs = 400;
    // Workers that take 2 ms a job by their own clock: the pool's 60 ms pieces are 30 jobs.
    const pieces: { jobs: number; apart: boolean }[] = [];
    const runner = new WebWorkerRunner({
      minJobsPerWorker: 1,
      workers: 2,
      createWorker: () => {
        const inTurn = oneAtATime();
        return fakeWebWorker({
          init: inTurn(() => {}),
          commit: inTurn(() => {}),
          run: (_batch: number, jobs: RunJob[], _fault?: string, apart = false) => {
            pieces.push({ jobs: jobs.length, apart });
            return inTurn(async () => (await new Promise((r) => setTimeout(r, 1)), { count: jobs.length, ms: 2 * jobs.length }))();
          },
        });
      },
    });
    // A slow reading at each checkpoint: the workers run ahead meanwhile.
    await runner.run(scenario, { checkpoints: [200, 400], onCheckpoint: async () => (await new Promise((r) => setTimeout(r, 40)), false) });
    runner.dispose();
    const largest = (apart: boolean) => Math.max(...pieces.filter((p) => p.apart === apart).map((p) => p.jobs));
    expect(largest(false)).toBe(30);
    expect(largest(true)).toBe(8);
  });

  it('in a crowded pool, starts a batch asked for a glimpse first on the first worker alone, and the others once it is read', async () => {
    const scenario = defaultScenario();
    scenario.simulation.runs = 40;
    const schemes = scenario.schemes.length;
    const trial = async (crowded: boolean, glimpseAt: number | null, failing = false) => {
      const seen: Seen[] = [];
      const runner = new WebWorkerRunner({
        minJobsPerWorker: 1,
        workers: 2,
        crowded,
        createWorker: () => {
          const mine: Seen = { runs: [], mostHeld: 0, sentAtCheckpoint: [] };
          seen.push(mine);
          return fakeWorker(mine, () => 1, [], undefined, { summarize: failing });
        },
      });
      let others = -1;
      let glimpse: Promise<unknown> | null = null;
      await runner.run(scenario, {
        chunkSize: 1,
        glimpseFirst: true,
        onProgress: (d) => {
          if (glimpseAt === null || d < glimpseAt || glimpse) return;
          // What the other worker had been sent before the first look was asked for.
          others = seen[1]?.runs.length ?? 0;
          glimpse = runner.summarize({ glimpse: true }).catch(() => null);
        },
      });
      const seenFirst = runsOf((await glimpse) ?? null);
      runner.dispose();
      return { others, second: seen[1]?.runs.length ?? 0, seenFirst, all: [...seen.flatMap((w) => w.runs)].sort((a, b) => a - b) };
    };
    // Crowded: the second worker waits for the glimpse, which sees the first worker's runs, then works.
    const alone = await trial(true, 4 * schemes);
    expect(alone.others).toBe(0);
    expect(alone.seenFirst.length).toBeGreaterThanOrEqual(4 * schemes);
    expect(alone.second).toBeGreaterThan(0);
    expect(alone.all).toEqual(runsBelow(40, schemes));
    // A glimpse that fails still lets the others start.
    const failed = await trial(true, 4 * schemes, true);
    expect(failed.others).toBe(0);
    expect(failed.second).toBeGreaterThan(0);
    expect(failed.all).toEqual(runsBelow(40, schemes));
    // Never looked at: the first worker runs the whole batch.
    const unread = await trial(true, null);
    expect(unread.second).toBe(0);
    expect(unread.all).toEqual(runsBelow(40, schemes));
    // Not crowded: both start at once.
    const roomy = await trial(false, 4 * schemes);
    expect(roomy.others).toBeGreaterThan(0);
    expect(roomy.all).toEqual(runsBelow(40, schemes));

    // A checkpoint passed before the glimpse, on workers left from an earlier batch: only the
    // first holds this batch's model, so only it is asked to keep what it ran ahead.
    const seen: Seen = { runs: [], mostHeld: 0, sentAtCheckpoint: [] };
    const runner = new WebWorkerRunner({ minJobsPerWorker: 1, workers: 2, crowded: true, createWorker: () => fakeWorker(seen, () => 1) });
    await runner.run(scenario, { chunkSize: 2 });
    let glimpse: Promise<unknown> | null = null;
    await runner.run(scenario, {
      chunkSize: 1,
      glimpseFirst: true,
      checkpoints: [5, 40],
      onCheckpoint: async () => false,
      onProgress: (d) => {
        if (d >= 10 * schemes) glimpse ??= runner.summarize({ glimpse: true });
      },
    });
    await glimpse;
    expect(runsOf(await runner.summarize())).toEqual(runsBelow(40, schemes));
    runner.dispose();
  });

  it('gives a batch fewer workers when they would each get fewer than MIN_JOBS_PER_WORKER jobs', async () => {
    const scenario = defaultScenario();
    const schemes = scenario.schemes.length;
    const workersUsed = async (runs: number) => {
      const seen: Seen[] = [];
      const runner = new WebWorkerRunner({
        workers: 3,
        createWorker: () => {
          const mine: Seen = { runs: [], mostHeld: 0, sentAtCheckpoint: [] };
          seen.push(mine);
          return fakeWorker(mine, () => 0);
        },
      });
      scenario.simulation.runs = runs;
      await runner.run(scenario, { chunkSize: 1 });
      expect(runsOf(await runner.summarize())).toEqual(runsBelow(runs, schemes));
      runner.dispose();
      return seen.filter((w) => w.runs.length > 0).length;
    };
    const runsFor = (jobs: number) => Math.ceil(jobs / schemes);
    expect(await workersUsed(runsFor(MIN_JOBS_PER_WORKER) - 1)).toBe(1);
    expect(await workersUsed(runsFor(2 * MIN_JOBS_PER_WORKER))).toBe(2);
    expect(await workersUsed(runsFor(3 * MIN_JOBS_PER_WORKER))).toBe(3);
  });

  it('gathers every worker\'s summaries for a summary, and only the first worker\'s for a glimpse', async () => {
    const scenario = defaultScenario();
    scenario.simulation.runs = 6;
    const seen: Seen = { runs: [], mostHeld: 0, sentAtCheckpoint: [] };
    const calls: string[][] = [];
    const runner = new WebWorkerRunner({
      minJobsPerWorker: 1,
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
