/**
 * Monthly (or quarterly) pay settlement in integer kopecks, for the Monte Carlo path.
 *
 * pool = formula(measure) → tranches (split by weight, largest remainder; a gated tranche
 * is paid only if collected by its day ≥ minPlanShare × plan; a key-client gate only if
 * each key client paid ≥ minPlanShare of its own volume by then) → the paid pool is split
 * between people:
 *   equal             everyone, head included, equal parts;
 *   headShareEqual    head gets round(paid × headShare), the rest equally;
 *   discretion        head share; the rest ∝ (c/mean c)·exp(noise·z + favouritism·favour);
 *   doubleDiscretion  as discretion with noise and favouritism × (1 − directorCorrection);
 *   awardsEqual       head share; awards by rule, equal remainder (awards.ts);
 *   proportional      head share; the rest ∝ contributions.
 * Head share: rounded half away from zero, split equally if there are several heads; who
 * shares what without a head is in roles.ts. Zero contributions all round split equally.
 * Ties go by staff order. Every split's parts sum exactly to the paid pool.
 */
import type { Scheme, StaffMember } from '../scenario/types.ts';
import {
  mulRateCeil,
  mulRateHalfUp,
  parseKopecks,
  parseRate,
  splitLargestRemainderInto,
  type ExactRate,
} from '../money/kopecks.ts';
import { compileFormulaKopecks, poolKopecks, type FormulaKopecks } from './formula.ts';
import { splitRoles } from './roles.ts';
import { schemeTranches } from './tranches.ts';
import { adjustmentsByRule, splitEqualWithAdjustments, type AwardRuleKopecks } from './awards.ts';

export interface TrancheKopecks {
  /** Integer weight over the tranches' common denominator. */
  readonly weight: number;
  /** Gate day (1..31), 0 for an unconditional tranche. */
  readonly gateDay: number;
  /** Least collected-by-day amount that passes the gate: ⌈minPlanShare × plan⌉ (0 for a key-client gate). */
  readonly requiredKopecks: number;
  /** A key-client gate: the number of largest clients each of whom must pay their share (0: a plain gate). */
  readonly keyClients: number;
  /** The gate's share: of the plan, or of each key client's monthly volume. */
  readonly share: ExactRate | null;
}

export interface CompiledSchemePay {
  readonly schemeId: string;
  readonly formula: FormulaKopecks;
  /** At least one; a scheme without tranches has one unconditional tranche. */
  readonly tranches: readonly TrancheKopecks[];
  readonly splitType: Scheme['split']['type'];
  /** Null when the split has no head share, or nobody has the role 'head'. */
  readonly headShare: ExactRate | null;
  /** Staff indices of the heads getting the head share. */
  readonly heads: Int32Array;
  /** Staff indices sharing the rest (everyone for 'equal' or without a head). */
  readonly members: Int32Array;
  readonly awards: readonly AwardRuleKopecks[];
  readonly favour: Float64Array;
  readonly staffCount: number;
  // scratch, reused every period
  readonly trancheWeights: Float64Array;
  readonly headWeights: Float64Array;
  readonly trancheAmounts: Float64Array;
  readonly memberWeights: Float64Array;
  readonly memberParts: Float64Array;
  readonly memberAdj: Float64Array;
}

export interface PeriodInput {
  /** The period's measure (team collections), kopecks. */
  measureKopecks: number;
  /** Collected by a day of the month, kopecks: a function of the day, or an array indexed by tranche. */
  collectedByDayKopecks: ((day: number) => number) | ArrayLike<number>;
  /**
   * Key-client gates: whether every key client paid its share by the gate's day — a
   * function of the day, or an array indexed by tranche (non-zero: met). Needed only by a
   * scheme with key-client gates; without it they are not passed.
   */
  keyPlanMet?: ((day: number) => boolean) | ArrayLike<number>;
  /** Per staff member (scenario order): work done, e.g. hours × skill. */
  contributions: ArrayLike<number>;
  /** Per staff member: standard normal draws for the head's judgement noise (injected). */
  normals: ArrayLike<number>;
  discretionNoise: number;
  favouritism: number;
  directorCorrection: number;
}

export interface PeriodSettlement {
  /** Formula result before gates. */
  poolKopecks: number;
  /** Sum of the tranches paid = sum of everyone's bonus. */
  paidKopecks: number;
  /** Tranches paid, unconditional ones included. */
  tranchesPassed: number;
}

export function compileSchemePay(scheme: Scheme, staff: readonly StaffMember[], planRoubles: string): CompiledSchemePay {
  if (staff.length === 0) throw new Error(`scheme "${scheme.id}": nobody to pay`);
  const plan = parseKopecks(planRoubles);
  const { tranches: source, weights } = schemeTranches(scheme);
  const tranches = source.map((t, i) => {
    const keyClients = t.gate?.keyClients ?? 0;
    const share = t.gate ? parseRate(t.gate.minPlanShare) : null;
    return {
      weight: weights[i],
      gateDay: t.gate ? t.gate.byDay : 0,
      requiredKopecks: share && keyClients === 0 ? mulRateCeil(plan, share) : 0,
      keyClients,
      share,
    };
  });
  const split = scheme.split;
  const roles = splitRoles(split, staff);
  const n = roles.members.length;
  return {
    schemeId: scheme.id,
    formula: compileFormulaKopecks(scheme.formula),
    tranches,
    splitType: split.type,
    headShare: roles.headShare === null ? null : parseRate(roles.headShare),
    heads: Int32Array.from(roles.heads),
    members: Int32Array.from(roles.members),
    awards:
      split.type === 'awardsEqual'
        ? split.awards.map((a) => ({ to: a.to, amount: parseKopecks(a.amount), minDeviation: Number(a.minDeviation) }))
        : [],
    favour: Float64Array.from(staff, (s) => s.favour),
    staffCount: staff.length,
    trancheWeights: Float64Array.from(weights),
    headWeights: new Float64Array(roles.heads.length).fill(1),
    trancheAmounts: new Float64Array(tranches.length),
    memberWeights: new Float64Array(n),
    memberParts: new Float64Array(Math.max(n, roles.heads.length)),
    memberAdj: new Float64Array(n),
  };
}

/** Settles one period: writes each staff member's bonus (kopecks) into `out`. */
export function settlePeriod(c: CompiledSchemePay, input: PeriodInput, out: { [i: number]: number }): PeriodSettlement {
  const pool = poolKopecks(c.formula, input.measureKopecks);
  const { paid, passed } = paidTranches(c, pool, input.collectedByDayKopecks, input.keyPlanMet);
  for (let i = 0; i < c.staffCount; i++) out[i] = 0;
  splitPaidPool(c, input, paid, out);
  return { poolKopecks: pool, paidKopecks: paid, tranchesPassed: passed };
}

/**
 * What a pool's tranches pay: the pool split by weight (largest remainder), a gated
 * tranche only if the result by its day reached its share of the plan — or, for a
 * key-client gate, only if every key client paid its share by that day (`keyMet`).
 * The team pool and each personal pool (gated on the person's own result) go through
 * the same rule.
 */
export function paidTranches(
  c: CompiledSchemePay,
  pool: number,
  byDay: PeriodInput['collectedByDayKopecks'],
  keyMet?: PeriodInput['keyPlanMet'],
): { paid: number; passed: number } {
  splitLargestRemainderInto(pool, c.trancheWeights, c.trancheAmounts, c.tranches.length);
  let paid = 0;
  let passed = 0;
  for (let i = 0; i < c.tranches.length; i++) {
    const t = c.tranches[i];
    let pass: boolean;
    if (t.gateDay === 0) pass = true;
    else if (t.keyClients > 0) pass = keyMet === undefined ? false : typeof keyMet === 'function' ? keyMet(t.gateDay) : keyMet[i] !== 0;
    else pass = (typeof byDay === 'function' ? byDay(t.gateDay) : byDay[i]) >= t.requiredKopecks;
    if (pass) {
      paid += c.trancheAmounts[i];
      passed++;
    }
  }
  return { paid, passed };
}

function splitPaidPool(c: CompiledSchemePay, input: PeriodInput, paid: number, out: { [i: number]: number }): void {
  let head = 0;
  if (c.headShare !== null) {
    head = Math.min(paid, Math.max(0, mulRateHalfUp(paid, c.headShare)));
    splitLargestRemainderInto(head, c.headWeights, c.memberParts, c.heads.length);
    for (let k = 0; k < c.heads.length; k++) out[c.heads[k]] = c.memberParts[k];
  }
  const rest = paid - head;
  const n = c.members.length;
  const w = c.memberWeights;
  const contributions = input.contributions;
  switch (c.splitType) {
    case 'equal':
    case 'headShareEqual':
      w.fill(1);
      break;
    case 'awardsEqual': {
      for (let k = 0; k < n; k++) w[k] = contributions[c.members[k]];
      adjustmentsByRule(c.awards, w, n, c.memberAdj);
      splitEqualWithAdjustments(rest, c.memberAdj, n, c.memberParts);
      for (let k = 0; k < n; k++) out[c.members[k]] += c.memberParts[k];
      return;
    }
    case 'proportional':
      for (let k = 0; k < n; k++) w[k] = contributions[c.members[k]];
      break;
    case 'discretion':
    case 'doubleDiscretion': {
      const keep = c.splitType === 'doubleDiscretion' ? 1 - input.directorCorrection : 1;
      const noise = input.discretionNoise * keep;
      const favouritism = input.favouritism * keep;
      let sum = 0;
      for (let k = 0; k < n; k++) sum += contributions[c.members[k]];
      const mean = sum / n;
      for (let k = 0; k < n; k++) {
        const j = c.members[k];
        // All-zero contributions: 0 weights, which the largest remainder splits equally.
        w[k] = mean > 0 ? (contributions[j] / mean) * Math.exp(noise * input.normals[j] + favouritism * c.favour[j]) : 0;
      }
      break;
    }
  }
  splitLargestRemainderInto(rest, w, c.memberParts, n);
  for (let k = 0; k < n; k++) out[c.members[k]] += c.memberParts[k];
}
