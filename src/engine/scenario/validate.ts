/**
 * Typed field checks of a scenario document (already upgraded and filled with defaults).
 * Every check records its issue with the field's path and goes on, so one pass reports
 * ALL errors. Only known fields are walked (no recursion into unknown values), so deep or
 * huge unknown content costs nothing; an over-long list gets one error and is not walked.
 *
 * Value ranges, by field (inclusive unless marked "(": exclusive):
 *   simulation  runs 1..1,000,000 · seed 0..4,294,967,295 · months 1..36 ·
 *               startMonth "YYYY-MM" (2000–2100) · burnInMonths 0..12
 *   company     plan (0, 1e13] · breakEven, fixedCosts, minReserve, ownerDrawAbove 0..1e13 ·
 *               openingCash −1e13..1e13 · variableCostRatio, overdraftRate, payrollTaxRate,
 *               advanceShare 0..1 · advanceDay, settlementDay 1..31 (the simulator clamps
 *               to the month's last day)
 *   calendar    holidays "ru" | "none" · extraHolidays, workingWeekends ≤ 1000 dates "YYYY-MM-DD"
 *   clients     count 1..20,000 · monthlyVolume 0..1e13 · volumeSkew 0..5 · volumeNoise 0..2 ·
 *               habits 1..3 (unique ids, volume shares 0..1 summing to 1 ± 1e-9,
 *               medianDays (0, 365], promiseProbability 0..1) · invoiceHours, callHours (0, 24] ·
 *               courierDays 0..60 · callAfterDays, recallAfterDays 0..365 · promiseKept 0..1 ·
 *               promiseMaxDays 1..60 · suspendAfterDays 1..365 · suspendedVolumeShare,
 *               churnIfSuspended 0..1 · replacementMonths 0..36
 *   staff       1..200 · id [A-Za-z0-9_-]{1,40} unique · name 1..200 chars · salary 0..1e13 ·
 *               skill (0, 10] · workShare 0..1 · effortCost (0, 10] · favour −1..1
 *   behaviour   deadlineDiscount (0, 1] · costFactor 0..100 · dutyFloor 0..3 (≤ maxEffort) ·
 *               maxEffort (0, 3] · weekendCostMultiplier 1..10 · forecastSigmaBase 0..1e13 ·
 *               forecastSigmaShare 0..10 · forecastLearning 0..1 · discretionNoise 0..5 ·
 *               favouritism 0..10 · directorCorrection 0..1
 *   schemes     1..12 · id unique · formula amounts/thresholds/caps/tier from 0..1e13,
 *               rates 0..1, tiers 1..20 with strictly ascending `from` · tranches ≤ 10,
 *               weight (0, 1e6], gate byDay 1..31, minPlanShare (0, 2], no gates in a
 *               quarterly scheme · split headShare 0..1 (needs exactly one "head" and
 *               at least one other member) ·
 *               awards ≤ 10, amount −1e13..1e13 (≥ 0 to topContributor, ≤ 0 to
 *               bottomContributor), minDeviation 0..10
 *   baseline    an existing scheme id
 *
 * Money: at most 2 decimal places; rates (and other decimal fields): at most 10.
 */
import Decimal from 'decimal.js';
import {
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type AwardRule,
  type Behaviour,
  type CalendarSettings,
  type ClientBook,
  type Company,
  type Gate,
  type Money,
  type PaymentHabit,
  type PayoutFormula,
  type Rate,
  type Scenario,
  type Scheme,
  type SimulationSettings,
  type Split,
  type StaffMember,
  type Tier,
  type Tranche,
} from './types.ts';
import { SCENARIO_LIMITS as L } from './limits.ts';
import {
  child,
  isObject,
  own,
  present,
  shortValue,
  typeName,
  type IssueCollector,
  type RawObject,
} from './issues.ts';
import type { IssueCode } from './messages.ts';

/** A private decimal.js constructor: construction is exact whatever the global config. */
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
type Dec = InstanceType<typeof D>;

export const FORMULA_TYPES = ['fixed', 'linear', 'threshold', 'tiers'] as const;
export const SPLIT_TYPES = ['equal', 'headShareEqual', 'discretion', 'doubleDiscretion', 'awardsEqual', 'proportional'] as const;
export const AWARD_TARGETS = ['topContributor', 'bottomContributor'] as const;
export const HABIT_IDS = ['selfPayer', 'reminderPayer', 'stretcher'] as const;
export const STAFF_ROLES = ['head', 'collector'] as const;
export const PERIODS = ['month', 'quarter'] as const;
export const MEASURES = ['teamCollections'] as const;
export const TIER_MODES = ['marginal', 'retroactive'] as const;
export const HOLIDAY_CALENDARS = ['ru', 'none'] as const;

const MAX_MONEY = L.maxMoney;
const NEG_MAX_MONEY = `-${L.maxMoney}`;

interface NumberSpec {
  min: number;
  max: number;
  /** The minimum itself is not allowed. */
  above?: boolean;
  integer?: boolean;
}

interface DecimalSpec {
  kind: 'money' | 'rate';
  min: string;
  max: string;
  above?: boolean;
}

const money = (min: string, max: string = MAX_MONEY, above = false): DecimalSpec => ({ kind: 'money', min, max, above });
const rate = (min: string, max: string, above = false): DecimalSpec => ({ kind: 'rate', min, max, above });
const SHARE = rate('0', '1');

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const EXPONENT = /^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** Characters (code points) in s; a lone surrogate counts as one. */
function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

class Validator {
  constructor(private readonly issues: IssueCollector) {}

  private error(path: string, code: IssueCode, params: Record<string, string | number> = {}): void {
    this.issues.error(path, code, params);
  }

  // ---------------------------------------------------------------- containers

  /** The object at `path` with its unknown keys reported as warnings. */
  object(value: unknown, path: string, keys: readonly string[]): RawObject | undefined {
    if (value === undefined) {
      this.error(path, 'required');
      return undefined;
    }
    if (!isObject(value)) {
      this.error(path, 'type.object', { got: typeName(value) });
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) this.issues.warn(child(path, key), 'key.unknown', { key: shortValue(key) });
    }
    return value;
  }

  /** A list within size bounds; one error for an over-long list, which is then not walked. */
  array(o: RawObject, key: string, path: string, min: number, max: number): unknown[] | undefined {
    const p = child(path, key);
    const v = own(o, key);
    if (v === undefined) {
      this.error(p, 'required');
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.error(p, 'type.array', { got: typeName(v) });
      return undefined;
    }
    if (v.length > max) {
      this.error(p, 'array.tooLong', { length: v.length, max });
      return undefined;
    }
    if (v.length < min) {
      this.error(p, 'array.tooShort', { length: v.length, min });
      return undefined;
    }
    return v;
  }

  // ---------------------------------------------------------------- scalars

  number(o: RawObject, key: string, path: string, spec: NumberSpec): number | undefined {
    const p = child(path, key);
    const v = own(o, key);
    if (v === undefined) {
      this.error(p, 'required');
      return undefined;
    }
    if (typeof v !== 'number') {
      this.error(p, 'type.number', { got: typeName(v) });
      return undefined;
    }
    if (!Number.isFinite(v)) {
      this.error(p, 'number.notFinite', { value: String(v) });
      return undefined;
    }
    if (spec.integer) {
      if (!Number.isInteger(v) || v < spec.min || v > spec.max) {
        this.error(p, 'integer.range', { min: spec.min, max: spec.max });
        return undefined;
      }
    } else if ((spec.above ? v <= spec.min : v < spec.min) || v > spec.max) {
      this.error(p, spec.above ? 'range.aboveAtMost' : 'range.between', { min: spec.min, max: spec.max });
      return undefined;
    }
    return v === 0 ? 0 : v; // no -0
  }

  integer(o: RawObject, key: string, path: string, min: number, max: number): number | undefined {
    return this.number(o, key, path, { min, max, integer: true });
  }

  boolean(o: RawObject, key: string, path: string): boolean | undefined {
    const p = child(path, key);
    const v = own(o, key);
    if (v === undefined) {
      this.error(p, 'required');
      return undefined;
    }
    if (typeof v !== 'boolean') {
      this.error(p, 'type.boolean', { got: typeName(v) });
      return undefined;
    }
    return v;
  }

  /** Money or a rate: a plain decimal string or a finite number, stored as a canonical decimal string. */
  decimal(o: RawObject, key: string, path: string, spec: DecimalSpec): string | undefined {
    const p = child(path, key);
    const v = own(o, key);
    if (v === undefined) {
      this.error(p, 'required');
      return undefined;
    }
    let d: Dec;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        this.error(p, 'number.notFinite', { value: String(v) });
        return undefined;
      }
      d = new D(v); // the shortest decimal that round-trips the double: what the JSON said
    } else if (typeof v === 'string') {
      const s = v.trim();
      if (s.length > L.maxDecimalChars) {
        this.error(p, 'decimal.tooLong', { max: L.maxDecimalChars });
        return undefined;
      }
      if (NOT_FINITE.test(s)) {
        this.error(p, 'decimal.notFinite', { value: shortValue(s) });
        return undefined;
      }
      if (EXPONENT.test(s)) {
        this.error(p, 'decimal.exponent', { value: shortValue(s) });
        return undefined;
      }
      if (!PLAIN_DECIMAL.test(s)) {
        this.error(p, 'decimal.syntax', { value: shortValue(s) });
        return undefined;
      }
      d = new D(s);
    } else {
      this.error(p, 'type.decimal', { got: typeName(v) });
      return undefined;
    }
    const text = d.isZero() ? '0' : d.toFixed();
    const maxPlaces = spec.kind === 'money' ? L.moneyDecimals : L.rateDecimals;
    if (d.decimalPlaces() > maxPlaces) {
      this.error(p, spec.kind === 'money' ? 'money.decimals' : 'rate.decimals', { value: shortValue(text), max: maxPlaces });
      return undefined;
    }
    const min = new D(spec.min);
    if ((spec.above ? d.lte(min) : d.lt(min)) || d.gt(spec.max)) {
      this.error(p, spec.above ? 'range.aboveAtMost' : 'range.between', { min: spec.min, max: spec.max });
      return undefined;
    }
    return text;
  }

  /** A name-like string: ends trimmed, 1..max characters, no control characters. */
  string(
    o: RawObject,
    key: string,
    path: string,
    opts: { max: number; allowEmpty?: boolean; allowLineBreaks?: boolean },
  ): string | undefined {
    const p = child(path, key);
    const v = own(o, key);
    if (v === undefined) {
      this.error(p, 'required');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.error(p, 'type.string', { got: typeName(v) });
      return undefined;
    }
    const s = v.trim();
    if (s === '' && !opts.allowEmpty) {
      this.error(p, 'string.empty');
      return undefined;
    }
    const length = s.length <= opts.max ? s.length : codePointLength(s);
    if (length > opts.max) {
      this.error(p, 'string.tooLong', { length, max: opts.max });
      return undefined;
    }
    const control = (opts.allowLineBreaks ? CONTROL_EXCEPT_LINES : CONTROL).exec(s);
    if (control) {
      this.error(p, 'string.control', { position: control.index + 1 });
      return undefined;
    }
    const broken = LONE_SURROGATE.exec(s);
    if (broken) {
      this.error(p, 'string.surrogate', { position: broken.index + 1 });
      return undefined;
    }
    return s;
  }

  id(o: RawObject, key: string, path: string): string | undefined {
    const p = child(path, key);
    const v = own(o, key);
    if (v === undefined) {
      this.error(p, 'required');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.error(p, 'type.string', { got: typeName(v) });
      return undefined;
    }
    if (!L.idPattern.test(v)) {
      this.error(p, 'id.pattern', { value: shortValue(v) });
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(
    o: RawObject,
    key: string,
    path: string,
    allowed: readonly T[],
    code: IssueCode = 'enum.unknown',
  ): T | undefined {
    const p = child(path, key);
    const v = own(o, key);
    if (v === undefined) {
      this.error(p, 'required');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.error(p, 'type.string', { got: typeName(v) });
      return undefined;
    }
    if (!(allowed as readonly string[]).includes(v)) {
      this.error(p, code, { value: shortValue(v), allowed: allowed.join(', ') });
      return undefined;
    }
    return v as T;
  }

  /** "YYYY-MM-DD", a real calendar date with a year in range. */
  date(value: unknown, path: string): string | undefined {
    if (typeof value !== 'string') {
      this.error(path, 'type.string', { got: typeName(value) });
      return undefined;
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const ok =
      m !== null &&
      Number(m[1]) >= L.minYear &&
      Number(m[1]) <= L.maxYear &&
      Number(m[2]) >= 1 &&
      Number(m[2]) <= 12 &&
      Number(m[3]) >= 1 &&
      Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2]));
    if (!ok) {
      this.error(path, 'date.invalid', { value: shortValue(value), min: L.minYear, max: L.maxYear });
      return undefined;
    }
    return value;
  }

  month(o: RawObject, key: string, path: string): string | undefined {
    const p = child(path, key);
    const v = own(o, key);
    if (v === undefined) {
      this.error(p, 'required');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.error(p, 'type.string', { got: typeName(v) });
      return undefined;
    }
    const m = /^(\d{4})-(\d{2})$/.exec(v);
    if (m === null || Number(m[1]) < L.minYear || Number(m[1]) > L.maxYear || Number(m[2]) < 1 || Number(m[2]) > 12) {
      this.error(p, 'month.invalid', { value: shortValue(v), min: L.minYear, max: L.maxYear });
      return undefined;
    }
    return v;
  }

  // ---------------------------------------------------------------- sections

  scenario(doc: RawObject): Scenario | undefined {
    const root = this.object(doc, '', [
      'format',
      'version',
      'name',
      'description',
      'simulation',
      'company',
      'calendar',
      'clients',
      'staff',
      'behaviour',
      'schemes',
      'baseline',
    ]);
    if (!root) return undefined;
    const name = this.string(root, 'name', '', { max: L.maxNameLength });
    const description = this.string(root, 'description', '', {
      max: L.maxDescriptionLength,
      allowEmpty: true,
      allowLineBreaks: true,
    });
    const simulation = this.simulation(own(root, 'simulation'), 'simulation');
    const company = this.company(own(root, 'company'), 'company');
    const calendar = this.calendar(own(root, 'calendar'), 'calendar');
    const clients = this.clients(own(root, 'clients'), 'clients');
    const staff = this.staff(root);
    const behaviour = this.behaviour(own(root, 'behaviour'), 'behaviour');
    const schemes = this.schemes(root, staff);
    const baseline = this.baseline(root);

    if (this.issues.hasErrors) return undefined;
    return {
      format: SCENARIO_FORMAT,
      version: SCENARIO_VERSION,
      name: name!,
      description: description!,
      simulation: simulation!,
      company: company!,
      calendar: calendar!,
      clients: clients!,
      staff: staff!.members,
      behaviour: behaviour!,
      schemes: schemes!,
      baseline: baseline!,
    };
  }

  simulation(value: unknown, path: string): SimulationSettings | undefined {
    const o = this.object(value, path, ['runs', 'seed', 'months', 'startMonth', 'burnInMonths']);
    if (!o) return undefined;
    return {
      runs: this.integer(o, 'runs', path, L.minRuns, L.maxRuns)!,
      seed: this.integer(o, 'seed', path, 0, L.maxSeed)!,
      months: this.integer(o, 'months', path, L.minMonths, L.maxMonths)!,
      startMonth: this.month(o, 'startMonth', path)!,
      burnInMonths: this.integer(o, 'burnInMonths', path, 0, L.maxBurnInMonths)!,
    };
  }

  company(value: unknown, path: string): Company | undefined {
    const o = this.object(value, path, [
      'plan',
      'breakEven',
      'variableCostRatio',
      'fixedCosts',
      'openingCash',
      'minReserve',
      'overdraftRate',
      'payrollTaxRate',
      'advanceDay',
      'advanceShare',
      'settlementDay',
      'ownerDrawAbove',
    ]);
    if (!o) return undefined;
    return {
      plan: this.decimal(o, 'plan', path, money('0', MAX_MONEY, true)) as Money,
      breakEven: this.decimal(o, 'breakEven', path, money('0')) as Money,
      variableCostRatio: this.decimal(o, 'variableCostRatio', path, SHARE) as Rate,
      fixedCosts: this.decimal(o, 'fixedCosts', path, money('0')) as Money,
      openingCash: this.decimal(o, 'openingCash', path, money(NEG_MAX_MONEY)) as Money,
      minReserve: this.decimal(o, 'minReserve', path, money('0')) as Money,
      overdraftRate: this.decimal(o, 'overdraftRate', path, SHARE) as Rate,
      payrollTaxRate: this.decimal(o, 'payrollTaxRate', path, SHARE) as Rate,
      advanceDay: this.integer(o, 'advanceDay', path, 1, 31)!,
      advanceShare: this.decimal(o, 'advanceShare', path, SHARE) as Rate,
      settlementDay: this.integer(o, 'settlementDay', path, 1, 31)!,
      ownerDrawAbove: this.decimal(o, 'ownerDrawAbove', path, money('0')) as Money,
    };
  }

  calendar(value: unknown, path: string): CalendarSettings | undefined {
    const o = this.object(value, path, ['holidays', 'extraHolidays', 'workingWeekends']);
    if (!o) return undefined;
    return {
      holidays: this.oneOf(o, 'holidays', path, HOLIDAY_CALENDARS)!,
      extraHolidays: this.dates(o, 'extraHolidays', path, false)!,
      workingWeekends: this.dates(o, 'workingWeekends', path, true)!,
    };
  }

  private dates(o: RawObject, key: string, path: string, weekendsOnly: boolean): string[] | undefined {
    const list = this.array(o, key, path, 0, L.maxDates);
    if (!list) return undefined;
    const out: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      const p = child(child(path, key), i);
      const d = this.date(list[i], p);
      if (d === undefined) continue;
      if (seen.has(d)) this.issues.warn(p, 'date.duplicate', { value: d });
      seen.add(d);
      if (weekendsOnly) {
        const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
        if (weekday !== 0 && weekday !== 6) this.issues.warn(p, 'date.notWeekend', { value: d, weekday });
      }
      out.push(d);
    }
    return out;
  }

  clients(value: unknown, path: string): ClientBook | undefined {
    const o = this.object(value, path, [
      'count',
      'monthlyVolume',
      'volumeSkew',
      'volumeNoise',
      'habits',
      'invoiceHours',
      'callHours',
      'courierDays',
      'callAfterDays',
      'recallAfterDays',
      'promiseKept',
      'promiseMaxDays',
      'suspendAfterDays',
      'suspendedVolumeShare',
      'churnIfSuspended',
      'replacementMonths',
    ]);
    if (!o) return undefined;
    const fraction: NumberSpec = { min: 0, max: 1 };
    return {
      count: this.integer(o, 'count', path, 1, L.maxClients)!,
      monthlyVolume: this.decimal(o, 'monthlyVolume', path, money('0')) as Money,
      volumeSkew: this.number(o, 'volumeSkew', path, { min: 0, max: 5 })!,
      volumeNoise: this.number(o, 'volumeNoise', path, { min: 0, max: 2 })!,
      habits: this.habits(o, path)!,
      invoiceHours: this.number(o, 'invoiceHours', path, { min: 0, max: 24, above: true })!,
      callHours: this.number(o, 'callHours', path, { min: 0, max: 24, above: true })!,
      courierDays: this.integer(o, 'courierDays', path, 0, 60)!,
      callAfterDays: this.integer(o, 'callAfterDays', path, 0, 365)!,
      recallAfterDays: this.integer(o, 'recallAfterDays', path, 0, 365)!,
      promiseKept: this.number(o, 'promiseKept', path, fraction)!,
      promiseMaxDays: this.integer(o, 'promiseMaxDays', path, 1, 60)!,
      suspendAfterDays: this.integer(o, 'suspendAfterDays', path, 1, 365)!,
      suspendedVolumeShare: this.number(o, 'suspendedVolumeShare', path, fraction)!,
      churnIfSuspended: this.number(o, 'churnIfSuspended', path, fraction)!,
      replacementMonths: this.integer(o, 'replacementMonths', path, 0, 36)!,
    };
  }

  private habits(o: RawObject, path: string): PaymentHabit[] | undefined {
    const list = this.array(o, 'habits', path, 1, L.maxHabits);
    if (!list) return undefined;
    const listPath = child(path, 'habits');
    const out: PaymentHabit[] = [];
    const firstPath = new Map<string, string>();
    let sum: Dec | undefined = new D(0);
    for (let i = 0; i < list.length; i++) {
      const p = child(listPath, i);
      const h = this.object(list[i], p, ['id', 'volumeShare', 'medianDays', 'promiseProbability']);
      if (!h) {
        sum = undefined;
        continue;
      }
      const id = this.oneOf(h, 'id', p, HABIT_IDS, 'habit.unknown');
      if (id !== undefined) {
        const first = firstPath.get(id);
        if (first !== undefined) this.error(child(p, 'id'), 'id.duplicate', { value: id, first });
        else firstPath.set(id, p);
      }
      const volumeShare = this.decimal(h, 'volumeShare', p, SHARE);
      sum = volumeShare === undefined || sum === undefined ? undefined : sum.plus(volumeShare);
      out.push({
        id: id!,
        volumeShare: volumeShare as Rate,
        medianDays: this.number(h, 'medianDays', p, { min: 0, max: 365, above: true })!,
        promiseProbability: this.number(h, 'promiseProbability', p, { min: 0, max: 1 })!,
      });
    }
    if (sum !== undefined && sum.minus(1).abs().gt('1e-9')) this.error(listPath, 'habits.sum', { sum: sum.toFixed() });
    return out;
  }

  private staff(root: RawObject): { members: StaffMember[]; heads: number } | undefined {
    const list = this.array(root, 'staff', '', 1, L.maxStaff);
    if (!list) return undefined;
    const members: StaffMember[] = [];
    const firstPath = new Map<string, string>();
    let heads = 0;
    for (let i = 0; i < list.length; i++) {
      const p = child('staff', i);
      const s = this.object(list[i], p, ['id', 'name', 'role', 'salary', 'skill', 'workShare', 'effortCost', 'favour']);
      if (!s) continue;
      const id = this.id(s, 'id', p);
      if (id !== undefined) {
        const first = firstPath.get(id);
        if (first !== undefined) this.error(child(p, 'id'), 'id.duplicate', { value: id, first });
        else firstPath.set(id, p);
      }
      const role = this.oneOf(s, 'role', p, STAFF_ROLES);
      if (role === 'head') heads++;
      members.push({
        id: id!,
        name: this.string(s, 'name', p, { max: L.maxNameLength })!,
        role: role!,
        salary: this.decimal(s, 'salary', p, money('0')) as Money,
        skill: this.number(s, 'skill', p, { min: 0, max: 10, above: true })!,
        workShare: this.number(s, 'workShare', p, { min: 0, max: 1 })!,
        effortCost: this.number(s, 'effortCost', p, { min: 0, max: 10, above: true })!,
        favour: this.number(s, 'favour', p, { min: -1, max: 1 })!,
      });
    }
    return { members, heads };
  }

  behaviour(value: unknown, path: string): Behaviour | undefined {
    const o = this.object(value, path, ['effort', 'splitPerception']);
    if (!o) return undefined;
    const ep = child(path, 'effort');
    const e = this.object(own(o, 'effort'), ep, [
      'enabled',
      'deadlineDiscount',
      'costFactor',
      'dutyFloor',
      'maxEffort',
      'weekendCostMultiplier',
      'forecastSigmaBase',
      'forecastSigmaShare',
      'forecastLearning',
    ]);
    const sp = child(path, 'splitPerception');
    const s = this.object(own(o, 'splitPerception'), sp, ['enabled', 'discretionNoise', 'favouritism', 'directorCorrection']);
    let effort: Behaviour['effort'] | undefined;
    if (e) {
      effort = {
        enabled: this.boolean(e, 'enabled', ep)!,
        deadlineDiscount: this.number(e, 'deadlineDiscount', ep, { min: 0, max: 1, above: true })!,
        costFactor: this.number(e, 'costFactor', ep, { min: 0, max: 100 })!,
        dutyFloor: this.number(e, 'dutyFloor', ep, { min: 0, max: 3 })!,
        maxEffort: this.number(e, 'maxEffort', ep, { min: 0, max: 3, above: true })!,
        weekendCostMultiplier: this.number(e, 'weekendCostMultiplier', ep, { min: 1, max: 10 })!,
        forecastSigmaBase: this.decimal(e, 'forecastSigmaBase', ep, money('0')) as Money,
        forecastSigmaShare: this.number(e, 'forecastSigmaShare', ep, { min: 0, max: 10 })!,
        forecastLearning: this.number(e, 'forecastLearning', ep, { min: 0, max: 1 })!,
      };
      if (effort.dutyFloor !== undefined && effort.maxEffort !== undefined && effort.dutyFloor > effort.maxEffort) {
        this.error(child(ep, 'dutyFloor'), 'effort.floorAboveMax', { dutyFloor: effort.dutyFloor, maxEffort: effort.maxEffort });
      }
    }
    let splitPerception: Behaviour['splitPerception'] | undefined;
    if (s) {
      splitPerception = {
        enabled: this.boolean(s, 'enabled', sp)!,
        discretionNoise: this.number(s, 'discretionNoise', sp, { min: 0, max: 5 })!,
        favouritism: this.number(s, 'favouritism', sp, { min: 0, max: 10 })!,
        directorCorrection: this.number(s, 'directorCorrection', sp, { min: 0, max: 1 })!,
      };
    }
    return { effort: effort!, splitPerception: splitPerception! };
  }

  // ---------------------------------------------------------------- schemes

  private schemes(root: RawObject, staff: { heads: number; members: unknown[] } | undefined): Scheme[] | undefined {
    const list = this.array(root, 'schemes', '', 1, L.maxSchemes);
    if (!list) return undefined;
    const out: Scheme[] = [];
    const firstPath = new Map<string, string>();
    for (let i = 0; i < list.length; i++) {
      const p = child('schemes', i);
      const s = this.object(list[i], p, ['id', 'name', 'measure', 'period', 'formula', 'tranches', 'split']);
      if (!s) continue;
      const id = this.id(s, 'id', p);
      if (id !== undefined) {
        const first = firstPath.get(id);
        if (first !== undefined) this.error(child(p, 'id'), 'id.duplicate', { value: id, first });
        else firstPath.set(id, p);
      }
      const period = this.oneOf(s, 'period', p, PERIODS);
      out.push({
        id: id!,
        name: this.string(s, 'name', p, { max: L.maxNameLength })!,
        measure: this.oneOf(s, 'measure', p, MEASURES)!,
        period: period!,
        formula: this.formula(own(s, 'formula'), child(p, 'formula'))!,
        tranches: this.tranches(s, p, period)!,
        split: this.split(own(s, 'split'), child(p, 'split'), staff)!,
      });
    }
    return out;
  }

  private formula(value: unknown, path: string): PayoutFormula | undefined {
    const head = this.typed(value, path, FORMULA_TYPES, 'formula.unknown');
    if (!head) return undefined;
    const { o, type } = head;
    const cap = (): Money | undefined => {
      if (!present(o, 'cap')) return undefined;
      return this.decimal(o, 'cap', path, money('0')) as Money;
    };
    switch (type) {
      case 'fixed':
        this.object(o, path, ['type', 'amount']);
        return { type, amount: this.decimal(o, 'amount', path, money('0')) as Money };
      case 'linear': {
        this.object(o, path, ['type', 'rate', 'cap']);
        const f: PayoutFormula = { type, rate: this.decimal(o, 'rate', path, SHARE) as Rate };
        const c = cap();
        if (c !== undefined) f.cap = c;
        return f;
      }
      case 'threshold': {
        this.object(o, path, ['type', 'threshold', 'rate', 'cap']);
        const f: PayoutFormula = {
          type,
          threshold: this.decimal(o, 'threshold', path, money('0')) as Money,
          rate: this.decimal(o, 'rate', path, SHARE) as Rate,
        };
        const c = cap();
        if (c !== undefined) f.cap = c;
        return f;
      }
      case 'tiers': {
        this.object(o, path, ['type', 'mode', 'tiers', 'cap']);
        const f: PayoutFormula = {
          type,
          mode: this.oneOf(o, 'mode', path, TIER_MODES)!,
          tiers: this.tiers(o, path)!,
        };
        const c = cap();
        if (c !== undefined) f.cap = c;
        return f;
      }
    }
  }

  private tiers(o: RawObject, path: string): Tier[] | undefined {
    const list = this.array(o, 'tiers', path, 1, L.maxTiers);
    if (!list) return undefined;
    const out: Tier[] = [];
    let previous: string | undefined;
    for (let i = 0; i < list.length; i++) {
      const p = child(child(path, 'tiers'), i);
      const t = this.object(list[i], p, ['from', 'rate']);
      if (!t) {
        previous = undefined;
        continue;
      }
      const from = this.decimal(t, 'from', p, money('0'));
      if (from !== undefined && previous !== undefined && new D(from).lte(previous)) {
        this.error(child(p, 'from'), 'tiers.notAscending', { from, previous });
      }
      previous = from;
      out.push({ from: from as Money, rate: this.decimal(t, 'rate', p, SHARE) as Rate });
    }
    return out;
  }

  private tranches(s: RawObject, path: string, period: Scheme['period'] | undefined): Tranche[] | undefined {
    const list = this.array(s, 'tranches', path, 0, L.maxTranches);
    if (!list) return undefined;
    const out: Tranche[] = [];
    for (let i = 0; i < list.length; i++) {
      const p = child(child(path, 'tranches'), i);
      const t = this.object(list[i], p, ['weight', 'gate']);
      if (!t) continue;
      const tranche: Tranche = { weight: this.decimal(t, 'weight', p, rate('0', '1000000', true)) as Rate };
      if (present(t, 'gate')) {
        const gp = child(p, 'gate');
        const g = this.object(own(t, 'gate'), gp, ['byDay', 'minPlanShare']);
        if (g) {
          if (period === 'quarter') this.error(gp, 'gate.quarterly');
          const gate: Gate = {
            byDay: this.integer(g, 'byDay', gp, 1, 31)!,
            minPlanShare: this.decimal(g, 'minPlanShare', gp, rate('0', '2', true)) as Rate,
          };
          tranche.gate = gate;
        }
      }
      out.push(tranche);
    }
    return out;
  }

  private split(value: unknown, path: string, staff: { heads: number; members: unknown[] } | undefined): Split | undefined {
    const head = this.typed(value, path, SPLIT_TYPES, 'split.unknown');
    if (!head) return undefined;
    const { o, type } = head;
    if (type === 'equal') {
      this.object(o, path, ['type']);
      return { type };
    }
    if (staff !== undefined && staff.heads !== 1) this.error(path, 'split.needsOneHead', { type, count: staff.heads });
    else if (staff !== undefined && staff.members.length - staff.heads < 1) this.error(path, 'split.needsMembers', { type });
    const headShare = (): Rate => this.decimal(o, 'headShare', path, SHARE) as Rate;
    if (type === 'awardsEqual') {
      this.object(o, path, ['type', 'headShare', 'awards']);
      return { type, headShare: headShare(), awards: this.awards(o, path)! };
    }
    this.object(o, path, ['type', 'headShare']);
    return { type, headShare: headShare() };
  }

  private awards(o: RawObject, path: string): AwardRule[] | undefined {
    const list = this.array(o, 'awards', path, 0, L.maxAwards);
    if (!list) return undefined;
    const out: AwardRule[] = [];
    for (let i = 0; i < list.length; i++) {
      const p = child(child(path, 'awards'), i);
      const a = this.object(list[i], p, ['to', 'amount', 'minDeviation']);
      if (!a) continue;
      const to = this.oneOf(a, 'to', p, AWARD_TARGETS, 'award.unknownTo');
      const amount = this.decimal(a, 'amount', p, money(NEG_MAX_MONEY));
      if (amount !== undefined) {
        const sign = new D(amount).cmp(0);
        if (to === 'topContributor' && sign < 0) this.error(child(p, 'amount'), 'award.topNegative', { value: amount });
        if (to === 'bottomContributor' && sign > 0) this.error(child(p, 'amount'), 'award.bottomPositive', { value: amount });
      }
      out.push({
        to: to!,
        amount: amount as Money,
        minDeviation: this.decimal(a, 'minDeviation', p, rate('0', '10')) as Rate,
      });
    }
    return out;
  }

  /**
   * An object with a `type` discriminator from `allowed`. Unknown keys are reported by the
   * caller once the type (and so the allowed keys) is known.
   */
  private typed<T extends string>(
    value: unknown,
    path: string,
    allowed: readonly T[],
    code: IssueCode,
  ): { o: RawObject; type: T } | undefined {
    if (value === undefined) {
      this.error(path, 'required');
      return undefined;
    }
    if (!isObject(value)) {
      this.error(path, 'type.object', { got: typeName(value) });
      return undefined;
    }
    const type = this.oneOf(value, 'type', path, allowed, code);
    return type === undefined ? undefined : { o: value, type };
  }

  private baseline(root: RawObject): string | undefined {
    const v = own(root, 'baseline');
    if (v === undefined) {
      // Only when schemes are missing or their first id is unusable; reported there.
      if (!this.issues.hasErrors) this.error('baseline', 'required');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.error('baseline', 'type.string', { got: typeName(v) });
      return undefined;
    }
    const schemes = own(root, 'schemes');
    if (!Array.isArray(schemes) || schemes.length > L.maxSchemes) return undefined; // reported there
    const ids: string[] = [];
    for (const s of schemes as unknown[]) {
      if (isObject(s) && typeof own(s, 'id') === 'string') ids.push(own(s, 'id') as string);
    }
    if (!ids.includes(v)) {
      this.error('baseline', 'baseline.unknown', { value: shortValue(v), allowed: ids.map(shortValue).join(', ') || '—' });
      return undefined;
    }
    return v;
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Validates a document that has been upgraded and filled with defaults. Returns the typed
 * scenario when there are no errors; every issue goes into `issues`.
 */
export function validateScenario(doc: RawObject, issues: IssueCollector): Scenario | undefined {
  return new Validator(issues).scenario(doc);
}
