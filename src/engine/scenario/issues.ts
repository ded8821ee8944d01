/**
 * Issues (errors and warnings) found while reading a scenario, and the collector that
 * accumulates them with their paths.
 */
import type { Scenario } from './types.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { isCode, renderMessage, type IssueCode, type Lang } from './messages.ts';

export interface ScenarioIssue {
  /** Where: `schemes[2].tranches[0].gate.byDay`; "" = the whole file. */
  path: string;
  /** Stable machine code, e.g. `integer.range` (see messages.ts for the list). */
  code: string;
  /** Values for the message template. */
  params: Record<string, string | number>;
  /** English message without the path (use `formatIssue` for the user's language). */
  message: string;
}

export type ParseResult =
  | { ok: true; scenario: Scenario; warnings: ScenarioIssue[] }
  /** `warnings` is also filled on failure (unknown keys etc.) so a CLI can show them. */
  | { ok: false; errors: ScenarioIssue[]; warnings: ScenarioIssue[] };

export function makeIssue(
  path: string,
  code: IssueCode,
  params: Record<string, string | number> = {},
): ScenarioIssue {
  return { path, code, params, message: renderMessage(code, params, 'en') };
}

/** Accumulates errors and warnings, each list capped at SCENARIO_LIMITS.maxIssues. */
export class IssueCollector {
  readonly errors: ScenarioIssue[] = [];
  readonly warnings: ScenarioIssue[] = [];
  private droppedErrors = 0;
  private droppedWarnings = 0;

  error(path: string, code: IssueCode, params: Record<string, string | number> = {}): void {
    if (this.errors.length < SCENARIO_LIMITS.maxIssues) this.errors.push(makeIssue(path, code, params));
    else this.droppedErrors++;
  }

  warn(path: string, code: IssueCode, params: Record<string, string | number> = {}): void {
    if (this.warnings.length < SCENARIO_LIMITS.maxIssues) this.warnings.push(makeIssue(path, code, params));
    else this.droppedWarnings++;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** The lists with a closing "N more" issue where some were left off. */
  finish(): { errors: ScenarioIssue[]; warnings: ScenarioIssue[] } {
    const errors = [...this.errors];
    const warnings = [...this.warnings];
    if (this.droppedErrors > 0) errors.push(makeIssue('', 'issues.truncated', { count: this.droppedErrors }));
    if (this.droppedWarnings > 0) warnings.push(makeIssue('', 'issues.truncated', { count: this.droppedWarnings }));
    return { errors, warnings };
  }
}

// ---------------------------------------------------------------- paths

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_KEY_IN_PATH = 60;

/** `child('schemes[2]', 'tranches')` → `schemes[2].tranches`; `child('staff', 0)` → `staff[0]`. */
export function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (IDENT.test(key)) return path === '' ? key : `${path}.${key}`;
  const shown = key.length > MAX_KEY_IN_PATH ? `${key.slice(0, MAX_KEY_IN_PATH)}…` : key;
  return `${path}[${JSON.stringify(shown)}]`;
}

// ---------------------------------------------------------------- untrusted values

export type JsonTypeName =
  | 'null'
  | 'array'
  | 'object'
  | 'string'
  | 'number'
  | 'boolean'
  | 'undefined'
  | 'other';

export function typeName(v: unknown): JsonTypeName {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'undefined':
      return 'undefined';
    default:
      return 'other';
  }
}

export type RawObject = Record<string, unknown>;

export function isObject(v: unknown): v is RawObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** An own property only: inherited ones (`constructor`, `toString`) never count as data. */
export function own(o: RawObject, key: string): unknown {
  return hasOwn.call(o, key) ? o[key] : undefined;
}

/** Present = an own property whose value is not `undefined` (JSON cannot carry undefined). */
export function present(o: RawObject, key: string): boolean {
  return hasOwn.call(o, key) && o[key] !== undefined;
}

/** A shallow copy of the own enumerable properties, safe for keys such as `__proto__`. */
export function copyOwn(o: RawObject): RawObject {
  const out: RawObject = {};
  for (const k of Object.keys(o)) {
    Object.defineProperty(out, k, { value: o[k], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Sets a property without triggering `__proto__` setters. */
export function setOwn(o: RawObject, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A short, printable rendering of an offending value for messages. */
export function shortValue(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean' || v === null) s = String(v);
  else s = typeName(v);
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** "schemes[2].tranches[0].gate.byDay: must be a whole number from 1 to 31" (or in Russian). */
export function formatIssue(issue: ScenarioIssue, lang: Lang): string {
  const message = isCode(issue.code) ? renderMessage(issue.code, issue.params, lang) : issue.message;
  return issue.path === '' ? message : `${issue.path}: ${message}`;
}
