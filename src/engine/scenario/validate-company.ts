/** Validation of the scenario's frame: the simulation settings, the company and its calendar. */
import { FIELDS } from './fields.ts';
import type { CalendarSettings, Company, Money, Rate, SimulationSettings } from './types.ts';
import { SCENARIO_LIMITS as L } from './limits.ts';
import { child, type RawObject } from './issues.ts';
import { FieldReader, MAX_MONEY, NEG_MAX_MONEY, SHARE, money } from './validate-fields.ts';

export const HOLIDAY_CALENDARS = ['ru', 'none'] as const;

export function readSimulation(r: FieldReader, value: unknown, path: string): SimulationSettings | undefined {
  const o = r.object(value, path, FIELDS.simulation);
  if (!o) return undefined;
  return {
    runs: r.integer(o, 'runs', path, L.minRuns, L.maxRuns)!,
    seed: r.integer(o, 'seed', path, 0, L.maxSeed)!,
    months: r.integer(o, 'months', path, L.minMonths, L.maxMonths)!,
    startMonth: r.month(o, 'startMonth', path)!,
    burnInMonths: r.integer(o, 'burnInMonths', path, 0, L.maxBurnInMonths)!,
  };
}

export function readCompany(r: FieldReader, value: unknown, path: string): Company | undefined {
  const o = r.object(value, path, FIELDS.company);
  if (!o) return undefined;
  return {
    plan: r.decimal(o, 'plan', path, money('0', MAX_MONEY, true)) as Money,
    breakEven: r.decimal(o, 'breakEven', path, money('0')) as Money,
    variableCostRatio: r.decimal(o, 'variableCostRatio', path, SHARE) as Rate,
    fixedCosts: r.decimal(o, 'fixedCosts', path, money('0')) as Money,
    openingCash: r.decimal(o, 'openingCash', path, money(NEG_MAX_MONEY)) as Money,
    minReserve: r.decimal(o, 'minReserve', path, money('0')) as Money,
    overdraftRate: r.decimal(o, 'overdraftRate', path, SHARE) as Rate,
    payrollTaxRate: r.decimal(o, 'payrollTaxRate', path, SHARE) as Rate,
    advanceDay: r.integer(o, 'advanceDay', path, 1, 31)!,
    advanceShare: r.decimal(o, 'advanceShare', path, SHARE) as Rate,
    settlementDay: r.integer(o, 'settlementDay', path, 1, 31)!,
    ownerDrawAbove: r.decimal(o, 'ownerDrawAbove', path, money('0')) as Money,
  };
}

export function readCalendar(r: FieldReader, value: unknown, path: string): CalendarSettings | undefined {
  const o = r.object(value, path, FIELDS.calendar);
  if (!o) return undefined;
  return {
    holidays: r.oneOf(o, 'holidays', path, HOLIDAY_CALENDARS)!,
    extraHolidays: readDates(r, o, 'extraHolidays', path, false)!,
    workingWeekends: readDates(r, o, 'workingWeekends', path, true)!,
  };
}

/** A list of dates; a repeated date, or a working "weekend" on a weekday, is only a warning. */
function readDates(r: FieldReader, o: RawObject, key: string, path: string, weekendsOnly: boolean): string[] | undefined {
  const list = r.array(o, key, path, 0, L.maxDates);
  if (!list) return undefined;
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const p = child(child(path, key), i);
    const d = r.date(list[i], p);
    if (d === undefined) continue;
    if (seen.has(d)) r.issues.warn(p, 'date.duplicate', { value: d });
    seen.add(d);
    if (weekendsOnly) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) r.issues.warn(p, 'date.notWeekend', { value: d, weekday });
    }
    out.push(d);
  }
  return out;
}
