/**
 * Save → open gives back the same scenario, for scenarios generated from the types
 * (every optional field included, values at the ends of their ranges): the property
 * behind Save, Share link and the kept workspace.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatIssue, parseScenario, parseScenarioText, serializeScenario } from '../../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../../src/engine/scenario/types.ts';
import { FIELDS } from '../../../src/engine/scenario/fields.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { scenarioArb } from './arbitraries.ts';

function accepted(json: unknown): Scenario {
  const r = parseScenario(json);
  if (!r.ok) throw new Error(r.errors.map((e) => formatIssue(e, 'en')).join('\n'));
  return r.scenario;
}

const RUNS = Number(process.env.PAYBENCH_ROUND_TRIP_RUNS ?? 200);

describe('the scenario round trip', () => {
  it('generated scenarios are accepted as they are (canonical form)', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        expect(accepted(structuredClone(s))).toEqual(s);
      }),
      { numRuns: RUNS },
    );
  });

  it('save → parse gives a deep-equal scenario, and saving again the same text', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const text = serializeScenario(s);
        const read = parseScenarioText(text);
        if (!read.ok) throw new Error(read.errors.map((e) => formatIssue(e, 'en')).join('\n'));
        expect(read.warnings).toEqual([]);
        expect(read.scenario).toEqual(s);
        expect(serializeScenario(read.scenario)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('a file that leaves optional sections out round-trips once its defaults are filled', () => {
    const optional = ['description', 'simulation', 'company', 'calendar', 'clients', 'behaviour', 'sales', 'baseline'] as const;
    fc.assert(
      fc.property(scenarioArb(), fc.subarray([...optional]), (s, drop) => {
        const file = JSON.parse(serializeScenario(s)) as Record<string, unknown>;
        for (const key of drop) delete file[key];
        const read = parseScenario(file);
        // A default may not fit the rest (sales off under a sales measure, 200 clients under a bigger key-client plan).
        fc.pre(read.ok);
        const filled = accepted(file);
        expect(accepted(JSON.parse(serializeScenario(filled)))).toEqual(filled);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('writes the fields in the documented order', () => {
    const [s] = fc.sample(scenarioArb(), { numRuns: 1, seed: 7 });
    expect(Object.keys(JSON.parse(serializeScenario(s)))).toEqual([...FIELDS.scenario]);
  });
});

describe('the bundled scenarios', () => {
  const dir = new URL('../../../scenarios/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.targets.json'))) {
    it(`${file} keeps every field when saved and opened again`, () => {
      const s = accepted(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      expect(accepted(JSON.parse(serializeScenario(s)))).toEqual(s);
    });
  }
});
