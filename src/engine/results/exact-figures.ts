/**
 * The contract's rounding, and its figures over numbers kept for every run (the profit
 * total, the paired differences): exact, in run order, so the same for any workers.
 */
import type { Dist, Num, PairedDiff } from './results-json.ts';
import { distribution, quantileSorted, sortedCopy } from './quantiles.ts';
import type { Distribution } from './quantiles.ts';
import { exactSum } from '../numeric/exact-sum.ts';

export function round(x: number, digits: number): Num {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r; // no "-0"
}
export const money = (x: number) => round(x, 2);
export const share = (x: number) => round(x, 6);
export const count = (x: number) => round(x, 4);

export function roundDist(d: Distribution, r: (x: number) => Num): Dist {
  return { mean: r(d.mean), p5: r(d.p5), p10: r(d.p10), p25: r(d.p25), p50: r(d.p50), p75: r(d.p75), p90: r(d.p90), p95: r(d.p95) };
}

/** Exact distribution of per-run numbers (in run order: the mean is an exact sum anyway). */
export function exactDist(values: Float64Array, r: (x: number) => Num): Dist {
  const d = distribution(values);
  return roundDist({ ...d, mean: values.length > 0 ? exactSum(values) / values.length : NaN }, r);
}

/** z of a two-sided 90% interval. */
const Z90 = 1.6448536269514722;

export function pairedDiff(diffs: Float64Array, r: (x: number) => Num): PairedDiff {
  const s = sortedCopy(diffs);
  const n = diffs.length;
  const mean = n > 0 ? exactSum(diffs) / n : NaN;
  // The 90% interval of the mean difference (normal approximation; run order, so it is the same for any workers).
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (diffs[i] - mean) ** 2;
  const half = n > 1 ? Z90 * Math.sqrt(squares / (n - 1) / n) : NaN;
  return {
    median: r(quantileSorted(s, 0.5)),
    p5: r(quantileSorted(s, 0.05)),
    p95: r(quantileSorted(s, 0.95)),
    mean: r(mean),
    meanLow: r(mean - half),
    meanHigh: r(mean + half),
  };
}

