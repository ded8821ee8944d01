/**
 * One run: one scheme over the burn-in and the horizon, from the run's seed. The driver
 * steps day by day; the department's mechanics, the team's choices and the cash live in
 * their own modules. Pure and deterministic: the result depends only on the model, the
 * scheme and the run index.
 */
import type { Model } from './model.ts';
import type { RunResult } from './run-result.ts';
import { DAYS_IN_MONTH_SLOTS } from './run-result.ts';
import { Department } from './department.ts';
import { TeamDay } from './team-day.ts';
import { RunSeed, keyedUniform } from './random.ts';
import { settlePeriod } from './pay/settle.ts';
import { allocateRunResult, closeIntraMonth, recordMonth } from './recorder.ts';

/**
 * Per-model scratch reused by every run of a worker. The department is reset in full at
 * each run; the team's mind is built afresh per run (cheap), so no learned state can leak
 * from one run into the next and results never depend on which runs a worker did before.
 */
interface Workspace {
  dept: Department;
  bonus: Float64Array;
  normals: Float64Array;
}

const workspaces = new WeakMap<Model, Workspace>();

function workspace(model: Model): Workspace {
  let w = workspaces.get(model);
  if (!w) {
    const dept = new Department(model);
    w = {
      dept,
      bonus: new Float64Array(model.staff.length),
      normals: new Float64Array(model.staff.length),
    };
    workspaces.set(model, w);
  }
  return w;
}

function periodBounds(model: Model, m: number, periodMonths: number): [number, number] {
  const cal = model.calendar;
  const first = periodMonths === 1 ? m : m - ((cal.calendarMonth[m] - 1) % periodMonths);
  const last = Math.min(cal.months - 1, first + periodMonths - 1);
  return [cal.monthStart[first], cal.monthStart[last] + cal.monthLength[last] - 1];
}

export function simulateRun(model: Model, schemeIndex: number, runIndex: number): RunResult {
  const { calendar: cal, scenario } = model;
  const scheme = model.schemes[schemeIndex];
  const { dept, bonus, normals } = workspace(model);
  const team = new TeamDay(model, scheme, dept);
  const seed = new RunSeed(scenario.simulation.seed, runIndex);
  dept.book.setup(model, seed.stream('clients'));
  const clientSalt = seed.stream('client-luck').nextUint32();
  const splitSalt = seed.stream('split').nextUint32();
  dept.reset(clientSalt);
  team.reset();

  const staffCount = model.staff.length;
  const months = scenario.simulation.months;
  const result = allocateRunResult(schemeIndex, runIndex, months, cal.days - cal.firstRecordedDay, staffCount);
  const salaries = model.staff.reduce((a, s) => a + s.salary, 0);
  const split = scenario.behaviour.splitPerception;
  const dutyFloor = scenario.behaviour.effort.dutyFloor;
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
      team.startMonth();
    }
    dept.processEvents(t);
    team.run(t, periodStart, periodEnd);
    team.closeGates(dom, len);
    dept.cash.endDay(dom, len, salaries);

    const rm = m - cal.firstRecordedMonth;
    if (rm >= 0) {
      result.collectedByDay[rm * DAYS_IN_MONTH_SLOTS + dom - 1] = dept.collectedMonth / 100;
      // Effort by day of month counts working days, and weekends only when the team chose
      // to come in for at least a duty's worth: otherwise every month's weekends would
      // carve calendar artefacts into the profile.
      const worked = cal.working[t] === 1 || team.meanEffort >= dutyFloor;
      result.effortByDay[rm * DAYS_IN_MONTH_SLOTS + dom - 1] = worked ? team.meanEffort : 0;
    }
    if (dom !== len) {
      if (rm >= 0) result.cashDaily[t - cal.firstRecordedDay] = dept.cash.balance;
      continue;
    }

    // Month end: settle the pay if the period ends, accrue payroll, record.
    bonus.fill(0);
    let pool = 0;
    let paid = 0;
    if (t === periodEnd) {
      for (let j = 0; j < staffCount; j++) {
        const u1 = keyedUniform(splitSalt, j, m, 0);
        const u2 = keyedUniform(splitSalt, j, m, 1);
        normals[j] = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
      }
      const s = settlePeriod(
        scheme.pay,
        {
          measureKopecks: dept.collectedPeriod,
          collectedByDayKopecks: team.gateCollected,
          contributions: team.contribution,
          normals,
          discretionNoise: split.discretionNoise,
          favouritism: split.favouritism,
          directorCorrection: split.directorCorrection,
        },
        bonus,
      );
      pool = s.poolKopecks;
      paid = s.paidKopecks;
      team.closePeriod();
    }
    const bonusTotal = paid / 100;
    const payroll = (salaries + bonusTotal) * (1 + model.payrollTaxRate);
    dept.cash.owedPayroll += payroll - salaries * model.advanceShare;
    if (rm >= 0) {
      const collections = dept.collectedMonth / 100;
      const billed = dept.billedMonth / 100;
      const cash = dept.cash;
      recordMonth(result, rm, {
        collections,
        billed,
        maxCashGap: cash.maxGap,
        maxCashGapMid: cash.maxGapMid,
        daysInDeficit: cash.daysInDeficit,
        profit: collections - model.variableCostRatio * billed - model.fixedCosts - payroll - cash.financingCost,
        financingCost: cash.financingCost,
        payroll,
        bonus: bonusTotal,
        tranchePaid: pool > 0 ? paid / pool : 1,
        newClients: dept.newClients,
        lostClients: dept.lostClients,
        badDebt: dept.badDebtMonth / 100,
      });
      closeIntraMonth(result, rm, len);
      for (let j = 0; j < staffCount; j++) {
        const salary = model.staff[j].salary;
        result.staffBonus[j * months + rm] = bonus[j] / 100;
        result.staffPay[j * months + rm] = (Math.round(salary * 100) + bonus[j]) / 100;
        result.staffEffort[j * months + rm] = team.effortDays[j] ? team.effortSum[j] / team.effortDays[j] : 0;
      }
    }
    if (rm >= 0) result.cashDaily[t - cal.firstRecordedDay] = dept.cash.balance;
    // The owners take the surplus after the month's close: the last day shows the
    // month's closing balance, the next month starts from what is left.
    dept.cash.ownerDraw();
  }
  return result;
}
