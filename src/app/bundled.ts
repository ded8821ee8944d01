/**
 * The bundled scenarios, imported from `scenarios/` through Vite (one source for the CLI,
 * the tests and the app) and read through the one door, parseScenario.
 */
import { parseScenario } from '../engine/scenario/parse.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import clientDepartment from '../../scenarios/client-department.json';
import teamSplit from '../../scenarios/team-split.json';
import salesStagnation from '../../scenarios/sales-stagnation.json';
import starInboundSector from '../../scenarios/star-inbound-sector.json';
import absenceAndDepartures from '../../scenarios/absence-and-departures.json';

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
