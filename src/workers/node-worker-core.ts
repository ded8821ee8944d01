/**
 * The thin shell inside a worker: typed job → run → fold into this worker's summaries;
 * the summaries go back once, when the batch asks for them (`collect`). Nothing per run
 * crosses threads but, when the batch reads checkpoints, its profit total (8 bytes), so
 * the main thread stays idle and small however many runs there are (summaries merge
 * exactly: accumulator.ts). Runs past a checkpoint not yet read are held apart until the
 * batch goes on past it (`commit`), and dropped if it stops there. Kept apart from the
 * engine imports so tests can start a worker with a fake simulator (test/workers/fixtures).
 */
import type { MessagePort } from 'node:worker_threads';
import { ResultsAccumulator, runProfit, transferablesOf } from '../engine/index.ts';
import type { Model, RunJob, RunResult, Scenario, SimulateFn } from '../engine/index.ts';
import type { FromWorker, ToWorker } from './runner.ts';

export interface WorkerEngine {
  compile: (scenario: Scenario) => Model;
  simulate: SimulateFn;
}

export function serveWorker(port: MessagePort, engine: WorkerEngine): void {
  let model: Model | null = null;
  let modelBatch = -1;
  let scenario: Scenario | null = null;
  let acc: ResultsAccumulator | null = null;
  /** Runs past a checkpoint not yet passed, held apart. */
  let held: RunResult[] = [];
  const send = (message: FromWorker) => port.postMessage(message);

  port.on('message', (message: ToWorker) => {
    const chunk = message.type === 'chunk' ? message.chunk : null;
    try {
      if (message.type === 'init') {
        model = null;
        acc = null;
        held = [];
        modelBatch = message.batch;
        model = engine.compile(message.scenario);
        scenario = message.scenario;
        acc = new ResultsAccumulator(scenario);
        return;
      }
      if (!model || !acc || modelBatch !== message.batch) throw new Error(`no model for batch ${message.batch}`);
      if (message.type === 'collect') {
        // Runs still held apart are past the checkpoint the batch stopped at: dropped.
        // Transferred only by a worker that ends now: once a thread has transferred (detached)
        // a buffer, V8's typed-array code runs slower in it; its runs measured 13% slower.
        const state = acc.toState(true);
        port.postMessage({ type: 'state', batch: message.batch, state } satisfies FromWorker, message.last ? transferablesOf(state) : []);
        acc = new ResultsAccumulator(scenario!);
        held = [];
        return;
      }
      if (message.type === 'commit') {
        // The checkpoint was passed: the runs held apart are kept.
        for (const result of held) acc.add(result);
        held = [];
        return;
      }
      const jobs = message.jobs as RunJob[];
      // Copied, not transferred (see collect).
      const profits = message.profits ? new Float64Array(jobs.length) : null;
      for (let j = 0; j < jobs.length; j++) {
        const result = engine.simulate(model, jobs[j].schemeIndex, jobs[j].runIndex);
        if (profits) profits[j] = runProfit(result);
        if (message.ahead) held.push(result);
        else acc.add(result);
      }
      send({ type: 'folded', batch: message.batch, chunk: message.chunk, count: jobs.length, ...(profits ? { profits } : {}) });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      send({ type: 'error', batch: message.batch, chunk, message: e.message, stack: e.stack });
    }
  });
}
