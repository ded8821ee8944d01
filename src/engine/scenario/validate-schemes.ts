/**
 * Validation of the pay schemes: payout formulas (with tiers), tranches with their gates,
 * and the split of the pot among the staff (with awards).
 */
import { FIELDS } from './fields.ts';
import type { AwardRule, Gate, Marketing, Money, PayoutFormula, Rate, Scheme, Split, Tier, Tranche } from './types.ts';
import { SCENARIO_LIMITS as L } from './limits.ts';
import { child, own, present, type RawObject } from './issues.ts';
import { D, FieldReader, NEG_MAX_MONEY, SHARE, money, rate } from './validate-fields.ts';
import type { StaffRead } from './validate-staff.ts';

export const FORMULA_TYPES = ['fixed', 'linear', 'threshold', 'tiers', 'pieceRate'] as const;
export const SPLIT_TYPES = ['equal', 'headShareEqual', 'discretion', 'doubleDiscretion', 'awardsEqual', 'proportional'] as const;
export const AWARD_TARGETS = ['topContributor', 'bottomContributor'] as const;
export const PERIODS = ['month', 'quarter'] as const;
export const MEASURES = ['teamCollections', 'personalCollections', 'newClientRevenue', 'processUnits'] as const;
export const ORGANISATIONS = ['team', 'personal', 'conveyor', 'hunterFarmer', 'dispatcher'] as const;
export const TIER_MODES = ['marginal', 'retroactive'] as const;

/** `clientCount`: the scenario's clients.count when readable (a key-client plan cannot name more clients). */
export function readSchemes(r: FieldReader, root: RawObject, staff: StaffRead | undefined, clientCount?: number): Scheme[] | undefined {
  const items = r.objects(root, 'schemes', '', 1, L.maxSchemes, FIELDS.scheme);
  if (!items) return undefined;
  const out: Scheme[] = [];
  const checkUnique = r.uniqueIds();
  for (const { o: s, p } of items) {
    if (!s) continue;
    const id = r.id(s, 'id', p);
    checkUnique(id, p);
    const period = r.oneOf(s, 'period', p, PERIODS);
    const organisation = r.oneOf(s, 'organisation', p, ORGANISATIONS);
    const measure = r.oneOf(s, 'measure', p, MEASURES);
    // A personal pool needs personal clients to measure; it is paid whole to its owner.
    if (measure === 'personalCollections' && organisation !== undefined && organisation !== 'personal' && organisation !== 'hunterFarmer') {
      r.error(child(p, 'measure'), 'measure.needsPersonal', { organisation });
    }
    // Units and roubles are different scales: a piece rate pays for units, and units need a piece rate.
    const formulaType = (own(s, 'formula') as { type?: unknown } | undefined)?.type;
    if ((measure === 'processUnits') !== (formulaType === 'pieceRate') && measure !== undefined && typeof formulaType === 'string') {
      r.error(child(p, measure === 'processUnits' ? 'formula' : 'measure'), 'measure.pieceRate', { measure, formula: formulaType });
    }
    // Gates count a result by a day of the month; process units are planned by the month.
    if (measure === 'processUnits' && Array.isArray(own(s, 'tranches')) && (own(s, 'tranches') as unknown[]).length > 0) {
      r.error(child(p, 'tranches'), 'tranches.units', {});
    }
    out.push({
      id: id!,
      name: r.string(s, 'name', p, { max: L.maxNameLength })!,
      organisation: organisation!,
      measure: measure!,
      period: period!,
      formula: readFormula(r, own(s, 'formula'), child(p, 'formula'))!,
      attestationMonths: r.integer(s, 'attestationMonths', p, 0, 36)!,
      deputyHead: r.boolean(s, 'deputyHead', p)!,
      ...(present(s, 'plan') ? { plan: r.decimal(s, 'plan', p, money('0', undefined, true)) as Money } : {}),
      ...(present(s, 'marketing') ? { marketing: readMarketing(r, own(s, 'marketing'), child(p, 'marketing')) } : {}),
      tranches: readTranches(r, s, p, period, measure, organisation, clientCount)!,
      split: readSplit(r, own(s, 'split'), child(p, 'split'), staff)!,
    });
  }
  return out;
}

function readMarketing(r: FieldReader, value: unknown, path: string): Marketing {
  const o = r.object(value, path, FIELDS.marketing);
  if (!o) return { requestsPerDay: 0, monthlyCost: '0' };
  return {
    requestsPerDay: r.number(o, 'requestsPerDay', path, { min: 0, max: 1000 })!,
    monthlyCost: r.decimal(o, 'monthlyCost', path, money('0')) as Money,
  };
}

function readFormula(r: FieldReader, value: unknown, path: string): PayoutFormula | undefined {
  const head = r.typed(value, path, FORMULA_TYPES, 'formula.unknown');
  if (!head) return undefined;
  const { o, type } = head;
  /** The optional cap, read after the formula's own fields. */
  const withCap = (f: Exclude<PayoutFormula, { type: 'fixed' }>): PayoutFormula => {
    if (present(o, 'cap')) {
      const cap = r.decimal(o, 'cap', path, money('0')) as Money | undefined;
      if (cap !== undefined) f.cap = cap;
    }
    return f;
  };
  switch (type) {
    case 'fixed':
      r.object(o, path, FIELDS.formula.fixed);
      return { type, amount: r.decimal(o, 'amount', path, money('0')) as Money };
    case 'linear':
      r.object(o, path, FIELDS.formula.linear);
      return withCap({ type, rate: r.decimal(o, 'rate', path, SHARE) as Rate });
    case 'threshold':
      r.object(o, path, FIELDS.formula.threshold);
      return withCap({
        type,
        threshold: r.decimal(o, 'threshold', path, money('0')) as Money,
        rate: r.decimal(o, 'rate', path, SHARE) as Rate,
      });
    case 'pieceRate':
      r.object(o, path, FIELDS.formula.pieceRate);
      return withCap({
        type,
        rate: r.decimal(o, 'rate', path, money('0')) as Money,
        norm: r.decimal(o, 'norm', path, money('0')) as string,
        premium: r.decimal(o, 'premium', path, money('0')) as Money,
      });
    case 'tiers':
      r.object(o, path, FIELDS.formula.tiers);
      return withCap({
        type,
        mode: r.oneOf(o, 'mode', path, TIER_MODES)!,
        tiers: readTiers(r, o, path)!,
      });
  }
}

/** Tiers' `from` must strictly ascend; an unreadable tier restarts the comparison. */
function readTiers(r: FieldReader, o: RawObject, path: string): Tier[] | undefined {
  const items = r.objects(o, 'tiers', path, 1, L.maxTiers, FIELDS.tier);
  if (!items) return undefined;
  const out: Tier[] = [];
  let previous: string | undefined;
  for (const { o: t, p } of items) {
    if (!t) {
      previous = undefined;
      continue;
    }
    const from = r.decimal(t, 'from', p, money('0'));
    if (from !== undefined && previous !== undefined && new D(from).lte(previous)) {
      r.error(child(p, 'from'), 'tiers.notAscending', { from, previous });
    }
    previous = from;
    out.push({ from: from as Money, rate: r.decimal(t, 'rate', p, SHARE) as Rate });
  }
  return out;
}

function readTranches(
  r: FieldReader,
  s: RawObject,
  path: string,
  period: Scheme['period'] | undefined,
  measure: Scheme['measure'] | undefined,
  organisation: Scheme['organisation'] | undefined,
  clientCount: number | undefined,
): Tranche[] | undefined {
  const items = r.objects(s, 'tranches', path, 0, L.maxTranches, FIELDS.tranche);
  if (!items) return undefined;
  const out: Tranche[] = [];
  const weights: { weight: string; path: string }[] = [];
  for (const { o: t, p } of items) {
    if (!t) continue;
    const tranche: Tranche = { weight: r.decimal(t, 'weight', p, rate('0', '1000000', true)) as Rate };
    if (tranche.weight !== undefined) weights.push({ weight: tranche.weight, path: child(p, 'weight') });
    if (present(t, 'gate')) {
      const gp = child(p, 'gate');
      const g = r.object(own(t, 'gate'), gp, FIELDS.gate);
      if (g) {
        if (period === 'quarter') r.error(gp, 'gate.quarterly');
        const gate: Gate = {
          byDay: r.integer(g, 'byDay', gp, 1, 31)!,
          minPlanShare: r.decimal(g, 'minPlanShare', gp, rate('0', '2', true)) as Rate,
        };
        if (present(g, 'keyClients')) {
          const keyClients = readKeyClients(r, g, gp, measure, organisation, clientCount);
          if (keyClients !== undefined) gate.keyClients = keyClients;
        }
        tranche.gate = gate;
      }
    }
    out.push(tranche);
  }
  checkWeightsExact(r, weights);
  return out;
}

/**
 * The pool is split between tranches in whole kopecks, exactly: the weights become
 * integers over their common power of ten (pay/tranches.ts), which must stay below 2^53.
 * "999999.9999999999", or "1000000" beside "0.0000000001", would not.
 */
function checkWeightsExact(r: FieldReader, weights: { weight: string; path: string }[]): void {
  const places = Math.max(0, ...weights.map((w) => new D(w.weight).decimalPlaces()));
  for (const { weight, path } of weights) {
    if (new D(weight).times(new D(10).pow(places)).gt(Number.MAX_SAFE_INTEGER)) {
      r.error(path, 'tranches.weightPrecision', { value: weight, places });
    }
  }
}

/**
 * A key-client plan (1..50 clients, at most clients.count) is the team's plan for its
 * largest clients: it needs the team measure, not a personal pool.
 */
function readKeyClients(
  r: FieldReader,
  g: RawObject,
  gp: string,
  measure: Scheme['measure'] | undefined,
  organisation: Scheme['organisation'] | undefined,
  clientCount: number | undefined,
): number | undefined {
  const n = r.integer(g, 'keyClients', gp, 1, L.maxKeyClients);
  if (n === undefined) return undefined;
  const kp = child(gp, 'keyClients');
  if (clientCount !== undefined && n > clientCount) {
    r.error(kp, 'gate.keyClientsCount', { value: n, count: clientCount });
    return undefined;
  }
  if ((measure !== undefined && measure !== 'teamCollections') || organisation === 'hunterFarmer') {
    r.error(kp, 'gate.keyClientsTeam', { measure: measure ?? 'teamCollections', organisation: organisation ?? 'team' });
    return undefined;
  }
  return n;
}

/** Every split but `equal` needs exactly one head and at least one other member. */
function readSplit(r: FieldReader, value: unknown, path: string, staff: StaffRead | undefined): Split | undefined {
  const head = r.typed(value, path, SPLIT_TYPES, 'split.unknown');
  if (!head) return undefined;
  const { o, type } = head;
  if (type === 'equal') {
    r.object(o, path, FIELDS.split.equal);
    return { type };
  }
  if (staff !== undefined && staff.heads !== 1) r.error(path, 'split.needsOneHead', { type, count: staff.heads });
  else if (staff !== undefined && staff.members.length - staff.heads < 1) r.error(path, 'split.needsMembers', { type });
  const headShare = (): Rate => r.decimal(o, 'headShare', path, SHARE) as Rate;
  if (type === 'awardsEqual') {
    r.object(o, path, FIELDS.split.awardsEqual);
    return { type, headShare: headShare(), awards: readAwards(r, o, path)! };
  }
  r.object(o, path, FIELDS.split[type]);
  return { type, headShare: headShare() };
}

/** Awards: a top contributor cannot be fined, nor a bottom contributor rewarded. */
function readAwards(r: FieldReader, o: RawObject, path: string): AwardRule[] | undefined {
  const items = r.objects(o, 'awards', path, 0, L.maxAwards, FIELDS.award);
  if (!items) return undefined;
  const out: AwardRule[] = [];
  for (const { o: a, p } of items) {
    if (!a) continue;
    const to = r.oneOf(a, 'to', p, AWARD_TARGETS, 'award.unknownTo');
    const amount = r.decimal(a, 'amount', p, money(NEG_MAX_MONEY));
    if (amount !== undefined) {
      const sign = new D(amount).cmp(0);
      if (to === 'topContributor' && sign < 0) r.error(child(p, 'amount'), 'award.topNegative', { value: amount });
      if (to === 'bottomContributor' && sign > 0) r.error(child(p, 'amount'), 'award.bottomPositive', { value: amount });
    }
    out.push({
      to: to!,
      amount: amount as Money,
      minDeviation: r.decimal(a, 'minDeviation', p, rate('0', '10')) as Rate,
    });
  }
  return out;
}
