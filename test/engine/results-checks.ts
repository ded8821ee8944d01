/** Checks on what the engine gives back: finite runs, nulls only where no value exists, payouts. */
import { PayoutError, calculatePayout } from '../../src/engine/index.ts';
import type { ResultsJson, Scenario } from '../../src/engine/index.ts';
import type { RunResult } from '../../src/engine/run/run-result.ts';

/** Every number a run produced that is not finite, as `field[index]`. */
export function nonFiniteInRun(r: RunResult): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(r)) {
    if (typeof value === 'number' && !Number.isFinite(value)) out.push(key);
    if (value instanceof Float64Array) value.forEach((x, i) => Number.isFinite(x) || out.push(`${key}[${i}]`));
  }
  return out;
}

/**
 * Nulls in the results JSON that stand for no value where one should exist (null is also
 * how a NaN or an Infinity comes out). Allowed: effort on days nobody worked, conversion
 * in months without inbound requests, clients taken without departures, cover without
 * absences, and the baseline's comparison with itself.
 */
export function unexpectedNulls(results: ResultsJson): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string, allowed: (path: string) => boolean): void => {
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) {
      if (value !== null || !allowed(path)) out.push(path);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, allowed));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, allowed);
  };
  const [year, month] = results.scenario.startMonth.split('-').map(Number);
  let longest = 0;
  for (let m = 0; m < results.scenario.months; m++) longest = Math.max(longest, new Date(Date.UTC(year, month + m, 0)).getUTCDate());
  results.schemes.forEach((s, i) => {
    const idle = (list: 'effortByDay' | 'hoursByDay', k: number) => s[list][k]?.worked === 0;
    walk(s, `schemes[${i}]`, (path) => {
      const day = /\.(effortByDay|hoursByDay)\[(\d+)\]\.(median|mean)$/.exec(path);
      if (day) return idle(day[1] as 'effortByDay' | 'hoursByDay', Number(day[2]));
      // A day of month no recorded month has (the 31st of a 30-day horizon).
      const slot = /\.(typicalMonth|intraMonth|invoicedByDay)\b.*\[(\d+)\]/.exec(path);
      if (slot && Number(slot[2]) >= longest) return true;
      if (/\.monthly\[\d+\]\.inboundConversion\.(median|mean)$/.test(path)) return true;
      // Ratios over the horizon without a denominator: no departures, absences, leavers, book or billing.
      if (/\.(clientsTakenPerDeparture|coverShare|bookTakenShare|lostClientsShareYear|badDebtShare)$/.test(path)) return true;
      return path.endsWith('.vsBaseline') && s.id === results.baseline;
    });
  });
  const { schemes: _, ...rest } = results;
  walk(rest, '', () => false);
  return out;
}

/** The payout calculator on a month at the plan, every gate answered: its result, or its message for amounts beyond it. */
export function payoutText(scenario: Scenario, schemeId: string): string {
  const plan = scenario.company.plan;
  const days = Array.from({ length: 31 }, (_, i) => i + 1);
  try {
    const collectedBy = Object.fromEntries(days.map((d) => [d, plan]));
    const keyPlanMet = Object.fromEntries(days.map((d) => [d, true]));
    return JSON.stringify(calculatePayout(scenario, schemeId, { collected: plan, collectedBy, keyPlanMet, adjustments: {} }));
  } catch (error) {
    if (error instanceof PayoutError) return error.message;
    throw error;
  }
}

