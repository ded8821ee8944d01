/**
 * How a scheme's organisation turns the staff into working groups (articles 001, 003):
 * a team or a processing centre works one queue together; under personal ownership each
 * collector works only the clients dealt to them, and a personal measure pays each of
 * them on their own book.
 */
import type { Model, SchemeModel } from './model.ts';
import type { Department } from './department.ts';
import type { Workforce } from './workforce.ts';
import { TeamDay } from './team-day.ts';

export interface Groups {
  teams: TeamDay[];
  /** Staff indices of the owners, in group order (empty unless personal ownership). */
  owners: number[];
}

export function buildGroups(model: Model, scheme: SchemeModel, dept: Department, workforce: Workforce): Groups {
  const workers = model.staff.map((_, j) => j).filter((j) => model.staff[j].member.workShare > 0);
  if (scheme.scheme.organisation !== 'personal') {
    return { teams: [new TeamDay(model, scheme, dept, workers, -1, dept, workforce)], owners: [] };
  }
  // Clients go to the collectors; the head manages and covers nobody's book.
  const owners = workers.filter((j) => !model.staff[j].isHead);
  const personal = scheme.scheme.measure === 'personalCollections';
  dept.book.assignOwners(owners);
  return {
    teams: owners.map((j) => new TeamDay(model, scheme, dept, [j], j, personal ? dept.owners[j] : dept, workforce)),
    owners,
  };
}
