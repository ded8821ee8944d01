/**
 * Sample quantiles by linear interpolation between order statistics — Hyndman & Fan
 * type 7, the default of R, NumPy and d3-array's `quantileSorted`: for n sorted values
 * and probability p, h = (n − 1)·p and Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * So Q(0) is the minimum, Q(1) the maximum and Q(0.5) the usual median.
 * An empty sample has no quantiles: NaN (serialized as null).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (p <= 0 || n === 1) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo];
  const b = sorted[lo + 1];
  return a + (h - lo) * (b - a);
}

/** Sorts a copy ascending (numerically; NaN is not expected in engine output). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedCopy(values), p);
}

/** Mean in the given order; callers fix the order (run index) so sums are reproducible. */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  return sum / n;
}

/**
 * The distribution summary of the results contract. p10 and p90 came later (the owner's
 * "a gap I can finance in nine months out of ten"; the optimiser's limits read them).
 */
export interface Distribution {
  mean: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
}

export function distribution(values: ArrayLike<number>): Distribution {
  const s = sortedCopy(values);
  return {
    mean: mean(values),
    p5: quantileSorted(s, 0.05),
    p10: quantileSorted(s, 0.1),
    p25: quantileSorted(s, 0.25),
    p50: quantileSorted(s, 0.5),
    p75: quantileSorted(s, 0.75),
    p90: quantileSorted(s, 0.9),
    p95: quantileSorted(s, 0.95),
  };
}

/** Fan-chart bands. */
export interface Bands {
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
}

export const BAND_LEVELS = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
export const BAND_P = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

export function bands(values: ArrayLike<number>): Bands {
  const s = sortedCopy(values);
  const q = BAND_P.map((p) => quantileSorted(s, p));
  return { p5: q[0], p10: q[1], p25: q[2], p50: q[3], p75: q[4], p90: q[5], p95: q[6] };
}
