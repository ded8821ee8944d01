/**
 * Monte Carlo batch: the plan (run-plan.ts) and running a chunk of it. Every (scheme, run)
 * job is listed before work is split, and `simulateRun` seeds a run from the scenario seed
 * and the run index only, so results never depend on chunking or the number of workers.
 */
import type { RunResult } from '../run/run-result.ts';
import type { Model } from '../model/model.ts';
import { simulateRun } from '../run/simulate.ts';
import type { RunJob } from './run-plan.ts';

export { chunkRuns, defaultChunkSize, planRuns } from './run-plan.ts';
export type { PlanOptions, RunJob, RunPlan } from './run-plan.ts';

export type SimulateFn = (model: Model, schemeIndex: number, runIndex: number) => RunResult;

export function runChunk(model: Model, jobs: readonly RunJob[], simulate: SimulateFn = simulateRun): RunResult[] {
  return jobs.map((job) => simulate(model, job.schemeIndex, job.runIndex));
}
