/**
 * The fields of every scenario type, in the order files are written. One list per type:
 * the serializer writes exactly these (so Save, Share link and autosave keep every field),
 * and the validator warns about any other key. Each list is checked against its type by
 * the compiler (a missing or unknown key does not compile) and against types.ts by a test
 * (test/engine/scenario/fields.test.ts), so a new field cannot be forgotten here.
 */
import type {
  AbsenceBehaviour,
  AttritionBehaviour,
  AwardRule,
  Behaviour,
  CalendarSettings,
  ClientBook,
  Company,
  EffortBehaviour,
  Gate,
  Marketing,
  PaymentHabit,
  PayoutFormula,
  SalesSettings,
  Scenario,
  Scheme,
  SimulationSettings,
  Split,
  SplitPerception,
  StaffMember,
  StarBehaviour,
  Tier,
  Tranche,
} from './types.ts';

/** Exactly the keys of T, each once, checked by the compiler; the order is the file's. */
type Missing<T, K extends readonly PropertyKey[]> = Exclude<keyof T, K[number]>;
const fieldsOf =
  <T>() =>
  <const K extends readonly (keyof T & string)[]>(keys: K & ([Missing<T, K>] extends [never] ? unknown : { missing: Missing<T, K> })): K =>
    keys;

type FormulaOf<K extends PayoutFormula['type']> = Extract<PayoutFormula, { type: K }>;
type SplitOf<K extends Split['type']> = Extract<Split, { type: K }>;

export const FIELDS = {
  scenario: fieldsOf<Scenario>()([
    'format', 'version', 'name', 'description', 'simulation', 'company', 'calendar', 'clients', 'staff',
    'behaviour', 'sales', 'schemes', 'baseline',
  ]),
  simulation: fieldsOf<SimulationSettings>()(['runs', 'seed', 'months', 'startMonth', 'burnInMonths']),
  company: fieldsOf<Company>()([
    'plan', 'breakEven', 'variableCostRatio', 'fixedCosts', 'openingCash', 'minReserve', 'overdraftRate',
    'payrollTaxRate', 'advanceDay', 'advanceShare', 'settlementDay', 'ownerDrawAbove',
  ]),
  calendar: fieldsOf<CalendarSettings>()(['holidays', 'extraHolidays', 'workingWeekends']),
  clients: fieldsOf<ClientBook>()([
    'count', 'monthlyVolume', 'volumeSkew', 'volumeNoise', 'habits', 'invoiceHours', 'callHours', 'courierDays',
    'callAfterDays', 'recallAfterDays', 'promiseKept', 'promiseMaxDays', 'suspendAfterDays', 'suspendedVolumeShare',
    'churnIfSuspended', 'replacementMonths',
  ]),
  habit: fieldsOf<PaymentHabit>()(['id', 'volumeShare', 'medianDays', 'spread', 'promiseProbability']),
  staff: fieldsOf<StaffMember>()(['id', 'name', 'role', 'salary', 'skill', 'workShare', 'effortCost', 'favour']),
  behaviour: fieldsOf<Behaviour>()(['effort', 'splitPerception', 'absence', 'attrition', 'star']),
  effort: fieldsOf<EffortBehaviour>()([
    'enabled', 'deadlineDiscount', 'costFactor', 'dutyFloor', 'routineShare', 'routineCanWaitDays', 'maxEffort', 'gateLossAversion', 'weekendCostMultiplier',
    'forecastSigmaBase', 'forecastSigmaShare', 'forecastLearning',
  ]),
  splitPerception: fieldsOf<SplitPerception>()(['enabled', 'discretionNoise', 'favouritism', 'directorCorrection']),
  absence: fieldsOf<AbsenceBehaviour>()(['enabled', 'illnessPerYear', 'illnessMedianDays', 'longIllnessPerYear', 'vacationDays', 'summerWeight']),
  attrition: fieldsOf<AttritionBehaviour>()([
    'enabled', 'quitsPerYear', 'expectedPayMultiple', 'dissatisfactionWeight', 'vacancyMonths', 'rampUpMonths', 'clientTheft',
  ]),
  star: fieldsOf<StarBehaviour>()(['enabled', 'growth', 'conversionLoss', 'attestationCure', 'deputyDamping']),
  sales: fieldsOf<SalesSettings>()([
    'enabled', 'initialClients', 'hoursPerLead', 'conversion', 'salesCycleMonths', 'newClientShare', 'serviceHours',
    'pooledServiceHours', 'crossSellHours', 'neglectChurn', 'handOverMonths', 'monthlyDiscount', 'inboundPerDay',
    'inboundHours', 'inboundConversion', 'paceCostFactor',
  ]),
  scheme: fieldsOf<Scheme>()([
    'id', 'name', 'organisation', 'measure', 'period', 'formula', 'attestationMonths', 'deputyHead', 'plan',
    'marketing', 'tranches', 'split',
  ]),
  marketing: fieldsOf<Marketing>()(['requestsPerDay', 'monthlyCost']),
  formula: {
    fixed: fieldsOf<FormulaOf<'fixed'>>()(['type', 'amount']),
    linear: fieldsOf<FormulaOf<'linear'>>()(['type', 'rate', 'cap']),
    threshold: fieldsOf<FormulaOf<'threshold'>>()(['type', 'threshold', 'rate', 'cap']),
    pieceRate: fieldsOf<FormulaOf<'pieceRate'>>()(['type', 'rate', 'norm', 'premium', 'cap']),
    tiers: fieldsOf<FormulaOf<'tiers'>>()(['type', 'mode', 'tiers', 'cap']),
  },
  tier: fieldsOf<Tier>()(['from', 'rate']),
  tranche: fieldsOf<Tranche>()(['weight', 'gate']),
  gate: fieldsOf<Gate>()(['byDay', 'minPlanShare', 'keyClients']),
  split: {
    equal: fieldsOf<SplitOf<'equal'>>()(['type']),
    headShareEqual: fieldsOf<SplitOf<'headShareEqual'>>()(['type', 'headShare']),
    discretion: fieldsOf<SplitOf<'discretion'>>()(['type', 'headShare']),
    doubleDiscretion: fieldsOf<SplitOf<'doubleDiscretion'>>()(['type', 'headShare']),
    awardsEqual: fieldsOf<SplitOf<'awardsEqual'>>()(['type', 'headShare', 'awards']),
    proportional: fieldsOf<SplitOf<'proportional'>>()(['type', 'headShare']),
  },
  award: fieldsOf<AwardRule>()(['to', 'amount', 'minDeviation']),
} as const satisfies {
  [type: string]: unknown;
  formula: Record<PayoutFormula['type'], readonly string[]>;
  split: Record<Split['type'], readonly string[]>;
};

type Json = Record<string, unknown>;

/** The listed fields of `value`, in the list's order; absent (undefined) optional ones left out. */
function pick(value: object, keys: readonly string[], nested: Record<string, (v: never) => unknown> = {}): Json {
  const out: Json = {};
  for (const key of keys) {
    const v = (value as Json)[key];
    if (v === undefined) continue;
    const write = nested[key] as ((v: unknown) => unknown) | undefined;
    out[key] = write ? write(v) : Array.isArray(v) ? [...v] : v;
  }
  return out;
}

const list = <T extends object>(write: (item: T) => Json) => (items: readonly T[]) => items.map(write);

const writeScheme = (s: Scheme): Json =>
  pick(s, FIELDS.scheme, {
    formula: (f: PayoutFormula) => pick(f, FIELDS.formula[f.type], { tiers: list((t: Tier) => pick(t, FIELDS.tier)) }),
    marketing: (m: Marketing) => pick(m, FIELDS.marketing),
    tranches: list((t: Tranche) => pick(t, FIELDS.tranche, { gate: (g: Gate) => pick(g, FIELDS.gate) })),
    split: (sp: Split) => pick(sp, FIELDS.split[sp.type], { awards: list((a: AwardRule) => pick(a, FIELDS.award)) }),
  });

/** The scenario as a plain JSON tree with every field of its types, in the documented order. */
export function scenarioTree(s: Scenario): Json {
  return pick(s, FIELDS.scenario, {
    simulation: (v: SimulationSettings) => pick(v, FIELDS.simulation),
    company: (v: Company) => pick(v, FIELDS.company),
    calendar: (v: CalendarSettings) => pick(v, FIELDS.calendar),
    clients: (v: ClientBook) => pick(v, FIELDS.clients, { habits: list((h: PaymentHabit) => pick(h, FIELDS.habit)) }),
    staff: list((m: StaffMember) => pick(m, FIELDS.staff)),
    behaviour: (b: Behaviour) =>
      pick(b, FIELDS.behaviour, {
        effort: (v: EffortBehaviour) => pick(v, FIELDS.effort),
        splitPerception: (v: SplitPerception) => pick(v, FIELDS.splitPerception),
        absence: (v: AbsenceBehaviour) => pick(v, FIELDS.absence),
        attrition: (v: AttritionBehaviour) => pick(v, FIELDS.attrition),
        star: (v: StarBehaviour) => pick(v, FIELDS.star),
      }),
    sales: (v: SalesSettings) => pick(v, FIELDS.sales),
    schemes: list(writeScheme),
  });
}
