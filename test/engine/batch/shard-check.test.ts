/**
 * `merge` reads a shard's summaries as strictly as a scenario: damage is refused with the
 * file and the path, never merged into a negative share, a null mean or a shifted quantile.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ResultsAccumulator, ShardError, buildResultsJson, buildShard, compileModel, mergeShards, readShard, shardText, simulateRun } from '../../../src/engine/index.ts';
import { parseScenario } from '../../../src/engine/scenario/parse.ts';
import { minimalFile } from '../scenario/helpers.ts';
import { unexpectedNulls } from '../results-checks.ts';

function shardDoc(): Record<string, any> {
  const file: Record<string, any> = minimalFile();
  file.simulation = { runs: 8, months: 2 };
  file.behaviour = { absence: { enabled: true } };
  const parsed = parseScenario(file);
  if (!parsed.ok) throw new Error('fixture');
  const s = parsed.scenario;
  const model = compileModel(s);
  const acc = new ResultsAccumulator(s);
  for (let i = 0; i < s.schemes.length; i++) for (let r = 0; r < 4; r++) acc.add(simulateRun(model, i, r));
  return JSON.parse(shardText(buildShard(s, acc, { ranges: [[0, 4]], generator: 'paybench test' })));
}

const BASE = shardDoc();
const read = (doc: unknown) => readShard(JSON.stringify(doc), 'part-1.json');

function refusal(edit: (doc: Record<string, any>) => void): string {
  const doc = structuredClone(BASE);
  edit(doc);
  try {
    read(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(ShardError);
    return (e as Error).message;
  }
  throw new Error('the damaged shard was merged');
}

describe('a shard summaries', () => {
  it('are read when whole', () => {
    expect(read(BASE).acc.size).toBe(8);
  });

  const scheme = (doc: Record<string, any>) => doc.state.schemes[0].state;
  const cases: [string, (doc: Record<string, any>) => void, RegExp][] = [
    ['a negative count of plans met', (d) => (scheme(d).planMet = -5), /state\.schemes\[0\]\.state\.planMet: must be a whole number from 0 to 8, got -5/],
    ['a sum that is not a number', (d) => (scheme(d).totals.payroll.sum = ['abc']), /state\.schemes\[0\]\.state\.totals\.payroll\.sum\[0\]: must be a finite number of at most 1e30 in size, got \"abc\"/],
    ['a null among the values', (d) => (scheme(d).monthlyMetrics.collections.values[0] = null), /monthlyMetrics\.collections\.values\[0\]: must be a finite number of at most 1e18 in size, got null/],
    ['a null sum', (d) => (scheme(d).totals.bonus.sum = null), /totals\.bonus\.sum: must be a list, got null/],
    ['a day of cash missing', (d) => scheme(d).cashDaily.pop(), /cashDaily: must hold 59 entries, holds 58/],
    ['a per-run list too short', (d) => scheme(d).perRun.profitTotal.pop(), /perRun\.profitTotal: must hold 4 entries, holds 3/],
    ['a count that disagrees with the values', (d) => (scheme(d).totals.payroll.count = 5), /totals\.payroll\.count: must be 4, got 5/],
    ['a negative value count', (d) => (scheme(d).monthlyMetrics.collections.counts[0] = -1), /collections\.counts\[0\]: must be a whole number of 1 or more, got -1/],
    ['values out of order', (d) => scheme(d).monthlyMetrics.collections.values.reverse(), /collections\.values\[1\]: .* does not follow/],
    ['a month too many', (d) => scheme(d).monthly.push(scheme(d).monthly[0]), /monthly: must hold 2 entries, holds 3/],
    ['a person missing', (d) => scheme(d).staff.pop(), /staff: must hold 2 entries, holds 1/],
    ['a cover cell that is not a list', (d) => (scheme(d).coverMatrix[0] = 'x'), /coverMatrix\[0\]: must be a list/],
    ['a scheme index out of range', (d) => (d.state.schemes[0].schemeIndex = 7), /schemeIndex: must be a whole number from 0 to 1, got 7/],
    ['another plan', (d) => (d.state.plan = 1), /state\.plan: must be the scenario's plan 50000000, got 1/],
    ['a generator with control characters', (d) => (d.generator = '\u001b]0;pwned\u0007'), /generator: must be a name/],
  ];
  for (const [what, edit, message] of cases) {
    it(`refuse ${what}, naming the file and the path`, () => {
      const text = refusal(edit);
      expect(text).toMatch(/^part-1\.json: damaged summaries:/);
      expect(text).toMatch(message);
    });
  }

  it('either refuse a damaged number or merge into finite results with shares in 0..1', () => {
    const leaves: string[][] = [];
    const walk = (v: unknown, path: string[]) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, String(i)]));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      else leaves.push(path);
    };
    walk(BASE.state, ['state']);
    const junk = fc.constantFrom<unknown>(null, -1, -0.5, 1.5, 'abc', 1e308, [], {}, true, 2 ** 53);
    fc.assert(
      fc.property(fc.nat(leaves.length - 1), junk, (at, value) => {
        const doc = structuredClone(BASE);
        const path = leaves[at];
        let o: any = doc;
        for (const k of path.slice(0, -1)) o = o[k];
        o[path[path.length - 1]] = value;
        let shard;
        try {
          shard = read(doc);
        } catch (e) {
          expect(e).toBeInstanceOf(ShardError);
          return;
        }
        const merged = mergeShards([shard]);
        const results = buildResultsJson(merged.scenario, merged.acc, { generator: 'x' });
        expect(unexpectedNulls(results)).toEqual([]);
        for (const s of results.schemes) expect(s.planMetShare! >= 0 && s.planMetShare! <= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
