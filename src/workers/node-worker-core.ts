/**
 * The thin shell inside a worker: typed job → run → transfer. Kept apart from the engine
 * imports so tests can start a worker with a fake simulator (test/workers/fixtures).
 */
import type { MessagePort } from 'node:worker_threads';
import type { Scenario } from '../engine/scenario/types.ts';
import type { Model } from '../engine/model.ts';
import type { RunJob, SimulateFn } from '../engine/montecarlo.ts';
import type { RunResult } from '../engine/run-result.ts';
import { transferables } from './runner.ts';
import type { FromWorker, ToWorker } from './runner.ts';

export interface WorkerEngine {
  compile: (scenario: Scenario) => Model;
  simulate: SimulateFn;
}

export function serveWorker(port: MessagePort, engine: WorkerEngine): void {
  let model: Model | null = null;
  let modelBatch = -1;
  const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

  port.on('message', (message: ToWorker) => {
    const chunk = message.type === 'chunk' ? message.chunk : null;
    try {
      if (message.type === 'init') {
        model = null;
        modelBatch = message.batch;
        model = engine.compile(message.scenario);
        return;
      }
      if (!model || modelBatch !== message.batch) throw new Error(`no model for batch ${message.batch}`);
      const results: RunResult[] = message.jobs.map((job: RunJob) => engine.simulate(model!, job.schemeIndex, job.runIndex));
      send({ type: 'results', batch: message.batch, chunk: message.chunk, results }, transferables(results));
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      send({ type: 'error', batch: message.batch, chunk, message: e.message, stack: e.stack });
    }
  });
}
