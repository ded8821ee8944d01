/**
 * How the team sees its key-client gates (article 000: a plan per key client; the clients
 * themselves are in key-clients.ts). Each day, for each live key gate: the chance of
 * passing it and the roubles its short key clients still owe towards it; then what an
 * hour on a key client still short of a live key gate adds, per rouble per habit —
 * valued from those gates' deadlines only, and added in TeamDay's `advance()` to the
 * short key clients' own hours. Loops over the key clients only.
 */
import type { Model, SchemeModel } from '../model/model.ts';
import type { Department } from '../world/department.ts';
import { ActionValues, type DeadlineView } from './effort.ts';

export class KeyGateValues {
  /** Per rouble per habit: what an hour on a short key client adds today. */
  readonly values: ActionValues;
  private readonly deadlines: DeadlineView[];
  /** Per tranche, today: a live key gate's shortfall in roubles (0: not live or out of reach). */
  private readonly shortfall: Float64Array;
  /** Per tranche, today: every key client has reached its share. */
  private readonly metToday: Uint8Array;

  constructor(
    private readonly model: Model,
    private readonly scheme: SchemeModel,
    private readonly dept: Department,
  ) {
    this.values = new ActionValues(model);
    this.deadlines = Array.from({ length: scheme.gateDay.length }, () => ({ daysLeft: 0, lambda: 0 }));
    this.shortfall = new Float64Array(scheme.gateDay.length);
    this.metToday = new Uint8Array(scheme.gateDay.length);
  }

  /** Gate k is not live today (met, missed or not a key gate) until `outlook` says otherwise. */
  clear(k: number): void {
    this.shortfall[k] = 0;
    this.metToday[k] = 0;
  }

  /** Every key client reached its share of gate k (as of the last `outlook`). */
  met(k: number): boolean {
    return this.metToday[k] === 1;
  }

  /**
   * Key-client gate k with r days to go: its chance of passing as the team sees it, and
   * the roubles its short key clients still owe towards it — 0 when it is already met or
   * out of reach: a short key client whose open invoices cannot cover its shortfall, or
   * that no invoice, delivery and promised payment can reach in time.
   */
  outlook(k: number, r: number): number {
    const { model, dept } = this;
    const keys = dept.keys!;
    const book = dept.book;
    const c = model.scenario.clients;
    const { promiseProbability } = model.habits;
    let chance = 1;
    let shortfall = 0;
    let reachable = r >= 1;
    for (let p = 0; p < keys.count; p++) {
      const gap = keys.shortfall(k, p);
      if (gap <= 0) continue;
      const i = keys.slots[p];
      const h = book.habit[i];
      shortfall += gap;
      // Days before a call on it can be made: owed now, in transit, or not yet invoiced.
      const earliest = book.debt[i] >= gap ? 0 : book.debt[i] + book.inTransit[i] >= gap ? c.callAfterDays : 1 + c.courierDays + c.callAfterDays;
      if (!book.active[i] || book.debt[i] + book.inTransit[i] + book.pendingBill[i] < gap) {
        chance = 0;
        reachable = false;
        continue;
      }
      const self = model.selfPay.within(h, Math.max(0, r - (earliest > 0 ? earliest : 0)));
      const calls = r - earliest >= 1 ? 1 + Math.floor((r - earliest - 1) / Math.max(1, c.recallAfterDays)) : 0;
      if (calls === 0) reachable = false;
      const push = 1 - Math.pow(1 - promiseProbability[h] * c.promiseKept, calls);
      chance *= 1 - (1 - self) * (1 - push);
    }
    if (shortfall === 0) {
      this.metToday[k] = 1;
      return 1;
    }
    this.shortfall[k] = reachable ? shortfall / 100 : 0;
    return chance;
  }

  /**
   * The key gates' values: each live, reachable key gate's jump spread over the roubles its
   * key clients still owe (as a plain gate's over the roubles still needed); the key clients
   * still short of one are marked for `advance()`. Out of reach, the team gives up on it.
   */
  compute(pool: number, dom: number): void {
    const { scheme, dept } = this;
    const keys = dept.keys!;
    let live = 0;
    for (let k = 0; k < scheme.gateDay.length; k++) {
      const gap = this.shortfall[k];
      if (!(gap > 0)) continue;
      const d = this.deadlines[live++];
      d.daysLeft = scheme.gateDay[k] - dom;
      d.lambda = (pool * scheme.trancheShare[k]) / gap;
    }
    this.values.compute(this.deadlines, live);
    for (let p = 0; p < keys.count; p++) {
      let short = 0;
      for (let k = 0; k < scheme.gateDay.length && !short; k++) {
        if (this.shortfall[k] > 0 && keys.shortfall(k, p) > 0) short = 1;
      }
      keys.short[keys.slots[p]] = short;
    }
  }
}
