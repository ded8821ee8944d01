/**
 * Targets as data: what an owner, a consultant or a finance director will check first,
 * each a figure of the results (figure.ts) with its range and its source — the article and
 * page, or a published study. A targets file sits next to its scenario
 * (`client-department.targets.json` beside `client-department.json`) and may add schemes
 * that exist only to be checked (salary only: what duty alone collects).
 *
 * Targets are checked, never written into the model: the model runs as it is, and each
 * figure is read off its results.
 */
import { parseScenario } from '../scenario/parse.ts';
import { formatIssue } from '../scenario/issues.ts';
import type { Scenario } from '../scenario/types.ts';
import type { ResultsJson } from '../results/results-json.ts';
import { evaluateFigure, FigureError, parseFigure, schemesOf, type Figure } from './figure.ts';

export const TARGETS_FORMAT = 'paybench-targets';
export const TARGETS_VERSION = 1;
export const DEFAULT_TARGET_RUNS = 400;

export interface Target {
  id: string;
  /** The phenomenon of MODEL.md it belongs to (P1–P8), or a plausibility check. */
  phenomenon: string;
  /** The figure, as an expression over the results contract (figure.ts). */
  figure: string;
  min?: number;
  max?: number;
  /** Where the range comes from: the article and page, or a paper. */
  source: string;
  /** In words, for the table: "threshold collections, median". */
  label: string;
}

export interface Targets {
  format: typeof TARGETS_FORMAT;
  version: typeof TARGETS_VERSION;
  /** The scenario file these targets are for (beside the targets file). */
  scenario: string;
  /** Runs per scheme for a check. */
  runs: number;
  /** Schemes run only for the check, in the scenario file's scheme format. */
  schemes: unknown[];
  targets: Target[];
}

export interface TargetResult {
  target: Target;
  value: number | null;
  pass: boolean;
}

export class TargetsError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads and checks a targets file's text; throws TargetsError naming the path of what is wrong. */
export function parseTargets(text: string): Targets {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TargetsError(`not JSON: ${(e as Error).message}`);
  }
  if (!isObject(json) || json.format !== TARGETS_FORMAT) throw new TargetsError(`format: must be "${TARGETS_FORMAT}"`);
  if (json.version !== TARGETS_VERSION) throw new TargetsError(`version: must be ${TARGETS_VERSION}`);
  if (typeof json.scenario !== 'string') throw new TargetsError('scenario: the scenario file name is missing');
  const runs = json.runs ?? DEFAULT_TARGET_RUNS;
  if (typeof runs !== 'number' || !Number.isInteger(runs) || runs < 1 || runs > 100_000) throw new TargetsError('runs: a whole number from 1 to 100000');
  const schemes = json.schemes ?? [];
  if (!Array.isArray(schemes)) throw new TargetsError('schemes: must be a list of schemes');
  if (!Array.isArray(json.targets) || json.targets.length === 0) throw new TargetsError('targets: a non-empty list is expected');
  const ids = new Set<string>();
  const targets = json.targets.map((t, i): Target => {
    const at = `targets[${i}]`;
    if (!isObject(t)) throw new TargetsError(`${at}: an object is expected`);
    for (const key of ['id', 'figure', 'source', 'label', 'phenomenon']) {
      if (typeof t[key] !== 'string' || (t[key] as string).trim() === '') throw new TargetsError(`${at}.${key}: text is expected`);
    }
    if (ids.has(t.id as string)) throw new TargetsError(`${at}.id: "${t.id}" is listed twice`);
    ids.add(t.id as string);
    for (const key of ['min', 'max']) {
      if (t[key] !== undefined && (typeof t[key] !== 'number' || !Number.isFinite(t[key]))) throw new TargetsError(`${at}.${key}: a number is expected`);
    }
    if (t.min === undefined && t.max === undefined) throw new TargetsError(`${at}: give min, max or both`);
    if (typeof t.min === 'number' && typeof t.max === 'number' && t.min > t.max) throw new TargetsError(`${at}: min is above max`);
    try {
      parseFigure(t.figure as string);
    } catch (e) {
      throw new TargetsError(`${at}.figure: ${(e as Error).message}`);
    }
    return {
      id: t.id as string,
      phenomenon: t.phenomenon as string,
      figure: t.figure as string,
      label: t.label as string,
      source: t.source as string,
      ...(t.min !== undefined ? { min: t.min as number } : {}),
      ...(t.max !== undefined ? { max: t.max as number } : {}),
    };
  });
  return { format: TARGETS_FORMAT, version: TARGETS_VERSION, scenario: json.scenario, runs, schemes, targets };
}

/**
 * The scenario to run for a check: the schemes the targets read (the scenario's own and
 * the targets file's extra ones), `runs` runs. Throws TargetsError when an extra scheme is
 * not a valid scheme or a target reads a scheme that does not exist.
 */
export function targetScenario(scenario: Scenario, targets: Targets, runs = targets.runs): Scenario {
  const doc = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown> & { schemes: unknown[]; simulation: Record<string, unknown> };
  doc.schemes = [...doc.schemes, ...targets.schemes];
  doc.simulation = { ...doc.simulation, runs };
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new TargetsError(`the scenario with the targets' schemes does not parse: ${parsed.errors.map((e) => formatIssue(e, 'en')).join('; ')}`);
  const have = new Set(parsed.scenario.schemes.map((s) => s.id));
  for (const t of targets.targets) {
    for (const id of schemesOf(parseFigure(t.figure))) {
      if (!have.has(id)) throw new TargetsError(`target ${t.id} reads scheme "${id}", which neither the scenario nor the targets file has`);
    }
  }
  return parsed.scenario;
}

const figures = new Map<string, Figure>();

/** Each target's value on these results and whether it lies in its range. */
export function checkTargets(targets: readonly Target[], results: ResultsJson): TargetResult[] {
  return targets.map((target) => {
    let figure = figures.get(target.figure);
    if (!figure) figures.set(target.figure, (figure = parseFigure(target.figure)));
    let value: number | null;
    try {
      value = evaluateFigure(figure, results, target.figure);
    } catch (e) {
      if (e instanceof FigureError) throw new TargetsError(`target ${target.id}: ${e.message}`);
      throw e;
    }
    const pass = value !== null && (target.min === undefined || value >= target.min) && (target.max === undefined || value <= target.max);
    return { target, value, pass };
  });
}

/**
 * How far a value lies outside its target's range, in units of the range's scale (0 inside):
 * what a calibration search minimises. The scale is the range's width, or the bound's size
 * for a one-sided target, so a 1% miss of a 49M level and a 1-point miss of a share weigh alike.
 */
export function miss(result: TargetResult): number {
  const { target, value } = result;
  if (value === null) return 10;
  const lo = target.min ?? -Infinity;
  const hi = target.max ?? Infinity;
  if (value >= lo && value <= hi) return 0;
  const width = Number.isFinite(lo) && Number.isFinite(hi) ? hi - lo : 0;
  const bound = value < lo ? lo : hi;
  const scale = Math.max(width, Math.abs(bound) * 0.1, 1e-9);
  return Math.abs(value - bound) / scale;
}
