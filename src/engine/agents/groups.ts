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

export interface Groups {
  teams: TeamDay[];
  /** Staff indices of the owners, in group order (empty unless personal ownership). */
  owners: number[];
}

export function buildGroups(model: Model, scheme: SchemeModel, dept: Department, workforce: Workforce): Groups {
  const isSeller = (j: number) => model.staff[j].member.role === 'hunter' || model.staff[j].member.role === 'accountManager';
  // Sellers sell (sales/sales-month.ts); billing and collection is the others' queue.
  const workers = model.staff.map((_, j) => j).filter((j) => model.staff[j].member.workShare > 0 && !isSeller(j));
  if (model.scenario.sales.enabled) {
    // Clients belong to sellers (personal ownership) or to hunters then farmers; the
    // collectors bill and chase the whole book together.
    const org = scheme.scheme.organisation;
    const sellers = model.staff.map((_, j) => j).filter(isSeller);
    const owners =
      org === 'personal' ? sellers : org === 'hunterFarmer' ? sellers.filter((j) => model.staff[j].member.role === 'accountManager') : [];
    dept.book.assignOwners(owners, (i) => dept.book.active[i] === 1);
    // Absence cover: each client's home is the collector it would be dealt to (cover.ts).
    workforce.cover.dealHomes(dept.book, workers.filter((j) => !model.staff[j].isHead));
    return { teams: [new TeamDay(model, scheme, dept, workers, -1, dept.team, workforce)], owners: org === 'hunterFarmer' ? sellers : owners };
  }
  if (scheme.scheme.organisation !== 'personal') {
    workforce.cover.dealHomes(dept.book, workers.filter((j) => !model.staff[j].isHead));
    return { teams: [new TeamDay(model, scheme, dept, workers, -1, dept.team, workforce)], owners: [] };
  }
  // Clients go to the collectors; the head manages and covers nobody's book.
  const owners = workers.filter((j) => !model.staff[j].isHead);
  const personal = scheme.scheme.measure === 'personalCollections';
  dept.book.assignOwners(owners);
  workforce.cover.homesFromOwners(dept.book);
  return {
    teams: owners.map((j) => new TeamDay(model, scheme, dept, [j], j, personal ? dept.owners[j] : dept.team, workforce)),
    owners,
  };
}
