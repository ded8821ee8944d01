/**
 * Effort is a choice (MODEL.md §6). Each day a person weighs what one more hour brings
 * them under *their* scheme against its cost:
 *
 *   pay of an hour = Σ_deadlines A·λ·x  × own share of the pool  +  visible merit
 *   A = δ^(days to the deadline at which the result is measured)   — the crunch
 *   λ = marginal pool per rouble counted by that deadline (slope, or a gate's value)
 *   x = extra roubles counted by the deadline per rouble the hour works on
 *       (diminishing: staff work the largest, most valuable items first)
 *   cost of effort e: c0 × hourly wage × e²/2 per hour  →  e* = pay of an hour / (c0 × wage)
 * clamped between the duty floor (none on weekends) and the maximum (12–14-hour days).
 */
import { HABIT_COUNT } from '../model.ts';
import type { Model } from '../model.ts';
import type { SplitIncentive } from './split-perception.ts';
import { selfPayWithin } from './forecast.ts';

/** How far off 'later' feels when putting a task off. */
const LATER_DAYS = 8;

/** One deadline at which a result is measured, as the team sees it today. */
export interface DeadlineView {
  /** Days from today to the deadline (0 = today is the last day). */
  daysLeft: number;
  /** Marginal pool per extra rouble counted by the deadline. */
  lambda: number;
}

/**
 * Per habit: pool roubles that one rouble of an action's amount is expected to bring,
 * summed over the live deadlines. `bill` = issue the invoice today, `call` = a collection
 * contact today.
 */
export class ActionValues {
  readonly bill = new Float64Array(HABIT_COUNT);
  readonly call = new Float64Array(HABIT_COUNT);

  constructor(private readonly model: Model) {}

  compute(deadlines: readonly DeadlineView[], count: number): void {
    const { behaviour } = this.model.scenario;
    const delta = behaviour.effort.deadlineDiscount;
    const later = LATER_DAYS;
    this.bill.fill(0);
    this.call.fill(0);
    for (let k = 0; k < count; k++) {
      const { daysLeft: r, lambda } = deadlines[k];
      if (!(lambda > 0) || r < 0) continue;
      const weight = Math.pow(delta, r) * lambda;
      for (let h = 0; h < HABIT_COUNT; h++) {
        // What doing it today adds over leaving it for a few days: little while the
        // deadline is far (procrastination), everything at the end.
        this.call[h] += weight * (this.callCounts(h, r) - this.callCounts(h, r - later));
        this.bill[h] += weight * (this.billCounts(h, r) - this.billCounts(h, r - later));
      }
    }
  }

  /** Share of a debt that a call made r days before the deadline adds to what it counts. */
  private callCounts(h: number, r: number): number {
    if (r <= 0) return 0;
    const c = this.model.scenario.clients;
    const maxDays = Math.max(1, c.promiseMaxDays);
    const promise = this.model.habits.promiseProbability[h] * c.promiseKept;
    return promise * (1 - selfPayWithin(this.model.habits.hazard[h], r)) * (Math.min(r, maxDays) / maxDays);
  }

  /** Share of an invoice issued r days before the deadline that the deadline counts: self-payments and the call it enables. */
  private billCounts(h: number, r: number): number {
    const c = this.model.scenario.clients;
    const rDelivered = r - c.courierDays;
    if (rDelivered <= 0) return 0;
    const self = selfPayWithin(this.model.habits.hazard[h], rDelivered);
    return self + (1 - self) * this.callCounts(h, rDelivered - c.callAfterDays);
  }
}

/** Per person: how much effort a given value of the marginal hour buys today. */
export class EffortChoice {
  readonly capacity: Float64Array;
  readonly skill: Float64Array;
  readonly share: Float64Array;
  readonly costDenominator: Float64Array;
  readonly floor: Float64Array;
  readonly maxEffort: number;
  readonly enabled: boolean;

  constructor(private readonly model: Model) {
    const n = model.staff.length;
    this.capacity = new Float64Array(n);
    this.skill = new Float64Array(n);
    this.share = new Float64Array(n);
    this.costDenominator = new Float64Array(n);
    this.floor = new Float64Array(n);
    this.maxEffort = model.scenario.behaviour.effort.maxEffort;
    this.enabled = model.scenario.behaviour.effort.enabled;
    // Capacity and skill do not change day to day: set them once, so anything that reads
    // them before today's prepare() (the gates' reach) sees the real team.
    model.staff.forEach((s, j) => {
      this.capacity[j] = 8 * s.member.workShare;
      this.skill[j] = s.member.skill;
    });
  }

  /**
   * Sets today's parameters. `expectedPool` is the pool the team expects to be paid;
   * `staffPool` the part of it split between the staff.
   *
   * When the split visibly follows results (discretion, awards, proportional), one more
   * rouble of a person's own result also raises their part of the split: their stake
   * in the marginal rouble grows from the plain pool share by the visible merit money
   * per rouble of pool.
   */
  prepare(incentives: readonly SplitIncentive[], working: boolean, expectedPool: number, staffPool: number): void {
    const { effort } = this.model.scenario.behaviour;
    const weekend = working ? 1 : effort.weekendCostMultiplier;
    const staff = this.model.staff;
    const others = staff.filter((s) => !s.isHead).length;
    const dilution = others > 1 ? 1 - 1 / others : 0;
    for (let j = 0; j < staff.length; j++) {
      const s = staff[j];
      const inc = incentives[j];
      const visible = inc.meritLink * staffPool + Math.min(inc.meritAmount, staffPool);
      this.share[j] = inc.poolShare + (expectedPool > 0 ? (visible * dilution) / expectedPool : 0);
      this.costDenominator[j] = effort.costFactor * s.hourlyWage * s.member.effortCost * inc.morale * weekend;
      this.floor[j] = working ? effort.dutyFloor : 0;
    }
  }

  /** Person j's effort when the marginal hour is worth `value` pool roubles per norm hour. */
  effort(j: number, value: number): number {
    if (!this.enabled) return this.floor[j];
    const pay = this.share[j] * value * this.skill[j];
    const e = pay / this.costDenominator[j];
    return e < this.floor[j] ? this.floor[j] : e > this.maxEffort ? this.maxEffort : e;
  }

  /** Norm hours the team puts in when the marginal hour is worth `value`. */
  teamHours(value: number): number {
    let sum = 0;
    for (let j = 0; j < this.capacity.length; j++) sum += this.capacity[j] * this.skill[j] * this.effort(j, value);
    return sum;
  }
}
