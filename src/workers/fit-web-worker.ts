/**
 * A browser Web Worker that runs pieces of a fit (engine/batch/fit-job.ts), through
 * Comlink: the setup once per fit, then pieces as the page hands them out.
 */
import * as Comlink from 'comlink';
import { runFitJob } from '../engine/index.ts';
import type { FitJob, FitOutcome, FitSetup } from '../engine/index.ts';

let held: { id: number; setup: FitSetup } | null = null;

const api = {
  setup(id: number, setup: FitSetup): void {
    held = { id, setup };
  },
  run(id: number, job: FitJob): FitOutcome {
    if (!held || held.id !== id) throw new Error(`no setup ${id}`);
    const outcome = runFitJob(held.setup, job);
    // Copied, not transferred: a thread that has handed a buffer over runs its simulations slower after.
    return outcome;
  },
};

export type FitWebWorkerApi = typeof api;

Comlink.expose(api);
