/**
 * Article 002's client department, built by hand: plan 50M, break-even 40M, a head and
 * three collectors (Masha, Vasya, Olya), and the article's schemes.
 */
import { defaultScenario } from '../../../src/engine/scenario/defaults.ts';
import type { Scenario, Scheme, Split, StaffMember } from '../../../src/engine/scenario/types.ts';

export const articleStaff: StaffMember[] = [
  { id: 'head', name: 'Начальник отдела', role: 'head', salary: '40000', skill: 1, workShare: 0.3, effortCost: 1, favour: 0 },
  { id: 'masha', name: 'Маша', role: 'collector', salary: '20000', skill: 1.2, workShare: 1, effortCost: 1, favour: 0.5 },
  { id: 'vasya', name: 'Вася', role: 'collector', salary: '20000', skill: 0.8, workShare: 1, effortCost: 1, favour: -0.5 },
  { id: 'olya', name: 'Оля', role: 'collector', salary: '20000', skill: 1, workShare: 1, effortCost: 1, favour: 0 },
];

/** Head's fixed 40 %, Masha-style award to the top contributor, Vasya-style penalty to the bottom one. */
export const articleSplit: Split = {
  type: 'awardsEqual',
  headShare: '0.4',
  awards: [
    { to: 'topContributor', amount: '15000', minDeviation: '0.2' },
    { to: 'bottomContributor', amount: '-6000', minDeviation: '0.2' },
  ],
};

export const thresholdScheme: Scheme = {
  id: 'threshold',
  name: 'Порог 40 млн, 0,5 %',
  organisation: 'team',
    measure: 'teamCollections',
    attestationMonths: 0,
    deputyHead: false,
  period: 'month',
  formula: { type: 'threshold', threshold: '40000000', rate: '0.005' },
  tranches: [],
  split: articleSplit,
};

export const linearScheme: Scheme = {
  id: 'linear',
  name: '0,1 % от сбора',
  organisation: 'team',
    measure: 'teamCollections',
    attestationMonths: 0,
    deputyHead: false,
  period: 'month',
  formula: { type: 'linear', rate: '0.001' },
  tranches: [],
  split: { type: 'headShareEqual', headShare: '0.4' },
};

/** ⅓ if ≥ 50 % of plan by the 15th, ⅓ if ≥ 90 % by the 25th, ⅓ always. */
export const trancheScheme: Scheme = {
  id: 'tranches',
  name: 'Порог с траншами',
  organisation: 'team',
    measure: 'teamCollections',
    attestationMonths: 0,
    deputyHead: false,
  period: 'month',
  formula: { type: 'threshold', threshold: '40000000', rate: '0.005' },
  tranches: [
    { weight: '1', gate: { byDay: 15, minPlanShare: '0.5' } },
    { weight: '1', gate: { byDay: 25, minPlanShare: '0.9' } },
    { weight: '1' },
  ],
  split: articleSplit,
};

export function articleScenario(schemes: Scheme[] = [thresholdScheme, linearScheme, trancheScheme]): Scenario {
  return {
    format: 'paybench-scenario',
    version: 2,
    name: 'Клиентский отдел (статья 002)',
    description: 'The worked example of article 002.',
    simulation: { runs: 100, seed: 1, months: 12, startMonth: '2025-01', burnInMonths: 2 },
    company: {
      plan: '50000000',
      breakEven: '40000000',
      variableCostRatio: '0.75',
      fixedCosts: '8000000',
      openingCash: '10000000',
      minReserve: '0',
      overdraftRate: '0.2',
      payrollTaxRate: '0.3',
      advanceDay: 20,
      advanceShare: '0.4',
      settlementDay: 5,
      ownerDrawAbove: '20000000',
    },
    calendar: { holidays: 'ru', extraHolidays: [], workingWeekends: [] },
    clients: {
      count: 200,
      monthlyVolume: '55000000',
      volumeSkew: 1,
      volumeNoise: 0.1,
      habits: [
        { id: 'selfPayer', volumeShare: '0.45', medianDays: 6, promiseProbability: 0.9 },
        { id: 'reminderPayer', volumeShare: '0.35', medianDays: 80, promiseProbability: 0.85 },
        { id: 'stretcher', volumeShare: '0.2', medianDays: 60, promiseProbability: 0.35 },
      ],
      invoiceHours: 0.5,
      callHours: 0.5,
      courierDays: 2,
      callAfterDays: 3,
      recallAfterDays: 5,
      promiseKept: 0.85,
      promiseMaxDays: 4,
      suspendAfterDays: 25,
      suspendedVolumeShare: 0.5,
      churnIfSuspended: 0.5,
      replacementMonths: 2,
    },
    staff: articleStaff,
    behaviour: {
      effort: {
        enabled: true,
        deadlineDiscount: 0.9,
        costFactor: 0.2,
        dutyFloor: 0.5,
        routineShare: 0,
        routineCanWaitDays: 0,
        gateLossAversion: 1,
        maxEffort: 1.75,
        weekendCostMultiplier: 2,
        forecastSigmaBase: '1000000',
        forecastSigmaShare: 0.4,
        forecastLearning: 0.3,
      },
      splitPerception: { enabled: true, discretionNoise: 0.3, favouritism: 0.2, directorCorrection: 0.5 },
      absence: defaultScenario().behaviour.absence,
      attrition: defaultScenario().behaviour.attrition,
      star: defaultScenario().behaviour.star,
    },
    sales: defaultScenario().sales,
    schemes,
    baseline: schemes[0].id,
  };
}

/** Masha clearly on top, Vasya clearly at the bottom (mean 100 of the three collectors). */
export const articleContributions = Float64Array.from([30, 140, 60, 100]);
