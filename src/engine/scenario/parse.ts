/**
 * The one door for scenario files, share links and pasted text:
 * upgrade (version chain) → defaults → validation, with a path for every issue.
 * Never throws, whatever the input.
 */
import type { Scenario, SimulationSettings } from './types.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { IssueCollector, copyOwn, isObject, makeIssue, own, setOwn, type ParseResult, type RawObject } from './issues.ts';
import { upgradeScenario } from './upgrade.ts';
import { fillDefaults } from './defaults.ts';
import { validateScenario } from './validate.ts';
import { scenarioTree } from './fields.ts';

export type { ParseResult, ScenarioIssue } from './issues.ts';
export { formatIssue } from './issues.ts';

/**
 * Settings given apart from the file (the command line's --runs, --seed, --months): they
 * replace the file's before defaults and validation, so every limit and check still holds.
 */
export type SimulationOverrides = Partial<Pick<SimulationSettings, 'runs' | 'seed' | 'months'>>;

/** Reads an already-parsed JSON value as a scenario. */
export function parseScenario(json: unknown, overrides: SimulationOverrides = {}): ParseResult {
  const issues = new IssueCollector();
  try {
    const upgraded = upgradeScenario(json, issues);
    if (upgraded !== undefined) {
      const scenario = validateScenario(fillDefaults(withOverrides(upgraded, overrides)), issues);
      if (scenario !== undefined && !issues.hasErrors) {
        return { ok: true, scenario, warnings: issues.finish().warnings };
      }
    }
    const { errors, warnings } = issues.finish();
    if (errors.length === 0) errors.push(makeIssue('', 'internal', { reason: 'no scenario was produced' }));
    return { ok: false, errors, warnings };
  } catch (e) {
    // Not JSON data (getters that throw, proxies, …) or a bug: never let it escape.
    const { errors, warnings } = issues.finish();
    errors.push(makeIssue('', 'internal', { reason: describeError(e) }));
    return { ok: false, errors, warnings };
  }
}

/** The document with the overrides in its `simulation` (a missing one is made; a non-object one is left for the validator to report). */
function withOverrides(doc: RawObject, overrides: SimulationOverrides): RawObject {
  const given = Object.entries(overrides).filter(([, v]) => v !== undefined);
  if (given.length === 0) return doc;
  const sim = own(doc, 'simulation');
  if (sim !== undefined && !isObject(sim)) return doc;
  const patched = sim === undefined ? {} : copyOwn(sim);
  for (const [key, value] of given) setOwn(patched, key, value);
  const out = copyOwn(doc);
  setOwn(out, 'simulation', patched);
  return out;
}

/** Reads scenario text (a file, a pasted text, a decoded share link). */
export function parseScenarioText(text: string, overrides: SimulationOverrides = {}): ParseResult {
  try {
    if (typeof text !== 'string') {
      return fail(makeIssue('', 'type.string', { got: text === null ? 'null' : typeof text === 'object' ? 'object' : 'other' }));
    }
    const max = SCENARIO_LIMITS.maxTextBytes;
    // A UTF-16 unit is 1–3 UTF-8 bytes: decide from the length alone when possible.
    const bytes = text.length > max ? text.length : text.length * 3 <= max ? text.length : utf8Length(text);
    if (bytes > max) {
      return fail(makeIssue('', 'text.tooLarge', { size: megabytes(bytes), max: megabytes(max), bytes, maxBytes: max }));
    }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // byte-order mark
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (e) {
      if (e instanceof RangeError || /recursion|stack|deep/i.test(describeError(e))) {
        return fail(makeIssue('', 'text.tooDeep', { reason: describeError(e) }));
      }
      return fail(makeIssue('', 'text.invalidJson', { reason: describeError(e) }));
    }
    return parseScenario(json, overrides);
  } catch (e) {
    return fail(makeIssue('', 'internal', { reason: describeError(e) }));
  }
}

/**
 * Pretty JSON (2-space indent, trailing newline) with every field of the scenario's types
 * in the documented order (fields.ts); `parseScenario(JSON.parse(serializeScenario(s)))`
 * gives back an equal scenario (a property test: test/engine/scenario/round-trip.test.ts).
 */
export function serializeScenario(s: Scenario): string {
  return `${JSON.stringify(scenarioTree(s), null, 2)}\n`;
}

function fail(issue: ReturnType<typeof makeIssue>): ParseResult {
  return { ok: false, errors: [issue], warnings: [] };
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function describeError(e: unknown): string {
  try {
    if (e instanceof Error) return e.message.slice(0, 300);
    return String(e).slice(0, 300);
  } catch {
    return 'unknown error';
  }
}
