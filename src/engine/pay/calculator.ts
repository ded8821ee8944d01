/**
 * The payout calculator (CLI `paybench payout`, the browser's calculator panel): one
 * month's actual results in, the exact pool, tranche outcomes and each person's bonus out.
 *
 * Pool, gates and the head share are computed in decimal.js and rounded once to whole
 * kopecks (half away from zero); whole kopecks are then split with the same exact
 * integer rules as the Monte Carlo settlement (largest remainder, awards.ts), so the two
 * agree to the kopeck and the award/penalty rule is written once.
 *
 * Adjustments are the head's/director's personal awards (+) and penalties (−) entered by
 * hand. For awardsEqual, discretion and doubleDiscretion they work as in article 002:
 * head's fixed share; remainder = staff pool − awards + penalties, split equally; then each
 * adjustment applied (the scheme's own award rules are not applied here: the user enters
 * what was decided). equal, headShareEqual and proportional take no adjustments;
 * proportional has no contributions here and splits equally.
 */
import type { Scenario, Scheme, StaffRole } from '../scenario/types.ts';
import { Dec } from '../money/decimal.ts';
import { formatKopecks, splitLargestRemainder } from '../money/kopecks.ts';
import { poolDecimal } from './formula.ts';
import { paysPersonally } from './personal-pay.ts';
import { splitEqualWithAdjustments } from './awards.ts';
import { splitRoles } from './roles.ts';
import { schemeTranches } from './tranches.ts';
import { sells } from '../scenario/staff-roles.ts';

export interface PayoutInput {
  /** The period's collections, roubles. */
  collected: string;
  /** Day of month → collected by that day (inclusive), roubles; needed for gated tranches. */
  collectedBy: Record<number, string>;
  /**
   * Day of month → whether the key-client plan was met by that day (each of the gate's key
   * clients paid at least its share of its own monthly volume); needed for key-client gates.
   */
  keyPlanMet?: Record<number, boolean>;
  /** Staff id → personal award (+) or penalty (−), roubles. */
  adjustments: Record<string, string>;
  /** A personal measure: whose result `collected` is (staff id; default the first person paid on it). */
  person?: string;
}

export interface PayoutResult {
  schemeId: string;
  schemeName: string;
  /** "55000000.00" */
  collected: string;
  /** Formula result before gates, "75000.00". */
  pool: string;
  /** The scheme's tranches; one unconditional tranche (weight "1") if it has none. */
  tranches: {
    weight: string;
    amount: string;
    paid: boolean;
    gate: {
      byDay: number;
      minPlanShare: string;
      /** minPlanShare × plan, rounded up to a kopeck (the least amount that passes); "" for a key-client gate. */
      required: string;
      /** null when not entered (and the month's total was already short of `required`), or for a key-client gate. */
      collectedBy: string | null;
      /** A key-client gate: how many largest clients, and whether their plan was met (as entered). */
      keyClients?: number;
      keyPlanMet?: boolean;
      passed: boolean;
    } | null;
  }[];
  poolPaid: string;
  /** A personal measure: `collected` is one person's result and the pool is theirs alone. */
  personal: boolean;
  /** In staff order; `adjustment` as entered ("0.00" if none), `bonus` after all rules. Under a personal measure, that one person. */
  people: { id: string; name: string; role: StaffRole; bonus: string; adjustment: string }[];
}

/** A problem with the input or the scenario; `path` names the field ("collectedBy.15"). */
export class PayoutError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'PayoutError';
    this.path = path;
  }
}

const AMOUNT = /^[+-]?\d+(\.\d{1,2})?$/;

/** Roubles with at most two decimals, in whole kopecks (a Dec integer). */
function kopecksAt(text: unknown, path: string): Dec {
  const s = String(text ?? '').trim();
  if (!AMOUNT.test(s)) throw new PayoutError(path, `"${s}" is not an amount in roubles (at most 2 decimals)`);
  return new Dec(s).times(100);
}

function toNumber(kopecks: Dec, path: string): number {
  const n = kopecks.toNumber();
  if (!Number.isSafeInteger(n)) throw new PayoutError(path, 'the amount is too large');
  return n;
}

function at<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PayoutError) throw e;
    throw new PayoutError(path, e instanceof Error ? e.message : String(e));
  }
}

const money = (kopecks: Dec | number) => (typeof kopecks === 'number' ? formatKopecks(kopecks) : formatKopecks(kopecks.toNumber()));

export function calculatePayout(scenario: Scenario, schemeId: string, input: PayoutInput): PayoutResult {
  const index = scenario.schemes.findIndex((s) => s.id === schemeId);
  if (index < 0) {
    const known = scenario.schemes.map((s) => `"${s.id}"`).join(', ');
    throw new PayoutError('schemeId', `unknown scheme "${schemeId}" (the scenario has ${known || 'none'})`);
  }
  const scheme = scenario.schemes[index];
  const base = `schemes[${index}]`;
  const collected = kopecksAt(input.collected, 'collected');
  if (collected.isNegative()) throw new PayoutError('collected', 'collections cannot be below zero');
  const pool = at(`${base}.formula`, () => poolDecimal(scheme.formula, collected.div(100)).times(100));
  const tranches = settleTranches(scenario, scheme, base, toNumber(pool, 'collected'), collected, input.collectedBy ?? {}, input.keyPlanMet ?? {});
  const poolPaid = tranches.reduce((sum, t) => (t.paid ? sum + t.amountKopecks : sum), 0);
  const personal = paysPersonally(scheme);
  const bonus = personal ? ownPool(scenario, poolPaid, input) : splitPaid(scenario, scheme, base, poolPaid, input.adjustments ?? {});
  return {
    schemeId: scheme.id,
    schemeName: scheme.name,
    collected: money(collected),
    pool: money(pool),
    tranches: tranches.map(({ amountKopecks, ...t }) => ({ ...t, amount: money(amountKopecks) })),
    poolPaid: money(poolPaid),
    personal,
    people: scenario.staff
      .map((s, i) => ({
        id: s.id,
        name: s.name,
        role: s.role,
        bonus: money(bonus.parts[i]),
        adjustment: money(bonus.adjustments[i]),
      }))
      .filter((_, i) => !personal || i === bonus.person),
  };
}

/** Who can be paid on their own result: the salespeople when there are any, else everyone but the head. */
export function personalEarners(scenario: Scenario): number[] {
  const sellers = scenario.staff.flatMap((s, i) => (sells(s.role) ? [i] : []));
  if (scenario.sales?.enabled && sellers.length > 0) return sellers;
  return scenario.staff.flatMap((s, i) => (s.role !== 'head' ? [i] : []));
}

/** A personal pool goes whole to its one person; awards and penalties belong to team splits. */
function ownPool(scenario: Scenario, paid: number, input: PayoutInput) {
  for (const [id, text] of Object.entries(input.adjustments ?? {})) {
    if (!new Dec(String(text || '0')).isZero()) throw new PayoutError(`adjustments.${id}`, 'a personal pool has no awards or penalties: it is paid whole to its person');
  }
  const earners = personalEarners(scenario);
  const person = input.person === undefined ? earners[0] : scenario.staff.findIndex((s) => s.id === input.person);
  if (person === undefined || person < 0 || !earners.includes(person)) {
    const names = earners.map((i) => `"${scenario.staff[i].id}"`).join(', ');
    throw new PayoutError('person', `${input.person === undefined ? 'nobody' : `"${input.person}"`} is not paid on their own result here (who is: ${names || 'nobody'})`);
  }
  const parts = new Array<number>(scenario.staff.length).fill(0);
  parts[person] = paid;
  return { parts, adjustments: new Array<number>(scenario.staff.length).fill(0), person };
}

type TrancheOutcome = Omit<PayoutResult['tranches'][number], 'amount'> & { amountKopecks: number };

function settleTranches(
  scenario: Scenario,
  scheme: Scheme,
  base: string,
  poolKopecks: number,
  collected: Dec,
  collectedBy: Record<number, string>,
  keyPlanMet: Record<number, boolean>,
): TrancheOutcome[] {
  const { tranches: source, weights } = at(`${base}.tranches`, () => schemeTranches(scheme));
  const amounts = splitLargestRemainder(poolKopecks, weights);
  const plan = scheme.plan === undefined ? kopecksAt(scenario.company.plan, 'company.plan') : kopecksAt(scheme.plan, `${base}.plan`);
  return source.map((t, k) => {
    const amountKopecks = amounts[k];
    if (!t.gate) return { weight: t.weight, amountKopecks, paid: true, gate: null };
    const { byDay, minPlanShare, keyClients } = t.gate;
    if (keyClients !== undefined) {
      // Decided by the key clients' own payments, which the month's totals cannot tell: asked for.
      const met = keyPlanMet[byDay];
      if (typeof met !== 'boolean') {
        throw new PayoutError(
          `keyPlanMet.${byDay}`,
          `say whether the key-client plan was met by day ${byDay}: did each of the ${keyClients} largest clients ` +
            `pay at least ${new Dec(minPlanShare).times(100).toString()}% of its monthly volume by then (yes/no)?`,
        );
      }
      return {
        weight: t.weight,
        amountKopecks,
        paid: met,
        gate: { byDay, minPlanShare, required: '', collectedBy: null, keyClients, keyPlanMet: met, passed: met },
      };
    }
    const required = at(`${base}.tranches[${k}].gate.minPlanShare`, () => plan.times(minPlanShare).ceil());
    const entered = collectedBy[byDay];
    let by: Dec | null = null;
    if (entered !== undefined) {
      by = kopecksAt(entered, `collectedBy.${byDay}`);
      if (by.gt(collected)) {
        throw new PayoutError(`collectedBy.${byDay}`, `collected by day ${byDay} exceeds the month's total`);
      }
    } else if (collected.gte(required)) {
      throw new PayoutError(
        `collectedBy.${byDay}`,
        `enter the amount collected by day ${byDay}: the gate needs ${money(required)} ` +
          `(${new Dec(minPlanShare).times(100).toString()}% of the plan)`,
      );
    }
    const passed = by !== null && by.gte(required);
    return {
      weight: t.weight,
      amountKopecks,
      paid: passed,
      gate: { byDay, minPlanShare, required: money(required), collectedBy: by && money(by), passed },
    };
  });
}

const WITH_ADJUSTMENTS = new Set(['awardsEqual', 'discretion', 'doubleDiscretion']);

function splitPaid(scenario: Scenario, scheme: Scheme, base: string, paid: number, adjustments: Record<string, string>) {
  const staff = scenario.staff;
  if (staff.length === 0) throw new PayoutError('staff', 'nobody to pay');
  const roles = at(`${base}.split`, () => splitRoles(scheme.split, staff));
  const entered = new Array<number>(staff.length).fill(0);
  for (const [id, text] of Object.entries(adjustments)) {
    const i = staff.findIndex((s) => s.id === id);
    if (i < 0) throw new PayoutError(`adjustments.${id}`, `no staff member "${id}"`);
    entered[i] = toNumber(kopecksAt(text, `adjustments.${id}`), `adjustments.${id}`);
    if (entered[i] === 0) continue;
    if (!WITH_ADJUSTMENTS.has(scheme.split.type)) {
      throw new PayoutError(`adjustments.${id}`, `the split "${scheme.split.type}" has no personal awards or penalties`);
    }
    if (!roles.members.includes(i)) {
      throw new PayoutError(`adjustments.${id}`, `${staff[i].name} is the head: the head's share is fixed`);
    }
  }
  const parts = new Array<number>(staff.length).fill(0);
  let head = 0;
  if (roles.headShare !== null) {
    const share = roles.headShare;
    const exact = at(`${base}.split.headShare`, () => new Dec(paid).times(share).toDecimalPlaces(0, Dec.ROUND_HALF_UP));
    head = Math.min(paid, Math.max(0, exact.toNumber()));
    const heads = splitLargestRemainder(head, roles.heads.map(() => 1));
    roles.heads.forEach((i, k) => (parts[i] = heads[k]));
  }
  const members = roles.members;
  const memberParts = new Array<number>(members.length).fill(0);
  splitEqualWithAdjustments(paid - head, members.map((i) => entered[i]), members.length, memberParts);
  members.forEach((i, k) => (parts[i] = memberParts[k]));
  return { parts, adjustments: entered, person: -1 };
}
