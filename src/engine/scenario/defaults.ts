/**
 * The default scenario — the client department of article 002 — and the filling of
 * missing optional fields from it.
 *
 * This is the ONE place for the starting calibration (MODEL.md, appendices): tune the
 * numbers here and every file that leaves a field out follows.
 *
 * In a file, `company`, `calendar`, `clients`, `behaviour`, `sales`, `simulation`, `description`
 * and `baseline` are optional (missing sections and missing fields inside them come from
 * the defaults); `format`, `version`, `name`, `staff` and `schemes` are required.
 */
import {
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type AwardRule,
  type Behaviour,
  type CalendarSettings,
  type ClientBook,
  type Company,
  type SalesSettings,
  type Scenario,
  type SimulationSettings,
  type StaffMember,
} from './types.ts';
import { copyOwn, isObject, own, present, setOwn, type RawObject } from './issues.ts';

const SIMULATION: SimulationSettings = {
  runs: 1000,
  seed: 20260,
  months: 12,
  startMonth: '2027-01',
  burnInMonths: 3,
};

const COMPANY: Company = {
  plan: '50000000',
  breakEven: '40000000',
  variableCostRatio: '0.2',
  fixedCosts: '31850000',
  openingCash: '5000000',
  minReserve: '0',
  overdraftRate: '0.18',
  payrollTaxRate: '0.302',
  advanceDay: 20,
  advanceShare: '0.4',
  settlementDay: 5,
  ownerDrawAbove: '0',
};

const CALENDAR: CalendarSettings = {
  holidays: 'ru',
  extraHolidays: [],
  workingWeekends: [],
};

const CLIENTS: ClientBook = {
  count: 200,
  monthlyVolume: '55000000',
  volumeSkew: 0.7,
  volumeNoise: 0.08,
  // Calibrated to article 002's figures (scenarios/client-department.targets.json, README
  // "Model notes"): a fifth of the volume pays unasked, around its 23rd day; most clients
  // pay when called; a quarter stretch for months unless pushed.
  habits: [
    { id: 'selfPayer', volumeShare: '0.2', medianDays: 23, spread: 0.33, promiseProbability: 0.5 },
    { id: 'reminderPayer', volumeShare: '0.55', medianDays: 80, promiseProbability: 0.72 },
    { id: 'stretcher', volumeShare: '0.25', medianDays: 105, promiseProbability: 0.42 },
  ],
  invoiceHours: 0.6,
  callHours: 1.0,
  courierDays: 2,
  callAfterDays: 3,
  recallAfterDays: 3,
  promiseKept: 0.85,
  promiseMaxDays: 4,
  suspendAfterDays: 19,
  suspendedVolumeShare: 0.28,
  // A suspended client mostly stays and buys less (002); 2% leave a month while suspended.
  churnIfSuspended: 0.02,
  replacementMonths: 2,
};

const BEHAVIOUR: Behaviour = {
  effort: {
    enabled: true,
    // The whole-day model (calibrated, README "Model notes"): a working day is at least a
    // normal day, 58% of it routine that can wait 12 days behind a push (set aside in
    // proportion to how hard the push is); pay moves the push above it. A gated tranche lost
    // weighs 5.9 times the money (loss aversion and the team's shared stake in it).
    deadlineDiscount: 0.94,
    costFactor: 0.36,
    dutyFloor: 1,
    routineShare: 0.58,
    routineCanWaitDays: 12,
    maxEffort: 1.75,
    gateLossAversion: 5.9,
    weekendCostMultiplier: 1.25,
    forecastSigmaBase: '1000000',
    forecastSigmaShare: 0.4,
    forecastLearning: 0.3,
  },
  splitPerception: {
    enabled: true,
    discretionNoise: 0.35,
    favouritism: 0.5,
    directorCorrection: 0.5,
  },
  // Off by default: the client department of article 002 is about the crunch and the trap.
  absence: {
    enabled: false,
    illnessPerYear: 2,
    illnessMedianDays: 5,
    longIllnessPerYear: 0.1,
    vacationDays: 28,
    summerWeight: 3,
  },
  attrition: {
    enabled: false,
    quitsPerYear: 0.15,
    expectedPayMultiple: 1.3,
    dissatisfactionWeight: 4,
    vacancyMonths: 1,
    rampUpMonths: 3,
    clientTheft: 0.17,
  },
  star: {
    enabled: false,
    growth: 0.15,
    conversionLoss: 0.6,
    attestationCure: 0.6,
    deputyDamping: 0.5,
  },
};

// Off by default: the client department bills and collects a given book.
const SALES: SalesSettings = {
  enabled: false,
  initialClients: 60,
  hoursPerLead: 12,
  conversion: 0.3,
  salesCycleMonths: 2,
  newClientShare: 0.4,
  serviceHours: 5,
  pooledServiceHours: 2,
  crossSellHours: 6,
  neglectChurn: 0.08,
  handOverMonths: 6,
  monthlyDiscount: 0.7,
  inboundPerDay: 0,
  inboundHours: 1,
  inboundConversion: 0.35,
  // Lazear (2000): piece rates raised output 44%, about half of it from effort (sales-stagnation's targets).
  paceCostFactor: 0.6,
};

/** Defaults of a staff member's optional fields (`name` defaults to the id). */
const STAFF_MEMBER_DEFAULTS: Pick<StaffMember, 'skill' | 'workShare' | 'effortCost' | 'favour'> = {
  skill: 1,
  workShare: 1,
  effortCost: 1,
  favour: 0,
};

const STAFF: StaffMember[] = [
  { id: 'head', name: 'Head of department', role: 'head', salary: '40000', skill: 1, workShare: 0.5, effortCost: 1, favour: 0 },
  { id: 'masha', name: 'Masha', role: 'collector', salary: '20000', ...STAFF_MEMBER_DEFAULTS },
  { id: 'vasya', name: 'Vasya', role: 'collector', salary: '20000', ...STAFF_MEMBER_DEFAULTS },
  { id: 'olya', name: 'Olya', role: 'collector', salary: '20000', ...STAFF_MEMBER_DEFAULTS },
];

/** Defaults of a scheme's optional fields (`name` defaults to the id). */
const SCHEME_DEFAULTS = {
  organisation: 'team',
  measure: 'teamCollections',
  period: 'month',
  attestationMonths: 0,
  deputyHead: false,
} as const;

/** Defaults of an award rule's optional fields. */
const AWARD_DEFAULTS: Pick<AwardRule, 'minDeviation'> = { minDeviation: '0' };

const DEFAULT_SCENARIO: Scenario = {
  format: SCENARIO_FORMAT,
  version: SCENARIO_VERSION,
  name: 'Client department (article 002)',
  description:
    'Four people collect payments from 200 clients billed about 55M a month; plan 50M, ' +
    'break-even 40M. The status quo pays 0.1% of collections; the article proposes a pool ' +
    'of 0.5% above 40M, paid in tranches gated on the 15th and the 25th, split with a fixed ' +
    'head share and personal awards.',
  simulation: SIMULATION,
  company: COMPANY,
  calendar: CALENDAR,
  clients: CLIENTS,
  staff: STAFF,
  behaviour: BEHAVIOUR,
  sales: SALES,
  schemes: [
    {
      id: 'linear',
      name: 'Linear 0.1% of collections',
      ...SCHEME_DEFAULTS,
      formula: { type: 'linear', rate: '0.001' },
      tranches: [],
      split: { type: 'headShareEqual', headShare: '0.4' },
    },
    {
      id: 'threshold',
      name: '0.5% of collections above 40M',
      ...SCHEME_DEFAULTS,
      formula: { type: 'threshold', threshold: '40000000', rate: '0.005' },
      tranches: [],
      split: { type: 'headShareEqual', headShare: '0.4' },
    },
    {
      id: 'tranches',
      name: 'Threshold in thirds: 50% of plan by the 15th, 90% by the 25th',
      ...SCHEME_DEFAULTS,
      formula: { type: 'threshold', threshold: '40000000', rate: '0.005' },
      tranches: [
        { weight: '1', gate: { byDay: 15, minPlanShare: '0.5' } },
        { weight: '1', gate: { byDay: 25, minPlanShare: '0.9' } },
        { weight: '1' },
      ],
      split: { type: 'headShareEqual', headShare: '0.4' },
    },
    {
      id: 'tranchesAwards',
      name: 'Tranches, head 40%, awards and penalties, the rest equally',
      ...SCHEME_DEFAULTS,
      formula: { type: 'threshold', threshold: '40000000', rate: '0.005' },
      tranches: [
        { weight: '1', gate: { byDay: 15, minPlanShare: '0.5' } },
        { weight: '1', gate: { byDay: 25, minPlanShare: '0.9' } },
        { weight: '1' },
      ],
      split: {
        type: 'awardsEqual',
        headShare: '0.4',
        awards: [
          { to: 'topContributor', amount: '15000', minDeviation: '0.2' },
          { to: 'bottomContributor', amount: '-6000', minDeviation: '0.2' },
        ],
      },
    },
  ],
  baseline: 'linear',
};

/** A fresh, complete default scenario (the caller may mutate it). */
export function defaultScenario(): Scenario {
  return structuredClone(DEFAULT_SCENARIO);
}

// ---------------------------------------------------------------- filling a file

/** The object with every missing key of `defaults` added (a fresh copy; the input is untouched). */
function fillFlat(raw: RawObject, defaults: object): RawObject {
  const out = copyOwn(raw);
  for (const [key, value] of Object.entries(defaults)) {
    if (!present(out, key)) setOwn(out, key, structuredClone(value));
  }
  return out;
}

/** A missing section becomes the default; a present object gets its missing fields. Anything else is left for the validator to report. */
function fillSection(doc: RawObject, key: string, fill: (raw: RawObject) => RawObject, whole: unknown): void {
  if (!present(doc, key)) setOwn(doc, key, structuredClone(whole));
  else {
    const v = own(doc, key);
    if (isObject(v)) setOwn(doc, key, fill(v));
  }
}

function mapArray(v: unknown, fill: (item: RawObject) => RawObject): unknown {
  // Over-long arrays are reported once by the validator; don't spend time on them here.
  if (!Array.isArray(v) || v.length > 10_000) return v;
  const out: unknown[] = [];
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    out.push(isObject(item) ? fill(item) : item);
  }
  return out;
}

function fillStaffMember(raw: RawObject): RawObject {
  const out = fillFlat(raw, STAFF_MEMBER_DEFAULTS);
  if (!present(out, 'name') && typeof own(out, 'id') === 'string') setOwn(out, 'name', own(out, 'id'));
  return out;
}

function fillScheme(raw: RawObject): RawObject {
  const out = fillFlat(raw, { ...SCHEME_DEFAULTS, tranches: [] });
  if (!present(out, 'name') && typeof own(out, 'id') === 'string') setOwn(out, 'name', own(out, 'id'));
  const split = own(out, 'split');
  if (isObject(split) && own(split, 'type') === 'awardsEqual') {
    const s = fillFlat(split, { awards: [] });
    setOwn(s, 'awards', mapArray(own(s, 'awards'), (a) => fillFlat(a, AWARD_DEFAULTS)));
    setOwn(out, 'split', s);
  }
  return out;
}

/**
 * Fills every missing optional field of an (upgraded, current-version) scenario document
 * from the defaults, including fields inside staff members, schemes and award rules.
 * Works on untrusted input: values of the wrong type are left as they are for the
 * validator to report. Returns a new object; the input is not modified.
 */
export function fillDefaults(doc: RawObject): RawObject {
  const out = copyOwn(doc);
  if (!present(out, 'description')) setOwn(out, 'description', '');
  fillSection(out, 'simulation', (s) => fillFlat(s, SIMULATION), SIMULATION);
  fillSection(out, 'company', (s) => fillFlat(s, COMPANY), COMPANY);
  fillSection(out, 'calendar', (s) => fillFlat(s, CALENDAR), CALENDAR);
  fillSection(out, 'clients', (s) => fillFlat(s, CLIENTS), CLIENTS);
  fillSection(
    out,
    'behaviour',
    (b) => {
      const filled = copyOwn(b);
      fillSection(filled, 'effort', (s) => fillFlat(s, BEHAVIOUR.effort), BEHAVIOUR.effort);
      fillSection(filled, 'splitPerception', (s) => fillFlat(s, BEHAVIOUR.splitPerception), BEHAVIOUR.splitPerception);
      fillSection(filled, 'absence', (s) => fillFlat(s, BEHAVIOUR.absence), BEHAVIOUR.absence);
      fillSection(filled, 'attrition', (s) => fillFlat(s, BEHAVIOUR.attrition), BEHAVIOUR.attrition);
      fillSection(filled, 'star', (s) => fillFlat(s, BEHAVIOUR.star), BEHAVIOUR.star);
      return filled;
    },
    BEHAVIOUR,
  );
  fillSection(out, 'sales', (s) => fillFlat(s, SALES), SALES);
  setOwn(out, 'staff', mapArray(own(out, 'staff'), fillStaffMember));
  const schemes = mapArray(own(out, 'schemes'), fillScheme);
  setOwn(out, 'schemes', schemes);
  if (!present(out, 'baseline') && Array.isArray(schemes) && schemes.length > 0) {
    const first: unknown = schemes[0];
    if (isObject(first) && typeof own(first, 'id') === 'string') setOwn(out, 'baseline', own(first, 'id'));
  }
  return out;
}
