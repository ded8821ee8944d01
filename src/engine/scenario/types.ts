/**
 * The scenario: everything a run needs, as the user wrote it (after `parseScenario`).
 *
 * Money and rates stay canonical decimal strings here so that the payout calculator
 * (decimal.js) and the kopeck settlement read exactly what the file said; the simulator
 * compiles them into plain numbers once per run set (`compileScenario`).
 */

import type { Money, Rate, Scheme } from './scheme-types.ts';

// The pay schemes' types and the decimal strings money and rates are written in live in
// scheme-types.ts; everything of the scenario is read from here.
export type * from './scheme-types.ts';

export const SCENARIO_FORMAT = 'paybench-scenario';
export const SCENARIO_VERSION = 2;

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  version: number;
  name: string;
  description: string;
  simulation: SimulationSettings;
  company: Company;
  calendar: CalendarSettings;
  clients: ClientBook;
  staff: StaffMember[];
  behaviour: Behaviour;
  /** Selling: prospecting, account work, cross-selling (MODEL.md P5; articles 001, 004). */
  sales: SalesSettings;
  schemes: Scheme[];
  /** id of the scheme the others are compared with. */
  baseline: string;
}

export interface SimulationSettings {
  /** Monte Carlo runs per scheme. */
  runs: number;
  seed: number;
  /** Recorded horizon, 1..36 months. */
  months: number;
  /** First recorded month, "YYYY-MM". */
  startMonth: string;
  /** Months simulated before the horizon so receivables and habits settle (not recorded). */
  burnInMonths: number;
}

export interface Company {
  /** Monthly collections plan (article 002: 50M). */
  plan: Money;
  /** Monthly collections at which profit is zero (article 002: 40M). */
  breakEven: Money;
  /** Obligations to counterparties as a share of the month's billed volume, paid evenly next month. */
  variableCostRatio: Rate;
  /** Fixed costs per month, paid evenly day by day. */
  fixedCosts: Money;
  openingCash: Money;
  /** Cash below this counts as a gap (0 = only a negative balance is a gap). */
  minReserve: Money;
  /** Annual overdraft rate charged daily on the gap. */
  overdraftRate: Rate;
  /** Employer's payroll taxes as a share of pay. */
  payrollTaxRate: Rate;
  /** Day of month the salary advance is paid. */
  advanceDay: number;
  /** Share of the salary paid as the advance. */
  advanceShare: Rate;
  /** Day of next month when the rest of the salary and the month's bonus are paid. */
  settlementDay: number;
  /** At month end the owners take cash above this level (keeps the balance stationary). */
  ownerDrawAbove: Money;
}

export interface CalendarSettings {
  /** "ru" fills Russian public holidays for every simulated year. */
  holidays: 'ru' | 'none';
  /** Extra non-working dates, "YYYY-MM-DD". */
  extraHolidays: string[];
  /** Saturdays/Sundays that are working days by decree, "YYYY-MM-DD". */
  workingWeekends: string[];
}

export type PaymentHabitId = 'selfPayer' | 'reminderPayer' | 'stretcher';

export interface PaymentHabit {
  id: PaymentHabitId;
  /** Share of billed volume with this habit (shares sum to 1). */
  volumeShare: Rate;
  /** Median days from delivered documents to payment if nobody calls. */
  medianDays: number;
  /**
   * How payment days spread around the median: a lognormal σ for clients who pay on their
   * own terms (0.5: most within ⅔–1½ of the median); absent or 0, memoryless — as likely
   * on any day, with a long tail.
   */
  spread?: number;
  /** Chance that a collection call yields a promise to pay. */
  promiseProbability: number;
}

export interface ClientBook {
  count: number;
  /** Total billed per month across the book. */
  monthlyVolume: Money;
  /** Lognormal sigma of client sizes: larger = a few large clients dominate. */
  volumeSkew: number;
  /** Month-to-month noise of a client's bill (lognormal sigma). */
  volumeNoise: number;
  /** Stretchers are the largest clients; the others draw their habit by volume share. */
  habits: PaymentHabit[];
  /** Hours to prepare and issue one invoice with its documents (002: ~0.5 h). */
  invoiceHours: number;
  /** Hours of one collection contact (call, documents, follow-up). */
  callHours: number;
  /** Days the courier takes to deliver documents. */
  courierDays: number;
  /** Earliest call, days after delivery. */
  callAfterDays: number;
  /** Days before the same client can be called again after a call. */
  recallAfterDays: number;
  /** Chance that a promise is kept. */
  promiseKept: number;
  /** A kept promise pays within 1..promiseMaxDays days. */
  promiseMaxDays: number;
  /** A delivered invoice unpaid this many days suspends the client. */
  suspendAfterDays: number;
  /** A suspended client's next bill, as a share of normal. */
  suspendedVolumeShare: number;
  /** Monthly chance that a suspended client leaves; its debt is written off. */
  churnIfSuspended: number;
  /** Months until a similar client replaces one that left. */
  replacementMonths: number;
}

/**
 * head — runs the department; collector — billing and collection calls (article 002);
 * hunter — finds new clients (МПК); accountManager — serves and grows existing clients (МРК);
 * inbound — the client sector converting an inbound flow of requests (article 000).
 */
export type StaffRole = 'head' | 'collector' | 'hunter' | 'accountManager' | 'inbound';

export interface StaffMember {
  id: string;
  name: string;
  role: StaffRole;
  /** Monthly base salary. */
  salary: Money;
  /** Productivity multiplier (1 = the norm hours per task). */
  skill: number;
  /** Share of the person's hours spent on the department's queue (the head manages too). */
  workShare: number;
  /** Personal multiplier on the effort cost (>1: dislikes overtime). */
  effortCost: number;
  /** How the head likes this person, -1..1 (drives favouritism under discretion). */
  favour: number;
}

export interface Behaviour {
  effort: EffortBehaviour;
  splitPerception: SplitPerception;
  absence: AbsenceBehaviour;
  attrition: AttritionBehaviour;
  star: StarBehaviour;
}

/**
 * Star syndrome (MODEL.md P6; article 000): staff of a sector with an easy inbound flow
 * and high, stable pay start to coast ("the flow will feed me") and convert fewer requests.
 */
export interface StarBehaviour {
  enabled: boolean;
  /** Monthly growth of the star level per unit of pay above salary (pay/salary − 1), when pay is stable. */
  growth: number;
  /** Share of conversion lost at full star level. */
  conversionLoss: number;
  /** Share of the star level a re-attestation removes. */
  attestationCure: number;
  /** Share of the growth a deputy head's daily control prevents. */
  deputyDamping: number;
}

/** Illness and vacations (MODEL.md P7; article 002: a month-long illness, a summer vacation). */
export interface AbsenceBehaviour {
  enabled: boolean;
  /** Short illness episodes per person per year. */
  illnessPerYear: number;
  /** Median length of a short episode, calendar days (lognormal: a long tail). */
  illnessMedianDays: number;
  /** Chance per person per year of a long illness of a month to a month and a half. */
  longIllnessPerYear: number;
  /** Vacation days per person per year, taken in two blocks. */
  vacationDays: number;
  /** How much likelier a vacation block starts in June–August than in another month. */
  summerWeight: number;
}

/** People who leave and take "their" clients (MODEL.md P8; article 003). */
export interface AttritionBehaviour {
  enabled: boolean;
  /** Quits per person per year when pay meets expectations. */
  quitsPerYear: number;
  /** Monthly pay a person expects, as a multiple of their salary. */
  expectedPayMultiple: number;
  /** How strongly a shortfall of pay against expectations raises the quit hazard. */
  dissatisfactionWeight: number;
  /** Months a post stays empty before a new hire starts. */
  vacancyMonths: number;
  /** Months a new hire takes to reach full skill (starting at half). */
  rampUpMonths: number;
  /** Chance that a client personally bound to the leaver leaves with them. */
  clientTheft: number;
}

export interface EffortBehaviour {
  enabled: boolean;
  /** Attention to a deadline d days away is deadlineDiscount^d (MODEL.md: δ ≈ 0.9). */
  deadlineDiscount: number;
  /** Effort cost c0 in c(e) = c0 × hourly wage × hours × e²/2. */
  costFactor: number;
  /** Effort the job demands regardless of pay on a working day (1 = a normal 8-hour day). */
  dutyFloor: number;
  /**
   * Share of a normal working day that goes to routine work other than billing and
   * chasing (client questions, reconciliations, paperwork): the queue gets the rest, and
   * every hour beyond the normal day. 0 = the whole day is queue work.
   */
  routineShare: number;
  /**
   * How many normal days' worth of routine work can wait while the team pushes its queue
   * (a rush before a gate); it is caught up on normal days. 0: routine never waits.
   */
  routineCanWaitDays: number;
  /** Top effort: 1.75 ≈ 14-hour days. */
  maxEffort: number;
  /**
   * How much more a tranche lost at a gate weighs than the same money gained (1 = no
   * difference). A gated tranche is the team's unless a gate is missed: a loss, and losses
   * loom larger (Hossain & List 2012; Fryer, Levitt, List & Sadoff 2012: loss-framed
   * bonuses raised output where gain-framed ones of the same size did not).
   */
  gateLossAversion: number;
  /** Weekend hours cost this much more; nobody has a duty on weekends. */
  weekendCostMultiplier: number;
  /** Forecast uncertainty σ = sigmaBase + sigmaShare × expected inflow still to come. */
  forecastSigmaBase: Money;
  forecastSigmaShare: number;
  /** Weight of the newest month in the team's learned forecast error (moving average). */
  forecastLearning: number;
}

export interface SplitPerception {
  enabled: boolean;
  /** Lognormal sigma of the head's judgement noise when splitting at discretion. */
  discretionNoise: number;
  /** Weight of the head's liking (StaffMember.favour) in a discretionary split. */
  favouritism: number;
  /** Share of the head's noise and favouritism the commercial director corrects. */
  directorCorrection: number;
}

/**
 * The sales side of the book (MODEL.md P5, articles 001, 003, 004). Each month every
 * salesperson splits their hours between serving their clients, cross-selling to them
 * and prospecting for new ones, by what an hour brings them under their scheme.
 */
export interface SalesSettings {
  enabled: boolean;
  /** Clients at the start; the book grows up to `clients.count` slots by prospecting. */
  initialClients: number;
  /** Prospecting hours per lead found. */
  hoursPerLead: number;
  /** Share of leads that sign, after the sales cycle. */
  conversion: number;
  salesCycleMonths: number;
  /** A new client's first bill as a share of its potential; cross-selling grows it. */
  newClientShare: number;
  /** Account work a client needs each month to stay looked after by their own manager. */
  serviceHours: number;
  /** The same for a pooled service desk (tickets, a processing centre): a process, not a relationship. */
  pooledServiceHours: number;
  /** Hours of cross-selling that add a tenth of a client's potential. */
  crossSellHours: number;
  /** Monthly chance that a client nobody looked after this month leaves. */
  neglectChurn: number;
  /** Months a hunter keeps a client before handing it to an account manager. */
  handOverMonths: number;
  /** Monthly discount of future pay in a salesperson's eyes (0.8 ≈ a five-month horizon). */
  monthlyDiscount: number;
  /** Inbound requests a working day (calls, site forms) for the client sector to convert. */
  inboundPerDay: number;
  /** Hours to handle one inbound request. */
  inboundHours: number;
  /** Share of handled requests that sign, for a person free of star syndrome. */
  inboundConversion: number;
  /**
   * Cost of pace under a piece rate, as effort.costFactor is for the collections push: c0 ×
   * hourly wage × hours × pace²/2. Its own input: the piece rate's response is fitted to
   * Lazear (2000), the push above a normal day to article 002.
   */
  paceCostFactor: number;
}
