/**
 * Calibration by the method of simulated moments: search the inputs a user names (with
 * their ranges) for the values at which the model's figures fall inside their targets'
 * ranges. Every candidate runs on the scenario's own seed (common random numbers), so two
 * candidates differ by their inputs and not by their luck; the search is CMA-ES
 * (search/minimise.ts), which copes with noise and with the cliffs gates make.
 *
 * The distance of a candidate is the sum over targets of the squared miss (targets.ts:
 * 0 inside a range, else the distance outside in units of the range's scale). The result
 * is a scenario file like any other: inputs only.
 */
import { parseScenario } from '../scenario/parse.ts';
import { formatIssue } from '../scenario/issues.ts';
import type { Scenario } from '../scenario/types.ts';
import type { ResultsJson } from '../results/results-json.ts';
import { checkTargets, miss, missScale, targetScenario, type TargetResult, type Targets } from './targets.ts';
import { getPath, isIntegerPath, PathError, setPath } from './scenario-path.ts';
import { minimise } from './search/minimise.ts';
import { isPhenomenon, ROBUST_INPUTS, variantOf, type RobustInput } from './robustness.ts';
import { Sfc32 } from '../numeric/random.ts';

/** An input the search may move, between lo and hi. */
export interface Vary {
  path: string;
  lo: number;
  hi: number;
}

/** Reads `PATH=LO..HI` (as on the command line). */
export function parseVary(text: string): Vary {
  const m = /^([^=]+)=\s*(-?[\d.]+(?:e[+-]?\d+)?)\s*\.\.\s*(-?[\d.]+(?:e[+-]?\d+)?)\s*$/i.exec(text.trim());
  if (!m) throw new PathError(`"${text}": write PATH=LO..HI, e.g. behaviour.effort.costFactor=0.2..0.8`);
  const lo = Number(m[2]);
  const hi = Number(m[3]);
  if (!(lo < hi)) throw new PathError(`"${text}": LO must be below HI`);
  return { path: m[1].trim(), lo, hi };
}

/** The scenario with a candidate's inputs (x in [0, 1] per input, scaled to its range); throws on an invalid result. */
export function candidate(base: Scenario, vary: readonly Vary[], x: readonly number[]): Scenario {
  const doc = JSON.parse(JSON.stringify(base)) as unknown;
  vary.forEach((v, i) => setPath(doc, v.path, v.lo + (v.hi - v.lo) * x[i]));
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new PathError(parsed.errors.map((e) => formatIssue(e, 'en')).join('; '));
  return parsed.scenario;
}

/** Where a scenario's current inputs sit in their ranges (clipped to [0, 1]). */
export function position(base: Scenario, vary: readonly Vary[]): number[] {
  return vary.map((v) => {
    const value = Number(getPath(base, v.path));
    return Math.min(1, Math.max(0, (value - v.lo) / (v.hi - v.lo)));
  });
}

/** The distance a search minimises: Σ miss² over the targets. */
export function distance(checked: readonly TargetResult[]): number {
  return checked.reduce((a, r) => a + miss(r) ** 2, 0);
}

/** A target result checked against its range tightened by `margin` of its scale on each side (never past the middle). */
function tightened(r: TargetResult, margin: number): TargetResult {
  const { min, max } = r.target;
  const scale = missScale(r.target);
  let lo = min === undefined ? undefined : min + margin * scale;
  let hi = max === undefined ? undefined : max - margin * scale;
  if (lo !== undefined && hi !== undefined && lo > hi) lo = hi = (min! + max!) / 2;
  const target = { ...r.target, min: lo, max: hi };
  const pass = r.value !== null && (lo === undefined || r.value >= lo) && (hi === undefined || r.value <= hi);
  return { target, value: r.value, pass };
}

export interface CalibrationOptions {
  /** Runs per scheme for each candidate. */
  runs: number;
  /** Candidates evaluated at most. */
  budget: number;
  /** The search's own seed (the runs use the scenario's seed). */
  seed?: number;
  /**
   * Aim inside the ranges: the search measures each miss against the range tightened by
   * this much of its scale on each side (0.25: a quarter), so that the inputs found keep a
   * margin when one of them moves. The table reports the true ranges.
   */
  margin?: number;
  /**
   * Also score each candidate on one-at-a-time variants of key inputs (robustness.ts)
   * moved by ±`swing`: those of `inputs` (ids of ROBUST_INPUTS), else `variants` of them
   * drawn once for the whole search. Every candidate meets the same variants, so the
   * search prefers inputs at which the phenomenon checks hold when one input moves, not
   * only at the point itself.
   */
  robust?: { variants: number; swing: number; inputs?: readonly string[] };
  signal?: AbortSignal;
  /** Progress: candidates evaluated, the budget, and the best distance so far. */
  onProgress?: (evaluated: number, budget: number, best: number) => void;
}

export interface Calibration {
  /** The best scenario found (the base scenario's schemes only: inputs, ready to save). */
  scenario: Scenario;
  /** Each varied input: where it started and where it ended. */
  inputs: { path: string; lo: number; hi: number; start: number; value: number }[];
  /** The targets at the start and at the best, on the same seed and runs. */
  start: TargetResult[];
  best: TargetResult[];
  distance: { start: number; best: number };
  evaluations: number;
}

export type RunScenario = (scenario: Scenario) => Promise<ResultsJson>;

export async function calibrate(base: Scenario, targets: Targets, vary: readonly Vary[], run: RunScenario, options: CalibrationOptions): Promise<Calibration> {
  if (vary.length === 0) throw new PathError('nothing to vary: name at least one input');
  for (const v of vary) getPath(base, v.path); // every path exists
  let variants: { input: RobustInput; change: number }[] = [];
  const evaluateAt = async (x: readonly number[]) => {
    let scenario: Scenario;
    try {
      scenario = candidate(base, vary, x);
    } catch {
      return { value: Infinity, checked: [] as TargetResult[] }; // an input combination the file format refuses
    }
    const point = targetScenario(scenario, targets, options.runs);
    const checked = checkTargets(targets.targets, await run(point));
    let value = distance(margin > 0 ? checked.map((r) => tightened(r, margin)) : checked);
    for (const v of variants) {
      const moved = variantOf(point, v.input, v.change);
      value += moved ? distance(checkTargets(targets.targets, await run(moved)).filter(isPhenomenon)) / variants.length : 0;
    }
    return { value, checked };
  };
  const margin = options.margin ?? 0;
  const startX = position(base, vary);
  const start = await evaluateAt(startX);
  let evaluated = 0;
  let bestSoFar = start.value;
  const random = new Sfc32(options.seed ?? 1, 0x5ea7c4, 0xca11b, 0x7a26e7);
  const robust = options.robust;
  const chosen: { input: RobustInput; change: number }[] = [];
  if (robust?.inputs) {
    for (const id of robust.inputs) {
      const input = ROBUST_INPUTS.find((x) => x.id === id);
      if (!input) throw new PathError(`no key input "${id}" to vary (there are ${ROBUST_INPUTS.map((x) => x.id).join(', ')})`);
      chosen.push({ input, change: -robust.swing }, { input, change: robust.swing });
    }
  } else if (robust) {
    for (let k = 0; k < robust.variants; k++) {
      chosen.push({ input: ROBUST_INPUTS[Math.floor(random.next() * ROBUST_INPUTS.length)], change: random.next() < 0.5 ? -robust.swing : robust.swing });
    }
  }
  const found = await minimise(
    async (xs) => {
      variants = chosen;
      const values: number[] = [];
      for (const x of xs) {
        const { value } = await evaluateAt(x);
        values.push(value);
        evaluated++;
        bestSoFar = Math.min(bestSoFar, value);
        options.onProgress?.(evaluated, options.budget, bestSoFar);
      }
      return values;
    },
    { start: startX, budget: options.budget, random: () => random.next(), signal: options.signal, good: (v) => v === 0, sigma: 0.25 },
  );
  variants = [];
  // minimise scored the start too (its first candidate, on the same variants as its generation).
  const bestX = found.x;
  const scenario = candidate(base, vary, bestX);
  const best = await evaluateAt(bestX);
  return {
    scenario,
    inputs: vary.map((v, i) => ({
      ...v,
      start: Number(getPath(base, v.path)),
      value: isIntegerPath(v.path) ? Math.round(v.lo + (v.hi - v.lo) * bestX[i]) : Number(getPath(scenario, v.path)),
    })),
    start: start.checked,
    best: best.checked,
    distance: { start: start.value, best: best.value },
    evaluations: evaluated + 2,
  };
}
