/**
 * One day of the team: forecast the measured results, value an hour of each kind of
 * work under the scheme, choose effort, and work the queue — invoices and collection
 * calls, the most valuable first ("large clients who tend to drag were handled first",
 * article 002) — until the next hour is worth less than it costs.
 */
import type { Model, SchemeModel } from '../model/model.ts';
import { HABIT_COUNT } from '../model/habits.ts';
import type { BookLedger, Department } from '../world/department.ts';
import type { Workforce } from '../world/workforce.ts';
import { expectedInflow, LearnedError } from './forecast.ts';
import { ActionValues, EffortChoice, type DeadlineView } from './effort.ts';
import { KeyGateValues } from './key-gate-values.ts';
import { WorkQueue } from './work-queue.ts';
import { expectedPoolAndMarginal } from '../pay/curve.ts';
import { normalCdf, normalPdf } from '../numeric/normal.ts';

const PERIOD_SLOTS = 93;
/** Pool roubles per rouble: orders the work where pay values nothing, far below any push. */
const ROUTINE_ORDER = 1e-9;

/**
 * Routine kept on a day of `push` hours: a push sets routine aside in proportion to how hard
 * it is (none at a normal day, all but the overdue part at the longest day), so that staying
 * a little longer does not free the whole day's routine for the queue.
 */
function keptRoutine(push: number, normalDay: number, maxHours: number, routineDue: number, forced: number): number {
  const span = maxHours - normalDay;
  return Math.max(forced, span > 0 ? routineDue * (1 - Math.min(1, (push - normalDay) / span)) : 0);
}

export class TeamDay {
  readonly values: ActionValues;
  readonly choice: EffortChoice;
  private readonly deadlines: DeadlineView[];
  private readonly periodError: LearnedError;
  private readonly gateError: LearnedError[];
  /** Per tranche: gate reached this month (by its day). */
  readonly gateMet: Uint8Array;
  /** Per tranche: collections by the gate's day this month, kopecks. */
  readonly gateCollected: Float64Array;
  /** Per staff this month: contribution (norm hours × skill), effort sum, days counted. */
  readonly contribution: Float64Array;
  readonly effortSum: Float64Array;
  readonly effortDays: Float64Array;
  private readonly headShare: number;
  /** How much more a tranche lost at a gate weighs than money gained. */
  private readonly lossAversion: number;
  /**
   * Routine work other than billing and chasing: its share of a normal day, how many
   * normal days' worth of it can wait, and what is waiting (norm hours).
   */
  private readonly routine: { share: number; canWait: number; backlog: number };
  /** Today's effort per staff member (members of this group only). */
  readonly staffEffort: Float64Array;
  /** 1 for the staff members who work in this group. */
  private readonly member: Uint8Array;
  /** Per tranche, today: the gate's forecast (NaN: not live) and its uncertainty. */
  private readonly gateForecast: Float64Array;
  private readonly gateSigma: Float64Array;
  /** Key-client gates (key-gate-values.ts); null without them. */
  private readonly keyGates: KeyGateValues | null;
  /** Today's client work, best first (work-queue.ts). */
  private readonly queue: WorkQueue;
  /** Today's expected pool and its slope at the period's forecast. */
  private readonly expected = new Float64Array(2);

  /**
   * A working group: the whole team on one queue, or under personal ownership one person
   * on their own clients (`owner`). `ledger` is what the group's pay is measured on.
   */
  constructor(
    private readonly model: Model,
    private readonly scheme: SchemeModel,
    private readonly dept: Department,
    members: readonly number[],
    owner: number,
    private readonly ledger: BookLedger,
    private readonly workforce: Workforce,
  ) {
    const n = model.staff.length;
    this.member = new Uint8Array(n);
    for (const j of members) this.member[j] = 1;
    this.todayPresence = new Float64Array(n);
    const learning = model.scenario.behaviour.effort.forecastLearning;
    this.values = new ActionValues(model);
    this.choice = new EffortChoice(model);
    this.deadlines = Array.from({ length: 1 + scheme.gateDay.length }, () => ({ daysLeft: 0, lambda: 0 }));
    this.periodError = new LearnedError(PERIOD_SLOTS, learning);
    this.gateError = Array.from(scheme.gateDay, () => new LearnedError(32, learning));
    this.gateMet = new Uint8Array(scheme.gateDay.length);
    this.gateCollected = new Float64Array(scheme.gateDay.length);
    this.contribution = new Float64Array(n);
    this.effortSum = new Float64Array(n);
    this.effortDays = new Float64Array(n);
    this.staffEffort = new Float64Array(n);
    this.gateForecast = new Float64Array(scheme.gateDay.length);
    this.gateSigma = new Float64Array(scheme.gateDay.length);
    this.keyGates = scheme.keyClients > 0 ? new KeyGateValues(model, scheme, dept) : null;
    this.queue = new WorkQueue(model, dept, this.values, this.keyGates, owner);
    this.lossAversion = model.scenario.behaviour.effort.gateLossAversion;
    const effort = model.scenario.behaviour.effort;
    this.routine = { share: effort.routineShare, canWait: effort.routineCanWaitDays, backlog: 0 };
    const split = scheme.scheme.split;
    this.headShare = 'headShare' in split && model.staff.some((s) => s.isHead) ? Number(split.headShare) : 0;
  }

  reset(): void {
    this.routine.backlog = 0;
    this.choice.reset();
    this.periodError.reset();
    for (const e of this.gateError) e.reset();
    this.startMonth();
  }

  startMonth(): void {
    this.queue.startMonth();
    this.gateMet.fill(0);
    this.gateCollected.fill(0);
    this.contribution.fill(0);
    this.effortSum.fill(0);
    this.effortDays.fill(0);
  }

  /** Decides and works day t; `periodStart`/`periodEnd` are day indices of the measured period. */
  run(t: number, periodStart: number, periodEnd: number): void {
    this.decide(t, periodStart, periodEnd);
    this.work(t);
  }

  private sigma(toCome: number): number {
    const e = this.model.scenario.behaviour.effort;
    return Number(e.forecastSigmaBase) + e.forecastSigmaShare * Math.max(0, toCome);
  }

  private decide(t: number, periodStart: number, periodEnd: number): void {
    if (!this.choice.enabled) {
      this.dutyRoutine(t);
      return;
    }
    const { model, scheme } = this;
    const cal = model.calendar;
    const courier = model.scenario.clients.courierDays;
    const dom = cal.dayOfMonth[t];
    const presence = this.presence(t);

    // The period's result.
    const { ledger } = this;
    const collectedPeriod = ledger.collectedPeriod / 100;
    const daysLeft = periodEnd - t;
    const projection = collectedPeriod + expectedInflow(ledger.totals, model.selfPay, daysLeft, courier);
    const slot = Math.min(PERIOD_SLOTS - 1, t - periodStart);
    this.periodError.observe(slot, projection);
    const forecast = projection + this.periodError.correction(slot);
    const sigma = this.sigma(forecast - collectedPeriod);

    // Gates: chance of passing each, and which are still live.
    const collectedMonth = ledger.collectedMonth / 100;
    let paidShare = 0;
    const gateForecast = this.gateForecast;
    for (let k = 0; k < scheme.gateDay.length; k++) {
      const day = scheme.gateDay[k];
      gateForecast[k] = NaN;
      this.keyGates?.clear(k);
      if (day === 0 || this.gateMet[k]) {
        paidShare += scheme.trancheShare[k];
        continue;
      }
      if (dom > day) continue; // missed
      if (scheme.gateKeyClients[k] > 0) {
        const chance = this.keyGates!.outlook(k, day - dom);
        if (this.keyGates!.met(k)) this.gateMet[k] = 1;
        paidShare += scheme.trancheShare[k] * chance;
        continue;
      }
      if (collectedMonth >= scheme.gateAmount[k]) {
        this.gateMet[k] = 1;
        paidShare += scheme.trancheShare[k];
        continue;
      }
      const r = day - dom;
      const proj = collectedMonth + expectedInflow(ledger.totals, model.selfPay, r, courier);
      this.gateError[k].observe(dom, proj);
      const f = proj + this.gateError[k].correction(dom);
      const s = this.sigma(f - collectedMonth);
      gateForecast[k] = f;
      this.gateSigma[k] = s;
      paidShare += scheme.trancheShare[k] * normalCdf((f - scheme.gateAmount[k]) / s);
    }

    const expected = this.expected;
    expectedPoolAndMarginal(scheme.curve, forecast, sigma, expected);
    const pool = expected[0];
    const d0 = this.deadlines[0];
    d0.daysLeft = daysLeft;
    // Nothing at stake at the month's end (a salary, a bonus out of reach): the job's routine
    // order — the money each item brings by then — at a weight too small to move anyone's effort.
    d0.lambda = Math.max(ROUTINE_ORDER, expected[1] * paidShare);
    let live = 1;
    for (let k = 0; k < scheme.gateDay.length; k++) {
      const f = gateForecast[k];
      if (Number.isNaN(f)) continue;
      const r = scheme.gateDay[k] - dom;
      const jump = pool * scheme.trancheShare[k] * this.lossAversion;
      const s = this.gateSigma[k];
      const needed = scheme.gateAmount[k] - f;
      const tail = (jump * normalPdf(-needed / s)) / s;
      // A gate is valued by reachability: while pushing can still reach it, its jump is
      // spread over the roubles still needed (prototype lesson); out of reach, the team gives up.
      const d = this.deadlines[live++];
      d.daysLeft = r;
      d.lambda = needed > 0 && needed <= this.reach(r) ? jump / Math.max(needed, s) : tail;
    }
    this.values.compute(this.deadlines, live);
    this.keyGates?.compute(pool, dom);

    const paidPool = pool * paidShare;
    this.choice.prepare(scheme.incentives, cal.working[t] === 1, paidPool, paidPool * (1 - this.headShare), presence);
  }

  /**
   * With effort choice switched off, pay moves nobody: the team works its duty hours in a
   * routine order — the money each item brings by month end — whatever the scheme.
   */
  private dutyRoutine(t: number): void {
    const cal = this.model.calendar;
    const m = cal.monthOf[t];
    const d = this.deadlines[0];
    d.daysLeft = cal.monthStart[m] + cal.monthLength[m] - 1 - t;
    d.lambda = 1;
    this.values.compute(this.deadlines, 1);
    this.choice.prepare(this.scheme.incentives, cal.working[t] === 1, 0, 0, this.presence(t));
  }

  /** Today's presence of each staff member in this group (0 for non-members). */
  private presence(t: number): Float64Array {
    const p = this.todayPresence;
    for (let j = 0; j < p.length; j++) p[j] = this.member[j] ? this.workforce.presence(j, t) : 0;
    return p;
  }
  private readonly todayPresence: Float64Array;

  /** Roubles a full push could still add within r days (capacity-limited). */
  private reach(r: number): number {
    if (r < 2) return 0;
    const { model, ledger } = this;
    const c = model.scenario.clients;
    const { promiseProbability } = model.habits;
    const t = ledger.totals;
    let pushable = 0;
    for (let h = 0; h < HABIT_COUNT; h++) {
      const open = t.debt[h] + t.transit[h] + t.pending[h];
      pushable += open * (1 - model.selfPay.within(h, r)) * promiseProbability[h] * c.promiseKept;
    }
    const needed = ledger.pendingCount * c.invoiceHours + ledger.debtorCount * c.callHours * 1.5;
    const maxHours = this.choice.mostHours(this.todayPresence);
    const available = maxHours * (1 + (r - 1) * (5 / 7));
    return needed > 0 ? pushable * Math.min(1, available / needed) : pushable;
  }

  private work(t: number): void {
    const { dept, choice, queue } = this;
    const c = this.model.scenario.clients;
    const cover = this.workforce.cover;
    queue.startDay(t);
    // The day's hours: a normal day whatever the value (duty) and at most a push's. Routine
    // work takes its share of a normal day (more, to catch up a backlog); on a day the team
    // pushes beyond a normal day, routine waits — up to the days it can wait.
    choice.teamHours(0);
    const normalDay = choice.hours[0];
    choice.teamHours(1e300);
    const maxHours = choice.hours[0];
    const routine = this.routine;
    if (this.model.calendar.working[t] === 1) routine.backlog += routine.share * normalDay;
    const forced = Math.max(0, routine.backlog - routine.canWait * routine.share * normalDay);
    const routineDue = Math.min(routine.backlog, normalDay);
    const dutyQueue = normalDay - routineDue;
    const span = maxHours - normalDay;
    // Billing is one batch (the month's invoices and documents, article 002): an hour of it is
    // worth the batch's average, not the last small invoice's — a team that bills, bills everyone.
    const billBatch = this.billBatchValue();
    let hours = 0;
    let marginal = 0;
    let pushed = false;
    for (;;) {
      // At duty the month's invoices go out first (the job's routine order); beyond it, the most valuable work.
      const best = hours < dutyQueue ? queue.bestBill() : queue.best();
      if (best < 0) break;
      const isBill = best < HABIT_COUNT;
      const bestValue = isBill ? Math.max(queue.value[best], billBatch) : queue.value[best];
      const cost = isBill ? c.invoiceHours : c.callHours;
      const next = hours + cost;
      if (next > dutyQueue) {
        choice.asked[0] = bestValue;
        choice.teamHoursAsked();
        const push = choice.hours[0];
        // keptRoutine(push, normalDay, maxHours, routineDue, forced), written out: called here
        // it would box its five doubles for every item past a normal day.
        const kept = Math.max(forced, span > 0 ? routineDue * (1 - Math.min(1, (push - normalDay) / span)) : 0);
        if (!(push > normalDay) || next > push - kept || next > maxHours - forced) {
          if (hours === 0) marginal = bestValue;
          break;
        }
        pushed = true;
      }
      const i = queue.client(best);
      if (isBill) dept.issueInvoice(i, t);
      else dept.call(i, t);
      cover.worked(i, cost);
      hours += cost;
      marginal = bestValue;
      queue.done(best, t);
    }
    let planned = normalDay;
    if (pushed) {
      choice.teamHours(marginal);
      planned = choice.hours[0];
    }
    const routineDone = Math.min(routine.backlog, Math.max(pushed ? keptRoutine(planned, normalDay, maxHours, routineDue, forced) : forced, planned - hours));
    routine.backlog -= routineDone;

    // Who worked how hard: everyone at the effort the marginal hour justified, scaled to the
    // work there was (queue and routine); a working day is never shorter than its duty.
    const scale = planned > 0 ? Math.min(1, (hours + routineDone) / planned) : 0;
    for (let j = 0; j < choice.capacity.length; j++) {
      this.staffEffort[j] = 0;
      if (choice.weight[j] <= 0) continue;
      const e = Math.max(choice.floor[j], (pushed ? choice.effort(j, marginal) : choice.effort(j, 0)) * scale);
      this.staffEffort[j] = e;
      this.contribution[j] += choice.weight[j] * e;
      if (this.model.calendar.working[t] || e > 0) {
        this.effortSum[j] += e;
        this.effortDays[j]++;
      }
    }
    // Work done today on the clients of people who are away: cover, by each one's part of the hours.
    cover.flush(choice.weight, this.staffEffort);
  }
  /** Today's value of an hour of billing, averaged over every bill still to issue (pool roubles per norm hour). */
  private billBatchValue(): number {
    const { ledger, values } = this;
    if (ledger.pendingCount === 0) return 0;
    let sum = 0;
    for (let h = 0; h < HABIT_COUNT; h++) sum += ledger.totals.pending[h] * values.bill[h];
    return sum / (ledger.pendingCount * this.model.scenario.clients.invoiceHours);
  }

  /** Call at the end of a gate's day: the gate is decided and the team learns its forecast error. */
  closeGates(dom: number, monthLength: number): void {
    const { scheme, dept } = this;
    for (let k = 0; k < scheme.gateDay.length; k++) {
      if (scheme.gateDay[k] === 0 || Math.min(scheme.gateDay[k], monthLength) !== dom) continue;
      const collected = this.ledger.collectedMonth;
      this.gateCollected[k] = collected;
      if (scheme.gateKeyClients[k] > 0) {
        // Decided by the key clients' own payments: what the settlement pays it on.
        this.gateMet[k] = dept.keys!.met(k) ? 1 : 0;
        continue;
      }
      if (collected / 100 >= scheme.gateAmount[k]) this.gateMet[k] = 1;
      this.gateError[k].settle(collected / 100);
    }
  }

  /** Call at the end of the period: the team learns how far its projection was off. */
  closePeriod(): void {
    this.periodError.settle(this.ledger.collectedPeriod / 100);
  }

  isMember(j: number): boolean {
    return this.member[j] === 1;
  }

  /** Adds this group's month (contributions, effort) into the department's per-person totals. */
  addMonth(contribution: Float64Array, effortSum: Float64Array, effortDays: Float64Array): void {
    for (let j = 0; j < contribution.length; j++) {
      if (!this.member[j]) continue;
      contribution[j] += this.contribution[j];
      effortSum[j] += this.effortSum[j];
      effortDays[j] += this.effortDays[j];
    }
  }
}
