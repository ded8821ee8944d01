/** Validation of the staff list and of the behaviour models that drive them. */
import { FIELDS } from './fields.ts';
import type { Behaviour, Money, StaffMember } from './types.ts';
import { SCENARIO_LIMITS as L } from './limits.ts';
import { child, own, type RawObject } from './issues.ts';
import { FieldReader, money } from './validate-fields.ts';

/**
 * Effort is chosen as (stake × skill) / (cost factor × hourly wage × personal effort cost):
 * a cost of 0 divides by zero (effort NaN), and values near 0 underflow to it. These floors
 * keep the cost above 10^-7 of a rouble an hour.
 */
export const MIN_COST_FACTOR = 0.001;
const MIN_EFFORT_COST = 0.01;

export const STAFF_ROLES = ['head', 'collector', 'hunter', 'accountManager', 'inbound'] as const;

/** The staff with the number of heads, which the schemes' splits need. */
export interface StaffRead {
  members: StaffMember[];
  heads: number;
}

export function readStaff(r: FieldReader, root: RawObject): StaffRead | undefined {
  const items = r.objects(root, 'staff', '', 1, L.maxStaff, FIELDS.staff);
  if (!items) return undefined;
  const members: StaffMember[] = [];
  const checkUnique = r.uniqueIds();
  let heads = 0;
  for (const { o: s, p } of items) {
    if (!s) continue;
    const id = r.id(s, 'id', p);
    checkUnique(id, p);
    const role = r.oneOf(s, 'role', p, STAFF_ROLES);
    if (role === 'head') heads++;
    members.push({
      id: id!,
      name: r.string(s, 'name', p, { max: L.maxNameLength })!,
      role: role!,
      salary: r.decimal(s, 'salary', p, money('0')) as Money,
      skill: r.number(s, 'skill', p, { min: 0, max: 10, above: true })!,
      workShare: r.number(s, 'workShare', p, { min: 0, max: 1 })!,
      effortCost: r.number(s, 'effortCost', p, { min: MIN_EFFORT_COST, max: 10 })!,
      favour: r.number(s, 'favour', p, { min: -1, max: 1 })!,
    });
  }
  return { members, heads };
}

export function readBehaviour(r: FieldReader, value: unknown, path: string): Behaviour | undefined {
  const o = r.object(value, path, FIELDS.behaviour);
  if (!o) return undefined;
  const ep = child(path, 'effort');
  const e = r.object(own(o, 'effort'), ep, FIELDS.effort);
  const sp = child(path, 'splitPerception');
  const s = r.object(own(o, 'splitPerception'), sp, FIELDS.splitPerception);
  let effort: Behaviour['effort'] | undefined;
  if (e) {
    effort = {
      enabled: r.boolean(e, 'enabled', ep)!,
      deadlineDiscount: r.number(e, 'deadlineDiscount', ep, { min: 0, max: 1, above: true })!,
      costFactor: r.number(e, 'costFactor', ep, { min: MIN_COST_FACTOR, max: 100 })!,
      dutyFloor: r.number(e, 'dutyFloor', ep, { min: 0, max: 3 })!,
      routineShare: r.number(e, 'routineShare', ep, { min: 0, max: 1 })!,
      routineCanWaitDays: r.number(e, 'routineCanWaitDays', ep, { min: 0, max: 31 })!,
      maxEffort: r.number(e, 'maxEffort', ep, { min: 0, max: 3, above: true })!,
      gateLossAversion: r.number(e, 'gateLossAversion', ep, { min: 1, max: 10 })!,
      weekendCostMultiplier: r.number(e, 'weekendCostMultiplier', ep, { min: 1, max: 10 })!,
      forecastSigmaBase: r.decimal(e, 'forecastSigmaBase', ep, money('0')) as Money,
      forecastSigmaShare: r.number(e, 'forecastSigmaShare', ep, { min: 0, max: 10 })!,
      forecastLearning: r.number(e, 'forecastLearning', ep, { min: 0, max: 1 })!,
    };
    if (effort.dutyFloor !== undefined && effort.maxEffort !== undefined && effort.dutyFloor > effort.maxEffort) {
      r.error(child(ep, 'dutyFloor'), 'effort.floorAboveMax', { dutyFloor: effort.dutyFloor, maxEffort: effort.maxEffort });
    }
  }
  let splitPerception: Behaviour['splitPerception'] | undefined;
  if (s) {
    splitPerception = {
      enabled: r.boolean(s, 'enabled', sp)!,
      discretionNoise: r.number(s, 'discretionNoise', sp, { min: 0, max: 5 })!,
      favouritism: r.number(s, 'favouritism', sp, { min: 0, max: 10 })!,
      directorCorrection: r.number(s, 'directorCorrection', sp, { min: 0, max: 1 })!,
    };
  }
  const ap = child(path, 'absence');
  const a = r.object(own(o, 'absence'), ap, FIELDS.absence);
  const absence: Behaviour['absence'] | undefined = a && {
    enabled: r.boolean(a, 'enabled', ap)!,
    illnessPerYear: r.number(a, 'illnessPerYear', ap, { min: 0, max: 50 })!,
    illnessMedianDays: r.number(a, 'illnessMedianDays', ap, { min: 0, max: 60, above: true })!,
    longIllnessPerYear: r.number(a, 'longIllnessPerYear', ap, { min: 0, max: 5 })!,
    vacationDays: r.number(a, 'vacationDays', ap, { min: 0, max: 120 })!,
    summerWeight: r.number(a, 'summerWeight', ap, { min: 0, max: 100 })!,
  };
  const tp = child(path, 'attrition');
  const q = r.object(own(o, 'attrition'), tp, FIELDS.attrition);
  const attrition: Behaviour['attrition'] | undefined = q && {
    enabled: r.boolean(q, 'enabled', tp)!,
    quitsPerYear: r.number(q, 'quitsPerYear', tp, { min: 0, max: 12 })!,
    expectedPayMultiple: r.number(q, 'expectedPayMultiple', tp, { min: 0, max: 10 })!,
    dissatisfactionWeight: r.number(q, 'dissatisfactionWeight', tp, { min: 0, max: 100 })!,
    vacancyMonths: r.integer(q, 'vacancyMonths', tp, 0, 12)!,
    rampUpMonths: r.integer(q, 'rampUpMonths', tp, 0, 24)!,
    clientTheft: r.number(q, 'clientTheft', tp, { min: 0, max: 1 })!,
  };
  const sp2 = child(path, 'star');
  const st = r.object(own(o, 'star'), sp2, FIELDS.star);
  const star: Behaviour['star'] | undefined = st && {
    enabled: r.boolean(st, 'enabled', sp2)!,
    growth: r.number(st, 'growth', sp2, { min: 0, max: 10 })!,
    conversionLoss: r.number(st, 'conversionLoss', sp2, { min: 0, max: 1 })!,
    attestationCure: r.number(st, 'attestationCure', sp2, { min: 0, max: 1 })!,
    deputyDamping: r.number(st, 'deputyDamping', sp2, { min: 0, max: 1 })!,
  };
  return { effort: effort!, splitPerception: splitPerception!, absence: absence!, attrition: attrition!, star: star! };
}
