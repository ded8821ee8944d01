/**
 * The thin shell inside a worker: typed job → run → fold into this worker's summaries;
 * the summaries go back once, when the batch asks for them (`collect`). Nothing per run
 * crosses threads, so the main thread stays idle and small however many runs there are
 * (summaries merge exactly: accumulator.ts). Kept apart from the engine imports so tests
 * can start a worker with a fake simulator (test/workers/fixtures).
 */
import type { MessagePort } from 'node:worker_threads';
import { ResultsAccumulator, transferablesOf } from '../engine/index.ts';
import type { Model, RunJob, Scenario, SimulateFn } from '../engine/index.ts';
import type { FromWorker, ToWorker } from './runner.ts';

export interface WorkerEngine {
  compile: (scenario: Scenario) => Model;
  simulate: SimulateFn;
}

export function serveWorker(port: MessagePort, engine: WorkerEngine): void {
  let model: Model | null = null;
  let modelBatch = -1;
  let acc: ResultsAccumulator | null = null;
  let scenario: Scenario | null = null;
  const send = (message: FromWorker) => port.postMessage(message);

  port.on('message', (message: ToWorker) => {
    const chunk = message.type === 'chunk' ? message.chunk : null;
    try {
      if (message.type === 'init') {
        model = null;
        acc = null;
        modelBatch = message.batch;
        model = engine.compile(message.scenario);
        scenario = message.scenario;
        acc = new ResultsAccumulator(scenario);
        return;
      }
      if (!model || !acc || modelBatch !== message.batch) throw new Error(`no model for batch ${message.batch}`);
      if (message.type === 'collect') {
        const state = acc.toState(true);
        port.postMessage({ type: 'state', batch: message.batch, state } satisfies FromWorker, transferablesOf(state));
        acc = new ResultsAccumulator(scenario!);
        return;
      }
      for (const job of message.jobs as RunJob[]) acc.add(engine.simulate(model, job.schemeIndex, job.runIndex));
      send({ type: 'folded', batch: message.batch, chunk: message.chunk, count: message.jobs.length });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      send({ type: 'error', batch: message.batch, chunk, message: e.message, stack: e.stack });
    }
  });
}
