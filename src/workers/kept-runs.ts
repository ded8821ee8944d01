/**
 * Runs a pool keeps from one batch to the next: when an edit leaves some schemes as they
 * were (app/kept-schemes.ts), the first worker, which holds every run of the last batch
 * once a full summary gathered them, keeps those schemes' summaries — wherever the schemes
 * now stand — and the batch runs the others alone (none, when a scheme was only removed).
 * Summaries are functions of the set of runs, so the results are the ones a batch of
 * every scheme gives.
 */
import type { Scenario } from '../engine/index.ts';
import type { HeldBatch, SummarizingRunOptions } from './runner.ts';

/** The runs a batch keeps from batch `from`: its scheme i is scheme `places[i]` there (−1: it runs). */
export interface KeptRuns {
  from: number;
  places: readonly number[];
}

/**
 * A batch asked to keep schemes (options.keep): the schemes to run, and what the first
 * worker keeps from the batch it holds (`last`, the runner's latest batch). An Error when
 * that cannot be: no batch held whole, or other runs than it holds.
 */
export function keptRuns(held: HeldBatch | null, last: number, scenario: Scenario, options: SummarizingRunOptions): { run: string[]; keep: KeptRuns } | Error | null {
  const places = options.keep;
  if (!places?.some((p) => p >= 0)) return null;
  if (places.length !== scenario.schemes.length) return new Error(`${places.length} places to keep for ${scenario.schemes.length} schemes`);
  const runsTo = options.runsTo ?? scenario.simulation.runs;
  if (!held) return new Error('no earlier runs are held to keep');
  if ((options.runsFrom ?? 0) !== 0 || runsTo !== held.runs) return new Error(`the runs held are 0–${held.runs}, not the ${options.runsFrom ?? 0}–${runsTo} asked for`);
  if (places.some((p) => p >= held.scenario.schemes.length)) return new Error('a scheme to keep is not among those held');
  const run = scenario.schemes.filter((_, i) => places[i] < 0).map((s) => s.id);
  return { run, keep: { from: last, places: [...places] } };
}

type Held = HeldBatch & { batch: number };

/**
 * Which batch a pool's first worker holds whole: one that ended holding runs [0, runs) of
 * every scheme (at a checkpoint or its last run), once a full summary asked after it ended
 * gathered every worker's runs there — until another batch starts.
 */
export class HeldRuns {
  #ended: Held | null = null;
  #whole: Held | null = null;

  /** Batch `batch` ended holding runs [0, runs) of every scheme of `scenario`. */
  end(batch: number, scenario: Scenario, runs: number): void {
    this.#ended = { batch, scenario, runs };
  }

  /** A full summary of `batch` is asked for: what it will have gathered, if the batch has ended. */
  ended(batch: number): Held | null {
    return this.#ended?.batch === batch ? this.#ended : null;
  }

  /** That summary was made: the first worker holds the batch whole. */
  gathered(held: Held): void {
    this.#whole = held;
  }

  /** What the first worker holds whole while `latest` is the pool's latest batch; null if another has started. */
  holds(latest: number): HeldBatch | null {
    const w = this.#whole;
    return w && w.batch === latest ? { scenario: w.scenario, runs: w.runs } : null;
  }
}
