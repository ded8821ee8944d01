/**
 * The optimiser's answer (`"format": "paybench-suggestion"`): the suggested scheme as a
 * scenario scheme entry, named by what it is; its figures against the start on the search's
 * seed and on the re-check's, with the difference and its 90% interval; the contract's
 * paired differences with the start; each limit with its slack and whether it binds; and the
 * trade-off between the figure maximised and the cash gap — the best scheme found at each
 * gap limit.
 *
 * Intervals: the search measured the winner and the start block by block on the same runs,
 * so the spread of their difference over blocks is the comparison's own noise; scaled from
 * a block's runs to the re-check's (√(block / re-check)) with Student's t, it gives the
 * interval around the re-check's difference.
 */
import type { Scenario, Scheme } from '../../scenario/types.ts';
import type { SchemeResults, VsBaseline } from '../../results/results-json.ts';
import type { Unit } from '../../run/metrics.ts';
import { parseMetric, boundValue, slack, type Goal, type Metric } from './goal.ts';
import { valueAt, type SchemeInput } from './inputs.ts';
import type { NoisySearchResult, SearchPoint, StopReason } from './noisy-search.ts';
import { constant, mean, sd, studentT } from './stats.ts';

export const SUGGESTION_FORMAT = 'paybench-suggestion';

/** better: holds every limit and beats the start on the re-check; start: the start is the best found; limit / worse: why not. */
export type Verdict = 'better' | 'start' | 'limit' | 'worse';

export interface FigureRow {
  metric: string;
  unit: Unit;
  role: 'goal' | 'limit' | 'context';
  search: { start: number | null; suggested: number | null };
  recheck: { start: number | null; suggested: number | null };
  /** Suggested − start on the re-check seed, and its 90% interval. */
  difference: number | null;
  interval: [number, number] | null;
}

export interface LimitRow {
  limit: string;
  metric: string;
  op: '<=' | '>=';
  /** On the re-check seed: the suggestion's value, the bound it must keep, and the room left. */
  value: number | null;
  bound: number | null;
  slack: number | null;
  holds: boolean;
  /** A candidate that broke only this limit did better than the suggestion beyond the noise. */
  binds: boolean;
  /** The most such a candidate gained on the figure maximised (on the search's blocks). */
  gain: number | null;
}

export interface CurvePoint {
  gap: number;
  objective: number;
  /** Blocks of runs behind the estimate. */
  blocks: number;
  /** The inputs' values, in the order of `inputs`. */
  values: number[];
}

export interface TradeOff {
  gap: string;
  objective: string;
  gapUnit: Unit;
  objectiveUnit: Unit;
  /** The best scheme found at each gap limit (every other limit held), lowest gap first. */
  points: CurvePoint[];
  start: { gap: number; objective: number } | null;
  suggested: { gap: number; objective: number } | null;
}

export interface Suggestion {
  format: typeof SUGGESTION_FORMAT;
  version: 1;
  scenario: string;
  start: { id: string; name: string };
  /** The scheme to add to the scenario (null when nothing beat the start within the limits). */
  suggested: Scheme | null;
  verdict: Verdict;
  goal: { maximise: string; limits: string[] };
  inputs: { field: string; lo: number; hi: number; step: number; start: number; suggested: number }[];
  seeds: { search: number; recheck: number };
  runs: { block: number; recheck: number };
  evaluations: number;
  budget: number;
  stop: StopReason;
  generations: number;
  /** Candidates measured (grid points; the refused ones not counted). */
  candidates: number;
  /** The suggestion's figures (or, without one, the search's best) against the start. */
  figures: FigureRow[];
  /** The contract's paired differences with the start (suggestion − start, run by run). */
  paired: { search: VsBaseline | null; recheck: VsBaseline | null };
  limits: LimitRow[];
  tradeOff: TradeOff;
  finalists: { scheme: Scheme; verdict: Verdict; objective: number | null }[];
}

export interface ReportInput {
  base: Scenario;
  start: Scheme;
  inputs: readonly SchemeInput[];
  goal: Goal;
  watch: Metric;
  found: NoisySearchResult;
  winner: SearchPoint;
  winnerScheme: Scheme;
  /** The search's best is the start itself (its paired differences with itself are 0). */
  winnerIsStart: boolean;
  suggested: Scheme | null;
  verdict: Verdict;
  finalists: { scheme: Scheme; point: SearchPoint; verdict: Verdict; recheck: SchemeResults }[];
  recheck: { seed: number; runs: number; start: SchemeResults; best: SchemeResults };
  search: { seed: number; runs: number; start: SchemeResults; best: SchemeResults };
  blocks: { start: SchemeResults; best: SchemeResults }[];
  blockRuns: number;
  evaluations: number;
  budget: number;
  values: number[];
}

export function buildReport(r: ReportInput): Suggestion {
  const { goal, found } = r;
  return {
    format: SUGGESTION_FORMAT,
    version: 1,
    scenario: r.base.name,
    start: { id: r.start.id, name: r.start.name },
    suggested: r.suggested,
    verdict: r.verdict,
    goal: { maximise: goal.maximise.text, limits: goal.limits.map((l) => l.text) },
    inputs: r.inputs.map((input, i) => ({ field: input.field, lo: input.lo, hi: input.hi, step: input.step, start: input.start, suggested: r.values[i] })),
    seeds: { search: r.search.seed, recheck: r.recheck.seed },
    runs: { block: r.blockRuns, recheck: r.recheck.runs },
    evaluations: Math.round(r.evaluations * 100) / 100,
    budget: r.budget,
    stop: found.stop,
    generations: found.generations,
    candidates: found.points.filter((p) => !p.refused && p.samples.length > 0).length,
    figures: figureRows(r),
    paired: { search: r.search.best.vsBaseline, recheck: r.recheck.best.vsBaseline },
    limits: limitRows(r),
    tradeOff: tradeOff(r),
    finalists: r.finalists.map((f) => ({ scheme: f.scheme, verdict: f.verdict, objective: goal.maximise.read(f.recheck, f.verdict === 'start') })),
  };
}

/** The figure maximised, each limit's figure, then profit, the bonus budget and the gap when not already there. */
function figureRows(r: ReportInput): FigureRow[] {
  const staff = r.base.staff.map((p) => p.id);
  const rows: { metric: Metric; role: FigureRow['role'] }[] = [{ metric: r.goal.maximise, role: 'goal' }];
  const add = (metric: Metric, role: FigureRow['role']) => {
    if (!rows.some((x) => x.metric.text === metric.text)) rows.push({ metric, role });
  };
  r.goal.limits.forEach((l) => add(l.metric, 'limit'));
  for (const name of ['profitTotal.p50', 'bonusTotal.p50']) add(parseMetric(name, staff)[0], 'context');
  add(r.watch, 'context');
  const t = studentT(0.95, r.blocks.length - 1);
  const scale = Math.sqrt(r.blockRuns / r.recheck.runs);
  return rows.map(({ metric, role }) => {
    const read = (s: SchemeResults, isStart: boolean) => metric.read(s, isStart);
    const best = r.winnerIsStart;
    const start = read(r.recheck.start, true);
    const suggested = read(r.recheck.best, best);
    const difference = start !== null && suggested !== null ? suggested - start : null;
    const diffs = r.blocks.map((b) => (read(b.best, best) ?? NaN) - (read(b.start, true) ?? NaN)).filter(Number.isFinite);
    const half = diffs.length >= 2 ? t * sd(diffs) * scale : null;
    return {
      metric: metric.text,
      unit: metric.unit,
      role,
      search: { start: read(r.search.start, true), suggested: read(r.search.best, best) },
      recheck: { start, suggested },
      difference,
      interval: difference !== null && half !== null ? [difference - half, difference + half] : null,
    };
  });
}

/** The limit's slack on a point's blocks: mean and standard error, from the search. */
function slackOf(r: ReportInput, p: SearchPoint, j: number): { ok: boolean } {
  const e = r.found.search.estimate(p);
  return { ok: e.slacks[j] - r.found.search.z * e.slackErrors[j] >= 0 };
}

function limitRows(r: ReportInput): LimitRow[] {
  const { search } = r.found;
  const measured = r.found.points.filter((p) => p !== r.winner && !p.refused && p.samples.length > 0);
  return r.goal.limits.map((limit, j) => {
    const value = limit.metric.read(r.recheck.best, r.winnerIsStart);
    const bound = boundValue(limit, limit.metric.read(r.recheck.start, true));
    const room = slack(limit, value, bound);
    // Better beyond the noise, held every other limit, broke this one.
    const gains = measured
      .filter((p) => !slackOf(r, p, j).ok && r.goal.limits.every((_, i) => i === j || slackOf(r, p, i).ok))
      .map((p) => search.paired(p, r.winner))
      .filter((d) => d.blocks > 0 && d.mean > search.z * d.se)
      .map((d) => d.mean);
    return {
      limit: limit.text,
      metric: limit.metric.text,
      op: limit.op,
      value,
      bound,
      slack: Number.isFinite(room) ? room : null,
      holds: room >= 0,
      binds: gains.length > 0,
      gain: gains.length > 0 ? Math.max(...gains) : null,
    };
  });
}

/**
 * The best figure found at each gap limit, from every candidate measured that held the
 * other limits. Candidates were measured on different blocks, and a block's luck moves
 * every scheme alike: each is placed at the start's level over every block plus its own
 * difference from the start on its blocks (paired), so that all stand on the same runs.
 */
function tradeOff(r: ReportInput): TradeOff {
  const { search } = r.found;
  const gapLimits = new Set(r.goal.limits.flatMap((l, j) => (l.metric.text === r.watch.text ? [j] : [])));
  const startBy = new Map<number, { objective: number; gap: number }>();
  for (const p of r.found.points) p.samples.forEach((s, k) => startBy.set(k, { objective: s.extras?.[1] ?? NaN, gap: s.extras?.[2] ?? NaN }));
  const level = { objective: mean([...startBy.values()].map((v) => v.objective)), gap: mean([...startBy.values()].map((v) => v.gap)) };
  // A figure the same on every block (a gap of zero) has no luck in it; a cash gap is never below zero.
  const paired = (own: number[], start: number[], at: number) => (constant(own) ? own[0] : at + mean(own.map((v, k) => v - start[k])));
  const point = (p: SearchPoint) => ({
    gap: Math.max(0, paired(p.samples.map((s) => s.extras?.[0] ?? NaN), p.samples.map((_, k) => startBy.get(k)!.gap), level.gap)),
    objective: paired(p.samples.map((s) => s.objective), p.samples.map((_, k) => startBy.get(k)!.objective), level.objective),
  });
  const candidates = r.found.points
    .filter((p) => !p.refused && p.samples.length > 0 && r.goal.limits.every((_, i) => gapLimits.has(i) || slackOf(r, p, i).ok))
    .map((p) => ({ p, ...point(p) }))
    .filter((c) => Number.isFinite(c.gap) && Number.isFinite(c.objective))
    .sort((a, b) => a.gap - b.gap || b.objective - a.objective || a.p.id - b.p.id);
  const points: CurvePoint[] = [];
  for (const c of candidates) {
    if (points.length > 0 && c.objective <= points[points.length - 1].objective) continue;
    points.push({ gap: c.gap, objective: c.objective, blocks: c.p.samples.length, values: r.inputs.map((input, i) => valueAt(input, c.p.x[i])) });
  }
  const start = r.found.points.find((p) => p.origin === 'start');
  return {
    gap: r.watch.text,
    objective: r.goal.maximise.text,
    gapUnit: r.watch.unit,
    objectiveUnit: r.goal.maximise.unit,
    points,
    start: start && start.samples.length > 0 ? point(start) : null,
    suggested: r.suggested ? point(r.winner) : null,
  };
}
