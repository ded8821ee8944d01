/**
 * Node worker threads for a fit: a generation's candidates run side by side, one piece
 * per free thread (fit-worker.ts). The answers come back in the pieces' order, and a
 * piece's runs depend only on the scenario's seed and the run indices, so the fit is the
 * same whatever the number of threads or the order in which they finish.
 * Cancelling ends the threads at once (a piece cannot be interrupted); the next batch
 * starts fresh ones.
 */
import { Worker } from 'node:worker_threads';
import type { FitEvaluator, FitJob, FitOutcome, FitSetup } from '../engine/index.ts';

export type FitToWorker = { type: 'setup'; id: number; setup: FitSetup } | { type: 'job'; setup: number; job: number; work: FitJob };
export type FitFromWorker = { type: 'done'; job: number; outcome: FitOutcome } | { type: 'error'; job: number; message: string };

const DEFAULT_ENTRY = new URL('./fit-worker.mjs', import.meta.url);

export interface FitPool {
  evaluate: FitEvaluator;
  dispose(): Promise<void>;
}

export function createFitPool(options: { workers: number; signal?: AbortSignal; entry?: URL }): FitPool {
  const size = Math.max(1, Math.floor(options.workers));
  let threads: { worker: Worker; setup: number }[] = [];
  const setupIds = new WeakMap<FitSetup, number>();
  let nextSetup = 0;
  const start = () => {
    if (threads.length === 0) threads = Array.from({ length: size }, () => ({ worker: new Worker(options.entry ?? DEFAULT_ENTRY, { resourceLimits: { maxYoungGenerationSizeMb: 12 } }), setup: -1 }));
  };
  const stop = async () => {
    const ending = threads;
    threads = [];
    await Promise.all(ending.map((t) => t.worker.terminate()));
  };

  const evaluate: FitEvaluator = (setup, jobs, done) =>
    new Promise<FitOutcome[]>((resolve, reject) => {
      if (options.signal?.aborted) return reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
      start();
      let id = setupIds.get(setup);
      if (id === undefined) setupIds.set(setup, (id = nextSetup++));
      const out: FitOutcome[] = new Array(jobs.length);
      let next = 0;
      let finished = 0;
      let failed = false;
      const cleanups: (() => void)[] = [];
      const settle = (error: Error | null) => {
        if (failed) return;
        if (error) failed = true;
        cleanups.forEach((c) => c());
        if (error) {
          void stop();
          reject(error);
        } else resolve(out);
      };
      const onAbort = () => settle(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => options.signal?.removeEventListener('abort', onAbort));
      const feed = (t: (typeof threads)[number]) => {
        if (next >= jobs.length) return;
        if (t.setup !== id) {
          t.worker.postMessage({ type: 'setup', id: id!, setup } satisfies FitToWorker);
          t.setup = id!;
        }
        const job = next++;
        t.worker.postMessage({ type: 'job', setup: id!, job, work: jobs[job] } satisfies FitToWorker);
      };
      for (const t of threads) {
        const onMessage = (m: FitFromWorker) => {
          if (failed) return;
          if (m.type === 'error') return settle(new Error(`a fit thread failed: ${m.message}`));
          out[m.job] = m.outcome;
          done(m.job);
          if (++finished === jobs.length) settle(null);
          else feed(t);
        };
        const onError = (e: Error) => settle(e);
        const onExit = (code: number) => settle(new Error(`a fit thread stopped (exit code ${code})`));
        t.worker.on('message', onMessage);
        t.worker.on('error', onError);
        t.worker.on('exit', onExit);
        cleanups.push(() => {
          t.worker.off('message', onMessage);
          t.worker.off('error', onError);
          t.worker.off('exit', onExit);
        });
      }
      if (jobs.length === 0) return settle(null);
      for (const t of threads) feed(t);
    });

  return { evaluate, dispose: stop };
}
