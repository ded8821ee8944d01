/**
 * The thin shell inside a browser Web Worker: typed job → runChunk → transfer.
 * Exposed through Comlink; the pool (web-worker-runner.ts) calls `init` once per batch
 * and then `run` for each chunk. A thrown error travels back as a rejected call.
 */
import * as Comlink from 'comlink';
import { compileModel } from '../engine/model.ts';
import type { Model } from '../engine/model.ts';
import { runChunk } from '../engine/montecarlo.ts';
import type { RunJob } from '../engine/run-plan.ts';
import type { RunResult } from '../engine/run-result.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import { transferables } from './runner.ts';

/** A fault to inject (browser tests): throw inside the chunk, or die outside any call. */
export type WorkerFault = 'throw' | 'crash';

let model: Model | null = null;
let modelBatch = -1;

const api = {
  init(batch: number, scenario: Scenario): void {
    model = null;
    modelBatch = batch;
    model = compileModel(scenario);
  },
  run(batch: number, jobs: RunJob[], fault?: WorkerFault): RunResult[] {
    if (fault === 'throw') throw new Error('injected fault: the simulation threw');
    if (fault === 'crash') {
      // An error outside any call: the worker's `error` event is all the page gets.
      setTimeout(() => {
        throw new Error('injected fault: the worker crashed');
      });
      return [];
    }
    if (!model || modelBatch !== batch) throw new Error(`no model for batch ${batch}`);
    const results = runChunk(model, jobs);
    return Comlink.transfer(results, transferables(results));
  },
};

export type WebWorkerApi = typeof api;

Comlink.expose(api);
