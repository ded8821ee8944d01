/**
 * The moments the fit matches, and the distance between a history and a candidate's
 * simulated histories (the method of simulated moments). Each simulated run of the
 * history's months is one history the department could have had; over a candidate's runs
 * each moment has a mean and a spread. The distance is Σ w (observed − mean)² / (s² (1 +
 * 1/R)): each miss in units of how much one history varies (plus the noise of the mean
 * of R runs), so 1 is a miss of one standard deviation on one moment. The profile's days
 * are correlated, which weighs the intra-month profile a little above its worth; the
 * months' timing (each month's collections over the mean) weighs one moment in all.
 */
import type { HistoryStatistics } from '../history/tally.ts';

export interface Moment {
  id: string;
  /** Its weight in the distance. */
  weight: number;
  /** The value in its own units (roubles, shares, clients). */
  of(s: HistoryStatistics): number | null;
  /** What the distance compares: levels on a log scale, so a miss is relative. */
  scaled(value: number): number;
}

/** Days of month at which the intra-month profile is matched. */
export const PROFILE_DAYS = [5, 10, 15, 20, 25] as const;

const log = (x: number) => Math.log(Math.max(1e-9, x));
const same = (x: number) => x;

export function momentsFor(months: number, hasClients: boolean): Moment[] {
  const list: Moment[] = [
    { id: 'level', weight: 1, of: (s) => s.level, scaled: log },
    { id: 'spread', weight: 1, of: (s) => s.spread, scaled: same },
    ...PROFILE_DAYS.map((d): Moment => ({ id: `day${d}`, weight: 1, of: (s) => s.profile.median[d - 1], scaled: same })),
  ];
  if (hasClients) {
    list.push({ id: 'largest', weight: 1, of: (s) => s.largestShare, scaled: same });
    list.push({ id: 'payers', weight: 1, of: (s) => s.payers, scaled: log });
  }
  if (months > 1) {
    for (let m = 0; m < months; m++) {
      list.push({ id: `month${m + 1}`, weight: 1 / months, of: (s) => (s.level > 0 ? s.monthly[m] / s.level : null), scaled: same });
    }
  }
  return list;
}

/** The scaled moments of one history (NaN where a moment has no value). */
export function momentVector(moments: readonly Moment[], s: HistoryStatistics): Float64Array {
  return Float64Array.from(moments, (m) => {
    const v = m.of(s);
    return v === null || !Number.isFinite(v) ? NaN : m.scaled(v);
  });
}

/** Mean and variance of each scaled moment over a candidate's runs. */
export interface SimulatedMoments {
  mean: Float64Array;
  variance: Float64Array;
  runs: number;
}

export function summariseRuns(vectors: readonly Float64Array[]): SimulatedMoments {
  const k = vectors[0]?.length ?? 0;
  const mean = new Float64Array(k);
  const variance = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const xs = vectors.map((v) => v[j]).filter((x) => Number.isFinite(x));
    const mu = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    mean[j] = xs.length ? mu : NaN;
    variance[j] = xs.length > 1 ? xs.reduce((a, b) => a + (b - mu) ** 2, 0) / (xs.length - 1) : NaN;
  }
  return { mean, variance, runs: vectors.length };
}

/** The least variance a moment is measured against: a moment no run moves still has a scale. */
const MIN_VARIANCE = 1e-5;

/** The yardstick of each moment: the spread of one simulated history (never below MIN_VARIANCE). */
export function yardstick(sim: SimulatedMoments): Float64Array {
  return Float64Array.from(sim.variance, (v) => (Number.isFinite(v) ? Math.max(v, MIN_VARIANCE) : 1));
}

/** A yardstick from many candidates: each moment's median variance over them. */
export function pooledYardstick(sims: readonly SimulatedMoments[]): Float64Array {
  const k = sims[0]?.variance.length ?? 0;
  return Float64Array.from({ length: k }, (_, j) => {
    const vs = sims.map((s) => s.variance[j]).filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
    const median = vs.length ? vs[Math.floor(vs.length / 2)] : NaN;
    return Number.isFinite(median) ? Math.max(median, MIN_VARIANCE) : 1;
  });
}

/** The distance between the observed moments and a candidate's runs, against a fixed yardstick. */
export function momentDistance(moments: readonly Moment[], observed: Float64Array, sim: SimulatedMoments, scale: Float64Array): number {
  let d = 0;
  for (let j = 0; j < moments.length; j++) {
    const o = observed[j];
    if (!Number.isFinite(o)) continue;
    const s = sim.mean[j];
    // A moment the candidate never produces (no payer at all) is a miss of ten deviations.
    const miss = Number.isFinite(s) ? (o - s) ** 2 / (scale[j] * (1 + 1 / Math.max(1, sim.runs))) : 100;
    d += moments[j].weight * miss;
  }
  return d;
}
