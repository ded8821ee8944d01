/**
 * What says whether an answer is settled (batch/converge.ts) reads only each run's profit
 * total: the schemes' median profit and their paired profit differences to the baseline.
 * These are those figures, to the kopeck the ones buildResultsJson gives for the same runs,
 * made from the per-run profits alone — so a pool can read a checkpoint from a few numbers
 * a run, streamed as chunks finish, instead of gathering and summarising every worker's
 * summaries.
 */
import type { Scenario } from '../scenario/types.ts';
import type { Num } from './results-json.ts';
import { exactDist, money, pairedDiff } from './exact-figures.ts';

/** Per-run profit totals by scheme index and run index (an accumulator, or a ProfitLedger). */
export interface ProfitsByRun {
  /** Schemes with runs held, ascending. */
  schemeIndices(): number[];
  /** Runs held for a scheme, ascending. */
  runIndices(schemeIndex: number): number[];
  /** The profit total of a run held. */
  profit(schemeIndex: number, runIndex: number): number;
}

/** The part of the results contract a settling reading uses (ResultsJson has it all). */
export interface ProfitFigures {
  baseline: string;
  schemes: readonly {
    id: string;
    metrics: { profitTotal: { p50: Num } };
    vsBaseline: { profitDiff: { meanLow: Num; meanHigh: Num } } | null;
  }[];
}

/** The contract's profit figures for the runs held, as summarize.ts pairs and rounds them. */
export function profitFigures(scenario: Scenario, profits: ProfitsByRun): ProfitFigures {
  const baselineIndex = scenario.schemes.findIndex((s) => s.id === scenario.baseline);
  const held = profits.schemeIndices();
  const baseRuns = held.includes(baselineIndex) ? profits.runIndices(baselineIndex) : [];
  const inBaseline = new Set(baseRuns);
  return {
    baseline: scenario.baseline,
    schemes: held.map((i) => {
      const runs = profits.runIndices(i);
      const paired = i !== baselineIndex && baseRuns.length > 0;
      const pairs = paired ? runs.filter((run) => inBaseline.has(run)) : [];
      return {
        id: scenario.schemes[i].id,
        metrics: { profitTotal: exactDist(Float64Array.from(runs, (run) => profits.profit(i, run)), money) },
        vsBaseline: paired ? { profitDiff: pairedDiff(Float64Array.from(pairs, (run) => profits.profit(i, run) - profits.profit(baselineIndex, run)), money) } : null,
      };
    }),
  };
}

/** Profit totals as runs finish, wherever they were folded (a pool's main thread keeps one). */
export class ProfitLedger implements ProfitsByRun {
  /** Per scheme index: profit by run index, and which runs are held. */
  readonly #profit: Float64Array[] = [];
  readonly #held: Uint8Array[] = [];

  record(schemeIndex: number, runIndex: number, profit: number): void {
    let p = this.#profit[schemeIndex];
    let h = this.#held[schemeIndex];
    if (!p || runIndex >= p.length) {
      const size = Math.max(64, runIndex + 1, 2 * (p?.length ?? 0));
      const np = new Float64Array(size);
      const nh = new Uint8Array(size);
      if (p) {
        np.set(p);
        nh.set(h);
      }
      this.#profit[schemeIndex] = p = np;
      this.#held[schemeIndex] = h = nh;
    }
    if (h[runIndex]) throw new Error(`run ${runIndex} of scheme ${schemeIndex} was recorded twice`);
    h[runIndex] = 1;
    p[runIndex] = profit;
  }

  /** A chunk's runs, their profits in job order. */
  recordChunk(jobs: readonly { schemeIndex: number; runIndex: number }[], profits: ArrayLike<number>): void {
    for (let j = 0; j < jobs.length; j++) this.record(jobs[j].schemeIndex, jobs[j].runIndex, profits[j]);
  }

  schemeIndices(): number[] {
    const out: number[] = [];
    this.#held.forEach((h, i) => {
      if (h?.includes(1)) out.push(i);
    });
    return out;
  }

  runIndices(schemeIndex: number): number[] {
    const h = this.#held[schemeIndex];
    const out: number[] = [];
    if (h) for (let r = 0; r < h.length; r++) if (h[r]) out.push(r);
    return out;
  }

  profit(schemeIndex: number, runIndex: number): number {
    if (!this.#held[schemeIndex]?.[runIndex]) throw new RangeError(`run ${runIndex} of scheme ${schemeIndex} is not held`);
    return this.#profit[schemeIndex][runIndex];
  }
}
