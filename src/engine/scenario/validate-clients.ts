/** Validation of the client book and its payment habits. */
import { FIELDS } from './fields.ts';
import type { ClientBook, Money, PaymentHabit, Rate, SalesSettings } from './types.ts';
import { SCENARIO_LIMITS as L } from './limits.ts';
import { child, type RawObject } from './issues.ts';
import { D, FieldReader, SHARE, money, type Dec, type NumberSpec } from './validate-fields.ts';
import { MIN_COST_FACTOR } from './validate-staff.ts';

/**
 * The least hours a task may take (36 seconds). Work values are roubles per hour of a
 * task: hours near zero (a denormal 4e-323 passed "above 0") make them infinite.
 */
const MIN_HOURS = 0.01;

export const HABIT_IDS = ['selfPayer', 'reminderPayer', 'stretcher'] as const;

export function readClients(r: FieldReader, value: unknown, path: string): ClientBook | undefined {
  const o = r.object(value, path, FIELDS.clients);
  if (!o) return undefined;
  const fraction: NumberSpec = { min: 0, max: 1 };
  return {
    count: r.integer(o, 'count', path, 1, L.maxClients)!,
    monthlyVolume: r.decimal(o, 'monthlyVolume', path, money('0')) as Money,
    volumeSkew: r.number(o, 'volumeSkew', path, { min: 0, max: 5 })!,
    volumeNoise: r.number(o, 'volumeNoise', path, { min: 0, max: 2 })!,
    habits: readHabits(r, o, path)!,
    invoiceHours: r.number(o, 'invoiceHours', path, { min: MIN_HOURS, max: 24 })!,
    callHours: r.number(o, 'callHours', path, { min: MIN_HOURS, max: 24 })!,
    courierDays: r.integer(o, 'courierDays', path, 0, 60)!,
    callAfterDays: r.integer(o, 'callAfterDays', path, 0, 365)!,
    recallAfterDays: r.integer(o, 'recallAfterDays', path, 0, 365)!,
    promiseKept: r.number(o, 'promiseKept', path, fraction)!,
    promiseMaxDays: r.integer(o, 'promiseMaxDays', path, 1, 60)!,
    suspendAfterDays: r.integer(o, 'suspendAfterDays', path, 1, 365)!,
    suspendedVolumeShare: r.number(o, 'suspendedVolumeShare', path, fraction)!,
    churnIfSuspended: r.number(o, 'churnIfSuspended', path, fraction)!,
    replacementMonths: r.integer(o, 'replacementMonths', path, 0, 36)!,
  };
}

/** The habits' volume shares must sum to 1; the sum is checked only when every share could be read. */
function readHabits(r: FieldReader, o: RawObject, path: string): PaymentHabit[] | undefined {
  const items = r.objects(o, 'habits', path, 1, L.maxHabits, FIELDS.habit);
  if (!items) return undefined;
  const out: PaymentHabit[] = [];
  const checkUnique = r.uniqueIds();
  let sum: Dec | undefined = new D(0);
  for (const { o: h, p } of items) {
    if (!h) {
      sum = undefined;
      continue;
    }
    const id = r.oneOf(h, 'id', p, HABIT_IDS, 'habit.unknown');
    checkUnique(id, p);
    const volumeShare = r.decimal(h, 'volumeShare', p, SHARE);
    sum = volumeShare === undefined || sum === undefined ? undefined : sum.plus(volumeShare);
    out.push({
      id: id!,
      volumeShare: volumeShare as Rate,
      medianDays: r.number(h, 'medianDays', p, { min: 0, max: 365, above: true })!,
      ...(h.spread !== undefined ? { spread: r.number(h, 'spread', p, { min: 0, max: 3 })! } : {}),
      promiseProbability: r.number(h, 'promiseProbability', p, { min: 0, max: 1 })!,
    });
  }
  if (sum !== undefined && sum.minus(1).abs().gt('1e-9')) r.error(child(path, 'habits'), 'habits.sum', { sum: sum.toFixed() });
  return out;
}

/** The sales side of the book (prospecting, account work, cross-selling). */
export function readSales(r: FieldReader, value: unknown, path: string): SalesSettings | undefined {
  const o = r.object(value, path, FIELDS.sales);
  if (!o) return undefined;
  return {
    enabled: r.boolean(o, 'enabled', path)!,
    initialClients: r.integer(o, 'initialClients', path, 0, L.maxClients)!,
    hoursPerLead: r.number(o, 'hoursPerLead', path, { min: MIN_HOURS, max: 1000 })!,
    conversion: r.number(o, 'conversion', path, { min: 0, max: 1 })!,
    salesCycleMonths: r.integer(o, 'salesCycleMonths', path, 0, 24)!,
    newClientShare: r.number(o, 'newClientShare', path, { min: 0, max: 1, above: true })!,
    serviceHours: r.number(o, 'serviceHours', path, { min: 0, max: 200 })!,
    pooledServiceHours: r.number(o, 'pooledServiceHours', path, { min: 0, max: 200 })!,
    crossSellHours: r.number(o, 'crossSellHours', path, { min: MIN_HOURS, max: 1000 })!,
    neglectChurn: r.number(o, 'neglectChurn', path, { min: 0, max: 1 })!,
    handOverMonths: r.integer(o, 'handOverMonths', path, 0, 36)!,
    // 1 would be a horizon without end: the worth of a client's future, d / (1 − d), divides by zero.
    monthlyDiscount: r.number(o, 'monthlyDiscount', path, { min: 0, max: 0.99, above: true })!,
    inboundPerDay: r.number(o, 'inboundPerDay', path, { min: 0, max: 10000 })!,
    inboundHours: r.number(o, 'inboundHours', path, { min: MIN_HOURS, max: 100 })!,
    inboundConversion: r.number(o, 'inboundConversion', path, { min: 0, max: 1 })!,
    paceCostFactor: r.number(o, 'paceCostFactor', path, { min: MIN_COST_FACTOR, max: 100 })!,
  };
}
