/**
 * A scenario compiled for the hot loop: plain numbers, the calendar, each scheme's pay
 * curve and settlement rules, each person's share of the pool. Built once per scenario
 * (per worker) and shared by every run.
 */
import type { Scenario, Scheme, StaffMember } from '../scenario/types.ts';
import { buildCalendar, type Calendar } from './calendar.ts';
import { compileCurve } from '../pay/formula.ts';
import type { PayCurve } from '../pay/curve.ts';
import { compileSchemePay, type CompiledSchemePay } from '../pay/settle.ts';
import { splitIncentives, type SplitIncentive } from '../pay/split-perception.ts';
import { HABIT_COUNT, HABIT_INDEX, SelfPayTable } from './habits.ts';
import { paysPersonally } from '../pay/personal-pay.ts';
import { keepsBook } from '../scenario/staff-roles.ts';

/** Longest distance to a deadline any day can see: a quarter plus slack. */
export const MAX_DEADLINE_DAYS = 100;

export interface HabitParams {
  volumeShare: Float64Array;
  /** Daily self-payment hazard, ln 2 / median days. */
  hazard: Float64Array;
  /** Median days to an unpushed payment, and the lognormal spread around it (0: memoryless). */
  median: Float64Array;
  spread: Float64Array;
  promiseProbability: Float64Array;
}

export interface SchemeModel {
  scheme: Scheme;
  curve: PayCurve;
  pay: CompiledSchemePay;
  /** Tranche weights normalised to 1, and their gates (byDay 0 = no gate). */
  trancheShare: Float64Array;
  gateDay: Int32Array;
  /** Collections (roubles) a gate needs (0 for a key-client gate). */
  gateAmount: Float64Array;
  /** Per tranche: the key clients its gate is on (0: a plain gate), and the largest of them. */
  gateKeyClients: Int32Array;
  keyClients: number;
  /** Months in the measured period. */
  periodMonths: number;
  /** Per staff: marginal share of the pool and the per-hour value of being seen to work. */
  incentives: SplitIncentive[];
  /** Automated marketing: extra inbound requests a working day, and its monthly cost (roubles). */
  marketingRequests: number;
  marketingCost: number;
}

export interface Model {
  scenario: Scenario;
  calendar: Calendar;
  plan: number;
  variableCostRatio: number;
  fixedCosts: number;
  openingCash: number;
  minReserve: number;
  overdraftDaily: number;
  payrollTaxRate: number;
  advanceShare: number;
  ownerDrawAbove: number;
  habits: HabitParams;
  /** P(an unpushed client pays within d days), per habit, at half-day steps. */
  selfPay: SelfPayTable;
  staff: StaffModel[];
  schemes: SchemeModel[];
}

export interface StaffModel {
  member: StaffMember;
  isHead: boolean;
  salary: number;
  /** Salary per normal working hour (21 days × 8 h), the yardstick of effort cost. */
  hourlyWage: number;
}

function num(s: string): number {
  return Number(s);
}

function compileScheme(scheme: Scheme, scenario: Scenario, staff: StaffModel[]): SchemeModel {
  // Gates count against the scheme's own plan (per person under a personal measure), else the company's.
  const planText = scheme.plan ?? scenario.company.plan;
  const plan = num(planText);
  const weights = scheme.tranches.length ? scheme.tranches.map((t) => num(t.weight)) : [1];
  const total = weights.reduce((a, b) => a + b, 0);
  const gateDay = new Int32Array(weights.length);
  const gateAmount = new Float64Array(weights.length);
  const gateKeyClients = new Int32Array(weights.length);
  scheme.tranches.forEach((t, i) => {
    if (t.gate) {
      gateDay[i] = t.gate.byDay;
      gateKeyClients[i] = t.gate.keyClients ?? 0;
      if (!gateKeyClients[i]) gateAmount[i] = num(t.gate.minPlanShare) * plan;
    }
  });
  return {
    scheme,
    curve: compileCurve(scheme.formula),
    pay: compileSchemePay(scheme, scenario.staff, planText),
    trancheShare: Float64Array.from(weights, (w) => w / total),
    gateDay,
    gateAmount,
    gateKeyClients,
    keyClients: gateKeyClients.reduce((a, b) => Math.max(a, b), 0),
    periodMonths: scheme.period === 'quarter' ? 3 : 1,
    marketingRequests: scheme.marketing?.requestsPerDay ?? 0,
    marketingCost: num(scheme.marketing?.monthlyCost ?? '0'),
    incentives: !paysPersonally(scheme)
      ? splitIncentives(scheme.split, staff, scenario.behaviour.splitPerception)
      : personalIncentives(scenario, staff),
  };
}

/**
 * Under a personal measure each person paid by it keeps their whole pool; the others
 * (the head, and collectors when sellers own the clients) have no stake in it.
 */
function personalIncentives(scenario: Scenario, staff: StaffModel[]): SplitIncentive[] {
  return staff.map((s) => ({
    poolShare: scenario.sales.enabled ? (keepsBook(s.member.role) ? 1 : 0) : s.isHead ? 0 : 1,
    meritLink: 0,
    meritAmount: 0,
    morale: 1,
  }));
}

export function compileModel(scenario: Scenario): Model {
  const { simulation, company } = scenario;
  const calendar = buildCalendar(
    scenario.calendar,
    simulation.startMonth,
    simulation.burnInMonths,
    simulation.months,
  );
  const habits: HabitParams = {
    volumeShare: new Float64Array(HABIT_COUNT),
    hazard: new Float64Array(HABIT_COUNT),
    median: new Float64Array(HABIT_COUNT),
    spread: new Float64Array(HABIT_COUNT),
    promiseProbability: new Float64Array(HABIT_COUNT),
  };
  for (const h of scenario.clients.habits) {
    const i = HABIT_INDEX[h.id];
    habits.volumeShare[i] = num(h.volumeShare);
    habits.hazard[i] = Math.LN2 / Math.max(0.1, h.medianDays);
    habits.median[i] = Math.max(0.1, h.medianDays);
    habits.spread[i] = h.spread ?? 0;
    habits.promiseProbability[i] = h.promiseProbability;
  }
  const staff: StaffModel[] = scenario.staff.map((member) => {
    const salary = num(member.salary);
    return { member, isHead: member.role === 'head', salary, hourlyWage: Math.max(salary, 1) / (21 * 8) };
  });
  return {
    scenario,
    calendar,
    plan: num(company.plan),
    variableCostRatio: num(company.variableCostRatio),
    fixedCosts: num(company.fixedCosts),
    openingCash: num(company.openingCash),
    minReserve: num(company.minReserve),
    overdraftDaily: num(company.overdraftRate) / 365,
    payrollTaxRate: num(company.payrollTaxRate),
    advanceShare: num(company.advanceShare),
    ownerDrawAbove: num(company.ownerDrawAbove),
    habits,
    selfPay: new SelfPayTable(habits.hazard, MAX_DEADLINE_DAYS + 10, habits.spread, habits.median),
    staff,
    schemes: scenario.schemes.map((s) => compileScheme(s, scenario, staff)),
  };
}
