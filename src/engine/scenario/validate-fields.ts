/**
 * Typed field readers for scenario validation. Each reader checks one field, records an
 * issue with the field's path when it is wrong and returns `undefined`, so the caller can
 * go on and one pass reports ALL errors.
 */
import Decimal from 'decimal.js';
import { SCENARIO_LIMITS as L } from './limits.ts';
import {
  child,
  isObject,
  own,
  shortValue,
  typeName,
  type IssueCollector,
  type RawObject,
} from './issues.ts';
import type { IssueCode } from './messages.ts';

/** A private decimal.js constructor: construction is exact whatever the global config. */
export const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
export type Dec = InstanceType<typeof D>;

export const MAX_MONEY = L.maxMoney;
export const NEG_MAX_MONEY = `-${L.maxMoney}`;

export interface NumberSpec {
  min: number;
  max: number;
  /** The minimum itself is not allowed. */
  above?: boolean;
  integer?: boolean;
}

export interface DecimalSpec {
  kind: 'money' | 'rate';
  min: string;
  max: string;
  above?: boolean;
}

export const money = (min: string, max: string = MAX_MONEY, above = false): DecimalSpec => ({ kind: 'money', min, max, above });
export const rate = (min: string, max: string, above = false): DecimalSpec => ({ kind: 'rate', min, max, above });
export const SHARE = rate('0', '1');

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const EXPONENT = /^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/**
 * Ids are keys of the maps that hold amounts per person or scheme (the payout
 * calculator's awards, colours, CSV columns): an id such as "__proto__" or "toString"
 * would be a member of every such map already, and an award typed for it was lost.
 */
const RESERVED_IDS = new Set(Object.getOwnPropertyNames(Object.prototype));

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

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** One item of a list of objects: `o` is undefined when the item was not a usable object. */
export interface ListItem {
  o: RawObject | undefined;
  p: string;
}

export class FieldReader {
  constructor(readonly issues: IssueCollector) {}

  error(path: string, code: IssueCode, params: Record<string, string | number> = {}): void {
    this.issues.error(path, code, params);
  }

  // ---------------------------------------------------------------- containers

  /** The object at `path` with its unknown keys reported as warnings. */
  object(value: unknown, path: string, keys: readonly string[]): RawObject | undefined {
    const o = this.plainObject(value, path);
    if (!o) return undefined;
    for (const key of Object.keys(o)) {
      if (!keys.includes(key)) this.issues.warn(child(path, key), 'key.unknown', { key: shortValue(key) });
    }
    return o;
  }

  /**
   * An object with a `type` discriminator from `allowed`. Unknown keys are reported by the
   * caller once the type (and so the allowed keys) is known.
   */
  typed<T extends string>(
    value: unknown,
    path: string,
    allowed: readonly T[],
    code: IssueCode,
  ): { o: RawObject; type: T } | undefined {
    const o = this.plainObject(value, path);
    if (!o) return undefined;
    const type = this.oneOf(o, 'type', path, allowed, code);
    return type === undefined ? undefined : { o, type };
  }

  /** A list within size bounds; one error for an over-long list, which is then not walked. */
  array(o: RawObject, key: string, path: string, min: number, max: number): unknown[] | undefined {
    const f = this.field(o, key, path);
    if (!f) return undefined;
    const { p, v } = f;
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

  /**
   * A bounded list of objects with the given keys, each item with its path. Items are read
   * lazily, so each item's issues follow its own `object` check in the order of the file.
   */
  objects(o: RawObject, key: string, path: string, min: number, max: number, keys: readonly string[]): Iterable<ListItem> | undefined {
    const list = this.array(o, key, path, min, max);
    return list && this.items(list, child(path, key), keys);
  }

  private *items(list: unknown[], listPath: string, keys: readonly string[]): Generator<ListItem> {
    for (let i = 0; i < list.length; i++) {
      const p = child(listPath, i);
      yield { o: this.object(list[i], p, keys), p };
    }
  }

  /** Reports a repeated id at `<p>.id`, naming the path of its first use. */
  uniqueIds(): (id: string | undefined, p: string) => void {
    const firstPath = new Map<string, string>();
    return (id, p) => {
      if (id === undefined) return;
      const first = firstPath.get(id);
      if (first !== undefined) this.error(child(p, 'id'), 'id.duplicate', { value: id, first });
      else firstPath.set(id, p);
    };
  }

  // ---------------------------------------------------------------- scalars

  number(o: RawObject, key: string, path: string, spec: NumberSpec): number | undefined {
    const f = this.field(o, key, path);
    if (!f) return undefined;
    const { p, v } = f;
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
    const f = this.field(o, key, path);
    if (!f) return undefined;
    if (typeof f.v !== 'boolean') {
      this.error(f.p, 'type.boolean', { got: typeName(f.v) });
      return undefined;
    }
    return f.v;
  }

  /** Money or a rate: a plain decimal string or a finite number, stored as a canonical decimal string. */
  decimal(o: RawObject, key: string, path: string, spec: DecimalSpec): string | undefined {
    const f = this.field(o, key, path);
    if (!f) return undefined;
    const { p, v } = f;
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
    const f = this.stringField(o, key, path);
    if (!f) return undefined;
    const { p } = f;
    const s = f.v.trim();
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
    const f = this.stringField(o, key, path);
    if (!f) return undefined;
    if (!L.idPattern.test(f.v)) {
      this.error(f.p, 'id.pattern', { value: shortValue(f.v) });
      return undefined;
    }
    if (RESERVED_IDS.has(f.v)) {
      this.error(f.p, 'id.reserved', { value: f.v });
      return undefined;
    }
    return f.v;
  }

  oneOf<T extends string>(
    o: RawObject,
    key: string,
    path: string,
    allowed: readonly T[],
    code: IssueCode = 'enum.unknown',
  ): T | undefined {
    const f = this.stringField(o, key, path);
    if (!f) return undefined;
    if (!(allowed as readonly string[]).includes(f.v)) {
      this.error(f.p, code, { value: shortValue(f.v), allowed: allowed.join(', ') });
      return undefined;
    }
    return f.v as T;
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

  /** "YYYY-MM" with a year in range. */
  month(o: RawObject, key: string, path: string): string | undefined {
    const f = this.stringField(o, key, path);
    if (!f) return undefined;
    const m = /^(\d{4})-(\d{2})$/.exec(f.v);
    if (m === null || Number(m[1]) < L.minYear || Number(m[1]) > L.maxYear || Number(m[2]) < 1 || Number(m[2]) > 12) {
      this.error(f.p, 'month.invalid', { value: shortValue(f.v), min: L.minYear, max: L.maxYear });
      return undefined;
    }
    return f.v;
  }

  // ---------------------------------------------------------------- shared first steps

  /** The own value at `key` with its path, or undefined after a `required` error. */
  private field(o: RawObject, key: string, path: string): { p: string; v: unknown } | undefined {
    const p = child(path, key);
    const v = own(o, key);
    if (v === undefined) {
      this.error(p, 'required');
      return undefined;
    }
    return { p, v };
  }

  /** A present field that must be a string (before any check of its content). */
  private stringField(o: RawObject, key: string, path: string): { p: string; v: string } | undefined {
    const f = this.field(o, key, path);
    if (!f) return undefined;
    if (typeof f.v !== 'string') {
      this.error(f.p, 'type.string', { got: typeName(f.v) });
      return undefined;
    }
    return { p: f.p, v: f.v };
  }

  /** A present value that must be a plain object (not null, not a list). */
  private plainObject(value: unknown, path: string): RawObject | undefined {
    if (value === undefined) {
      this.error(path, 'required');
      return undefined;
    }
    if (!isObject(value)) {
      this.error(path, 'type.object', { got: typeName(value) });
      return undefined;
    }
    return value;
  }
}
