/**
 * Runs a pool keeps from one comparison to the next. When a batch asked to be held ends
 * with every run of every scheme up to where it ended (its last run, or the step at which
 * it settled) and its full summary has gathered them in the first worker, the pool takes a
 * copy of those summaries (about 3 MiB for 3 schemes × 1,000 runs), and keeps the last
 * HELD_COMPARISONS such copies. A later batch whose edit left some schemes as one of them
 * had them (app/kept-schemes.ts) hands the first worker those schemes' summaries from it,
 * where the schemes now stand, and runs the others alone, up to the same run (none, when
 * a scheme was only removed, or on going back to a comparison held). The
 * copies stay on the page, so a batch cancelled by the next edit loses nothing of them.
 * Summaries are functions of the set of runs, so the results are the ones a batch of
 * every scheme gives.
 */
import { transferablesOf } from '../engine/index.ts';
import type { AccumulatorState, Scenario } from '../engine/index.ts';
import type { HeldBatch, SummarizingRunOptions } from './runner.ts';

/** Summaries larger than this are not held (a 100,000-run comparison of many schemes): such a batch is not kept. */
export const MAX_HELD_BYTES = 64 * 2 ** 20;

/** The held summaries of the schemes a batch keeps: scheme i there is scheme `places[i]` here (−1: it runs). */
export function keptState(held: AccumulatorState, places: readonly number[]): AccumulatorState {
  const at = new Map(held.schemes.map((s) => [s.schemeIndex, s.state]));
  return {
    plan: held.plan,
    schemes: places.flatMap((from, i) => (from >= 0 && at.has(from) ? [{ schemeIndex: i, state: at.get(from)! }] : [])),
  };
}

/**
 * A batch asked to keep schemes (options.keep): the schemes to run and the summaries the
 * first worker starts from. An Error when that cannot be: nothing held, or other runs.
 */
export function keptRuns(held: HeldBatch | null, state: AccumulatorState | null, scenario: Scenario, options: SummarizingRunOptions): { run: string[]; state: AccumulatorState } | Error | null {
  const places = options.keep;
  if (!places?.some((p) => p >= 0)) return null;
  if (places.length !== scenario.schemes.length) return new Error(`${places.length} places to keep for ${scenario.schemes.length} schemes`);
  const runsTo = options.runsTo ?? scenario.simulation.runs;
  if (!held || !state) return new Error('no earlier runs are held to keep');
  if ((options.runsFrom ?? 0) !== 0 || runsTo !== held.runs) return new Error(`the runs held are 0–${held.runs}, not the ${options.runsFrom ?? 0}–${runsTo} asked for`);
  const kept = places.filter((p) => p >= 0);
  if (kept.some((p) => p >= held.scenario.schemes.length) || new Set(kept).size !== kept.length) return new Error('a scheme to keep is not among those held, or is kept twice');
  const run = scenario.schemes.filter((_, i) => places[i] < 0).map((s) => s.id);
  return { run, state: keptState(state, places) };
}

/** What a batch keeping schemes reads of `held`: the held comparison it names, at the runs it asks. */
export async function keptFrom(held: HeldRuns, scenario: Scenario, options: SummarizingRunOptions): Promise<ReturnType<typeof keptRuns>> {
  const runs = options.runsTo ?? scenario.simulation.runs;
  return keptRuns(held.find(options.keepFrom, runs), options.keep ? await held.state(options.keepFrom, runs) : null, scenario, options);
}

type Ended = HeldBatch & { batch: number };
type Held = HeldBatch & { state: Promise<AccumulatorState | null> };

/**
 * Comparisons a pool holds whole at once: the latest and the one before it, so that going
 * back to the one before (an Undo, or a value tried again) keeps every scheme.
 */
export const HELD_COMPARISONS = 2;

/** The last comparisons a pool holds whole, newest first, and their summaries' copies (which may still be on their way). */
export class HeldRuns {
  #ended: Ended | null = null;
  #held: Held[] = [];

  /** Batch `batch`, asked to be held, ended with runs [0, runs) of every scheme of `scenario`. */
  end(batch: number, scenario: Scenario, runs: number): void {
    this.#ended = { batch, scenario, runs };
  }

  /** A full summary of `batch` is asked for: the batch it holds whole, if it has ended so. */
  ended(batch: number): Ended | null {
    return this.#ended?.batch === batch ? this.#ended : null;
  }

  /** That summary was made: `copy` brings the first worker's summaries of it (too large: not held). */
  gathered(ended: Ended, copy: Promise<AccumulatorState | null>): void {
    const state = copy.then(
      (s) => (s && transferablesOf(s).reduce((n, b) => n + b.byteLength, 0) <= MAX_HELD_BYTES ? s : null),
      () => null,
    );
    // Gathered again (a second full summary of the same batch): one copy of it is enough. The
    // same scenario stopped at another step (the precision asked changed) is another comparison.
    const others = this.#held.filter((h) => h.scenario !== ended.scenario || h.runs !== ended.runs);
    this.#held = [{ scenario: ended.scenario, runs: ended.runs, state }, ...others].slice(0, HELD_COMPARISONS);
  }

  /** The comparisons held whole, newest first (their copies may still be on their way: state()). */
  holds(): HeldBatch[] {
    return this.#held.map((h) => ({ scenario: h.scenario, runs: h.runs }));
  }

  /** The comparison held whole of `scenario` (the same object; at `runs` runs, if given), or the newest. */
  find(scenario?: Scenario, runs?: number): HeldBatch | null {
    const h = this.#entry(scenario, runs);
    return h ? { scenario: h.scenario, runs: h.runs } : null;
  }

  /** Its summaries; null if they could not be copied or were too large. */
  state(scenario?: Scenario, runs?: number): Promise<AccumulatorState | null> {
    return this.#entry(scenario, runs)?.state ?? Promise.resolve(null);
  }

  #entry(scenario?: Scenario, runs?: number): Held | undefined {
    return scenario ? this.#held.find((x) => x.scenario === scenario && (runs === undefined || x.runs === runs)) : this.#held[0];
  }
}
