/**
 * When is the answer settled? The comparison is read again every 100 runs (and, past 1,000,
 * every tenth of the runs made, in whole hundreds), up to the scenario's runs, as a Monte
 * Carlo tool's convergence monitor does. It is settled when, for every scheme against the
 * baseline, the 90% interval of the mean paired profit difference is narrower than
 * `tolerance` of the larger of the two schemes' median profits, and the ranking of the
 * schemes by median profit is the one the previous step gave.
 *
 * The steps are fixed run counts, so where a batch stops — and therefore its numbers —
 * does not depend on the workers or the chunking. Steps this close stop at most a tenth past
 * the run count the precision needs; doubling steps (100, 200, 400, …) ran up to twice it.
 */
import type { ResultsJson } from '../results/results-json.ts';
import type { ProfitFigures } from '../results/profit-figures.ts';

/**
 * The default: the interval narrower than 2% of profit. At 1% the bundled client department
 * needs about its 1,000 runs, so an owner would seldom see it settle; at 2% it settles at
 * 200–300 (seeds 20260, 7, 31337), with each difference to the baseline known within ±1% of profit.
 */
export const DEFAULT_TOLERANCE = 0.02;
export const FIRST_CHECKPOINT = 100;

/**
 * The run counts at which the answer is read: every `first` runs up to ten times that, then
 * every tenth of the runs made, rounded down to whole `first`s (1,000, 1,100, … 2,000, 2,200,
 * …), and the maximum itself: ten readings up to 1,000, about thirty per tenfold past it,
 * each a few milliseconds.
 */
export function checkpoints(maxRuns: number, first = FIRST_CHECKPOINT): number[] {
  const out: number[] = [];
  for (let n = first; n < maxRuns; n += first * Math.max(1, Math.floor(n / (10 * first)))) out.push(n);
  out.push(maxRuns);
  return out;
}

export interface Precision {
  /** Scheme ids by median profit, best first. */
  ranking: string[];
  /** Per scheme against the baseline: the interval's width as a share of profit (the widest decides). */
  widths: { id: string; width: number | null }[];
  /** The widest, as a share of profit (null: no scheme to compare yet). */
  widest: number | null;
}

/** Reads the contract (ResultsJson) or the same figures made from per-run profits alone (profit-figures.ts). */
export function precision(results: ProfitFigures): Precision {
  const median = (id: string) => results.schemes.find((s) => s.id === id)?.metrics.profitTotal.p50 ?? null;
  const base = median(results.baseline);
  const widths = results.schemes
    .filter((s) => s.vsBaseline)
    .map((s) => {
      const d = s.vsBaseline!.profitDiff;
      const own = s.metrics.profitTotal.p50;
      const scale = Math.max(Math.abs(own ?? 0), Math.abs(base ?? 0));
      const width = d.meanLow === null || d.meanHigh === null || !(scale > 0) ? null : (d.meanHigh - d.meanLow) / scale;
      return { id: s.id, width };
    });
  const known = widths.map((w) => w.width);
  const widest = known.length === 0 ? null : known.some((w) => w === null) ? null : Math.max(...(known as number[]));
  const ranking = results.schemes
    .map((s) => ({ id: s.id, p: s.metrics.profitTotal.p50 ?? -Infinity }))
    .sort((a, b) => b.p - a.p || (a.id < b.id ? -1 : 1))
    .map((s) => s.id);
  return { ranking, widths, widest };
}

export interface Settling {
  settled: boolean;
  runs: number;
  precision: Precision;
}

/** Whether the answer at this step is settled, given the previous step's precision. */
export function settling(results: ResultsJson, previous: Precision | null, tolerance = DEFAULT_TOLERANCE): Settling {
  return settlingOf(results, results.scenario.runs, previous, tolerance);
}

/** The same, from the profit figures of the `runs` runs below a checkpoint. */
export function settlingOf(figures: ProfitFigures, runs: number, previous: Precision | null, tolerance = DEFAULT_TOLERANCE): Settling {
  const p = precision(figures);
  const stable = previous !== null && previous.ranking.join() === p.ranking.join();
  const narrow = p.widest !== null && p.widest <= tolerance;
  return { settled: stable && narrow, runs, precision: p };
}

/**
 * Where a batch not settled at this step will likely settle, for the progress it shows (it
 * never stops a batch): an interval narrows as 1/√runs, so it takes about
 * runs × (widest / tolerance)² runs — the first step at or past that, and past this one,
 * where the ranking is read again. At most the scenario's runs; null while no interval is known.
 */
export function likelySettlingStep(s: Settling, maxRuns: number, tolerance = DEFAULT_TOLERANCE): number | null {
  if (s.settled) return s.runs;
  const widest = s.precision.widest;
  if (widest === null) return null;
  const needed = s.runs * (widest / tolerance) ** 2;
  return checkpoints(maxRuns).find((step) => step > s.runs && step >= needed) ?? maxRuns;
}

/** Where a batch under way will likely settle, as its progress shows it (the workbench, `--until-converged`). */
export interface Likely {
  /** The step: runs of each scheme. */
  runs: number;
  /** Its work, in runs of the schemes the batch runs. */
  total: number;
  /** The step is the scenario's last: likely every run is made. */
  everyRun: boolean;
}

/**
 * The forecast while the runs have not passed its step (`done` of the work): every run below
 * it in, only its reading is left; past it, unsettled there, the next step read says more.
 */
export function likelyAhead<T extends { total: number }>(likely: T | null, done: number): T | null {
  return likely !== null && done <= likely.total ? likely : null;
}

/** likelySettlingStep for a batch of `schemes` schemes; null once settled (nothing left to foresee) or while no interval is known. */
export function likelySettling(s: Settling, maxRuns: number, schemes: number, tolerance = DEFAULT_TOLERANCE): Likely | null {
  const step = s.settled ? null : likelySettlingStep(s, maxRuns, tolerance);
  return step === null ? null : { runs: step, total: step * schemes, everyRun: step >= maxRuns };
}
