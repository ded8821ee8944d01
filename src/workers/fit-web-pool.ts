/**
 * The workbench's threads for a fit: browser Web Workers (fit-web-worker.ts) that run a
 * generation's candidates side by side while the page drives the search (cheap: a few
 * numbers per candidate). The same pieces give the same fit on any number of workers.
 * Cancelling ends the workers; the next fit starts fresh ones.
 */
import * as Comlink from 'comlink';
import type { FitEvaluator, FitOutcome, FitSetup } from '../engine/index.ts';
import type { FitWebWorkerApi } from './fit-web-worker.ts';
import { defaultWorkerCount } from './web-worker-count.ts';

export interface FitWebPool {
  evaluate: FitEvaluator;
  dispose(): void;
}

const startWorker = () => new Worker(new URL('./fit-web-worker.ts', import.meta.url), { type: 'module', name: 'paybench-fit' });

export function createFitWebPool(options: { workers?: number; signal?: AbortSignal; createWorker?: () => Worker } = {}): FitWebPool {
  const size = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
  let threads: { worker: Worker; api: Comlink.Remote<FitWebWorkerApi>; setup: number }[] = [];
  const ids = new WeakMap<FitSetup, number>();
  let next = 0;
  const stop = () => {
    for (const t of threads) t.worker.terminate();
    threads = [];
  };
  options.signal?.addEventListener('abort', stop, { once: true });

  const evaluate: FitEvaluator = (setup, jobs, done) =>
    new Promise<FitOutcome[]>((resolve, reject) => {
      const cancelled = () => Object.assign(new Error('cancelled'), { name: 'AbortError' });
      if (options.signal?.aborted) return reject(cancelled());
      if (threads.length === 0) {
        threads = Array.from({ length: size }, () => {
          const worker = (options.createWorker ?? startWorker)();
          return { worker, api: Comlink.wrap<FitWebWorkerApi>(worker), setup: -1 };
        });
      }
      let id = ids.get(setup);
      if (id === undefined) ids.set(setup, (id = next++));
      const out: FitOutcome[] = new Array(jobs.length);
      let given = 0;
      let finished = 0;
      let over = false;
      const fail = (error: unknown) => {
        if (over) return;
        over = true;
        stop();
        reject(options.signal?.aborted ? cancelled() : error);
      };
      options.signal?.addEventListener('abort', () => fail(cancelled()), { once: true });
      const feed = async (t: (typeof threads)[number]): Promise<void> => {
        while (!over && given < jobs.length) {
          const job = given++;
          if (t.setup !== id) {
            await t.api.setup(id!, setup);
            t.setup = id!;
          }
          out[job] = await t.api.run(id!, jobs[job]);
          if (over) return;
          done(job);
          if (++finished === jobs.length) {
            over = true;
            resolve(out);
          }
        }
      };
      if (jobs.length === 0) return resolve(out);
      for (const t of threads) {
        t.worker.onerror = (event) => fail(new Error(`a fit worker stopped: ${event.message || 'unknown error'}`));
        feed(t).catch(fail);
      }
    });

  return { evaluate, dispose: stop };
}
