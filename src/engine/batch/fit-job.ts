/**
 * One piece of a fit's work: a candidate's inputs (a position in each input's range) run
 * over some run indices of the history's months, each run read by the same estimator as
 * the history (tally.ts). Pure data in and out, so a pool of threads can do the pieces of
 * a generation side by side (src/workers) and the answer does not depend on which thread
 * did which: a run's luck depends only on the scenario's seed and its index.
 */
import { compileModel } from '../model/model.ts';
import type { Scenario } from '../scenario/types.ts';
import { PaymentTally, statisticsOf, type HistoryStatistics } from '../history/tally.ts';
import { dayPlaces, tallyRun } from './history-run.ts';
import { fitCandidate } from './fit-inputs.ts';
import { momentsFor, momentVector } from './fit-moments.ts';
import { PathError } from './scenario-path.ts';
import type { Vary } from './calibrate.ts';

/** What every piece of one fit shares: the scenario cut to the scheme in force and the history's months, and the inputs moved. */
export interface FitSetup {
  scenario: Scenario;
  vary: Vary[];
  months: number;
  hasClients: boolean;
}

export interface FitJob {
  x: number[];
  runsFrom: number;
  count: number;
  /** Keep each run's statistics (for the report's bands), not only its moments. */
  keep: boolean;
}

/** Each run's scaled moments, and its statistics when kept; null when the file format refuses the inputs. */
export type FitOutcome = { vectors: Float64Array[]; stats: HistoryStatistics[] } | null;

export function runFitJob(setup: FitSetup, job: FitJob): FitOutcome {
  let scenario: Scenario;
  try {
    scenario = fitCandidate(setup.scenario, setup.vary, job.x);
  } catch (e) {
    if (e instanceof PathError) return null;
    throw e;
  }
  const moments = momentsFor(setup.months, setup.hasClients);
  const model = compileModel(scenario);
  const places = dayPlaces(model);
  const tally = new PaymentTally(setup.months, scenario.clients.count);
  const vectors: Float64Array[] = [];
  const stats: HistoryStatistics[] = [];
  for (let r = 0; r < job.count; r++) {
    tallyRun(model, places, 0, job.runsFrom + r, tally);
    const s = statisticsOf(tally, setup.hasClients);
    vectors.push(momentVector(moments, s));
    if (job.keep) stats.push(s);
  }
  return { vectors, stats };
}

/**
 * Runs a batch of pieces and answers in their order; `done(i)` as piece i finishes. The
 * default runs them here one after another; a pool of threads may run them side by side.
 */
export type FitEvaluator = (setup: FitSetup, jobs: readonly FitJob[], done: (job: number) => void) => Promise<FitOutcome[]>;
