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
 * Every candidate runs the same run indices (common random numbers); a generation's
 * candidates may run side by side (fit-job.ts).
 *
 * What the data cannot tell apart is measured, not assumed. Inputs whose distance lies
 * within Δ of the best's fit the history together as well, within chance: Δ is the 68%
 * quantile of χ² for as many degrees of freedom as inputs, or how much the best's own
 * distance moves on fresh runs if that is more. Each input's range is the widest of: the
 * candidates within Δ, moving it alone until the distance rises by Δ, and its profile
 * with the others free to follow (fit-spread.ts).
 */
import type { Scenario } from '../scenario/types.ts';
import { parseScenario } from '../scenario/parse.ts';
import { formatIssue } from '../scenario/issues.ts';
import { Sfc32 } from '../numeric/random.ts';
import { monthText } from '../history/dates.ts';
import type { History } from '../history/parse.ts';
import { tallyHistory, wholeMonths } from '../history/describe.ts';
import { statisticsOf, type ProfileBand } from '../history/tally.ts';
import { fitCandidate, fitInputs, fitPosition, SELF_PAYER_SHARE, valueAt } from './fit-inputs.ts';
import { momentDistance, momentsFor, momentVector, pooledYardstick, summariseRuns, yardstick, type SimulatedMoments } from './fit-moments.ts';
import { runFitJob, type FitEvaluator, type FitJob, type FitOutcome, type FitSetup } from './fit-job.ts';
import { band, chiSquare68, momentReports, profileBand, scaledStart, type Band, type MomentReport } from './fit-report.ts';
import { minimise } from './search/minimise.ts';
import { getPath, isIntegerPath } from './scenario-path.ts';
import type { Vary } from './calibrate.ts';
import { fitNotes, type FitNote } from './fit-notes.ts';
import { profileHalfWidths } from './fit-spread.ts';

export type { Band, MomentReport } from './fit-report.ts';

export const FIT_DEFAULTS = { runs: 24, budget: 150, checkRuns: 100, maxMonths: 36, seed: 1 } as const;
/** Steps (a share of an input's range) at which each input is moved alone around the best; the first either way also measures how the moments move. */
const SLICE_STEPS = [-0.3, -0.12, -0.04, 0.04, 0.12, 0.3];
/** The first search's yardstick is measured over this many times a candidate's runs. */
const PILOT = 3;
/** The closer search's step (a share of each range); it evaluates a third of the first's budget. */
const POLISH_SIGMA = 0.06;

export class FitError extends Error {}

export interface FitOptions {
  /** The scheme in force over the history (default: the scenario's baseline). */
  schemeId?: string;
  /** Runs (simulated histories) per candidate. */
  runs?: number;
  /** Candidates the first search evaluates at most (the closer one a third as many). */
  budget?: number;
  /** Runs of the start and the fit compared in the report (on run indices the search never used). */
  checkRuns?: number;
  /** The search's own seed (the runs use the scenario's). */
  seed?: number;
  /** Inputs to move (default fitInputs). */
  vary?: Vary[];
  /** Runs a batch of candidates (default: here, one after another). */
  evaluate?: FitEvaluator;
  signal?: AbortSignal;
  /** Candidates' worth of runs done, of the total, and the best distance so far. */
  onProgress?: (done: number, total: number, best: number) => void;
  /** Lets the caller's event loop run between candidates (Ctrl-C, a progress bar). */
  pause?: () => Promise<void>;
}

export interface InputReport {
  path: string;
  lo: number;
  hi: number;
  start: number;
  value: number;
  /** The values the history cannot tell from the best. */
  range: [number, number];
  /** The range covers less than half the search range. */
  identified: boolean;
}

export interface FitReport {
  format: 'paybench-fit';
  scheme: string;
  /** The whole months fitted. */
  horizon: { start: string; months: number };
  runs: number;
  checkRuns: number;
  /** Candidates evaluated. */
  evaluations: number;
  /** Distances of the start and the fit on the check runs, and Δ. */
  distance: { start: number; best: number; noise: number };
  inputs: InputReport[];
  moments: MomentReport[];
  /** The intra-month profile: the history's (median across months, P10–P90 band) and the model's read the same way in a typical simulated history (fit-report.ts). */
  profile: { observed: ProfileBand; model: ProfileBand; start: ProfileBand };
  /** Collections by month: the history's and the model's over runs. */
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

const abortError = () => Object.assign(new Error('cancelled'), { name: 'AbortError' });

/** What a fit runs on: the history's whole months (the last 36 at most) and the scenario cut to them and to the scheme in force. */
function prepare(base: Scenario, history: History, options: FitOptions) {
  if (history.payments.length === 0) throw new FitError('the history holds no payments');
  const whole = wholeMonths(history);
  if (whole.months < 1) throw new FitError('the history holds no whole month');
  const months = Math.min(whole.months, FIT_DEFAULTS.maxMonths);
  const start = whole.start + whole.months - months;
  const observed = statisticsOf(tallyHistory(history, start, months), history.hasClients);
  const schemeId = options.schemeId ?? base.baseline;
  const scheme = base.schemes.find((s) => s.id === schemeId);
  if (!scheme) throw new FitError(`no scheme "${schemeId}" in the scenario (it has ${base.schemes.map((s) => s.id).join(', ')})`);
  const runs = options.runs ?? FIT_DEFAULTS.runs;
  const parsed = parseScenario({ ...base, simulation: { ...base.simulation, startMonth: monthText(start), months, runs }, schemes: [scheme], baseline: scheme.id });
  if (!parsed.ok) throw new FitError(parsed.errors.map((e) => formatIssue(e, 'en')).join('; '));
  const vary = options.vary ?? fitInputs(base, observed);
  if (vary.length === 0) throw new FitError('nothing to fit: name at least one input');
  for (const v of vary) getPath(base, v.path);
  if (vary.some((v) => v.path === SELF_PAYER_SHARE) && !base.clients.habits.some((h) => h.id === 'reminderPayer'))
    throw new FitError('the self-payers\' share of volume moves against the reminder payers\', and the scenario has no reminder payers');
  const setup: FitSetup = { scenario: parsed.scenario, vary, months, hasClients: history.hasClients };
  return { setup, observed, start, whole, scheme, runs };
}

export async function fitHistory(base: Scenario, history: History, options: FitOptions = {}): Promise<Fit> {
  const { setup, observed: observedStats, start, whole, scheme, runs } = prepare(base, history, options);
  const { vary, months, hasClients } = setup;
  const budget = options.budget ?? FIT_DEFAULTS.budget;
  const checkRuns = options.checkRuns ?? FIT_DEFAULTS.checkRuns;
  const moments = momentsFor(months, hasClients);
  const observed = momentVector(moments, observedStats);
  const population = 4 + Math.floor(3 * Math.log(vary.length));
  const polish = Math.ceil(budget / 3);
  const generations = (n: number) => Math.ceil(n / population) * population;
  const total = Math.ceil(1 + PILOT + generations(budget) + generations(polish) + 1 + SLICE_STEPS.length * vary.length + (2 * checkRuns) / runs);
  let done = 0;
  let bestSoFar = Infinity;

  const evaluateHere: FitEvaluator = async (s, jobs, finished) => {
    const out: FitOutcome[] = [];
    for (let i = 0; i < jobs.length; i++) {
      out.push(runFitJob(s, jobs[i]));
      finished(i);
      await options.pause?.();
      if (options.signal?.aborted) throw abortError();
    }
    return out;
  };
  const evaluator = options.evaluate ?? evaluateHere;
  /** Runs a batch of pieces, with progress counted in candidates' worth of runs. */
  const runBatch = async (jobs: FitJob[]): Promise<FitOutcome[]> => {
    if (options.signal?.aborted) throw abortError();
    const out = await evaluator(setup, jobs, (i) => {
      done += jobs[i].count / runs;
      options.onProgress?.(Math.min(Math.round(done), total), total, bestSoFar);
    });
    if (options.signal?.aborted) throw abortError();
    return out;
  };
  const evaluated: Evaluated[] = [];
  let scale: Float64Array;
  const candidate = (x: readonly number[]): FitJob => ({ x: [...x], runsFrom: 0, count: runs, keep: false });
  /** Candidates on the search's runs, kept with their distances (Infinity: refused inputs). */
  const evaluate = async (xs: readonly (readonly number[])[]): Promise<number[]> => {
    const outcomes = await runBatch(xs.map(candidate));
    return outcomes.map((o, i) => {
      if (!o) return Infinity;
      const sim = summariseRuns(o.vectors);
      const distance = momentDistance(moments, observed, sim, scale);
      evaluated.push({ x: [...xs[i]], sim, distance });
      bestSoFar = Math.min(bestSoFar, distance);
      return distance;
    });
  };
  const random = new Sfc32(options.seed ?? FIT_DEFAULTS.seed, 0xf17, 0x4157, 0x0e1);
  const search = (from: readonly number[], sigma: number, evaluations: number) =>
    minimise((xs) => evaluate(xs), { start: from, budget: evaluations, random: () => random.next(), signal: options.signal, sigma, population });
  const bestOf = () => evaluated.reduce((a, b) => (b.distance < a.distance ? b : a));

  // The start, then the start with the volume and the number of clients scaled by what the
  // history says: there the spread of each moment over three times the runs is the
  // yardstick of the first search.
  const startX = fitPosition(setup.scenario, vary);
  const [first] = await runBatch([candidate(startX)]);
  if (!first) throw new FitError('the scenario does not take its own inputs');
  const searchX = scaledStart(startX, vary, moments, observed, summariseRuns(first.vectors));
  const pilot = (await runBatch(Array.from({ length: PILOT }, (_, k) => ({ ...candidate(searchX), runsFrom: k * runs })))).flatMap((o) => o?.vectors ?? []);
  scale = yardstick(summariseRuns(pilot.length ? pilot : first.vectors));
  for (const [x, vectors] of [[startX, first.vectors], [searchX, pilot.slice(0, runs)]] as const) {
    if (vectors.length === 0) continue;
    const sim = summariseRuns(vectors);
    evaluated.push({ x: [...x], sim, distance: momentDistance(moments, observed, sim, scale) });
  }

  await search(searchX, 0.25, budget);
  // A yardstick from every candidate (one candidate's spread over a few runs is itself
  // noisy), the candidates ranked again by it, and a closer search around the best.
  scale = pooledYardstick(evaluated.map((e) => e.sim));
  for (const e of evaluated) e.distance = momentDistance(moments, observed, e.sim, scale);
  await search(bestOf().x, POLISH_SIGMA, polish);
  const around = bestOf();

  // The best on fresh runs (how much its distance moves by chance), and each input moved
  // alone either way: how the moments move with it, and how far it goes within Δ.
  const slices = vary.flatMap((_, i) =>
    SLICE_STEPS.map((d) => {
      const x = [...around.x];
      x[i] = Math.min(1, Math.max(0, x[i] + d));
      return { i, d, x };
    }),
  ).filter((s) => s.x[s.i] !== around.x[s.i]);
  const [fresh, ...sliced] = await runBatch([{ ...candidate(around.x), runsFrom: runs }, ...slices.map((s) => candidate(s.x))]);
  const freshDistance = fresh ? momentDistance(moments, observed, summariseRuns(fresh.vectors), scale) : around.distance;
  const noise = Math.max(chiSquare68(vary.length), freshDistance - around.distance);
  const sliceSims = sliced.map((o, k) => {
    if (!o) return null;
    const sim = summariseRuns(o.vectors);
    evaluated.push({ x: slices[k].x, sim, distance: momentDistance(moments, observed, sim, scale) });
    return { ...slices[k], sim, distance: evaluated[evaluated.length - 1].distance };
  });
  const reach: [number, number][] = [];
  const jacobian = moments.map(() => new Array<number>(vary.length).fill(0));
  for (let i = 0; i < vary.length; i++) {
    const mine = sliceSims.filter((s): s is NonNullable<typeof s> => s !== null && s.i === i);
    const side = (sign: number) => {
      let inside = 0;
      for (const s of mine.filter((m) => Math.sign(m.d) === sign).sort((a, b) => Math.abs(a.d) - Math.abs(b.d))) {
        const moved = Math.abs(s.x[i] - around.x[i]);
        const worse = s.distance - around.distance;
        // Past Δ: where the distance, growing as the square of the step, crossed it.
        if (worse > noise) return Math.max(inside, moved * Math.sqrt(noise / worse));
        inside = moved;
      }
      return inside;
    };
    reach.push([around.x[i] - side(-1), around.x[i] + side(1)]);
    const near = [-1, 1].map((sign) => mine.filter((m) => Math.sign(m.d) === sign).sort((a, b) => Math.abs(a.d) - Math.abs(b.d))[0]);
    const ends = [near[0] ?? { x: around.x, sim: around.sim }, near[1] ?? { x: around.x, sim: around.sim }];
    if (ends[0].x[i] !== ends[1].x[i]) moments.forEach((_, k) => (jacobian[k][i] = (ends[1].sim.mean[k] - ends[0].sim.mean[k]) / (ends[1].x[i] - ends[0].x[i])));
  }
  const best = bestOf();
  const within = evaluated.filter((e) => e.distance <= best.distance + noise);
  // With the others free to follow: the profile from how the moments move (fit-spread.ts).
  const half = profileHalfWidths(jacobian, moments.map((m, k) => m.weight / (scale[k] * (1 + 1 / runs))), noise);

  // The report: the start and the fit on runs the search never saw.
  const check = (x: readonly number[]): FitJob => ({ x: [...x], runsFrom: (PILOT + 1) * runs, count: checkRuns, keep: true });
  const [startCheck, fitCheck] = await runBatch([check(startX), check(best.x)]);
  if (!startCheck || !fitCheck) throw new FitError('the fitted inputs do not make a scenario');
  const fitSim = summariseRuns(fitCheck.vectors);

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
    evaluations: evaluated.length,
    distance: { start: momentDistance(moments, observed, summariseRuns(startCheck.vectors), scale), best: momentDistance(moments, observed, fitSim, scale), noise },
    inputs,
    moments: momentReports(moments, observedStats, startCheck.stats, fitCheck.stats, fitSim),
    profile: { observed: observedStats.profile, model: profileBand(fitCheck.stats), start: profileBand(startCheck.stats) },
    months: observedStats.monthly.map((o, m) => ({
      month: monthText(start + m),
      observed: o,
      model: band(fitCheck.stats.map((s) => s.monthly[m])),
      start: band(startCheck.stats.map((s) => s.monthly[m])),
    })),
    notes: [],
  };
  report.notes = fitNotes(report, { hasClients, wholeMonths: whole.months, schemeName: scheme.name });
  return { scenario: fitCandidate(base, vary, best.x), report };
}
