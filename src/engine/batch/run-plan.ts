/**
 * The run plan (no simulator import, so a runner's main thread can plan without loading
 * the engine). The batch: every (scheme, run) job is listed before any work is split (Mesa's
 * `batch_run` lesson), and a run's seed depends only on the scenario seed and its run
 * index (`simulateRun`), so results never depend on chunk sizes or the number of workers.
 * Run i of every scheme shares clients and luck (common random numbers, MODEL.md §8).
 */
import type { Scenario } from '../scenario/types.ts';

export interface RunJob {
  schemeIndex: number;
  runIndex: number;
}

export interface PlanOptions {
  /** First run index (inclusive); default 0. */
  runsFrom?: number;
  /** Last run index (exclusive); default scenario.simulation.runs. */
  runsTo?: number;
  /** Schemes to run, by id; default all, in scenario order. */
  schemeIds?: readonly string[];
}

export interface RunPlan {
  runsFrom: number;
  runsTo: number;
  /** Scheme indices in scenario order. */
  schemeIndices: number[];
  /** Run-major: run 0 of every scheme, then run 1, … so early results are already paired. */
  jobs: RunJob[];
}

/** The plan without its job list (a runner of 100,000 runs lists each chunk's jobs as it sends it). */
export type RunShape = Omit<RunPlan, 'jobs'> & { jobCount: number };

export function planShape(scenario: Scenario, options: PlanOptions = {}): RunShape {
  const { jobs: _, ...shape } = planRuns(scenario, { ...options, runsTo: options.runsFrom ?? 0 });
  const runsTo = options.runsTo ?? scenario.simulation.runs;
  if (!Number.isInteger(runsTo) || runsTo < shape.runsFrom) throw new RangeError(`bad run range [${shape.runsFrom}, ${runsTo})`);
  return { ...shape, runsTo, jobCount: (runsTo - shape.runsFrom) * shape.schemeIndices.length };
}

/** Jobs [from, to) of the plan's run-major order, listed on demand. */
export function jobsOf(shape: RunShape, from: number, to: number): RunJob[] {
  const n = shape.schemeIndices.length;
  const out: RunJob[] = [];
  for (let j = from; j < Math.min(to, shape.jobCount); j++) {
    out.push({ schemeIndex: shape.schemeIndices[j % n], runIndex: shape.runsFrom + Math.floor(j / n) });
  }
  return out;
}

export function planRuns(scenario: Scenario, options: PlanOptions = {}): RunPlan {
  const runsFrom = options.runsFrom ?? 0;
  const runsTo = options.runsTo ?? scenario.simulation.runs;
  if (!Number.isInteger(runsFrom) || !Number.isInteger(runsTo) || runsFrom < 0 || runsTo < runsFrom) {
    throw new RangeError(`bad run range [${runsFrom}, ${runsTo})`);
  }
  let schemeIndices: number[];
  if (options.schemeIds === undefined) {
    schemeIndices = scenario.schemes.map((_, i) => i);
  } else {
    const wanted = new Set(options.schemeIds);
    for (const id of wanted) {
      if (!scenario.schemes.some((s) => s.id === id)) throw new RangeError(`unknown scheme "${id}"`);
    }
    schemeIndices = scenario.schemes.flatMap((s, i) => (wanted.has(s.id) ? [i] : []));
  }
  const jobs: RunJob[] = [];
  for (let runIndex = runsFrom; runIndex < runsTo; runIndex++) {
    for (const schemeIndex of schemeIndices) jobs.push({ schemeIndex, runIndex });
  }
  return { runsFrom, runsTo, schemeIndices, jobs };
}

/** Consecutive slices of the plan's jobs; chunking changes only who runs what, never a result. */
export function chunkRuns(plan: RunPlan, chunkSize: number): RunJob[][] {
  const size = Math.max(1, Math.floor(chunkSize));
  const chunks: RunJob[][] = [];
  for (let i = 0; i < plan.jobs.length; i += size) chunks.push(plan.jobs.slice(i, i + size));
  return chunks;
}

/** A chunk size that gives each worker several chunks (balance) without tiny messages. */
export function defaultChunkSize(jobCount: number, workers: number): number {
  return Math.min(32, Math.max(1, Math.ceil(jobCount / (Math.max(1, workers) * 8))));
}

