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

/** en ↔ ru names of the bundled stories: scenario, schemes and people, each story's own first. */
function namePairs(story: (typeof BUNDLED)[number] | undefined): { scenario: [string, string][]; schemes: [string, string][]; staff: [string, string][] } {
  const stories = story ? [story, ...BUNDLED.filter((b) => b !== story)] : BUNDLED;
  const pairs = { scenario: [] as [string, string][], schemes: [] as [string, string][], staff: [] as [string, string][] };
  for (const b of stories) {
    const ru = BUNDLED_RU[b.id];
    if (!ru) continue;
    pairs.scenario.push([b.scenario.name, ru.name]);
    for (const s of b.scenario.schemes) if (ru.schemes[s.id]) pairs.schemes.push([s.name, ru.schemes[s.id]]);
    for (const p of b.scenario.staff) if (ru.staff[p.id]) pairs.staff.push([p.name, ru.staff[p.id]]);
  }
  return pairs;
}

/** A bundled name in the other language, or the name as it is (the user's own names stay). */
function switched(name: string, pairs: [string, string][], lang: Lang): string {
  const pair = pairs.find(([en, ru]) => name === en || name === ru);
  return pair ? pair[lang === 'ru' ? 1 : 0] : name;
}

/**
 * The names of a scenario in `lang` wherever they are a bundled story's (in either
 * language): the scenario, its schemes and its people, in order; names the user gave
 * stay as they are.
 */
export function bundledNamesIn(scenario: Pick<Scenario, 'name' | 'schemes' | 'staff'>, lang: Lang): { name: string; schemes: string[]; staff: string[] } {
  const pairs = namePairs(bundledNamed(scenario.name));
  return {
    name: switched(scenario.name, pairs.scenario, lang),
    schemes: scenario.schemes.map((s) => switched(s.name, pairs.schemes, lang)),
    staff: scenario.staff.map((p) => switched(p.name, pairs.staff, lang)),
  };
}
