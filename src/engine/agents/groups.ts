/**
 * How a scheme's organisation turns the staff into working groups (articles 001, 003):
 * a team or a processing centre works one queue together; under personal ownership each
 * collector works only the clients dealt to them, and a personal measure pays each of
 * them on their own book.
 */
import type { Model, SchemeModel } from '../model/model.ts';
import type { Department } from '../world/department.ts';
import type { Workforce } from '../world/workforce.ts';
import { TeamDay } from './team-day.ts';
import { keepsBook } from '../scenario/staff-roles.ts';

export interface Groups {
  teams: TeamDay[];
  /** Staff indices of the owners, in group order (empty unless personal ownership). */
  owners: number[];
}

/**
 * The scheme's working groups, made once per model and scheme and reused by every run
 * (a run resets them): who works which queue does not change from run to run.
 */
export function buildGroups(model: Model, scheme: SchemeModel, dept: Department, workforce: Workforce): Groups {
  const isSeller = (j: number) => keepsBook(model.staff[j].member.role);
  // Salespeople with a book sell it (agents/sales-month.ts); billing and collection is everyone else's queue.
  const workers = model.staff.map((_, j) => j).filter((j) => model.staff[j].member.workShare > 0 && !isSeller(j));
  if (model.scenario.sales.enabled) {
    // Clients belong to sellers (personal ownership) or to hunters then farmers; the
    // collectors bill and chase the whole book together.
    const org = scheme.scheme.organisation;
    const sellers = model.staff.map((_, j) => j).filter(isSeller);
    const owners = org === 'hunterFarmer' ? sellers : org === 'personal' ? sellers : [];
    return { teams: [new TeamDay(model, scheme, dept, workers, -1, dept.team, workforce)], owners };
  }
  if (scheme.scheme.organisation !== 'personal') {
    return { teams: [new TeamDay(model, scheme, dept, workers, -1, dept.team, workforce)], owners: [] };
  }
  // Clients go to the collectors; the head manages and covers nobody's book.
  const owners = workers.filter((j) => !model.staff[j].isHead);
  const personal = scheme.scheme.measure === 'personalCollections';
  return {
    teams: owners.map((j) => new TeamDay(model, scheme, dept, [j], j, personal ? dept.owners[j] : dept.team, workforce)),
    owners,
  };
}

/**
 * A run's deal of its clients under the scheme's organisation: to their owners (personal
 * ownership; sellers, or the account managers under hunter/farmer) and to a home collector
 * each (absence cover, world/cover.ts).
 */
export function dealClients(model: Model, scheme: SchemeModel, dept: Department, workforce: Workforce): void {
  const isSeller = (j: number) => keepsBook(model.staff[j].member.role);
  const workers = model.staff.map((_, j) => j).filter((j) => model.staff[j].member.workShare > 0 && !isSeller(j));
  const collectors = workers.filter((j) => !model.staff[j].isHead);
  if (model.scenario.sales.enabled) {
    const org = scheme.scheme.organisation;
    const sellers = model.staff.map((_, j) => j).filter(isSeller);
    const owners = org === 'personal' ? sellers : org === 'hunterFarmer' ? sellers.filter((j) => model.staff[j].member.role === 'accountManager') : [];
    dept.book.assignOwners(owners, (i) => dept.book.active[i] === 1);
    workforce.cover.dealHomes(dept.book, collectors);
    return;
  }
  if (scheme.scheme.organisation !== 'personal') {
    workforce.cover.dealHomes(dept.book, collectors);
    return;
  }
  dept.book.assignOwners(collectors);
  workforce.cover.homesFromOwners(dept.book);
}
