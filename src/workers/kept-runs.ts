/**
 * Runs a pool keeps from one batch to the next: when an edit leaves some schemes as they
 * were (app/kept-schemes.ts), the first worker, which holds every run of the last batch
 * once a full summary gathered them, keeps those schemes' summaries and the batch runs the
 * others alone. Summaries are functions of the set of runs, so the results are the ones a
 * batch of every scheme gives.
 */
import type { Scenario } from '../engine/index.ts';
import type { HeldBatch, SummarizingRunOptions } from './runner.ts';

/** The runs of an earlier batch a new one keeps: its schemes at these indices. */
export interface KeptRuns {
  from: number;
  schemes: readonly number[];
}

/**
 * A batch asked to keep schemes (options.keep): the schemes to run, and what the first
 * worker keeps from the batch it holds (`last`, the runner's latest batch). An Error when
 * that cannot be: no batch held whole, or other runs than it holds.
 */
export function keptRuns(held: HeldBatch | null, last: number, scenario: Scenario, options: SummarizingRunOptions): { run: string[]; keep: KeptRuns } | Error | null {
  const keep = options.keep ?? [];
  if (keep.length === 0) return null;
  const runsTo = options.runsTo ?? scenario.simulation.runs;
  if (!held) return new Error('no earlier runs are held to keep');
  if ((options.runsFrom ?? 0) !== 0 || runsTo !== held.runs) return new Error(`the runs held are 0–${held.runs}, not the ${options.runsFrom ?? 0}–${runsTo} asked for`);
  const run = scenario.schemes.filter((_, i) => !keep.includes(i)).map((s) => s.id);
  if (run.length === 0) return new Error('every scheme would be kept: nothing to run');
  return { run, keep: { from: last, schemes: [...keep] } };
}

