/**
 * The bundled scenarios, imported from `scenarios/` through Vite (one source for the CLI,
 * the tests and the app) and read through the one door, parseScenario.
 */
import { parseScenario } from '../engine/scenario/parse.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import clientDepartment from '../../scenarios/client-department.json';
import teamSplit from '../../scenarios/team-split.json';

function read(id: string, json: unknown): { id: string; scenario: Scenario } {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(`scenarios/${id}.json does not parse: ${parsed.errors[0]?.message}`);
  return { id, scenario: parsed.scenario };
}

export const BUNDLED = [read('client-department', clientDepartment), read('team-split', teamSplit)];
