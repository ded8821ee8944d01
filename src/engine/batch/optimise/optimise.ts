/**
 * Suggest a better scheme: search one scheme's inputs (threshold, rate, gate days and
 * shares by default) for the values that maximise a figure of the results (median profit
 * over the horizon by default) within the owner's limits (by default the P90 mid-month
 * gap no worse than the start's and nobody's median pay lower), with the clients, market
 * and company as they are — only the scheme varies, and the simulated people react to it.
 *
 * Candidates run on blocks of the scenario's own runs (common random numbers, bench.ts);
 * the search (noisy-search.ts) copes with the noise and the gates' cliffs. Its best few
 * are then run afresh on a seed the search never saw — the re-check — and the first that
 * still holds every limit and beats the start there is the suggestion, named by what it
 * is. The report (report.ts) gives its figures against the start on both seeds, the
 * trade-off between profit and the cash gap, and the limits that bind.
 *
 * Deterministic: the same scenario, request and seed give the same suggestion whatever
 * runner or number of workers runs the blocks.
 */
import type { Scenario, Scheme } from '../../scenario/types.ts';
import { parseScenario } from '../../scenario/parse.ts';
import type { SchemeResults } from '../../results/results-json.ts';
import { mix32, Sfc32 } from '../../numeric/random.ts';
import type { NameLang } from '../../pay/scheme-name.ts';
import { Bench, schemeKey, type BlockRunner } from './bench.ts';
import { boundValue, needsStart, parseGoal, parseMetric, slack, type Goal, type Metric } from './goal.ts';
import { defaultInputs, refusal, schemeAt, startPosition, valueAt, levels, type SchemeInput } from './inputs.ts';
import { noisySearch, type NoisySearchResult, type Sample, type SearchPoint } from './noisy-search.ts';
import { namedSuggestion } from './suggested-name.ts';
import { fail } from './errors.ts';
import { buildReport, type Suggestion, type Verdict } from './report.ts';

export const DEFAULT_OPTIMISE_RUNS = 100;
export const DEFAULT_OPTIMISE_BUDGET = 300;
/** The search's best few, re-checked on a fresh seed. */
export const FINALISTS = 3;
/** A local candidate's blocks (of runs / 2): two first looks. */
const LOCAL_BLOCKS = 4;

export interface OptimiseRequest {
  /** The scheme to improve (the start). */
  schemeId: string;
  /** What may move; default defaultInputs (threshold and rate, each gate's day and share). */
  inputs?: readonly SchemeInput[];
  /** What to maximise and the limits; default parseGoal's (median profit; P90 mid-month gap, nobody's pay). */
  goal?: Goal;
}

export interface OptimiseOptions {
  /** Runs of a first look at a candidate (two blocks of half as many); the re-check runs four times as many. */
  runs?: number;
  /** Evaluations of `runs` runs at most, the re-check included. */
  budget?: number;
  /** Seed of the runs (default the scenario's); the search's luck and the re-check's seed derive from it. */
  seed?: number;
  /** Language of the suggested scheme's name. */
  lang?: NameLang;
  signal?: AbortSignal;
  /** Scheme-runs done and expected in all. */
  onProgress?: (done: number, total: number) => void;
}

/** The re-check's seed: derived from the search's, never equal to it. */
export function recheckSeed(seed: number): number {
  const s = mix32(seed ^ 0x6a09e667);
  return s === seed ? (s + 1) >>> 0 : s;
}

/** Evaluations the re-check takes: the finalists and the start on the fresh seed, then the suggestion and the start on the search's. */
export function recheckEvaluations(finalists = FINALISTS): number {
  return 4 * (1 + finalists) + 4 * 2;
}

export async function optimise(base: Scenario, request: OptimiseRequest, run: BlockRunner, options: OptimiseOptions = {}): Promise<Suggestion> {
  const startScheme = base.schemes.find((s) => s.id === request.schemeId);
  if (!startScheme) fail(`no scheme "${request.schemeId}" in the scenario (${base.schemes.map((s) => s.id).join(', ')})`, `в сценарии нет схемы «${request.schemeId}» (${base.schemes.map((s) => s.id).join(', ')})`);
  const inputs = request.inputs ?? defaultInputs(base, request.schemeId);
  if (inputs.length === 0) fail('nothing to vary: name at least one input, e.g. --vary formula.threshold=30000000..50000000', 'нечего менять: назовите хотя бы один параметр, например --vary formula.threshold=30000000..50000000');
  const fields = inputs.map((i) => i.field);
  const twice = fields.find((f, i) => fields.indexOf(f) !== i);
  if (twice) fail(`${twice} is named twice`, `${twice} указан дважды`);
  const staffIds = base.staff.map((p) => p.id);
  const goal = request.goal ?? parseGoal(undefined, undefined, staffIds);
  const runs = options.runs ?? DEFAULT_OPTIMISE_RUNS;
  const budget = options.budget ?? DEFAULT_OPTIMISE_BUDGET;
  if (!(Number.isInteger(runs) && runs >= 2)) fail(`runs must be a whole number of at least 2, not ${runs}`, `число прогонов — целое, не меньше 2, а не ${runs}`);
  const blockRuns = Math.ceil(runs / 2);
  const recheckRuns = 4 * runs;
  const minimum = recheckEvaluations() + 4 * (inputs.length + 2);
  if (!(budget >= minimum)) fail(`a budget of ${budget} evaluations is too small for ${inputs.length} inputs: at least ${minimum}`, `бюджета в ${budget} оценок мало для ${inputs.length} параметров: нужно не меньше ${minimum}`);
  const seed = options.seed ?? base.simulation.seed;
  const scenario: Scenario = { ...base, simulation: { ...base.simulation, seed } };
  const checkSeed = recheckSeed(seed);

  // The start runs beside the candidates on every block (their figures are compared with its own); always, when the goal reads paired differences.
  const bench = new Bench(scenario, request.schemeId, blockRuns, run, { pairStart: needsStart(goal) });
  const recheck = new Bench(scenario, request.schemeId, recheckRuns, run, { seed: checkSeed, pairStart: true });
  const searchSeed = new Bench(scenario, request.schemeId, recheckRuns, run, { pairStart: true });
  const total = budget * runs;
  const progress = () => options.onProgress?.(Math.min(total, bench.runs + recheck.runs + searchSeed.runs), total);
  bench.onRuns = recheck.onRuns = searchSeed.onRuns = progress;

  const watch = gapMetric(goal, staffIds);
  const startKey = schemeKey(startScheme);
  const schemes = new Map<string, Scheme | null>();
  const schemeOf = (x: readonly number[]): Scheme | null => {
    const key = x.join(',');
    if (!schemes.has(key)) schemes.set(key, refusal(scenario, startScheme, inputs, x) ? null : canonical(scenario, schemeAt(startScheme, inputs, x)));
    return schemes.get(key)!;
  };
  const origin = refusal(scenario, startScheme, inputs, inputs.map(startPosition));
  if (origin) fail(`the search cannot start where the scheme stands (each input at its start, or the nearest end of its range): ${origin.en}`, `поиск не может начаться с текущей схемы (каждый параметр — как сейчас или ближайшая граница диапазона): ${origin.ru}`);
  const found = await noisySearch(
    {
      levels: inputs.map(levels),
      start: inputs.map(startPosition),
      slackScales: await slackScales(bench, goal),
      evaluate: async (points, block) => {
        const list = points.map(schemeOf);
        const valid = list.filter((s): s is Scheme => s !== null);
        const { results, start } = await bench.measure(valid, block);
        let k = 0;
        return list.map((s) => (s === null ? null : sampleOf(goal, results[k++], start, watch, schemeKey(s) === startKey)));
      },
      spent: () => bench.runs / blockRuns,
      overhead: (n, block) => bench.overhead(n, block),
    },
    {
      budget: Math.floor(((budget - recheckEvaluations()) * runs) / blockRuns),
      random: searchRandom(seed),
      firstBlocks: 2,
      localBlocks: LOCAL_BLOCKS,
      signal: options.signal,
    },
  );

  // The re-check: the finalists afresh, on a seed the search never used.
  const finalists = finalistsOf(found).map((p) => ({ point: p, scheme: schemeOf(p.x)! }));
  const checked = await recheck.measure(
    finalists.map((f) => f.scheme),
    0,
  );
  const verdicts = finalists.map((f, i) => judge(goal, checked.results[i], checked.start, schemeKey(f.scheme) === startKey));
  const chosen = verdicts.findIndex((v) => v === 'better');
  const winner = finalists[chosen >= 0 ? chosen : 0];
  const verdict: Verdict = chosen >= 0 ? 'better' : verdicts.includes('start') ? 'start' : verdicts[0];
  const onSearchSeed = await searchSeed.measure([winner.scheme], 0);
  const suggested = verdict === 'better' ? namedSuggestion(winner.scheme, base.schemes.map((s) => s.id), options.lang ?? 'en', base.company.plan) : null;

  return buildReport({
    base: scenario,
    start: startScheme,
    inputs,
    goal,
    watch,
    found,
    winner: winner.point,
    winnerScheme: winner.scheme,
    winnerIsStart: schemeKey(winner.scheme) === startKey,
    suggested,
    verdict,
    finalists: finalists.map((f, i) => ({ scheme: f.scheme, point: f.point, verdict: verdicts[i], recheck: checked.results[i] })),
    recheck: { seed: checkSeed, runs: recheckRuns, start: checked.start, best: checked.results[chosen >= 0 ? chosen : 0] },
    search: { seed, runs: recheckRuns, start: onSearchSeed.start, best: onSearchSeed.results[0] },
    blocks: await blockPairs(bench, winner.scheme, winner.point.samples.length),
    blockRuns,
    evaluations: (bench.runs + recheck.runs + searchSeed.runs) / runs,
    budget,
    values: inputs.map((input, i) => valueAt(input, winner.point.x[i])),
  });
}

/** The search's luck: its own stream, from the seed. */
function searchRandom(seed: number): () => number {
  const r = new Sfc32(seed, 0x0971a15e, 0x5eed0f, 0xb0a710);
  return () => r.next();
}

/** The candidate as the scenario's one door reads it (so that equal schemes have equal text). */
function canonical(scenario: Scenario, scheme: Scheme): Scheme {
  const parsed = parseScenario({ ...JSON.parse(JSON.stringify(scenario)), schemes: [scheme], baseline: scheme.id });
  if (!parsed.ok) throw new Error(`a candidate the rules refuse slipped through: ${parsed.errors[0]?.message}`);
  return parsed.scenario.schemes[0];
}

/** The cash-gap figure of the trade-off curve: the first limit on a cash gap, else the P90 mid-month gap. */
function gapMetric(goal: Goal, staffIds: readonly string[]): Metric {
  return goal.limits.find((l) => /CashGap/i.test(l.metric.text))?.metric ?? parseMetric('maxCashGapMidMonth.p90', staffIds)[0];
}

/**
 * A candidate's figures on a block; `isStart`: the start itself (its paired differences
 * with itself are 0). Kept beside them for the trade-off: the gap, and the start's figure
 * and gap on the same block (to compare candidates measured on different blocks, paired).
 */
function sampleOf(goal: Goal, r: SchemeResults, start: SchemeResults, watch: Metric, isStart: boolean): Sample {
  const objective = goal.maximise.read(r, isStart);
  return {
    objective: objective ?? NaN,
    slacks: goal.limits.map((l) => slack(l, l.metric.read(r, isStart), boundValue(l, l.metric.read(start, true)))),
    extras: [watch.read(r, isStart) ?? NaN, goal.maximise.read(start, true) ?? NaN, watch.read(start, true) ?? NaN],
  };
}

/** What a miss of each limit is measured in: the size of its bound on the first block, at least a unit's worth. */
async function slackScales(bench: Bench, goal: Goal): Promise<number[]> {
  const { start } = await bench.measure([], 0);
  return goal.limits.map((l) => {
    const bound = boundValue(l, l.metric.read(start, true));
    const least = l.metric.unit === 'roubles' ? 1000 : l.metric.unit === 'share' ? 0.01 : 1;
    return Math.max(least, Math.abs(bound ?? 0), Math.abs(l.metric.read(start, true) ?? 0));
  });
}

/** The best, then the next best feasible points measured on a local look's blocks. */
function finalistsOf(found: NoisySearchResult): SearchPoint[] {
  const { search, best } = found;
  const measured = found.points.filter((p) => p !== best && !p.refused && p.samples.length >= LOCAL_BLOCKS);
  const others = search.rank(measured, LOCAL_BLOCKS).filter((p) => search.feasible(p, LOCAL_BLOCKS));
  return [best, ...others.slice(0, FINALISTS - 1)];
}

/** On the re-check seed: the start itself, a scheme that holds every limit and does at least as well, or why not. */
function judge(goal: Goal, r: SchemeResults, start: SchemeResults, isStart: boolean): Verdict {
  const holds = goal.limits.every((l) => slack(l, l.metric.read(r, isStart), boundValue(l, l.metric.read(start, true))) >= 0);
  if (!holds) return 'limit';
  if (isStart) return 'start';
  const mine = goal.maximise.read(r, false);
  const theirs = goal.maximise.read(start, true);
  return mine !== null && theirs !== null && mine >= theirs ? 'better' : 'worse';
}

/** The winner's and the start's results on each block the search measured the winner on. */
async function blockPairs(bench: Bench, scheme: Scheme, blocks: number): Promise<{ start: SchemeResults; best: SchemeResults }[]> {
  const out: { start: SchemeResults; best: SchemeResults }[] = [];
  for (let b = 0; b < blocks; b++) {
    const { results, start } = await bench.measure([scheme], b);
    out.push({ start, best: results[0] });
  }
  return out;
}
