/**
 * One run: one scheme over the burn-in and the horizon, from the run's seed. The driver
 * steps day by day; the department's mechanics, the team's choices and the cash live in
 * their own modules. Pure and deterministic: the result depends only on the model, the
 * scheme and the run index.
 */
import { compileModel, type Model } from '../model/model.ts';
import type { Scenario } from '../scenario/types.ts';
import type { RunResult } from './run-result.ts';
import { Department, type PaymentObserver } from '../world/department.ts';
import { Workforce } from '../world/workforce.ts';
import { buildGroups, dealClients, type Groups } from '../agents/groups.ts';
import { RunSeed } from '../numeric/random.ts';
import { SalesBook } from '../world/sales-book.ts';
import { SalesMonth, salesPeople } from '../agents/sales-month.ts';
import { KeyClients } from '../world/key-clients.ts';
import { Behaviours } from '../behaviour/registry.ts';
import { PeriodPay } from './period-pay.ts';
import { allocateRunResult, RunRecorder } from './recorder.ts';
import type { DayEnd, MonthEnd } from './metrics.ts';

/**
 * Per-model scratch reused by every run of a worker. The department is reset in full at
 * each run; the team's mind is built afresh per run (cheap), so no learned state can leak
 * from one run into the next and results never depend on which runs a worker did before.
 */
interface Workspace {
  dept: Department;
  workforce: Workforce;
  bonus: Float64Array;
  normals: Float64Array;
  contribution: Float64Array;
  effortSum: Float64Array;
  effortDays: Float64Array;
  sales: SalesBook | null;
  /** Per scheme: its key-client plan's tracker (null: no key-client gates), made on first use. */
  keys: (KeyClients | null | undefined)[];
  /** Per scheme: its working groups, made on first use and reset by every run. */
  groups: (Groups | undefined)[];
  /** Per scheme: its behaviour modules (behaviour/registry.ts), made on first use and reset by every run. */
  behaviours: (Behaviours | undefined)[];
  /** The last run's seed and its run index: a plan lists run i of every scheme together, so each is made once. */
  seed: RunSeed | null;
  seedRun: number;
}

const workspaces = new WeakMap<Model, Workspace>();

function workspace(model: Model): Workspace {
  let w = workspaces.get(model);
  if (!w) {
    const dept = new Department(model);
    const n = model.staff.length;
    w = {
      dept,
      workforce: new Workforce(model),
      bonus: new Float64Array(n),
      normals: new Float64Array(n),
      contribution: new Float64Array(n),
      effortSum: new Float64Array(n),
      effortDays: new Float64Array(n),
      sales: model.scenario.sales.enabled ? new SalesBook(model.scenario.clients.count) : null,
      keys: [],
      groups: [],
      behaviours: [],
      seed: null,
      seedRun: -1,
    };
    workspaces.set(model, w);
  }
  return w;
}

/**
 * V8 records, for each field, the class of the objects stored in it (and whether a number
 * field has held fractions), and optimises the hot code on that. A thread's second model
 * changes those records and throws the optimised code away: about a quarter of a second of
 * slow runs in a web worker's second batch, which is the workbench's first edit. A thread
 * that will run many models calls this once, before its first: a run of each scheme on a
 * spare model changes the records while nothing depends on them yet.
 */
export function settleShapes(scenario: Scenario): void {
  const spare = compileModel(scenario);
  for (let s = 0; s < spare.schemes.length; s++) simulateRun(spare, s, 0);
}

function periodBounds(model: Model, m: number, periodMonths: number): [number, number] {
  const cal = model.calendar;
  const first = periodMonths === 1 ? m : m - ((cal.calendarMonth[m] - 1) % periodMonths);
  const last = Math.min(cal.months - 1, first + periodMonths - 1);
  return [cal.monthStart[first], cal.monthStart[last] + cal.monthLength[last] - 1];
}

/** What a caller may watch in a run besides its record; absent in ordinary runs. */
export interface RunObservers {
  /** Each client payment: simulated day (burn-in included), client slot, kopecks. */
  onPayment?: PaymentObserver;
}

export function simulateRun(model: Model, schemeIndex: number, runIndex: number, observers?: RunObservers): RunResult {
  const { calendar: cal, scenario } = model;
  const scheme = model.schemes[schemeIndex];
  const ws = workspace(model);
  const { dept, workforce, bonus, normals, contribution, effortSum, effortDays, sales } = ws;
  if (ws.seed === null || ws.seedRun !== runIndex) {
    ws.seed = new RunSeed(scenario.simulation.seed, runIndex);
    ws.seedRun = runIndex;
  }
  const seed = ws.seed;
  dept.book.setup(model, runIndex, () => seed.stream('clients'));
  sales?.setup(model, dept.book, seed.stream('sales'));
  dept.sales = sales;
  if (ws.keys[schemeIndex] === undefined) ws.keys[schemeIndex] = scheme.keyClients > 0 ? new KeyClients(scheme, scenario.clients.count) : null;
  dept.keys = ws.keys[schemeIndex];
  dept.keys?.setup(dept.book);
  const salesSalt = seed.stream('sales-luck').nextUint32();
  const clientSalt = seed.stream('client-luck').nextUint32();
  const splitSalt = seed.stream('split').nextUint32();
  dept.cash.schemeFixedCosts = scheme.marketingCost;
  dept.reset(clientSalt);
  dept.onPayment = observers?.onPayment ?? null;
  workforce.reset();
  ws.groups[schemeIndex] ??= buildGroups(model, scheme, dept, workforce);
  const { teams, owners } = ws.groups[schemeIndex]!;
  const behaviours = (ws.behaviours[schemeIndex] ??= new Behaviours({ model, scheme, dept, workforce, owners, selling: null }));
  behaviours.startRun(seed);
  dealClients(model, scheme, dept, workforce);
  for (const team of teams) team.reset();
  const selling = sales ? new SalesMonth(model, scheme, dept, sales, salesPeople(model, scheme), workforce) : null;
  behaviours.world.selling = selling;
  const periodPay = new PeriodPay(model, scheme, dept, workforce, selling, sales, owners, splitSalt, normals);
  const dayEnd: DayEnd = { dept, meanEffort: 0, working: false, dutyFloor: scenario.behaviour.effort.dutyFloor };
  const monthEnd: MonthEnd = { model, scheme, dept, workforce, selling, month: 0, payroll: 0, bonus: 0, tranchePaid: 1, departures: 0, idleDays: 0 };

  const staffCount = model.staff.length;
  const months = scenario.simulation.months;
  const result = allocateRunResult(schemeIndex, runIndex, months, cal.days - cal.firstRecordedDay, staffCount);
  const recorder = new RunRecorder(result);
  let salaries = 0;
  let idleDays = 0;
  let periodStart = 0;
  let periodEnd = -1;

  for (let t = 0; t < cal.days; t++) {
    const m = cal.monthOf[t];
    const dom = cal.dayOfMonth[t];
    const len = cal.monthLength[m];
    if (dom === 1) {
      const startsPeriod = t > periodEnd;
      if (startsPeriod) [periodStart, periodEnd] = periodBounds(model, m, scheme.periodMonths);
      dept.startMonth(m, startsPeriod);
      workforce.startMonth(m);
      // The modules' month start: leavers go and take the clients bound to them (P8).
      behaviours.startMonth(m);
      salaries = model.staff.reduce((a, s, j) => a + (workforce.isVacant(j) ? 0 : s.salary), 0);
      selling?.run(m, salesSalt);
      for (const team of teams) team.startMonth();
      periodPay.startMonth();
      idleDays = 0;
      contribution.fill(0);
      effortSum.fill(0);
      effortDays.fill(0);
    }
    dept.processEvents(t);
    workforce.cover.startDay(t, m - cal.firstRecordedMonth, workforce);
    let effort = 0;
    let people = 0;
    for (const team of teams) {
      team.run(t, periodStart, periodEnd);
      team.closeGates(dom, len);
      for (let j = 0; j < staffCount; j++) {
        const e = team.staffEffort[j];
        if (e <= 0 && workforce.presence(j, t) === 0) continue;
        if (!team.isMember(j)) continue;
        effort += e;
        people++;
      }
    }
    periodPay.closeDay(dom, len);
    dept.cash.endDay(dom, len, salaries);

    const rm = m - cal.firstRecordedMonth;
    if (cal.working[t] === 1 && people > 0 && effort === 0) idleDays++;
    if (rm >= 0) {
      dayEnd.meanEffort = people ? effort / people : 0;
      dayEnd.working = cal.working[t] === 1;
      recorder.day(rm, dom, dayEnd);
    }
    if (dom !== len) {
      if (rm >= 0) result.cashDaily[t - cal.firstRecordedDay] = dept.cash.balance;
      continue;
    }

    // Month end: settle the pay if the period ends, accrue payroll, record.
    bonus.fill(0);
    let pool = 0;
    let paid = 0;
    for (const team of teams) team.addMonth(contribution, effortSum, effortDays);
    if (t === periodEnd) {
      periodPay.settle(m, teams, contribution, bonus);
      pool = periodPay.pool;
      paid = periodPay.paid;
    }
    for (let j = 0; j < staffCount; j++) {
      if (!workforce.isVacant(j)) workforce.recordPay(j, model.staff[j].salary + bonus[j] / 100);
    }
    behaviours.endMonth(m);
    const bonusTotal = paid / 100;
    const payroll = (salaries + bonusTotal) * (1 + model.payrollTaxRate);
    dept.cash.owedPayroll += payroll - salaries * model.advanceShare;
    if (rm >= 0) {
      monthEnd.month = m;
      monthEnd.payroll = payroll;
      monthEnd.bonus = bonusTotal;
      monthEnd.tranchePaid = pool > 0 ? paid / pool : 1;
      monthEnd.departures = workforce.leftThisMonth;
      monthEnd.idleDays = idleDays;
      recorder.month(rm, monthEnd);
      recorder.closeMonth(rm, len);
      for (let j = 0; j < staffCount; j++) {
        const salary = workforce.isVacant(j) ? 0 : model.staff[j].salary;
        result.staffBonus[j * months + rm] = bonus[j] / 100;
        result.staffPay[j * months + rm] = (Math.round(salary * 100) + bonus[j]) / 100;
        result.staffEffort[j * months + rm] = effortDays[j] ? effortSum[j] / effortDays[j] : 0;
      }
    }
    if (rm >= 0) result.cashDaily[t - cal.firstRecordedDay] = dept.cash.balance;
    // The owners take the surplus after the month's close: the last day shows the
    // month's closing balance, the next month starts from what is left.
    dept.cash.ownerDraw();
  }
  workforce.cover.finish(result.coverHours, result.uncoveredHours, result.coverMatrix);
  return result;
}
