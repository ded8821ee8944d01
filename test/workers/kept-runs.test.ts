/**
 * What the web pool keeps from one comparison to the next, with in-process fake workers
 * (Comlink over a MessageChannel) whose summaries are the (scheme, run) pairs they fold: a
 * held batch is copied once its full summary has gathered it; a later batch that keeps
 * schemes runs only the others and its full summary holds every pair; a kept batch cancelled
 * by the next edit leaves the held copy as it was.
 */
import { describe, expect, it } from 'vitest';
import { fakeWebWorker, oneAtATime } from './fake-web-worker.ts';
import { WebWorkerRunner } from '../../src/workers/web-worker-runner.ts';
import { HELD_COMPARISONS, keptRuns, keptState } from '../../src/workers/kept-runs.ts';
import { defaultScenario, type AccumulatorState, type ResultsJson, type RunJob, type Scenario } from '../../src/engine/index.ts';

/** A fake summary state: per scheme, the runs folded. */
type FakeState = { plan: number; schemes: { schemeIndex: number; state: { runs: number[] } }[] };

const pairsOf = (state: FakeState) => state.schemes.flatMap((s) => s.state.runs.map((r) => `${s.schemeIndex}:${r}`)).sort();

function keepingWorker(sent: RunJob[]): Worker {
  let batchHeld = -1;
  let held = new Map<number, number[]>();
  const state = (): FakeState => ({ plan: 0, schemes: [...held].map(([schemeIndex, runs]) => ({ schemeIndex, state: { runs: [...runs] } })) });
  const inTurn = oneAtATime();
  const add = (s: FakeState) => {
    for (const { schemeIndex, state: st } of s.schemes) held.set(schemeIndex, [...(held.get(schemeIndex) ?? []), ...st.runs]);
  };
  return fakeWebWorker({
    init: inTurn((batch: number, _scenario: Scenario, kept?: FakeState) => {
      batchHeld = batch;
      held = new Map();
      if (kept) add(kept);
    }),
    run: (batch: number, jobs: RunJob[]) => {
      sent.push(...jobs);
      return inTurn(async () => {
        if (batch !== batchHeld) throw new Error(`no model for batch ${batch}`);
        await new Promise((r) => setTimeout(r, 1));
        for (const j of jobs) held.set(j.schemeIndex, [...(held.get(j.schemeIndex) ?? []), j.runIndex]);
        return { count: jobs.length, ms: 1 };
      })();
    },
    commit: inTurn(() => {}),
    collect: inTurn(() => {
      const s = state();
      held = new Map();
      return s;
    }),
    absorb: inTurn((_batch: number, s: FakeState) => add(s)),
    copy: inTurn((batch: number) => (batch === batchHeld ? state() : null)),
    summarize: inTurn((batch: number) => (batch === batchHeld ? { pairs: pairsOf(state()) } : null)),
  });
}

const pairs = (results: ResultsJson | null) => (results as unknown as { pairs: string[] } | null)?.pairs ?? [];
const every = (schemes: number, runs: number) => Array.from({ length: schemes * runs }, (_, k) => `${k % schemes}:${Math.floor(k / schemes)}`).sort();

function scenarioOf(runs: number): Scenario {
  const s = defaultScenario();
  s.simulation.runs = runs;
  return s;
}

describe('keptState and keptRuns', () => {
  const held = { plan: 5, schemes: [0, 1, 2].map((i) => ({ schemeIndex: i, state: { runs: [i] } })) } as unknown as AccumulatorState;

  it('puts each kept scheme\'s summaries at its new place and leaves the rest out', () => {
    expect(keptState(held, [2, -1, 0])).toEqual({ plan: 5, schemes: [{ schemeIndex: 0, state: { runs: [2] } }, { schemeIndex: 2, state: { runs: [0] } }] });
    expect(keptState(held, [-1, -1])).toEqual({ plan: 5, schemes: [] });
  });

  it('refuses what it cannot keep, in words', () => {
    const s = scenarioOf(10);
    s.schemes = s.schemes.slice(0, 3);
    const h = { scenario: s, runs: 10 };
    expect(keptRuns(h, held, s, {})).toBeNull();
    expect(keptRuns(h, held, s, { keep: [-1, -1, -1] })).toBeNull();
    expect(keptRuns(null, null, s, { keep: [0, -1, 2] })).toEqual(new Error('no earlier runs are held to keep'));
    expect(keptRuns(h, null, s, { keep: [0, -1, 2] })).toEqual(new Error('no earlier runs are held to keep'));
    expect(keptRuns(h, held, s, { keep: [0, -1, 2], runsTo: 5 })).toEqual(new Error('the runs held are 0–10, not the 0–5 asked for'));
    expect(keptRuns(h, held, s, { keep: [0, 0, -1] })).toEqual(new Error('a scheme to keep is not among those held, or is kept twice'));
    expect(keptRuns(h, held, s, { keep: [0, -1] })).toEqual(new Error('2 places to keep for 3 schemes'));
    const ok = keptRuns(h, held, s, { keep: [0, -1, 2] });
    expect(ok).toMatchObject({ run: [s.schemes[1].id] });
  });
});

describe('the web pool keeps what an edit left', () => {
  it('copies a held batch, runs only the schemes not kept, and keeps the copy through a cancelled batch', async () => {
    const sent: RunJob[] = [];
    const runner = new WebWorkerRunner({ workers: 2, minJobsPerWorker: 1, crowded: false, createWorker: () => keepingWorker(sent) });
    const s = scenarioOf(30);
    const n = s.schemes.length;
    expect(n).toBeGreaterThanOrEqual(3);

    // Not asked to be held: nothing is.
    await runner.run(s);
    expect(pairs(await runner.summarize())).toEqual(every(n, 30));
    expect(runner.holds()).toEqual([]);

    await runner.run(s, { hold: true });
    expect(runner.holds()).toEqual([]); // not until a full summary has gathered it
    await runner.summarize({ glimpse: true });
    expect(runner.holds()).toEqual([]);
    expect(pairs(await runner.summarize())).toEqual(every(n, 30));
    expect(runner.holds()).toEqual([{ scenario: s, runs: 30 }]);

    // Scheme 1 edited: only its runs are sent, and the summary holds every pair.
    const keep = s.schemes.map((_, i) => (i === 1 ? -1 : i));
    sent.length = 0;
    await runner.run(s, { keep, hold: true });
    expect(new Set(sent.map((j) => j.schemeIndex))).toEqual(new Set([1]));
    expect(sent).toHaveLength(30);
    expect(pairs(await runner.summarize())).toEqual(every(n, 30));

    // A kept batch cancelled by the next edit: the copy held before it stands.
    const held = runner.holds();
    const abort = new AbortController();
    const cancelled = runner.run(s, { keep, hold: true, signal: abort.signal, onProgress: () => abort.abort() });
    await expect(cancelled).rejects.toThrow();
    expect(runner.holds()).toEqual(held);
    sent.length = 0;
    await runner.run(s, { keep, hold: true });
    expect(sent).toHaveLength(30);
    expect(pairs(await runner.summarize())).toEqual(every(n, 30));

    // Every scheme kept at another place (one removed): nothing is sent.
    const fewer = { ...s, schemes: s.schemes.slice(1) };
    sent.length = 0;
    await runner.run(fewer, { keep: fewer.schemes.map((_, i) => i + 1), hold: true });
    expect(sent).toHaveLength(0);
    expect(pairs(await runner.summarize())).toEqual(every(n - 1, 30));

    // Asked to keep with nothing of those runs held: a clear error.
    await expect(runner.run({ ...s, simulation: { ...s.simulation, runs: 20 } }, { keep })).rejects.toThrow('the runs held are 0–30, not the 0–20 asked for');
    runner.dispose();
  });

  it(`holds the last ${HELD_COMPARISONS} comparisons, and keeps from the one asked for`, async () => {
    const sent: RunJob[] = [];
    const runner = new WebWorkerRunner({ workers: 2, minJobsPerWorker: 1, crowded: false, createWorker: () => keepingWorker(sent) });
    const versions = Array.from({ length: HELD_COMPARISONS + 1 }, () => scenarioOf(20));
    const n = versions[0].schemes.length;
    for (const v of versions) {
      await runner.run(v, { hold: true });
      await runner.summarize();
    }
    // Newest first; the oldest is no longer held.
    expect(runner.holds().map((h) => h.scenario)).toEqual(versions.slice(1).reverse());
    // Every scheme kept from the oldest one held: nothing is sent.
    const older = versions[1];
    sent.length = 0;
    await runner.run(older, { keep: older.schemes.map((_, i) => i), keepFrom: older, hold: true });
    expect(sent).toHaveLength(0);
    expect(pairs(await runner.summarize())).toEqual(every(n, 20));
    // Gathered again, it is the newest; held once.
    expect(runner.holds().map((h) => h.scenario)).toEqual([older, ...versions.slice(2).reverse()]);
    await expect(runner.run(older, { keep: older.schemes.map((_, i) => (i === 0 ? 0 : -1)), keepFrom: versions[0] })).rejects.toThrow('no earlier runs are held to keep');
    runner.dispose();
  });

  it('holds the same scenario stopped at two steps as two comparisons, and keeps from the one of the runs asked', async () => {
    // A run of every run, then the same scenario settled at the first step (a looser precision asked).
    const sent: RunJob[] = [];
    const runner = new WebWorkerRunner({ workers: 2, minJobsPerWorker: 1, crowded: false, createWorker: () => keepingWorker(sent) });
    const s = scenarioOf(20);
    const n = s.schemes.length;
    await runner.run(s, { hold: true });
    await runner.summarize();
    await runner.run(s, { hold: true, checkpoints: [10, 20], onCheckpoint: async (runs) => runs === 10 });
    await runner.summarize(); // (these fake workers fold the runs sent past a checkpoint too)
    expect(runner.holds()).toEqual([{ scenario: s, runs: 10 }, { scenario: s, runs: 20 }]);
    // Back to every run: the 20 runs held serve, and nothing is sent.
    sent.length = 0;
    await runner.run(s, { keep: s.schemes.map((_, i) => i), keepFrom: s, hold: true });
    expect(sent).toHaveLength(0);
    expect(pairs(await runner.summarize())).toEqual(every(n, 20));
    runner.dispose();
  });
});
