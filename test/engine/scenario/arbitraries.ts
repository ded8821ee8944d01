/**
 * fast-check generators of ACCEPTED scenarios, in the canonical form `parseScenario`
 * returns (trimmed names, canonical decimal strings, no -0), covering every field of the
 * scenario types — the optional ones (scheme plan and marketing, formula caps, gates,
 * key-client plans) included — and the ends of every range the validator allows
 * (validate.ts lists them). Used by the round-trip property and the engine fuzz.
 *
 * Cross-field rules are kept by construction: one head and at least one other person
 * (every split but `equal` needs them), a personal measure only under a personal
 * organisation, a piece rate exactly with process units (and then no tranches), sales on
 * whenever a scheme needs them, no gate in a quarterly scheme, key-client plans on the
 * team measure only, habit shares summing to 1, tiers ascending, award signs, tranche
 * weights exact in kopeck arithmetic.
 */
import fc from 'fast-check';
import type {
  AwardRule,
  Behaviour,
  CalendarSettings,
  ClientBook,
  Company,
  Gate,
  PaymentHabit,
  PayoutFormula,
  SalesSettings,
  Scenario,
  Scheme,
  SimulationSettings,
  Split,
  StaffMember,
  Tranche,
} from '../../../src/engine/scenario/types.ts';
import { SCENARIO_LIMITS as L } from '../../../src/engine/scenario/limits.ts';

/** How big the generated scenarios may get (the engine fuzz keeps them quick to run). */
export interface ScenarioSize {
  maxStaff: number;
  maxSchemes: number;
  /** Chance weight of a book at the largest allowed size (20,000 clients). */
  hugeBook: number;
}

export const FULL_SIZE: ScenarioSize = { maxStaff: 12, maxSchemes: 5, hugeBook: 1 };

// ---------------------------------------------------------------- numbers

/** A number in [min, max] ((min, max] with `above`), often exactly at an end. */
export function num(min: number, max: number, above = false): fc.Arbitrary<number> {
  const inside = fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((x) => !above || x > min);
  return fc
    .oneof(
      { arbitrary: inside, weight: 4 },
      { arbitrary: fc.constant(max), weight: 1 },
      { arbitrary: above ? fc.constant(min + (max - min) * 1e-9) : fc.constant(min), weight: 1 },
    )
    .map((x) => (x === 0 ? 0 : x));
}

export function int(min: number, max: number): fc.Arbitrary<number> {
  const inside = max <= 0x7fffffff ? fc.integer({ min, max }) : fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
  return fc.oneof({ arbitrary: inside, weight: 4 }, fc.constant(min), fc.constant(max));
}

/** The canonical decimal text of digits × 10^-places (as the validator writes it). */
export function canonical(digits: bigint, places: number): string {
  if (digits === 0n) return '0';
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(places + 1, '0');
  const whole = text.slice(0, text.length - places);
  const fraction = text.slice(text.length - places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

function toDigits(text: string, places: number): bigint {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const d = BigInt(whole + fraction.padEnd(places, '0'));
  return text.startsWith('-') ? -d : d;
}

/** A canonical decimal string in [min, max] ((min, max] with `above`) with at most `places` decimals. */
export function dec(min: string, max: string, places: number, above = false): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: places }).chain((p) => {
    const lo = toDigits(min, p) + (above ? 1n : 0n);
    const hi = toDigits(max, p);
    return fc
      .oneof(
        { arbitrary: fc.bigInt({ min: lo, max: hi }), weight: 4 },
        { arbitrary: fc.constant(lo), weight: 1 },
        { arbitrary: fc.constant(hi), weight: 1 },
      )
      .map((d) => canonical(d, p));
  });
}

const MAX = L.maxMoney;
const money = (min = '0', max: string = MAX, above = false) => dec(min, max, L.moneyDecimals, above);
const rate = (min = '0', max = '1', above = false) => dec(min, max, L.rateDecimals, above);
const share = () => rate();

// ---------------------------------------------------------------- text

const LETTERS = [...'abcXYZ019 -_.,()«»—ёЖщ€₽', '\u00e9', '\u4e2d', '\u{1F600}'];

/** A trimmed name of 1..max characters without control characters. */
export function name(max: number = L.maxNameLength): fc.Arbitrary<string> {
  const body = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: Math.min(max, 24) }).map((cs) => cs.join('').trim());
  return fc
    .oneof({ arbitrary: body, weight: 8 }, { arbitrary: fc.constant('W'.repeat(max)), weight: 1 })
    .map((s) => (s === '' ? 'x' : s));
}

const description = fc.oneof(
  fc.constant(''),
  fc.array(fc.constantFrom(...LETTERS, '\n', '\t'), { maxLength: 40 }).map((cs) => cs.join('').trim()),
  fc.constant('d'.repeat(L.maxDescriptionLength)),
);

/** Ids a JavaScript object already has as members are refused (validate-fields.ts). */
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));
const ids = (n: number) =>
  fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/).filter((id) => !RESERVED.has(id)), { minLength: n, maxLength: n });

const date = fc
  .record({ y: int(L.minYear, L.maxYear), m: int(1, 12), d: int(1, 31) })
  .map(({ y, m, d }) => {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  });
const weekendDate = date.map((text) => {
  const day = new Date(`${text}T00:00:00Z`);
  while (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) day.setUTCDate(day.getUTCDate() - 1);
  return day.getUTCFullYear() < L.minYear ? `${L.minYear}-01-01` : day.toISOString().slice(0, 10);
});

// ---------------------------------------------------------------- sections

const simulation: fc.Arbitrary<SimulationSettings> = fc.record({
  runs: int(L.minRuns, L.maxRuns),
  seed: int(0, L.maxSeed),
  months: int(L.minMonths, L.maxMonths),
  startMonth: fc.record({ y: int(L.minYear, L.maxYear), m: int(1, 12) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`),
  burnInMonths: int(0, L.maxBurnInMonths),
});

const company: fc.Arbitrary<Company> = fc.record({
  plan: money('0', MAX, true),
  breakEven: money(),
  variableCostRatio: share(),
  fixedCosts: money(),
  openingCash: money(`-${MAX}`),
  minReserve: money(),
  overdraftRate: share(),
  payrollTaxRate: share(),
  advanceDay: int(1, 31),
  advanceShare: share(),
  settlementDay: int(1, 31),
  ownerDrawAbove: money(),
});

const calendar: fc.Arbitrary<CalendarSettings> = fc.record({
  holidays: fc.constantFrom('ru' as const, 'none' as const),
  extraHolidays: fc.uniqueArray(date, { maxLength: 3 }),
  workingWeekends: fc.uniqueArray(weekendDate, { maxLength: 3 }),
});

/** 1–3 habits with volume shares (10 decimals at most) summing to exactly 1. */
const habits: fc.Arbitrary<PaymentHabit[]> = fc
  .record({
    which: fc.shuffledSubarray(['selfPayer', 'reminderPayer', 'stretcher'] as const, { minLength: 1 }),
    cuts: fc.array(fc.bigInt({ min: 0n, max: 10n ** 10n }), { minLength: 2, maxLength: 2 }),
    rest: fc.array(fc.record({ medianDays: num(0, 365, true), spread: fc.option(num(0, 3), { nil: undefined }), promiseProbability: num(0, 1) }), {
      minLength: 3,
      maxLength: 3,
    }),
  })
  .map(({ which, cuts, rest }) => {
    const marks = [0n, ...cuts.slice(0, which.length - 1).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 10n ** 10n];
    return which.map((id, i) => {
      const { medianDays, spread, promiseProbability } = rest[i];
      return { id, volumeShare: canonical(marks[i + 1] - marks[i], 10), medianDays, ...(spread === undefined ? {} : { spread }), promiseProbability };
    });
  });

const clients = (size: ScenarioSize): fc.Arbitrary<ClientBook> =>
  fc.record({
    count: fc.oneof({ arbitrary: int(1, 300), weight: 20 }, { arbitrary: fc.constant(L.maxClients), weight: size.hugeBook }),
    monthlyVolume: money(),
    volumeSkew: num(0, 5),
    volumeNoise: num(0, 2),
    habits,
    invoiceHours: num(0.01, 24),
    callHours: num(0.01, 24),
    courierDays: int(0, 60),
    callAfterDays: int(0, 365),
    recallAfterDays: int(0, 365),
    promiseKept: num(0, 1),
    promiseMaxDays: int(1, 60),
    suspendAfterDays: int(1, 365),
    suspendedVolumeShare: num(0, 1),
    churnIfSuspended: num(0, 1),
    replacementMonths: int(0, 36),
  });

const person = (id: string, role: StaffMember['role']): fc.Arbitrary<StaffMember> =>
  fc.record({
    id: fc.constant(id),
    name: name(),
    role: fc.constant(role),
    salary: money(),
    skill: num(0, 10, true),
    workShare: num(0, 1),
    effortCost: num(0.01, 10),
    favour: num(-1, 1),
  });

/** One head first, then 1.. others of the other roles. */
const staff = (size: ScenarioSize): fc.Arbitrary<StaffMember[]> =>
  fc.integer({ min: 2, max: size.maxStaff }).chain((n) =>
    fc.tuple(ids(n), fc.array(fc.constantFrom('collector', 'hunter', 'accountManager', 'inbound') as fc.Arbitrary<StaffMember['role']>, { minLength: n, maxLength: n })).chain(([names, roles]) =>
      fc.tuple(...names.map((id, i) => person(id, i === 0 ? 'head' : roles[i]))),
    ),
  );

const behaviour: fc.Arbitrary<Behaviour> = fc.record({
  effort: fc
    .record({
      enabled: fc.boolean(),
      deadlineDiscount: num(0, 1, true),
      costFactor: num(0.001, 100),
      maxEffort: num(0, 3, true),
      floorShare: num(0, 1),
      routineShare: num(0, 1),
      routineCanWaitDays: num(0, 31),
      gateLossAversion: num(1, 10),
      weekendCostMultiplier: num(1, 10),
      forecastSigmaBase: money(),
      forecastSigmaShare: num(0, 10),
      forecastLearning: num(0, 1),
    })
    .map(({ floorShare, ...e }) => ({
      enabled: e.enabled,
      deadlineDiscount: e.deadlineDiscount,
      costFactor: e.costFactor,
      dutyFloor: floorShare === 1 ? e.maxEffort : floorShare * e.maxEffort,
      routineShare: e.routineShare,
      routineCanWaitDays: e.routineCanWaitDays,
      maxEffort: e.maxEffort,
      gateLossAversion: e.gateLossAversion,
      weekendCostMultiplier: e.weekendCostMultiplier,
      forecastSigmaBase: e.forecastSigmaBase,
      forecastSigmaShare: e.forecastSigmaShare,
      forecastLearning: e.forecastLearning,
    })),
  splitPerception: fc.record({ enabled: fc.boolean(), discretionNoise: num(0, 5), favouritism: num(0, 10), directorCorrection: num(0, 1) }),
  absence: fc.record({
    enabled: fc.boolean(),
    illnessPerYear: num(0, 50),
    illnessMedianDays: num(0, 60, true),
    longIllnessPerYear: num(0, 5),
    vacationDays: num(0, 120),
    summerWeight: num(0, 100),
  }),
  attrition: fc.record({
    enabled: fc.boolean(),
    quitsPerYear: num(0, 12),
    expectedPayMultiple: num(0, 10),
    dissatisfactionWeight: num(0, 100),
    vacancyMonths: int(0, 12),
    rampUpMonths: int(0, 24),
    clientTheft: num(0, 1),
  }),
  star: fc.record({ enabled: fc.boolean(), growth: num(0, 10), conversionLoss: num(0, 1), attestationCure: num(0, 1), deputyDamping: num(0, 1) }),
});

const sales: fc.Arbitrary<SalesSettings> = fc.record({
  enabled: fc.boolean(),
  initialClients: int(0, L.maxClients),
  hoursPerLead: num(0.01, 1000),
  conversion: num(0, 1),
  salesCycleMonths: int(0, 24),
  newClientShare: num(0, 1, true),
  serviceHours: num(0, 200),
  pooledServiceHours: num(0, 200),
  crossSellHours: num(0.01, 1000),
  neglectChurn: num(0, 1),
  handOverMonths: int(0, 36),
  monthlyDiscount: num(0, 0.99, true),
  inboundPerDay: num(0, 10000),
  inboundHours: num(0.01, 100),
  inboundConversion: num(0, 1),
  paceCostFactor: num(0.001, 100),
});

// ---------------------------------------------------------------- schemes

const cap = fc.option(money(), { nil: undefined });
const withCap = <T extends object>(f: T, c: string | undefined): T => (c === undefined ? f : { ...f, cap: c });

const formula: fc.Arbitrary<PayoutFormula> = fc.oneof(
  fc.record({ amount: money() }).map(({ amount }): PayoutFormula => ({ type: 'fixed', amount })),
  fc.record({ rate: share(), cap }).map(({ rate: r, cap: c }): PayoutFormula => withCap({ type: 'linear', rate: r }, c)),
  fc.record({ threshold: money(), rate: share(), cap }).map(({ threshold, rate: r, cap: c }): PayoutFormula => withCap({ type: 'threshold', threshold, rate: r }, c)),
  fc
    .record({ mode: fc.constantFrom('marginal' as const, 'retroactive' as const), froms: fc.uniqueArray(fc.bigInt({ min: 0n, max: 10n ** 15n }), { minLength: 1, maxLength: L.maxTiers }), rates: fc.array(share(), { minLength: L.maxTiers, maxLength: L.maxTiers }), cap })
    .map(({ mode, froms, rates, cap: c }): PayoutFormula =>
      withCap({ type: 'tiers', mode, tiers: [...froms].sort((a, b) => (a < b ? -1 : 1)).map((k, i) => ({ from: canonical(k, 2), rate: rates[i] })) }, c),
    ),
);

const pieceRate: fc.Arbitrary<PayoutFormula> = fc
  .record({ rate: money(), norm: money(), premium: money(), cap })
  .map(({ rate: r, norm, premium, cap: c }): PayoutFormula => withCap({ type: 'pieceRate', rate: r, norm, premium }, c));

/**
 * Up to 10 tranches whose weights, scaled to the most decimals among them, stay exact
 * integers (below 2^53): the kopeck split needs that.
 */
const tranches = (gates: boolean, keyClients: number): fc.Arbitrary<Tranche[]> =>
  fc.integer({ min: 0, max: L.rateDecimals }).chain((places) => {
    const top = BigInt(Number.MAX_SAFE_INTEGER) < 10n ** 6n * 10n ** BigInt(places) ? BigInt(Number.MAX_SAFE_INTEGER) : 10n ** 6n * 10n ** BigInt(places);
    const weight = fc.oneof(fc.bigInt({ min: 1n, max: top }), fc.constant(1n), fc.constant(top)).map((d) => canonical(d, places));
    const gate: fc.Arbitrary<Gate | undefined> = gates
      ? fc.option(
          fc
            .record({ byDay: int(1, 31), minPlanShare: rate('0', '2', true), keyClients: keyClients > 0 ? fc.option(int(1, keyClients), { nil: undefined }) : fc.constant(undefined) })
            .map(({ keyClients: k, ...g }) => (k === undefined ? g : { ...g, keyClients: k })),
          { nil: undefined },
        )
      : fc.constant(undefined);
    return fc.array(fc.record({ weight, gate }).map(({ weight: w, gate: g }) => (g === undefined ? { weight: w } : { weight: w, gate: g })), { maxLength: L.maxTranches });
  });

const award: fc.Arbitrary<AwardRule> = fc
  .record({ to: fc.constantFrom('topContributor' as const, 'bottomContributor' as const), amount: money(), minDeviation: rate('0', '10') })
  .map(({ to, amount, minDeviation }) => ({ to, amount: to === 'bottomContributor' && amount !== '0' ? `-${amount}` : amount, minDeviation }));

const split: fc.Arbitrary<Split> = fc.oneof(
  fc.constant<Split>({ type: 'equal' }),
  fc.record({ type: fc.constantFrom('headShareEqual' as const, 'discretion' as const, 'doubleDiscretion' as const, 'proportional' as const), headShare: share() }),
  fc.record({ type: fc.constant('awardsEqual' as const), headShare: share(), awards: fc.array(award, { maxLength: L.maxAwards }) }),
);

const scheme = (id: string, clientCount: number, salesOn: boolean): fc.Arbitrary<Scheme> =>
  fc
    .record({
      name: name(),
      organisation: fc.constantFrom(...(['team', 'personal', 'conveyor', 'hunterFarmer', ...(salesOn ? ['dispatcher'] : [])] as Scheme['organisation'][])),
      measure: fc.constantFrom(...(['teamCollections', 'personalCollections', ...(salesOn ? ['newClientRevenue', 'processUnits'] : [])] as Scheme['measure'][])),
      period: fc.constantFrom('month' as const, 'quarter' as const),
      attestationMonths: int(0, 36),
      deputyHead: fc.boolean(),
      plan: fc.option(money('0', MAX, true), { nil: undefined }),
      marketing: fc.option(fc.record({ requestsPerDay: num(0, 1000), monthlyCost: money() }), { nil: undefined }),
      split,
      formula,
      pieceRate,
      seed: fc.nat(),
    })
    .chain(({ formula: f, pieceRate: pr, seed, ...s }) => {
      // A personal pool needs personal clients.
      const organisation = s.measure === 'personalCollections' && s.organisation !== 'personal' && s.organisation !== 'hunterFarmer' ? (seed % 2 ? 'personal' : 'hunterFarmer') : s.organisation;
      const units = s.measure === 'processUnits';
      const keyClients = s.measure === 'teamCollections' && organisation !== 'hunterFarmer' ? Math.min(L.maxKeyClients, clientCount) : 0;
      return tranches(s.period === 'month', keyClients).map((t): Scheme => {
        const out: Scheme = {
          id,
          name: s.name,
          organisation,
          measure: s.measure,
          period: s.period,
          formula: units ? pr : f,
          attestationMonths: s.attestationMonths,
          deputyHead: s.deputyHead,
          tranches: units ? [] : t,
          split: s.split,
        };
        if (s.plan !== undefined) out.plan = s.plan;
        if (s.marketing !== undefined) out.marketing = s.marketing;
        return out;
      });
    });

/** Personal ownership (without sales) deals clients to the queue's workers: make sure there is one. */
function withOwner(staff: StaffMember[], needed: boolean): StaffMember[] {
  const owns = (m: StaffMember) => m.role !== 'head' && m.role !== 'hunter' && m.role !== 'accountManager' && m.workShare > 0;
  if (!needed || staff.some(owns)) return staff;
  return staff.map((m, i) => (i === 1 ? { ...m, role: 'collector', workShare: 1 } : m));
}

/** An accepted scenario, as parseScenario returns it. */
export function scenarioArb(size: ScenarioSize = FULL_SIZE): fc.Arbitrary<Scenario> {
  return fc
    .record({
      name: name(),
      description,
      simulation,
      company,
      calendar,
      clients: clients(size),
      staff: staff(size),
      behaviour,
      sales,
      schemeIds: fc.integer({ min: 1, max: size.maxSchemes }).chain(ids),
      baselineAt: fc.nat(),
    })
    .chain((s) =>
      fc.tuple(...s.schemeIds.map((id) => scheme(id, s.clients.count, s.sales.enabled))).map(
        (schemes): Scenario => ({
          format: 'paybench-scenario',
          version: 2,
          name: s.name,
          description: s.description,
          simulation: s.simulation,
          company: s.company,
          calendar: s.calendar,
          clients: s.clients,
          staff: withOwner(s.staff, !s.sales.enabled && schemes.some((x) => x.organisation === 'personal')),
          behaviour: s.behaviour,
          sales: s.sales,
          schemes,
          baseline: s.schemeIds[s.baselineAt % s.schemeIds.length],
        }),
      ),
    );
}
