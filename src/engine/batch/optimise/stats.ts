/**
 * The little statistics the optimiser needs to tell a better scheme from luck: means and
 * spreads of paired differences over blocks of runs (every candidate runs the same blocks
 * on the same seed, so a difference per block is paired), a spread pooled over many
 * candidates when each has only a few blocks, and Student's t for an interval.
 */
import { inverseNormal } from '../../numeric/normal.ts';

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

/** Every value the same (a figure pinned by the rules, such as a gap of zero): no noise in it. */
export function constant(xs: readonly number[]): boolean {
  return xs.every((x) => x === xs[0]);
}

/**
 * A spread pooled over groups (each group: one candidate's values over its blocks), by
 * their degrees of freedom: Σ (n_i − 1) s_i² / Σ (n_i − 1). Null when no group has two values.
 */
export class PooledSpread {
  #ss = 0;
  #df = 0;

  add(xs: readonly number[]): void {
    if (xs.length < 2 || xs.some((x) => !Number.isFinite(x))) return;
    this.#ss += sd(xs) ** 2 * (xs.length - 1);
    this.#df += xs.length - 1;
  }

  get df(): number {
    return this.#df;
  }

  value(): number | null {
    return this.#df > 0 ? Math.sqrt(this.#ss / this.#df) : null;
  }
}

/** The one-sided quantile of Student's t with `df` degrees of freedom (Cornish–Fisher beyond 2). */
export function studentT(p: number, df: number): number {
  if (!(df > 0)) return inverseNormal(p);
  if (df === 1) return portableTan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = inverseNormal(p);
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/**
 * The standard error of a mean of `xs`: its own spread when it has `ownFrom` values or more,
 * else the pooled spread (`pooled`) — a handful of blocks says little about its own noise.
 * A constant series has none.
 */
export function standardError(xs: readonly number[], pooled: number | null, ownFrom = 4): number {
  if (xs.length === 0) return Infinity;
  if (constant(xs)) return 0;
  const spread = xs.length >= ownFrom || pooled === null ? sd(xs) : pooled;
  return spread / Math.sqrt(xs.length);
}

/** tan x for |x| < π/2 by Lambert's continued fraction: plain arithmetic, so every engine gives the same bits (Math.tan need not). */
function portableTan(x: number): number {
  const x2 = x * x;
  let f = 0;
  for (let k = 61; k >= 3; k -= 2) f = x2 / (k - f);
  return x / (1 - f);
}
