/**
 * Fit a scenario to a department's own payment history: search the client and behaviour
 * inputs (fit-inputs.ts) for the values at which the scheme in force reproduces what the
 * statement says — the level and spread of monthly collections, the intra-month profile,
 * the largest clients' share and the number of payers, and the months' timing.
 *
 * Why not `calibrate`: its targets are ranges, flat inside, for checks an article states;
 * a history is one point per moment with a known noise, and the same estimator must read
 * the real and the simulated histories (tally.ts), including moments the results contract
 * does not hold (the largest clients' share, payers). So the fit reuses the search
 * (`minimise`: CMA-ES) and the scenario paths, with its own distance (fit-moments.ts).
 * Every candidate runs the same run indices (common random numbers).
 *
 * What the data cannot tell apart is measured, not assumed: after the search, each input
 * is moved alone around the best, and every evaluated candidate whose distance lies
 * within the noise of the best's (its change on fresh runs, at least 1) is as good a fit;
 * the range of an input over those candidates is what the history pins it down to.
 */
import type { Scenario } from '../scenario/types.ts';
import { parseScenario } from '../scenario/parse.ts';
import { formatIssue } from '../scenario/issues.ts';
import { compileModel } from '../model/model.ts';
import { Sfc32 } from '../numeric/random.ts';
import { monthText } from '../history/dates.ts';
import type { History } from '../history/parse.ts';
import { tallyHistory, wholeMonths } from '../history/describe.ts';
import { PaymentTally, quantile, statisticsOf, type HistoryStatistics, type ProfileBand } from '../history/tally.ts';
import { dayPlaces, tallyRun } from './history-run.ts';
import { fitCandidate, fitInputs, fitPosition, valueAt } from './fit-inputs.ts';
import { momentDistance, momentsFor, momentVector, pooledYardstick, summariseRuns, yardstick, type Moment, type SimulatedMoments } from './fit-moments.ts';
import { minimise } from './search/minimise.ts';
import { getPath, isIntegerPath, PathError } from './scenario-path.ts';
import type { Vary } from './calibrate.ts';
import { fitNotes, type FitNote } from './fit-notes.ts';
import { profileHalfWidths } from './fit-spread.ts';

export const FIT_DEFAULTS = { runs: 24, budget: 150, checkRuns: 100, maxMonths: 36, seed: 1 } as const;
/** Steps (a share of an input's range) at which each input is moved alone around the best. */
const SLICE_STEPS = [-0.3, -0.12, -0.04, 0.04, 0.12, 0.3];
/** The first search's yardstick is measured over this many times a candidate's runs. */
const PILOT = 3;
/** The closer search's step (a share of each range) and evaluations (a third of the first's). */
const POLISH_SIGMA = 0.06;

export class FitError extends Error {}

export interface FitOptions {
  /** The scheme in force over the history (default: the scenario's baseline). */
  schemeId?: string;
  /** Runs (simulated histories) per candidate. */
  runs?: number;
  /** Candidates the search evaluates at most. */
  budget?: number;
  /** Runs of the start and the fit compared in the report (on run indices the search never used). */
  checkRuns?: number;
  /** The search's own seed (the runs use the scenario's). */
  seed?: number;
  /** Inputs to move (default fitInputs). */
  vary?: Vary[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, best: number) => void;
  /** Lets the caller's event loop run between candidates (Ctrl-C, a progress bar). */
  pause?: () => Promise<void>;
}

/** A moment's value in the history and over simulated histories (median, 10th and 90th percentile over runs). */
export interface MomentReport {
  id: string;
  observed: number | null;
  start: Band;
  fitted: Band;
  /** (observed − fitted mean) in deviations of one history. */
  z: number | null;
}
export interface Band {
  median: number;
  p10: number;
  p90: number;
}

export interface InputReport {
  path: string;
  lo: number;
  hi: number;
  start: number;
  value: number;
  /** The values the history cannot tell from the best. */
  range: [number, number];
  /** The range covers most of the search range: the history does not pin it down. */
  identified: boolean;
}

export interface FitReport {
  format: 'paybench-fit';
  scheme: string;
  /** The whole months fitted. */
  horizon: { start: string; months: number };
  runs: number;
  checkRuns: number;
  evaluations: number;
  distance: { start: number; best: number; noise: number };
  inputs: InputReport[];
  moments: MomentReport[];
  /** The intra-month profile: the history's (median across months, band) and the fitted model's (median over runs of each run's median, band over runs). */
  profile: { observed: ProfileBand; model: ProfileBand; start: ProfileBand };
  /** Collections by month: the history's and the fitted model's over runs. */
  months: { month: string; observed: number; model: Band; start: Band }[];
  notes: FitNote[];
}

export interface Fit {
  /** The scenario with the fitted inputs (every scheme, inputs only, ready to save). */
  scenario: Scenario;
  report: FitReport;
}

interface Evaluated {
  x: number[];
  sim: SimulatedMoments;
  distance: number;
}

interface Simulated {
  sim: SimulatedMoments;
  stats: HistoryStatistics[];
  vectors: Float64Array[];
}

const abortError = () => Object.assign(new Error('cancelled'), { name: 'AbortError' });

export async function fitHistory(base: Scenario, history: History, options: FitOptions = {}): Promise<Fit> {
  const runs = options.runs ?? FIT_DEFAULTS.runs;
  const budget = options.budget ?? FIT_DEFAULTS.budget;
  const checkRuns = options.checkRuns ?? FIT_DEFAULTS.checkRuns;
  if (history.payments.length === 0) throw new FitError('the history holds no payments');
  const whole = wholeMonths(history);
  if (whole.months < 1) throw new FitError('the history holds no whole month');
  const months = Math.min(whole.months, FIT_DEFAULTS.maxMonths);
  const start = whole.start + whole.months - months;
  const hasClients = history.hasClients;
  const observedStats = statisticsOf(tallyHistory(history, start, months), hasClients);

  const schemeId = options.schemeId ?? base.baseline;
  const scheme = base.schemes.find((s) => s.id === schemeId);
  if (!scheme) throw new FitError(`no scheme "${schemeId}" in the scenario (it has ${base.schemes.map((s) => s.id).join(', ')})`);
  const parsed = parseScenario({ ...base, simulation: { ...base.simulation, startMonth: monthText(start), months, runs }, schemes: [scheme], baseline: scheme.id });
  if (!parsed.ok) throw new FitError(parsed.errors.map((e) => formatIssue(e, 'en')).join('; '));
  const fitBase = parsed.scenario;
  const vary = options.vary ?? fitInputs(base, observedStats);
  if (vary.length === 0) throw new FitError('nothing to fit: name at least one input');
  for (const v of vary) getPath(base, v.path);

  const moments = momentsFor(months, hasClients);
  const observed = momentVector(moments, observedStats);
  const population = 4 + Math.floor(3 * Math.log(vary.length));
  const polish = Math.ceil(budget / 3);
  const generations = (n: number) => Math.ceil(n / population) * population;
  const total = Math.ceil(1 + PILOT + generations(budget) + generations(polish) + 1 + SLICE_STEPS.length * vary.length + (2 * checkRuns) / runs);
  let done = 0;
  let bestSoFar = Infinity;

  const simulate = (x: readonly number[], runsFrom: number, count: number, keep: boolean): Simulated | null => {
    let scenario: Scenario;
    try {
      scenario = fitCandidate(fitBase, vary, x);
    } catch (e) {
      if (e instanceof PathError) return null; // a combination the file format refuses
      throw e;
    }
    const model = compileModel(scenario);
    const places = dayPlaces(model);
    const tally = new PaymentTally(months, scenario.clients.count);
    const vectors: Float64Array[] = [];
    const stats: HistoryStatistics[] = [];
    for (let r = 0; r < count; r++) {
      tallyRun(model, places, 0, runsFrom + r, tally);
      const s = statisticsOf(tally, hasClients);
      vectors.push(momentVector(moments, s));
      if (keep) stats.push(s);
    }
    return { sim: summariseRuns(vectors), stats, vectors };
  };
  /** One candidate's worth of runs done (`weight`: how many candidates' worth). */
  const step = async (distance: number, weight = 1) => {
    done += weight;
    bestSoFar = Math.min(bestSoFar, distance);
    options.onProgress?.(Math.min(Math.round(done), total), total, bestSoFar);
    await options.pause?.();
    if (options.signal?.aborted) throw abortError();
  };
  const evaluated: Evaluated[] = [];
  let scale: Float64Array;
  const evaluate = async (x: readonly number[]) => {
    const got = simulate(x, 0, runs, false);
    const distance = got ? momentDistance(moments, observed, got.sim, scale) : Infinity;
    if (got) evaluated.push({ x: [...x], sim: got.sim, distance });
    await step(distance);
    return distance;
  };
  const random = new Sfc32(options.seed ?? FIT_DEFAULTS.seed, 0xf17, 0x4157, 0x0e1);
  const search = (from: readonly number[], sigma: number, evaluations: number) =>
    minimise(async (xs) => {
      const values: number[] = [];
      for (const x of xs) values.push(await evaluate(x));
      return values;
    }, { start: from, budget: evaluations, random: () => random.next(), signal: options.signal, sigma, population });
  const bestOf = () => evaluated.reduce((a, b) => (b.distance < a.distance ? b : a));

  // The start, then the start with the volume and the number of clients scaled by what the
  // history says: there the spread of each moment over three times the runs is the
  // yardstick of the first search.
  const startX = fitPosition(fitBase, vary);
  const first = simulate(startX, 0, runs, false);
  if (!first) throw new FitError('the scenario does not take its own inputs');
  await step(Infinity);
  const searchX = scaledStart(startX, vary, moments, observed, first.sim);
  const pilot = simulate(searchX, 0, PILOT * runs, false) ?? first;
  scale = yardstick(pilot.sim);
  evaluated.push({ x: startX, sim: first.sim, distance: momentDistance(moments, observed, first.sim, scale) });
  const pilotSim = summariseRuns(pilot.vectors.slice(0, runs));
  evaluated.push({ x: searchX, sim: pilotSim, distance: momentDistance(moments, observed, pilotSim, scale) });
  await step(evaluated[1].distance, PILOT);

  await search(searchX, 0.25, budget);
  // A yardstick from every candidate (one candidate's spread over a few runs is itself
  // noisy), the candidates ranked again by it, and a closer search around the best.
  scale = pooledYardstick(evaluated.map((e) => e.sim));
  for (const e of evaluated) e.distance = momentDistance(moments, observed, e.sim, scale);
  await search(bestOf().x, POLISH_SIGMA, polish);
  let best = bestOf();
  const fresh = simulate(best.x, runs, runs, false)!;
  const noise = Math.max(chiSquare68(vary.length), momentDistance(moments, observed, fresh.sim, scale) - best.distance);
  await step(best.distance);

  // Each input moved alone around the best, a little either way (how the moments move with
  // it, for the profile) and then further, until the fit is worse than the noise.
  const around = best;
  const reach: [number, number][] = [];
  const jacobian = moments.map(() => new Array<number>(vary.length).fill(0));
  const sliceEnd = done + SLICE_STEPS.length * vary.length;
  for (let i = 0; i < vary.length; i++) {
    const ends: { x: number; sim: SimulatedMoments }[] = [];
    const side = async (sign: -1 | 1) => {
      let inside = 0;
      for (const d of SLICE_STEPS.filter((s) => Math.sign(s) === sign).sort((a, b) => Math.abs(a) - Math.abs(b))) {
        const x = [...around.x];
        x[i] = Math.min(1, Math.max(0, x[i] + d));
        const moved = Math.abs(x[i] - around.x[i]);
        if (moved <= inside) break;
        const distance = await evaluate(x);
        if (inside === 0) ends.push({ x: x[i], sim: evaluated[evaluated.length - 1].sim });
        const worse = distance - around.distance;
        // Past the noise: where the distance, growing as the square of the step, crossed it.
        if (worse > noise) return Math.max(inside, moved * Math.sqrt(noise / worse));
        inside = moved;
      }
      return inside;
    };
    const down = await side(-1);
    const up = await side(1);
    reach.push([around.x[i] - down, around.x[i] + up]);
    if (ends.length === 1) ends.push({ x: around.x[i], sim: around.sim });
    if (ends.length === 2 && ends[0].x !== ends[1].x) {
      moments.forEach((_, k) => (jacobian[k][i] = (ends[1].sim.mean[k] - ends[0].sim.mean[k]) / (ends[1].x - ends[0].x)));
    }
  }
  if (done < sliceEnd) {
    done = sliceEnd;
    options.onProgress?.(Math.round(done), total, bestSoFar);
  }
  best = bestOf();
  const within = evaluated.filter((e) => e.distance <= best.distance + noise);
  // With the others free to follow: the profile from how the moments move (fit-spread.ts).
  const half = profileHalfWidths(jacobian, moments.map((m, k) => m.weight / (scale[k] * (1 + 1 / runs))), noise);

  // The report: the start and the fit on runs the search never saw.
  const checkFrom = 2 * runs;
  const startCheck = simulate(startX, checkFrom, checkRuns, true)!;
  await step(best.distance, checkRuns / runs);
  const fitCheck = simulate(best.x, checkFrom, checkRuns, true)!;
  await step(best.distance, checkRuns / runs);
  const startDistance = momentDistance(moments, observed, startCheck.sim, scale);
  const bestDistance = momentDistance(moments, observed, fitCheck.sim, scale);

  const inputs: InputReport[] = vary.map((v, i) => {
    const xs = [...within.map((e) => e.x[i]), ...reach[i], around.x[i] - half[i], around.x[i] + half[i]];
    const value = (x: number) => (isIntegerPath(v.path) ? Math.round(valueAt(v, x)) : Number(valueAt(v, x).toPrecision(6)));
    const lo = Math.max(0, Math.min(...xs));
    const hi = Math.min(1, Math.max(...xs));
    return { path: v.path, lo: v.lo, hi: v.hi, start: Number(getPath(base, v.path)), value: value(best.x[i]), range: [value(lo), value(hi)], identified: hi - lo < 0.5 };
  });
  const report: FitReport = {
    format: 'paybench-fit',
    scheme: scheme.id,
    horizon: { start: monthText(start), months },
    runs,
    checkRuns,
    evaluations: evaluated.length + 3,
    distance: { start: startDistance, best: bestDistance, noise },
    inputs,
    moments: momentReports(moments, observedStats, startCheck, fitCheck),
    profile: { observed: observedStats.profile, model: profileBand(fitCheck.stats), start: profileBand(startCheck.stats) },
    months: observedStats.monthly.map((o, m) => ({
      month: monthText(start + m),
      observed: o,
      model: band(fitCheck.stats.map((s) => s.monthly[m])),
      start: band(startCheck.stats.map((s) => s.monthly[m])),
    })),
    notes: [],
  };
  report.notes = fitNotes(report, { hasClients, wholeMonths: whole.months });
  return { scenario: fitCandidate(base, vary, best.x), report };
}

/** The start with the volume and the number of clients scaled by the history's level and payers over the start's. */
function scaledStart(x: readonly number[], vary: readonly Vary[], moments: readonly Moment[], observed: Float64Array, sim: SimulatedMoments): number[] {
  const ratio = (id: string) => {
    const j = moments.findIndex((m) => m.id === id);
    return j >= 0 && Number.isFinite(observed[j]) && Number.isFinite(sim.mean[j]) ? Math.exp(observed[j] - sim.mean[j]) : 1;
  };
  const scaled = { 'clients.monthlyVolume': ratio('level'), 'clients.count': ratio('payers') } as Record<string, number>;
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

function band(values: readonly number[]): Band {
  const xs = values.filter((v) => Number.isFinite(v));
  return { median: quantile(xs, 0.5), p10: quantile(xs, 0.1), p90: quantile(xs, 0.9) };
}

/** Over runs: the median, 10th and 90th percentile of each run's median profile. */
function profileBand(stats: readonly HistoryStatistics[]): ProfileBand {
  const days = stats[0]?.profile.median.length ?? 31;
  const at = (d: number) => band(stats.map((s) => s.profile.median[d]));
  const bands = Array.from({ length: days }, (_, d) => at(d));
  return { median: bands.map((b) => b.median), p10: bands.map((b) => b.p10), p90: bands.map((b) => b.p90) };
}

function momentReports(moments: readonly Moment[], observed: HistoryStatistics, start: Simulated, fitted: Simulated): MomentReport[] {
  return moments
    .filter((m) => !m.id.startsWith('month'))
    .map((m) => {
      const j = moments.indexOf(m);
      const o = m.of(observed);
      const values = (sim: Simulated) => sim.stats.map((s) => m.of(s)).filter((v): v is number => v !== null && Number.isFinite(v));
      const mean = fitted.sim.mean[j];
      const sd = Math.sqrt(fitted.sim.variance[j]);
      const z = o === null || !Number.isFinite(mean) || !(sd > 0) ? null : (m.scaled(o) - mean) / sd;
      return { id: m.id, observed: o, start: band(values(start)), fitted: band(values(fitted)), z };
    });
}
