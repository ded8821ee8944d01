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
import { HABIT_COUNT } from '../model/habits.ts';
import { MAX_DEADLINE_DAYS } from '../model/model.ts';
import type { Model } from '../model/model.ts';
import type { SplitIncentive } from '../pay/split-perception.ts';

/** How far off 'later' feels when putting a task off. */
const LATER_DAYS = 8;
/** Nobody comes in on a day off for less than half a normal day (with a routine share: the whole-day model). */
const DAY_OFF_MINIMUM = 0.5;

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
  /** Per habit, by days to the deadline (offset by LATER_DAYS): share counted if done that day. */
  private readonly callCounts: Float64Array[];
  private readonly billCounts: Float64Array[];
  /** δ^r by days to the deadline. */
  private readonly attention: Float64Array;

  constructor(model: Model) {
    const c = model.scenario.clients;
    const { promiseProbability } = model.habits;
    const selfPay = model.selfPay;
    const maxDays = Math.max(1, c.promiseMaxDays);
    const size = MAX_DEADLINE_DAYS + LATER_DAYS + 1;
    // A call r days before the deadline: a promise, kept, paid 1..maxDays later, where the client would not have paid anyway.
    const callCounts = (h: number, r: number) =>
      r <= 0 ? 0 : promiseProbability[h] * c.promiseKept * (1 - selfPay.within(h, r)) * (Math.min(r, maxDays) / maxDays);
    // An invoice issued r days before: the self-payments it starts and the call it enables (prototype 2).
    const billCounts = (h: number, r: number) => {
      const rDelivered = r - c.courierDays;
      if (rDelivered <= 0) return 0;
      const self = selfPay.within(h, rDelivered);
      return self + (1 - self) * callCounts(h, rDelivered - c.callAfterDays);
    };
    this.callCounts = Array.from({ length: HABIT_COUNT }, (_, h) => Float64Array.from({ length: size }, (_, k) => callCounts(h, k - LATER_DAYS)));
    this.billCounts = Array.from({ length: HABIT_COUNT }, (_, h) => Float64Array.from({ length: size }, (_, k) => billCounts(h, k - LATER_DAYS)));
    const delta = model.scenario.behaviour.effort.deadlineDiscount;
    this.attention = Float64Array.from({ length: size }, (_, r) => Math.pow(delta, r));
  }

  compute(deadlines: readonly DeadlineView[], count: number): void {
    this.bill.fill(0);
    this.call.fill(0);
    for (let k = 0; k < count; k++) {
      const { daysLeft, lambda } = deadlines[k];
      if (!(lambda > 0) || daysLeft < 0) continue;
      const r = Math.min(daysLeft, MAX_DEADLINE_DAYS);
      const weight = this.attention[r] * lambda;
      // What doing it today adds over leaving it for a few days: little while the
      // deadline is far (procrastination), everything at the end.
      const now = r + LATER_DAYS;
      for (let h = 0; h < HABIT_COUNT; h++) {
        const call = this.callCounts[h];
        const bill = this.billCounts[h];
        this.call[h] += weight * (call[now] - call[r]);
        this.bill[h] += weight * (bill[now] - bill[r]);
      }
    }
  }
}

/** Per person: how much effort a given value of the marginal hour buys today. */
export class EffortChoice {
  readonly capacity: Float64Array;
  readonly skill: Float64Array;
  readonly share: Float64Array;
  readonly costDenominator: Float64Array;
  readonly floor: Float64Array;
  /**
   * [the most effort, today's come-in minimum: effort below it is not worth coming in for (a
   * day off under the whole-day model), else 0]. A typed array, not two fields: read from
   * fields, V8 kept teamHours' clamp in tagged form and boxed a double on every call.
   */
  private readonly bounds = new Float64Array(2);
  /** Today: effort per pool rouble of an hour's value (share × skill / cost), and norm hours per unit of effort. */
  readonly slope: Float64Array;
  readonly weight: Float64Array;
  readonly enabled: boolean;

  constructor(private readonly model: Model) {
    const n = model.staff.length;
    this.capacity = new Float64Array(n);
    this.skill = new Float64Array(n);
    this.share = new Float64Array(n);
    this.costDenominator = new Float64Array(n);
    this.floor = new Float64Array(n);
    this.slope = new Float64Array(n);
    this.weight = new Float64Array(n);
    this.bounds[0] = model.scenario.behaviour.effort.maxEffort;
    this.enabled = model.scenario.behaviour.effort.enabled;
    // Capacity and skill do not change day to day: set them once, so anything that reads
    // them before today's prepare() (the gates' reach) sees the real team.
    this.baseCost = new Float64Array(n);
    this.baseWeight = new Float64Array(n);
    const costFactor = model.scenario.behaviour.effort.costFactor;
    model.staff.forEach((s, j) => {
      this.capacity[j] = 8 * s.member.workShare;
      this.skill[j] = s.member.skill;
      this.baseWeight[j] = this.capacity[j] * this.skill[j];
      this.baseCost[j] = costFactor * s.hourlyWage * s.member.effortCost;
    });
    const others = model.staff.filter((s) => !s.isHead).length;
    this.dilution = others > 1 ? 1 - 1 / others : 0;
  }
  /** Per person: norm hours per unit of effort at full presence. */
  private readonly baseWeight: Float64Array;
  /** Per person: c0 × hourly wage × personal effort cost (before morale and weekends). */
  private readonly baseCost: Float64Array;
  /** The part of one's own extra result that goes to others in a results-following split. */
  private readonly dilution: number;

  /**
   * Sets today's parameters. `expectedPool` is the pool the team expects to be paid;
   * `staffPool` the part of it split between the staff.
   *
   * When the split visibly follows results (discretion, awards, proportional), one more
   * rouble of a person's own result also raises their part of the split: their stake
   * in the marginal rouble grows from the plain pool share by the visible merit money
   * per rouble of pool.
   */
  prepare(incentives: readonly SplitIncentive[], working: boolean, expectedPool: number, staffPool: number, presence: Float64Array): void {
    const { effort } = this.model.scenario.behaviour;
    const weekend = working ? 1 : effort.weekendCostMultiplier;
    const dilution = this.dilution;
    this.bounds[1] = !working && effort.routineShare > 0 ? DAY_OFF_MINIMUM : 0;
    for (let j = 0; j < this.share.length; j++) {
      const inc = incentives[j];
      const visible = inc.meritLink * staffPool + Math.min(inc.meritAmount, staffPool);
      this.share[j] = inc.poolShare + (expectedPool > 0 ? (visible * dilution) / expectedPool : 0);
      this.costDenominator[j] = this.baseCost[j] * inc.morale * weekend;
      this.floor[j] = working ? effort.dutyFloor : 0;
      this.slope[j] = this.enabled ? (this.share[j] * this.skill[j]) / this.costDenominator[j] : 0;
      // Away, an empty post or not in this group: no hours; a new hire works at part skill.
      this.weight[j] = this.baseWeight[j] * presence[j];
    }
  }

  /** Norm hours the team could put in today at most, with these people present (a push's reach). */
  mostHours(presence: Float64Array): number {
    let sum = 0;
    for (let j = 0; j < presence.length; j++) sum += this.baseWeight[j] * presence[j];
    return sum * this.bounds[0];
  }

  /** A new run: nothing prepared yet (reading the team before the first prepare() sees no hours). */
  reset(): void {
    this.share.fill(0);
    this.costDenominator.fill(0);
    this.floor.fill(0);
    this.slope.fill(0);
    this.weight.fill(0);
    this.bounds[1] = 0;
  }

  /** Person j's effort (a share of a normal day, routine included) when the marginal queue hour is worth `value` pool roubles per norm hour. */
  effort(j: number, value: number): number {
    const e = this.slope[j] * value;
    const floor = this.floor[j];
    const maxEffort = this.bounds[0];
    const comeIn = this.bounds[1];
    if (comeIn > 0 && e < comeIn) return 0;
    return e < floor ? floor : e > maxEffort ? maxEffort : e;
  }

  /**
   * teamHours' answer. Stored, not returned: the team's day asks it for every item past a
   * normal day, and a double returned from a call V8 does not inline is boxed each time.
   */
  readonly hours = new Float64Array(1);

  /** Sets `hours[0]`: norm hours the team puts in when the marginal hour is worth `value` (routine work included). */
  teamHours(value: number): void {
    this.asked[0] = value;
    this.teamHoursAsked();
  }

  /** The value teamHoursAsked() reads: a double passed to a call V8 does not inline is boxed, once per item. */
  readonly asked = new Float64Array(1);

  /** teamHours(asked[0]). */
  teamHoursAsked(): void {
    const value = this.asked[0];
    const { slope, floor, weight, bounds } = this;
    const maxEffort = bounds[0];
    const comeIn = bounds[1];
    let sum = 0;
    for (let j = 0; j < slope.length; j++) {
      const e = slope[j] * value;
      if (comeIn > 0 && e < comeIn) continue;
      sum += weight[j] * (e < floor[j] ? floor[j] : e > maxEffort ? maxEffort : e);
    }
    this.hours[0] = sum;
  }
}
