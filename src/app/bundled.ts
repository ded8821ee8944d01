/**
 * The bundled scenarios, imported from `scenarios/` through Vite (one source for the CLI,
 * the tests and the app) and read through the one door, parseScenario; opened with their
 * names in the user's language.
 */
import { parseScenario } from '../engine/index.ts';
import type { Scenario } from '../engine/index.ts';
import clientDepartment from '../../scenarios/client-department.json';
import teamSplit from '../../scenarios/team-split.json';
import salesStagnation from '../../scenarios/sales-stagnation.json';
import starInboundSector from '../../scenarios/star-inbound-sector.json';
import absenceAndDepartures from '../../scenarios/absence-and-departures.json';
import { BUNDLED_RU } from './bundled-ru.ts';
import type { Lang } from './i18n.ts';

function read(id: string, json: unknown): { id: string; scenario: Scenario } {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(`scenarios/${id}.json does not parse: ${parsed.errors[0]?.message}`);
  return { id, scenario: parsed.scenario };
}

export const BUNDLED = [
  read('client-department', clientDepartment),
  read('team-split', teamSplit),
  read('sales-stagnation', salesStagnation),
  read('star-inbound-sector', starInboundSector),
  read('absence-and-departures', absenceAndDepartures),
];

/** A bundled scenario with its names in `lang` (bundled-ru.ts); the numbers are untouched. */
export function bundledIn(b: (typeof BUNDLED)[number], lang: Lang): Scenario {
  const names = lang === 'ru' ? BUNDLED_RU[b.id] : undefined;
  if (!names) return b.scenario;
  return {
    ...b.scenario,
    name: names.name,
    schemes: b.scenario.schemes.map((s) => ({ ...s, name: names.schemes[s.id] ?? s.name })),
    staff: b.scenario.staff.map((p) => ({ ...p, name: names.staff[p.id] ?? p.name })),
  };
}

/** The bundled scenario whose name (in either language) the draft has, if any. */
export function bundledNamed(name: string): (typeof BUNDLED)[number] | undefined {
  return BUNDLED.find((b) => b.scenario.name === name || BUNDLED_RU[b.id]?.name === name);
}
