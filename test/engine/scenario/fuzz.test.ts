import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, parseScenarioText, serializeScenario } from '../../../src/engine/scenario/parse.ts';
import type { ParseResult } from '../../../src/engine/scenario/parse.ts';
import { defaultScenario } from '../../../src/engine/scenario/defaults.ts';
import { minimalFile } from './helpers.ts';

const PATH = /^([A-Za-z_$][A-Za-z0-9_$]*|\["(?:[^"\\]|\\.)*…?"\])(\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*…?"\])*$/;

/** The result is well formed, and a successful result is a fixed point of serialize → parse. */
function checkResult(r: ParseResult): void {
  expect(typeof r.ok).toBe('boolean');
  for (const issue of [...(r.ok ? [] : r.errors), ...r.warnings]) {
    expect(typeof issue.path).toBe('string');
    if (issue.path !== '') expect(issue.path).toMatch(PATH);
    expect(typeof issue.code).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
  if (r.ok) {
    const again = parseScenario(JSON.parse(serializeScenario(r.scenario)));
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.scenario).toEqual(r.scenario);
  } else {
    expect(r.errors.length).toBeGreaterThan(0);
  }
}

/** Every path (object keys and array indices) in a JSON tree. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((v, i) => {
    out.push([...prefix, i]);
    paths(v, [...prefix, i], out);
  });
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) {
    out.push([...prefix, k]);
    paths(v, [...prefix, k], out);
  }
  return out;
}

type Mutation = { at: number; op: 'set' | 'delete'; value: unknown };

function mutate(base: unknown, all: (string | number)[][], mutations: Mutation[]): unknown {
  const doc = structuredClone(base) as Record<string | number, unknown>;
  for (const m of mutations) {
    const path = all[m.at % all.length];
    let parent: unknown = doc;
    for (const key of path.slice(0, -1)) {
      if (parent === null || typeof parent !== 'object') break;
      parent = (parent as Record<string | number, unknown>)[key];
    }
    // An earlier mutation may have put a boxed string or a frozen value here: leave it.
    if (parent === null || typeof parent !== 'object' || parent instanceof String || Object.isFrozen(parent)) continue;
    const key = path[path.length - 1];
    try {
      if (m.op === 'delete') delete (parent as Record<string | number, unknown>)[key];
      else (parent as Record<string | number, unknown>)[key] = m.value;
    } catch {
      // A read-only slot of an exotic value (typed array length, boxed primitive): skip.
    }
  }
  return doc;
}

const anything = fc.anything({
  maxDepth: 4,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withDate: true,
  withBigInt: true,
  withObjectString: true,
});

/** Values that are plausible for scenario fields, so mutations reach deep checks. */
const fieldValue = fc.oneof(
  fc.constantFrom('0', '-1', '1e5', 'NaN', '0.5', '40000000', '2027-01', '2027-02-29', 'head', 'equal', 'quarter', 'tiers', '', ' x '),
  fc.constantFrom(0, -0, 1, 31, 32, 0.5, 1.5, -1, 1e21, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  anything,
);

describe('parseScenario never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => checkResult(parseScenario(v))),
      { numRuns: 2000 },
    );
  });

  it('on arbitrary JS values (maps, typed arrays, null prototypes, bigints, …)', () => {
    fc.assert(
      fc.property(anything, (v) => checkResult(parseScenario(v))),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary objects carrying a valid header', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fieldValue), (extra) =>
        checkResult(parseScenario({ ...extra, format: 'paybench-scenario', version: 2 })),
      ),
      { numRuns: 500 },
    );
  });

  for (const [label, base] of [
    ['the default scenario', defaultScenario()],
    ['a minimal file', minimalFile()],
  ] as const) {
    const all = paths(base);
    it(`on mutations of ${label}`, () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.record({ at: fc.nat(), op: fc.constantFrom<'set' | 'delete'>('set', 'set', 'set', 'delete'), value: fieldValue }),
            { minLength: 1, maxLength: 4 },
          ),
          (mutations) => checkResult(parseScenario(mutate(base, all, mutations))),
        ),
        { numRuns: 1000 },
      );
    });
  }

  it('on hostile objects (throwing getters, revoked proxies)', () => {
    const getter = { ...minimalFile() };
    Object.defineProperty(getter, 'company', { enumerable: true, get: () => { throw new Error('boom'); } });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const cyclic: Record<string, unknown> = { ...minimalFile() };
    cyclic.company = cyclic;
    for (const v of [getter, proxy, { ...minimalFile(), staff: proxy }, Object.create(minimalFile())]) {
      const r = parseScenario(v);
      checkResult(r);
      expect(r.ok).toBe(false);
    }
    // A cycle is harmless: only known fields are walked; the file's own keys in `company` are unknown there.
    const r = parseScenario(cyclic);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.path)).toContain('company.staff');
  });
});

describe('parseScenarioText never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => checkResult(parseScenarioText(s))), { numRuns: 500 });
  });

  it('on truncated and spliced scenario text', () => {
    const text = serializeScenario(defaultScenario());
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), fc.string(), (a, b, insert) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        checkResult(parseScenarioText(text.slice(0, from) + insert + text.slice(to)));
      }),
      { numRuns: 500 },
    );
  });
});
