/**
 * Collects RunResults as they arrive — in any order, from any worker — and hands them
 * back ordered by scheme and run index, so every sum and quantile is computed in the
 * same order whatever the arrival order: identical summaries for any chunking.
 *
 * For now it keeps each run's arrays (bounded by runs × days); the interface (add, merge,
 * ordered read-out) is what a later sketch-based accumulator keeps.
 */
import type { RunResult } from './run-result.ts';

export class ResultsAccumulator {
  /** schemeIndex → runIndex → result */
  readonly #bySchemes = new Map<number, Map<number, RunResult>>();
  #count = 0;

  add(result: RunResult): this {
    let runs = this.#bySchemes.get(result.schemeIndex);
    if (!runs) this.#bySchemes.set(result.schemeIndex, (runs = new Map()));
    if (runs.has(result.runIndex)) {
      throw new Error(`run ${result.runIndex} of scheme ${result.schemeIndex} was added twice`);
    }
    runs.set(result.runIndex, result);
    this.#count++;
    return this;
  }

  addAll(results: Iterable<RunResult>): this {
    for (const r of results) this.add(r);
    return this;
  }

  /** Adds everything `other` holds (the two must hold disjoint runs). */
  merge(other: ResultsAccumulator): this {
    for (const schemeIndex of other.schemeIndices()) this.addAll(other.runsOf(schemeIndex));
    return this;
  }

  /** Number of (scheme, run) results held. */
  get size(): number {
    return this.#count;
  }

  schemeIndices(): number[] {
    return [...this.#bySchemes.keys()].sort((a, b) => a - b);
  }

  /** The scheme's runs ordered by run index. */
  runsOf(schemeIndex: number): RunResult[] {
    const runs = this.#bySchemes.get(schemeIndex);
    if (!runs) return [];
    return [...runs.keys()].sort((a, b) => a - b).map((i) => runs.get(i)!);
  }

  /** The scheme's result for one run, if held (for pairing with the baseline). */
  get(schemeIndex: number, runIndex: number): RunResult | undefined {
    return this.#bySchemes.get(schemeIndex)?.get(runIndex);
  }
}
