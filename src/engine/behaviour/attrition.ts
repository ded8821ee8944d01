/**
 * Who leaves (MODEL.md P8; article 003: "часто клиентов уводят непосредственно бывшие
 * сотрудники"). Each month a person quits with a hazard that grows when their recent pay
 * falls short of what they expect; a leaver takes clients personally bound to them.
 * How bound a client is depends on the organisation, not on an output: under personal
 * ownership a client deals with one person; in a team anyone may have served them; a
 * processing centre (conveyor) leaves no personal ties.
 */
import type { Model } from '../model/model.ts';
import type { Scheme } from '../scenario/types.ts';
import { keyedUniform, type RunSeed } from '../numeric/random.ts';
import type { BehaviourModule, RunWorld } from './behaviour.ts';

/** What attrition reads of the people: whose post is empty, and what each was paid lately. */
export interface PayHistory {
  isVacant(j: number): boolean;
  averagePay(j: number): number;
}

/** Monthly chance that person j quits, from the gap between recent and expected pay. */
export function quitChance(model: Model, workforce: PayHistory, j: number): number {
  const a = model.scenario.behaviour.attrition;
  const expected = a.expectedPayMultiple * model.staff[j].salary;
  const shortfall = expected > 0 ? Math.max(0, 1 - workforce.averagePay(j) / expected) : 0;
  return 1 - Math.exp(-(a.quitsPerYear / 12) * (1 + a.dissatisfactionWeight * shortfall));
}

/**
 * How strongly a client is tied to one particular member of staff under the organisation.
 * A client follows a person only if that person is *their* person, so the bond grows with
 * the square of the person's share of the client's contacts: the owner has them all; in a
 * team of n each has about 1/n of them (one contact in three is not a relationship).
 */
export function personalBond(organisation: Scheme['organisation'], ownsClient: boolean, collectors: number): number {
  switch (organisation) {
    case 'personal':
      return ownsClient ? 1 : 0;
    case 'team':
      return collectors > 0 ? 1 / (collectors * collectors) : 0;
    case 'hunterFarmer':
      // Hunters hand clients over after a few months; account managers then own them.
      return ownsClient ? 1 : 0;
    case 'conveyor':
    case 'dispatcher':
      // A process or a dispatcher, not a person, stands between the client and the company.
      return 0;
  }
}

/** Decides this month's leavers; returns them (staff indices). The head stays. */
function drawLeavers(model: Model, workforce: PayHistory, salt: number, m: number): number[] {
  if (!model.scenario.behaviour.attrition.enabled) return [];
  const leavers: number[] = [];
  model.staff.forEach((s, j) => {
    if (s.isHead || workforce.isVacant(j)) return;
    if (keyedUniform(salt, j, m, 0) < quitChance(model, workforce, j)) leavers.push(j);
  });
  return leavers;
}

/**
 * Attrition as a module: at each month's start the month's leavers go, and the clients
 * bound to them go with them (P8). Reads recent pay against expected pay, the
 * organisation and who owns or serves which client; changes the posts (empty, then a
 * new hire ramping up) and the book (clients taken).
 */
export class Attrition implements BehaviourModule {
  readonly key = 'attrition';
  readonly reads = "each person's pay of the last three months against what they expect; who owns and who serves each client";
  readonly changes = 'the posts (a leaver’s stays empty, then a new hire ramps up) and the book (the clients a leaver takes), at a month’s start';
  /** This run's key for its draws (the same under every scheme). */
  private salt = 0;
  /** How many share the book's contacts: the owners, or everyone but the head. */
  private readonly collectors: number;

  constructor(private readonly world: RunWorld) {
    this.collectors = world.owners.length || world.model.staff.filter((x) => !x.isHead).length;
  }

  startRun(seed: RunSeed): void {
    this.salt = seed.stream('attrition').nextUint32();
  }

  startMonth(m: number): void {
    const { model, scheme, dept, workforce } = this.world;
    const { salt, collectors } = this;
    const organisation = scheme.scheme.organisation;
    const theft = model.scenario.behaviour.attrition.clientTheft;
    for (const j of drawLeavers(model, workforce, salt, m)) {
      workforce.leave(j, m);
      const home = workforce.cover.home;
      dept.takeClients(m, theft, (i) => personalBond(organisation, dept.book.owner[i] === j, collectors), salt, j, (i) => home[i] === j);
    }
  }
}
