/**
 * The fit's report pieces: bands over runs, the intra-month profile of the model's
 * histories, each moment against the history, where the search starts, and how far above
 * the best a distance may lie and still fit as well within chance.
 */
import { quantile, type HistoryStatistics, type ProfileBand } from '../history/tally.ts';
import type { Moment, SimulatedMoments } from './fit-moments.ts';
import { valueAt } from './fit-inputs.ts';
import type { Vary } from './calibrate.ts';

/** A figure over simulated histories: median, 10th and 90th percentile over runs. */
export interface Band {
  median: number;
  p10: number;
  p90: number;
}

/** A moment's value in the history and over simulated histories. */
export interface MomentReport {
  id: string;
  observed: number | null;
  start: Band;
  fitted: Band;
  /** (observed − fitted mean) in deviations of one history. */
  z: number | null;
}

export function band(values: readonly number[]): Band {
  const xs = values.filter((v) => Number.isFinite(v));
  return { median: quantile(xs, 0.5), p10: quantile(xs, 0.1), p90: quantile(xs, 0.9) };
}

/**
 * The model's intra-month profile as a typical simulated history shows it, read as the
 * history is: each run's median across its months and its 10th–90th percentile band, the
 * median of each over runs — so the model's band is the history's band, not the spread
 * of a median.
 */
export function profileBand(stats: readonly HistoryStatistics[]): ProfileBand {
  const days = stats[0]?.profile.median.length ?? 31;
  const typical = (key: keyof ProfileBand) => Array.from({ length: days }, (_, d) => quantile(stats.map((s) => s.profile[key][d]).filter((v) => Number.isFinite(v)), 0.5));
  return { median: typical('median'), p10: typical('p10'), p90: typical('p90') };
}

/** Each moment but the months' (they have their own table): the history, the start and the fit over their check runs. */
export function momentReports(moments: readonly Moment[], observed: HistoryStatistics, start: readonly HistoryStatistics[], fitted: readonly HistoryStatistics[], fittedSim: SimulatedMoments): MomentReport[] {
  return moments
    .filter((m) => !m.id.startsWith('month'))
    .map((m) => {
      const j = moments.indexOf(m);
      const o = m.of(observed);
      const values = (stats: readonly HistoryStatistics[]) => stats.map((s) => m.of(s)).filter((v): v is number => v !== null && Number.isFinite(v));
      const mean = fittedSim.mean[j];
      const sd = Math.sqrt(fittedSim.variance[j]);
      const z = o === null || !Number.isFinite(mean) || !(sd > 0) ? null : (m.scaled(o) - mean) / sd;
      return { id: m.id, observed: o, start: band(values(start)), fitted: band(values(fitted)), z };
    });
}

/** The start with the volume and the number of clients scaled by the history's level and payers over the start's. */
export function scaledStart(x: readonly number[], vary: readonly Vary[], moments: readonly Moment[], observed: Float64Array, sim: SimulatedMoments): number[] {
  const ratio = (id: string) => {
    const j = moments.findIndex((m) => m.id === id);
    return j >= 0 && Number.isFinite(observed[j]) && Number.isFinite(sim.mean[j]) ? Math.exp(observed[j] - sim.mean[j]) : 1;
  };
  const scaled: Record<string, number> = { 'clients.monthlyVolume': ratio('level'), 'clients.count': ratio('payers') };
  return x.map((xi, i) => {
    const v = vary[i];
    const by = scaled[v.path];
    return by === undefined ? xi : Math.min(1, Math.max(0, (valueAt(v, xi) * by - v.lo) / (v.hi - v.lo)));
  });
}

/**
 * The 68% quantile of χ² with k degrees of freedom (Wilson–Hilferty): inputs whose distance
 * is within this of the best's fit the history together as well as the best, within chance.
 */
export function chiSquare68(k: number): number {
  const z = 0.4677; // Φ(z) = 0.68
  return k * (1 - 2 / (9 * k) + z * Math.sqrt(2 / (9 * k))) ** 3;
}
