/**
 * The thin shell inside a browser Web Worker, exposed through Comlink: typed job → run →
 * fold into this worker's summaries (accumulator.ts). Nothing per run leaves the worker
 * but, when the batch reads checkpoints, its profit total (8 bytes): the pool
 * (web-worker-runner.ts) asks for the summaries when it wants to show them —
 * `collect` hands them over (copied) and starts afresh, `absorb` merges another
 * worker's, `summarize` builds the results contract (`buildResultsJson`, the function the
 * CLI prints from). So neither the runs nor the work of summarising lands on the page, and
 * no separate summary worker (a whole JavaScript heap of its own) is needed.
 * A thrown error travels back as a rejected call.
 */
import * as Comlink from 'comlink';
import { GENERATOR, ResultsAccumulator, buildResultsJson, compileModel, runProfit, settleShapes, simulateRun } from '../engine/index.ts';
import type { AccumulatorState, Model, ResultsJson, RunJob, RunResult, Scenario } from '../engine/index.ts';
import { HEARTBEAT } from './runner.ts';

/**
 * A fault to inject (browser tests): throw inside the chunk; die outside any call (an
 * `error` event); close itself inside the chunk (silent: no event, no answer, ever); or
 * compute forever (no answer and no heartbeat).
 */
export type WorkerFault = 'throw' | 'crash' | 'close' | 'hang';

const HEARTBEAT_MS = 1000;
let lastBeat = 0;
function beat(): void {
  const now = performance.now();
  if (now - lastBeat < HEARTBEAT_MS) return;
  lastBeat = now;
  (globalThis as unknown as { postMessage(message: unknown): void }).postMessage({ type: HEARTBEAT });
}

interface Held {
  batch: number;
  scenario: Scenario;
  model: Model;
  /** The runs below the pool's current checkpoint: what collect and summarize see. */
  acc: ResultsAccumulator;
  /**
   * Runs past a checkpoint that is still being read, held apart as they came (at most
   * AHEAD_JOBS a worker): folded in by `commit` if the batch goes on — folding them then
   * costs what it would have cost at once — and dropped with the batch if it settles there.
   */
  ahead: RunResult[];
}

let held: Held | null = null;
/** This worker runs a model per edit: the first batch settles the engine's object shapes first (settleShapes). */
let shapesSettled = false;

/**
 * A chunk's answer: runs done, the time they took here (queued chunks wait on the page's
 * side, not here) and, if asked, each run's profit total (what reading a checkpoint needs).
 */
export interface ChunkDone {
  count: number;
  ms: number;
  profits?: Float64Array;
}

function batchOf(batch: number): Held {
  if (!held || held.batch !== batch) throw new Error(`no model for batch ${batch}`);
  return held;
}

const api = {
  /**
   * Compiles the batch's model. `kept`: the summaries of the schemes the batch keeps from an
   * earlier one instead of running them again (kept-runs.ts), where they now stand.
   */
  init(batch: number, scenario: Scenario, kept?: AccumulatorState): void {
    held = null;
    if (!shapesSettled) {
      shapesSettled = true;
      settleShapes(scenario);
    }
    const acc = kept ? ResultsAccumulator.fromState(kept) : new ResultsAccumulator(scenario);
    held = { batch, scenario, model: compileModel(scenario), acc, ahead: [] };
  },
  /**
   * Runs the jobs and folds them in — apart if `ahead` (past a checkpoint being read) —
   * and returns how many were run, the milliseconds they took and, with `profits`, their
   * profit totals (copied back, not transferred: a buffer handed over after every chunk
   * made a thread's runs slower, see collect).
   */
  run(batch: number, jobs: RunJob[], fault?: WorkerFault, ahead = false, profits = false): ChunkDone | Promise<ChunkDone> {
    if (fault === 'throw') throw new Error('injected fault: the simulation threw');
    if (fault === 'crash') {
      // An error outside any call: the worker's `error` event is all the page gets.
      setTimeout(() => {
        throw new Error('injected fault: the worker crashed');
      });
      return { count: 0, ms: 0 };
    }
    if (fault === 'close') {
      (globalThis as unknown as { close(): void }).close();
      return new Promise<ChunkDone>(() => {}); // no answer, as from a worker that closed mid-chunk
    }
    if (fault === 'hang') for (;;);
    const h = batchOf(batch);
    const { model } = h;
    const started = performance.now();
    const profit = profits ? new Float64Array(jobs.length) : null;
    for (let j = 0; j < jobs.length; j++) {
      const result = simulateRun(model, jobs[j].schemeIndex, jobs[j].runIndex);
      if (profit) profit[j] = runProfit(result);
      if (ahead) h.ahead.push(result);
      else h.acc.add(result);
      beat();
    }
    const done: ChunkDone = { count: jobs.length, ms: performance.now() - started };
    if (profit) done.profits = profit;
    return done;
  },
  /** The checkpoint was read and the batch goes on: the runs held apart join the rest. */
  commit(batch: number): void {
    const h = batchOf(batch);
    for (const result of h.ahead) h.acc.add(result);
    h.ahead = [];
  },
  /**
   * Hands over everything folded so far (below the checkpoint) and starts afresh. Copied,
   * not transferred: once a thread has transferred (detached) a buffer, V8's typed-array
   * code runs slower in it; the runs after measured 13% slower.
   */
  collect(batch: number): AccumulatorState {
    const h = batchOf(batch);
    const state = h.acc.toState(true);
    h.acc = new ResultsAccumulator(h.scenario);
    return state;
  },
  /** Merges another worker's collected summaries into this one's. */
  absorb(batch: number, state: AccumulatorState): void {
    batchOf(batch).acc.merge(ResultsAccumulator.fromState(state), { adopt: true });
  },
  /** A copy of every summary held now (the pool keeps it for the schemes a later edit leaves); null if moved on. */
  copy(batch: number): AccumulatorState | null {
    if (!held || held.batch !== batch) return null;
    return held.acc.toState(true);
  },
  /** The results contract for what is held now; null if the worker has moved on to another batch. */
  summarize(batch: number): ResultsJson | null {
    if (!held || held.batch !== batch) return null;
    return buildResultsJson(held.scenario, held.acc, { generator: GENERATOR });
  },
};

export type WebWorkerApi = typeof api;

Comlink.expose(api);
