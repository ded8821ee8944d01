/**
 * A worker thread that runs pieces of a fit (engine/batch/fit-job.ts): the setup once,
 * then pieces as they come; each answer goes back with its piece's number.
 */
import { parentPort } from 'node:worker_threads';
import { runFitJob } from '../engine/index.ts';
import type { FitSetup } from '../engine/index.ts';
import type { FitFromWorker, FitToWorker } from './fit-pool.ts';

if (!parentPort) throw new Error('fit-worker.ts must run in a worker thread');
const port = parentPort;
const setups = new Map<number, FitSetup>();

port.on('message', (message: FitToWorker) => {
  if (message.type === 'setup') {
    setups.clear(); // one fit at a time
    setups.set(message.id, message.setup);
    return;
  }
  try {
    const setup = setups.get(message.setup);
    if (!setup) throw new Error(`no setup ${message.setup}`);
    const outcome = runFitJob(setup, message.work);
    // Copied, not transferred: a thread that has handed a buffer over runs its simulations slower after.
    port.postMessage({ type: 'done', job: message.job, outcome } satisfies FitFromWorker);
  } catch (error) {
    port.postMessage({ type: 'error', job: message.job, message: error instanceof Error ? error.message : String(error) } satisfies FitFromWorker);
  }
});
