/**
 * Maximising a noisy figure under noisy limits, over a grid in the unit box: the search
 * under the optimiser (optimise.ts), and nothing of pay or schemes in it, so that a
 * synthetic function with a known optimum can test it.
 *
 * A point is measured on blocks of runs: block k is the same runs for every point (common
 * random numbers), so two points compare block by block, paired, and the spread over
 * blocks says how far a difference can be luck. Gates make cliffs (a day earlier and the
 * team gives up), so the search does not trust a slope:
 *   1. a coarse design — a Latin hypercube over the box and the start — on a few blocks;
 *   2. successive halving: the best third go on to twice the blocks, until a few remain;
 *   3. a local search, CMA-ES from the race's winner; a candidate that looks better than
 *      the best is measured on as many blocks as the best before it takes its place.
 *   4. a polish on the grid: the best and each of its neighbours (a step either way in each
 *      input) on the most blocks, paired; a neighbour ahead takes the best's place, until
 *      none is. CMA-ES stops on a few blocks a point, too few to tell grid neighbours apart.
 * The local search stops when it has nowhere new to go or, for three generations, no
 * candidate's upper bound reaches the best; the whole search stops on the budget.
 *
 * Limits are slacks (≥ 0 holds). A point is feasible when every slack holds by `z`
 * standard errors, so that a limit held by luck on the search's blocks does not break
 * on a fresh seed. Ranking is by feasibility first (Deb's rules): feasible points by the
 * figure, the others by how far they miss, in units of each limit's scale.
 */
import { Cmaes } from '../search/cmaes.ts';
import { mean, PooledSpread, standardError } from './stats.ts';
import { polishOnGrid } from './grid-polish.ts';

export interface Sample {
  /** The figure to maximise on this block. */
  objective: number;
  /** Each limit's slack on this block (≥ 0: it holds). */
  slacks: number[];
  /** Other figures the caller keeps with the sample (the search ignores them). */
  extras?: number[];
}

export interface NoisyProblem {
  /** Grid levels per input (values i / (levels − 1)); below 2: continuous. */
  levels: readonly number[];
  /** Where the search starts, in [0, 1] per input. */
  start: readonly number[];
  /** What a miss of each limit is measured in (its slack's scale). */
  slackScales: readonly number[];
  /** The points' samples on one block (distinct, on the grid); null for a point the problem refuses. */
  evaluate(points: readonly (readonly number[])[], block: number): Promise<(Sample | null)[]>;
  /** Block evaluations spent in all, when the problem spends more than one per point and block (a reference beside them); default the points'. */
  spent?(): number;
  /** The most a call on `points` points at `block` spends beyond them (default 0). */
  overhead?(points: number, block: number): number;
}

export interface NoisySearchOptions {
  /** Block evaluations (one point on one block) at most. */
  budget: number;
  /** Uniform numbers in [0, 1): the design's and the local search's luck. */
  random: () => number;
  /** Blocks of a first look (default 2), of a local candidate (4), and at most (16). */
  firstBlocks?: number;
  localBlocks?: number;
  maxBlocks?: number;
  /** Points of the coarse design (default from the inputs and the budget). */
  designSize?: number;
  /** Standard errors by which a limit must hold (default 2). */
  z?: number;
  signal?: AbortSignal;
  onProgress?: (spent: number, budget: number) => void;
}

export interface SearchPoint {
  /** Order in which the search first met it. */
  id: number;
  x: number[];
  key: string;
  origin: 'start' | 'design' | 'local' | 'polish';
  refused: boolean;
  /** One per block, from block 0. */
  samples: Sample[];
}

export type StopReason = 'budget' | 'converged';

export interface NoisySearchResult {
  best: SearchPoint;
  /** The search's state: ranks, estimates and paired differences of the points it measured. */
  search: NoisySearch;
  points: SearchPoint[];
  stop: StopReason;
  spent: number;
  generations: number;
}

export interface Estimate {
  objective: number;
  slacks: number[];
  /** Standard error of each slack's mean. */
  slackErrors: number[];
  blocks: number;
}

class OutOfBudget extends Error {}

export class NoisySearch {
  readonly #points = new Map<string, SearchPoint>();
  readonly #order: SearchPoint[] = [];
  readonly #problem: NoisyProblem;
  readonly #z: number;
  readonly #budget: number;
  readonly #options: NoisySearchOptions;
  #spent = 0;

  constructor(problem: NoisyProblem, options: NoisySearchOptions) {
    this.#problem = problem;
    this.#options = options;
    this.#z = options.z ?? 2;
    this.#budget = options.budget;
  }

  get points(): SearchPoint[] {
    return this.#order;
  }

  /** Block evaluations spent so far. */
  get spent(): number {
    return this.#problem.spent?.() ?? this.#spent;
  }

  /** The grid point nearest x. */
  snap(x: readonly number[]): number[] {
    return x.map((v, i) => {
      const c = Math.min(1, Math.max(0, v));
      const m = this.#problem.levels[i] ?? 0;
      return m >= 2 ? Math.round(c * (m - 1)) / (m - 1) : c;
    });
  }

  /** The point at x's grid place if measured or planned before, else one not kept (for costing). */
  peek(x: readonly number[]): SearchPoint {
    const snapped = this.snap(x);
    const key = snapped.map((v) => v.toFixed(9)).join(',');
    return this.#points.get(key) ?? { id: -1, x: snapped, key, origin: 'polish', refused: false, samples: [] };
  }

  point(x: readonly number[], origin: SearchPoint['origin']): SearchPoint {
    const snapped = this.snap(x);
    const key = snapped.map((v) => v.toFixed(9)).join(',');
    let p = this.#points.get(key);
    if (!p) {
      p = { id: this.#order.length, x: snapped, key, origin, refused: false, samples: [] };
      this.#points.set(key, p);
      this.#order.push(p);
    }
    return p;
  }

  /** Block evaluations that measuring these points on `blocks` blocks would take at most. */
  cost(points: readonly SearchPoint[], blocks: number): number {
    const list = unique(points).filter((p) => !p.refused);
    let cost = 0;
    for (let b = 0; b < blocks; b++) {
      const need = list.filter((p) => p.samples.length <= b).length;
      if (need > 0) cost += need + (this.#problem.overhead?.(need, b) ?? 0);
    }
    return cost;
  }

  affordable(points: readonly SearchPoint[], blocks: number): boolean {
    return this.spent + this.cost(points, blocks) <= this.#budget;
  }

  /** Measures each point on blocks 0…blocks−1 (those it lacks), a block at a time. */
  async extend(points: readonly SearchPoint[], blocks: number): Promise<void> {
    if (!this.affordable(points, blocks)) throw new OutOfBudget();
    const list = unique(points);
    for (let b = 0; b < blocks; b++) {
      if (this.#options.signal?.aborted) throw abortError(this.#options.signal);
      const need = list.filter((p) => !p.refused && p.samples.length === b);
      if (need.length === 0) continue;
      const samples = await this.#problem.evaluate(
        need.map((p) => p.x),
        b,
      );
      need.forEach((p, i) => {
        const s = samples[i];
        if (s === null || !Number.isFinite(s.objective) || s.slacks.some((v) => Number.isNaN(v))) {
          p.refused = true;
          return;
        }
        p.samples.push(s);
        this.#spent++;
      });
      this.#options.onProgress?.(this.spent, this.#budget);
    }
  }

  /** Means over the first `cap` blocks (all by default), with the slacks' standard errors. */
  estimate(p: SearchPoint, cap = Infinity): Estimate {
    const s = p.samples.slice(0, Math.min(cap, p.samples.length));
    const slacks = this.#problem.slackScales.map((_, j) => s.map((x) => x.slacks[j]));
    return {
      objective: mean(s.map((x) => x.objective)),
      slacks: slacks.map(mean),
      slackErrors: slacks.map((xs, j) => standardError(xs, this.#slackSpread(j))),
      blocks: s.length,
    };
  }

  #slackSpread(j: number): number | null {
    const pool = new PooledSpread();
    for (const p of this.#order) if (!p.refused) pool.add(p.samples.map((s) => s.slacks[j]));
    return pool.value();
  }

  /** How far the limits miss, in their scales, after the margin of z standard errors (0: feasible). */
  violation(e: Estimate): number {
    return e.slacks.reduce((a, s, j) => a + Math.max(0, this.#z * e.slackErrors[j] - s) / this.#problem.slackScales[j], 0);
  }

  feasible(p: SearchPoint, cap = Infinity): boolean {
    return !p.refused && p.samples.length > 0 && this.violation(this.estimate(p, cap)) === 0;
  }

  /** Points best first on their first `cap` blocks: feasible by the figure, then by the miss; refused last. */
  rank(points: readonly SearchPoint[], cap = Infinity): SearchPoint[] {
    const keyed = unique(points).map((p) => {
      if (p.refused || p.samples.length === 0) return { p, tier: 2, value: 0 };
      const e = this.estimate(p, cap);
      const v = this.violation(e);
      return v === 0 ? { p, tier: 0, value: -e.objective } : { p, tier: 1, value: v };
    });
    keyed.sort((a, b) => a.tier - b.tier || a.value - b.value || a.p.id - b.p.id);
    return keyed.map((k) => k.p);
  }

  /** a − b on the figure over their common blocks: the mean and its standard error. */
  paired(a: SearchPoint, b: SearchPoint): { mean: number; se: number; blocks: number } {
    const n = Math.min(a.samples.length, b.samples.length);
    const d = Array.from({ length: n }, (_, k) => a.samples[k].objective - b.samples[k].objective);
    return { mean: mean(d), se: standardError(d, this.#pairedSpread(b)), blocks: n };
  }

  /** The spread over blocks of every point's difference with `b`, pooled. */
  #pairedSpread(b: SearchPoint): number | null {
    const pool = new PooledSpread();
    for (const p of this.#order) {
      if (p === b || p.refused) continue;
      const n = Math.min(p.samples.length, b.samples.length);
      pool.add(Array.from({ length: n }, (_, k) => p.samples[k].objective - b.samples[k].objective));
    }
    return pool.value();
  }

  get z(): number {
    return this.#z;
  }
}

function unique(points: readonly SearchPoint[]): SearchPoint[] {
  return [...new Set(points)];
}

function abortError(signal: AbortSignal): unknown {
  if (signal.reason instanceof Error) return signal.reason;
  const e = new Error('cancelled');
  e.name = 'AbortError';
  return e;
}

/** A Latin hypercube of n points in [0, 1]^d: each input's range cut in n strata, one point in each. */
export function latinHypercube(n: number, d: number, random: () => number): number[][] {
  const columns = Array.from({ length: d }, () => {
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    return perm.map((s) => (s + random()) / n);
  });
  return Array.from({ length: n }, (_, i) => columns.map((c) => c[i]));
}

/** The default design size: a few points per input, within a sixth of the budget's first looks. */
export function defaultDesignSize(d: number, budget: number, firstBlocks: number): number {
  return Math.max(3, Math.min(4 * d + 6, 40, Math.floor(budget / (6 * firstBlocks))));
}

/** Runs the search: design, race, local search. */
export async function noisySearch(problem: NoisyProblem, options: NoisySearchOptions): Promise<NoisySearchResult> {
  const d = problem.start.length;
  if (d === 0) throw new RangeError('nothing to search: no inputs');
  const first = options.firstBlocks ?? 2;
  const local = Math.max(first, options.localBlocks ?? 4);
  const most = Math.max(local, options.maxBlocks ?? 16);
  const search = new NoisySearch(problem, options);
  const start = search.point(problem.start, 'start');
  await search.extend([start], first);
  if (start.refused) throw new RangeError('the starting point is refused');
  let best = start;
  let stop: StopReason = 'budget';
  let generations = 0;
  try {
    // 1. The coarse design.
    const size = options.designSize ?? defaultDesignSize(d, options.budget, first);
    const design = latinHypercube(size, d, options.random).map((x) => search.point(x, 'design'));
    let pool = [start, ...design];
    let blocks = first;
    await search.extend(pool, blocks);
    // 2. Successive halving: the best third on twice the blocks, up to twice a local look.
    pool = search.rank(pool, blocks).filter((p) => !p.refused);
    while (pool.length > 1 && blocks < 2 * local) {
      const keep = pool.slice(0, Math.max(2, Math.ceil(pool.length / 3)));
      const next = Math.min(2 * blocks, most);
      if (!search.affordable(keep, next)) break;
      blocks = next;
      await search.extend(keep, blocks);
      pool = search.rank(keep, blocks);
      if (keep.length <= 2) break;
    }
    best = pool[0] ?? start;
    // 3. The local search from the race's winner.
    const es = new Cmaes({ start: best.x, sigma: 0.2, random: options.random });
    let hopeless = 0;
    let stale = 0;
    for (;;) {
      const xs = es.ask();
      const points = xs.map((x) => search.point(x, 'local'));
      const fresh = points.filter((p) => !p.refused && p.samples.length < local).length;
      if (!search.affordable(points, local)) throw new OutOfBudget();
      await search.extend(points, local);
      generations++;
      const ranked = search.rank(points, local);
      es.tell(
        xs,
        points.map((p) => ranked.indexOf(p)),
      );
      best = await challenge(search, ranked, best, most);
      // No candidate of this generation can beat the best within the noise?
      const beatable = points.some((p) => {
        if (p === best || p.refused) return false;
        const diff = search.paired(p, best);
        return diff.mean + search.z * diff.se >= 0;
      });
      // Counted once the steps are small: early, wide generations are worse by design.
      hopeless = beatable || es.sigma > 0.08 ? 0 : hopeless + 1;
      stale = fresh === 0 ? stale + 1 : 0;
      if (hopeless >= 3 || stale >= 3 || es.sigma < 1e-3) break;
    }
    // 4. The polish.
    const polished = await polishOnGrid(search, best, problem.levels, most);
    best = polished.best;
    stop = polished.outOfBudget ? 'budget' : 'converged';
  } catch (error) {
    if (!(error instanceof OutOfBudget)) throw error;
  }
  return { best, search, points: search.points, stop, spent: search.spent, generations };
}

/**
 * The generation's feasible points that look better than the best, best first (two at
 * most): each is measured on as many blocks as the best (and the best on at least a
 * local look's), and takes its place if it is still ahead, paired, and still feasible.
 */
async function challenge(search: NoisySearch, ranked: readonly SearchPoint[], best: SearchPoint, most: number): Promise<SearchPoint> {
  const local = Math.min(...ranked.filter((p) => !p.refused).map((p) => p.samples.length));
  let champion = best;
  // A feasible point beats one that is not, whatever its figure.
  const ahead = (p: SearchPoint) => !search.feasible(champion) || search.paired(p, champion).mean > 0;
  const contenders = ranked.filter((p) => p !== champion && search.feasible(p, local) && ahead(p)).slice(0, 2);
  for (const p of contenders) {
    const blocks = Math.min(most, Math.max(champion.samples.length, p.samples.length));
    if (!search.affordable([p, champion], blocks)) break;
    await search.extend([p, champion], blocks);
    if (search.feasible(p) && ahead(p)) champion = p;
  }
  return champion;
}
