/**
 * Robustness: do the phenomena survive when one input moves? Each key behavioural and
 * market input is set `swing` (20%) lower and higher, one at a time, on the same seed
 * (common random numbers), and the targets are checked on every variant. A model whose
 * phenomena hold only at the defaults is a model of its defaults; the owner's department
 * is never exactly the article's.
 *
 * Where a check fails, the report says which and by how much: some flips are the article's
 * own findings (a threshold above what duty collects pays nothing at the margin and effort
 * collapses, "the deductible too high"), not defects to hide.
 */
import { Dec } from '../money/decimal.ts';
import { parseScenario } from '../scenario/parse.ts';
import { formatIssue } from '../scenario/issues.ts';
import type { Scenario } from '../scenario/types.ts';
import type { ResultsJson } from '../results/results-json.ts';
import { checkTargets, targetScenario, type TargetResult, type Targets } from './targets.ts';
import { getPath, setPath } from './scenario-path.ts';

export const DEFAULT_ROBUSTNESS_SWING = 0.2;

/** An input the sweep moves: by its path, or by a rule where one number does not say it. */
export interface RobustInput {
  id: string;
  /** What a reader of the article would call it. */
  label: string;
  /** Its path in the file (the first one it changes). */
  path: string;
  /** Moves the input by `change` (−swing or +swing) on a scenario's plain data; false: not used by this scenario. */
  scale(doc: Scenario, change: number): boolean;
}

/**
 * An input by its path, set (1 ± swing) × its value; a probability at most halfway to
 * certainty (0.85 + 20% → 0.925), so that "more" stays a probability.
 */
const byPath = (id: string, label: string, path: string, kind: 'number' | 'integer' | 'probability' = 'number'): RobustInput => ({
  id,
  label,
  path,
  scale(doc, change) {
    let value: number | string;
    try {
      value = getPath(doc, path);
    } catch {
      return false;
    }
    const x = Number(value);
    if (x === 0) return false;
    const moved = typeof value === 'string' ? new Dec(value).times(new Dec(1).plus(String(change))).toNumber() : x * (1 + change);
    setPath(doc, path, kind === 'integer' ? Math.max(1, Math.round(moved)) : kind === 'probability' ? Math.min(moved, (1 + x) / 2) : moved);
    return true;
  },
});

/** A habit's share of volume moved by `change`, reminder payers taking or giving the difference (exact decimals). */
const habitShare = (id: 'selfPayer' | 'stretcher', label: string): RobustInput => ({
  id: `${id}Share`,
  label,
  path: `clients.habits[${id}].volumeShare`,
  scale(doc, change) {
    const h = doc.clients.habits.find((x) => x.id === id);
    const rest = doc.clients.habits.find((x) => x.id === 'reminderPayer');
    if (!h || !rest || Number(h.volumeShare) === 0) return false;
    const moved = new Dec(h.volumeShare).times(String(change));
    h.volumeShare = new Dec(h.volumeShare).plus(moved).toString() as typeof h.volumeShare;
    rest.volumeShare = new Dec(rest.volumeShare).minus(moved).toString() as typeof rest.volumeShare;
    return true;
  },
});

/** The key inputs: people's dislike of effort and attention, the work, the clients, the market, the pay. */
export const ROBUST_INPUTS: readonly RobustInput[] = [
  byPath('effortCost', 'cost of effort', 'behaviour.effort.costFactor'),
  {
    id: 'deadlineDiscount',
    label: 'daily discount of a far deadline (1 − δ)',
    path: 'behaviour.effort.deadlineDiscount',
    scale(doc, change) {
      const e = doc.behaviour.effort;
      if (!e.enabled || e.deadlineDiscount >= 1) return false;
      e.deadlineDiscount = Math.min(0.999, 1 - (1 - e.deadlineDiscount) * (1 + change));
      return true;
    },
  },
  byPath('gateLossAversion', 'weight of a gated tranche lost', 'behaviour.effort.gateLossAversion'),
  byPath('routineShare', 'routine share of a normal day', 'behaviour.effort.routineShare'),
  byPath('clientCount', 'number of clients (the same volume)', 'clients.count', 'integer'),
  byPath('monthlyVolume', 'client volume', 'clients.monthlyVolume'),
  byPath('volumeSkew', 'skew of client sizes', 'clients.volumeSkew'),
  byPath('volumeNoise', 'month-to-month noise of bills', 'clients.volumeNoise'),
  byPath('invoiceHours', 'hours per invoice', 'clients.invoiceHours'),
  byPath('callHours', 'hours per collection call', 'clients.callHours'),
  byPath('suspendAfterDays', 'days unpaid before suspension', 'clients.suspendAfterDays', 'integer'),
  byPath('suspendedVolume', 'what a suspended client still buys', 'clients.suspendedVolumeShare'),
  byPath('churnIfSuspended', 'churn of suspended clients', 'clients.churnIfSuspended'),
  byPath('promiseKept', 'promises kept', 'clients.promiseKept', 'probability'),
  byPath('reminderPromise', 'reminder payers promising on a call', 'clients.habits[reminderPayer].promiseProbability', 'probability'),
  byPath('stretcherPromise', 'stretchers promising on a call', 'clients.habits[stretcher].promiseProbability', 'probability'),
  byPath('selfPayerDays', 'self-payers’ days to pay', 'clients.habits[selfPayer].medianDays'),
  byPath('stretcherDays', 'stretchers’ days to pay unpushed', 'clients.habits[stretcher].medianDays'),
  habitShare('selfPayer', 'self-payers’ share of volume (reminder payers the rest)'),
  habitShare('stretcher', 'stretchers’ share of volume (reminder payers the rest)'),
  {
    id: 'salaries',
    label: 'salaries (every person’s)',
    path: 'staff[*].salary',
    scale(doc, change) {
      for (const p of doc.staff) p.salary = new Dec(p.salary).times(new Dec(1).plus(String(change))).toDecimalPlaces(2).toString() as typeof p.salary;
      return true;
    },
  },
  {
    id: 'staff',
    label: 'staff: the collectors’ hours (fewer: each works less; more: one more part-time)',
    path: 'staff[*].workShare',
    scale(doc, change) {
      const collectors = doc.staff.filter((p) => p.role === 'collector');
      if (collectors.length === 0) return false;
      const hours = collectors.reduce((a, p) => a + p.workShare, 0);
      if (change < 0) for (const p of collectors) p.workShare *= 1 + change;
      else doc.staff.push({ ...collectors[collectors.length - 1], id: 'extra-collector', name: 'Extra collector', favour: 0, workShare: Math.min(1, hours * change) });
      return true;
    },
  },
];

/** The scenario with one input moved by `change` (null where the scenario does not use it or the file format refuses the value). */
export function variantOf(scenario: Scenario, input: RobustInput, change: number): Scenario | null {
  const doc = JSON.parse(JSON.stringify(scenario)) as Scenario;
  if (!input.scale(doc, change)) return null;
  const parsed = parseScenario(doc);
  return parsed.ok ? parsed.scenario : null;
}

export interface Variant {
  input: RobustInput;
  /** −swing or +swing. */
  change: number;
  scenario: Scenario;
}

export interface RobustnessPlan {
  base: Scenario;
  variants: Variant[];
  /** Inputs this scenario does not use (or whose moved value the file format refuses), with why. */
  skipped: { input: RobustInput; reason: string }[];
  swing: number;
}

export function planRobustness(scenario: Scenario, targets: Targets, options: { swing?: number; runs?: number } = {}): RobustnessPlan {
  const swing = options.swing ?? DEFAULT_ROBUSTNESS_SWING;
  if (!(swing > 0 && swing < 1)) throw new RangeError(`the swing must be between 0 and 1, not ${swing}`);
  const runs = options.runs ?? targets.runs;
  const base = targetScenario(scenario, targets, runs);
  const variants: Variant[] = [];
  const skipped: RobustnessPlan['skipped'] = [];
  for (const input of ROBUST_INPUTS) {
    const ends: Variant[] = [];
    let reason = '';
    for (const change of [-swing, swing]) {
      const doc = JSON.parse(JSON.stringify(base)) as Scenario;
      if (!input.scale(doc, change)) {
        reason = 'not used by this scenario (or zero)';
        break;
      }
      const parsed = parseScenario(doc);
      if (!parsed.ok) {
        reason = parsed.errors.map((e) => formatIssue(e, 'en')).join('; ');
        break;
      }
      ends.push({ input, change, scenario: parsed.scenario });
    }
    if (ends.length === 2) variants.push(...ends);
    else skipped.push({ input, reason });
  }
  return { base, variants, skipped, swing };
}

/**
 * A phenomenon that flips for a reason the article names: a threshold scheme's deductible
 * above what the department collects on duty (salary only), so the pool pays nothing at
 * the margin until it is reached and the push collapses ("the deductible too high").
 */
export interface DeductibleTooHigh {
  kind: 'deductibleTooHigh';
  scheme: string;
  threshold: number;
  /** Median monthly collections on duty (the salary-only scheme) and under the scheme. */
  duty: number;
  collections: number;
}

/**
 * The other end of the same cliff: the plan within 10% of what the department collects on
 * duty, so that meeting it asks for no push worth the name and no scheme can show the linear
 * trap (the plan is set for a smaller book).
 */
export interface PlanWithinDuty {
  kind: 'planWithinDuty';
  plan: number;
  /** Median monthly collections on duty (the salary-only scheme). */
  duty: number;
}

export type Finding = DeductibleTooHigh | PlanWithinDuty;

/** Duty at or above this share of the plan: the plan asks for no push. */
const PLAN_WITHIN_DUTY = 0.9;

export interface VariantCheck {
  input: string;
  label: string;
  change: number;
  results: TargetResult[];
  /** Every phenomenon check (targets of P1…P8) holds. */
  holds: boolean;
  /** Every target holds, the magnitudes and the owner's plausibility checks too. */
  allHold: boolean;
  findings: Finding[];
}

/** Threshold schemes whose deductible is above what duty collects, or a plan within duty's reach (read off a fixed-pay scheme in the same results). */
export function findings(scenario: Scenario, results: ResultsJson): Finding[] {
  const median = (id: string) => results.schemes.find((x) => x.id === id)?.metrics.collectionsMonthly.p50 ?? null;
  const salary = scenario.schemes.find((s) => s.formula.type === 'fixed');
  const duty = salary ? median(salary.id) : null;
  if (duty === null) return [];
  const out: Finding[] = [];
  for (const s of scenario.schemes) {
    if (s.formula.type !== 'threshold') continue;
    const threshold = Number(s.formula.threshold);
    const collections = median(s.id);
    // The push collapses: the scheme collects about what duty does, at or below its deductible.
    if (collections !== null && duty < threshold && collections < threshold * 1.1) out.push({ kind: 'deductibleTooHigh', scheme: s.id, threshold, duty, collections });
  }
  const plan = Number(scenario.company.plan);
  if (plan > 0 && duty >= PLAN_WITHIN_DUTY * plan) out.push({ kind: 'planWithinDuty', plan, duty });
  return out;
}

export interface Robustness {
  swing: number;
  base: TargetResult[];
  variants: VariantCheck[];
  /** Share of variants in which every phenomenon check holds, and in which every target does. */
  holdShare: number;
  /** Share of variants in which every phenomenon check holds or a miss comes with a finding (a flip the article names). */
  holdOrFindingShare: number;
  allHoldShare: number;
  skipped: { input: string; reason: string }[];
}

/** A target that checks a phenomenon of MODEL.md (P1…P8), rather than an owner's plausibility check. */
export const isPhenomenon = (r: TargetResult) => /^P\d/.test(r.target.phenomenon);

export async function runRobustness(
  plan: RobustnessPlan,
  targets: Targets,
  run: (s: Scenario) => Promise<ResultsJson>,
  onProgress?: (done: number, total: number) => void,
): Promise<Robustness> {
  const total = plan.variants.length + 1;
  const base = checkTargets(targets.targets, await run(plan.base));
  onProgress?.(1, total);
  const variants: VariantCheck[] = [];
  for (const v of plan.variants) {
    const json = await run(v.scenario);
    const results = checkTargets(targets.targets, json);
    const holds = results.filter(isPhenomenon).every((r) => r.pass);
    variants.push({ input: v.input.id, label: v.input.label, change: v.change, results, holds, allHold: results.every((r) => r.pass), findings: holds ? [] : findings(v.scenario, json) });
    onProgress?.(variants.length + 1, total);
  }
  return {
    swing: plan.swing,
    base,
    variants,
    holdShare: variants.length > 0 ? variants.filter((v) => v.holds).length / variants.length : 1,
    holdOrFindingShare: variants.length > 0 ? variants.filter((v) => v.holds || v.findings.length > 0).length / variants.length : 1,
    allHoldShare: variants.length > 0 ? variants.filter((v) => v.allHold).length / variants.length : 1,
    skipped: plan.skipped.map((s) => ({ input: s.input.id, reason: s.reason })),
  };
}
