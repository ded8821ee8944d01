/**
 * The noisy search's last step (noisy-search.ts): the best against each grid neighbour (a
 * step either way in each input) on `most` blocks, paired; it moves to the feasible
 * neighbour furthest ahead until none is ahead. CMA-ES stops on a few blocks a point, too
 * few to tell grid neighbours apart.
 */

/** What the polish reads of a point. */
interface GridPoint {
  readonly x: number[];
  readonly key: string;
  readonly refused: boolean;
  readonly samples: readonly unknown[];
}

/** What the polish asks of the search (NoisySearch). */
interface GridSearch<P extends GridPoint> {
  peek(x: readonly number[]): P;
  point(x: readonly number[], origin: 'polish'): P;
  affordable(points: readonly P[], blocks: number): boolean;
  extend(points: readonly P[], blocks: number): Promise<void>;
  feasible(p: P): boolean;
  paired(a: P, b: P): { mean: number };
}

/** Grid step of each input (a twentieth of a continuous one's range). */
function steps(levels: readonly number[], d: number): number[] {
  return Array.from({ length: d }, (_, i) => ((levels[i] ?? 0) >= 2 ? 1 / (levels[i] - 1) : 0.05));
}

/** The best point after the polish, and whether the budget ran out before it was done. */
export async function polishOnGrid<P extends GridPoint>(search: GridSearch<P>, start: P, levels: readonly number[], most: number): Promise<{ best: P; outOfBudget: boolean }> {
  const d = start.x.length;
  const step = steps(levels, d);
  let best = start;
  const seen = new Set<P>([best]);
  for (let moves = 0; moves < 4 * d + 8; moves++) {
    const xs: number[][] = [];
    for (let i = 0; i < d; i++) {
      for (const sign of [-1, 1]) {
        const x = best.x.slice();
        x[i] += sign * step[i];
        const p = search.peek(x);
        if (x[i] >= -1e-9 && x[i] <= 1 + 1e-9 && p.key !== best.key && !p.refused && !xs.some((y) => search.peek(y).key === p.key)) xs.push(x);
      }
    }
    if (xs.length === 0) break;
    const blocks = Math.max(most, best.samples.length);
    if (!search.affordable([best, ...xs.map((x) => search.peek(x))], blocks)) return { best, outOfBudget: true };
    const around = xs.map((x) => search.point(x, 'polish'));
    await search.extend([best, ...around], blocks);
    // Ahead of a feasible best by the paired mean; any feasible point is ahead of an infeasible one.
    let next = best;
    let lead = search.feasible(best) ? 0 : -Infinity;
    for (const p of around) {
      if (!search.feasible(p)) continue;
      const diff = search.paired(p, best).mean;
      if (diff > lead) {
        next = p;
        lead = diff;
      }
    }
    if (next === best || seen.has(next)) break;
    seen.add(next);
    best = next;
  }
  return { best, outOfBudget: false };
}
