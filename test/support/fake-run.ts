/**
 * Synthetic RunResults for testing summaries and runners without the simulator:
 * deterministic in (schemeIndex, runIndex), shaped like the real thing.
 */
import type { RunResult } from '../../src/engine/run/run-result.ts';
import { allocateRunResult } from '../../src/engine/run/recorder.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';

/** mulberry32 */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FAKE_MONTHS = 3;
export const FAKE_STAFF = 3;
/** 2026-01..03: 31 + 28 + 31 */
export const FAKE_DAYS = 90;

export function fakeScenario(schemes = 3): Scenario {
  return {
    format: 'paybench-scenario',
    version: 2,
    name: 'Fake department',
    description: '',
    simulation: { runs: 20, seed: 7, months: FAKE_MONTHS, startMonth: '2026-01', burnInMonths: 0 },
    company: { plan: '50000000', breakEven: '40000000' } as Scenario['company'],
    calendar: { holidays: 'none', extraHolidays: [], workingWeekends: [] },
    clients: {} as Scenario['clients'],
    staff: [
      { id: 'head', name: 'Head', role: 'head' },
      { id: 'masha', name: 'Masha', role: 'collector' },
      { id: 'vasya', name: 'Vasya', role: 'collector' },
    ] as Scenario['staff'],
    behaviour: {} as Scenario['behaviour'],
    sales: {} as Scenario['sales'],
    schemes: Array.from({ length: schemes }, (_, i) => ({ id: `s${i}`, name: `Scheme ${i}` })) as Scenario['schemes'],
    baseline: 's0',
  };
}

export function fakeRun(schemeIndex: number, runIndex: number, months = FAKE_MONTHS, days = FAKE_DAYS): RunResult {
  const luck = rng(1000 + runIndex); // common to every scheme: paired runs
  const own = rng(schemeIndex * 7919 + runIndex * 31 + 1);
  const r = allocateRunResult(schemeIndex, runIndex, months, days, FAKE_STAFF);
  for (let k = 0; k < months; k++) {
    const c = 42e6 + luck() * 10e6 + schemeIndex * 1e6 + own() * 1e6;
    r.collections[k] = c;
    r.billed[k] = c * 1.05;
    r.maxCashGap[k] = Math.max(0, 20e6 - luck() * 10e6 - schemeIndex * 3e6);
    r.maxCashGapMid[k] = r.maxCashGap[k] * 0.8;
    r.daysInDeficit[k] = Math.floor(luck() * 10);
    r.profit[k] = c - 45e6;
    r.financingCost[k] = r.maxCashGap[k] * 0.001;
    r.bonus[k] = Math.max(0, (c - 40e6) * 0.005);
    r.payroll[k] = 200_000 + r.bonus[k];
    r.tranchePaid[k] = 1;
    r.newClients[k] = Math.floor(luck() * 5);
    r.lostClients[k] = Math.floor(own() * 4);
    let cum = 0;
    for (let d = 1; d <= 31; d++) {
      cum += c / 31;
      r.collectedByDay[k * 31 + d - 1] = cum;
      r.effortByDay[k * 31 + d - 1] = d % 7 === 0 ? 0 : 0.5 + own() * 0.5;
    }
    for (let s = 0; s < FAKE_STAFF; s++) {
      const bonus = Math.round(r.bonus[k] * 100 / FAKE_STAFF) / 100;
      r.staffBonus[s * months + k] = bonus;
      r.staffPay[s * months + k] = 20_000 + s * 5_000 + bonus;
      r.staffEffort[s * months + k] = 0.7;
    }
  }
  for (let d = 0; d < days; d++) r.cashDaily[d] = 5e6 - luck() * 20e6 + schemeIndex * 1e6;
  return r;
}
