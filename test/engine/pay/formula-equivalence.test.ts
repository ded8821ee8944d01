/**
 * The formulas written once over their common form (pay/formulas/) against the code they
 * replaced (formula-oracle.ts): the same curves to the bit, the same kopecks, the same
 * decimals and the same errors, over every formula type, measures negative, huge and at the
 * tiers' edges, rates with many decimals and caps.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PayoutFormula } from '../../../src/engine/scenario/types.ts';
import type { PayCurve } from '../../../src/engine/pay/curve.ts';
import { compileCurve, compileFormulaKopecks, poolDecimal, poolKopecks } from '../../../src/engine/pay/formula.ts';
import { formatKopecks, parseKopecks } from '../../../src/engine/money/kopecks.ts';
import type { Dec } from '../../../src/engine/money/decimal.ts';
import * as oracle from './formula-oracle.ts';

const SEED = 1212;
const RUNS = 2000;
const MAX = Number.MAX_SAFE_INTEGER;

/** A value or the error it threw, comparable with toEqual. */
function outcome<T>(run: () => T): { ok: T } | { error: string } {
  try {
    return { ok: run() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/** Floats as their shortest round-trip text, so -0 and every last bit count. */
const bits = (v: number) => (Object.is(v, -0) ? '-0' : String(v));
const curveText = (c: PayCurve) => [bits(c.intercept), bits(c.baseSlope), ...c.breaks.map((b) => `${bits(b.x)} ${bits(b.dSlope)} ${bits(b.jump)}`)];
const decText = (d: Dec) => `${d.isNegative() ? 'neg ' : ''}${d.toString()}`;

/** Kopecks: mostly everyday amounts, some huge, some negative, now and then 0. */
const kopecks = fc.oneof(
  { arbitrary: fc.integer({ min: -1e8, max: 1e10 }), weight: 5 },
  { arbitrary: fc.integer({ min: -MAX, max: MAX }), weight: 2 },
  { arbitrary: fc.constantFrom(0, 1, -1, MAX, -MAX), weight: 1 },
);
/** Money text; now and then a fraction of a kopeck, which must be refused alike. */
const money = fc.oneof({ arbitrary: kopecks.map(formatKopecks), weight: 20 }, { arbitrary: fc.constantFrom('1.005', '0.001'), weight: 1 });
/** Rates with 0..20 decimals, everyday to absurd numerators, some negative. */
const rate = fc.oneof(
  { arbitrary: fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.integer({ min: 0, max: 10 })), weight: 6 },
  { arbitrary: fc.tuple(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.integer({ min: 0, max: 20 })), weight: 2 },
).map(([digits, dp]) => {
  const s = (digits < 0n ? -digits : digits).toString().padStart(dp + 1, '0');
  const text = dp === 0 ? s : `${s.slice(0, s.length - dp)}.${s.slice(s.length - dp)}`;
  return digits < 0n ? `-${text}` : text;
});
const cap = fc.option(money, { nil: undefined, freq: 2 });
const tiers = fc.record({
  mode: fc.constantFrom('marginal' as const, 'retroactive' as const),
  // Mostly ascending; sometimes as drawn (unsorted, repeated or empty), which must be refused alike.
  froms: fc.array(kopecks, { minLength: 0, maxLength: 5 }),
  rates: fc.array(rate, { minLength: 5, maxLength: 5 }),
  keep: fc.integer({ min: 0, max: 9 }),
  cap,
});

const formula: fc.Arbitrary<PayoutFormula> = fc.oneof(
  fc.record({ type: fc.constant('fixed' as const), amount: money }),
  fc.record({ type: fc.constant('linear' as const), rate, cap }),
  fc.record({ type: fc.constant('threshold' as const), threshold: money, rate, cap }),
  tiers.map(({ mode, froms, rates, keep, cap }): PayoutFormula => {
    const ordered = keep === 0 ? froms : [...new Set(froms)].sort((a, b) => a - b);
    return { type: 'tiers', mode, tiers: ordered.map((k, i) => ({ from: formatKopecks(k), rate: rates[i] })), cap };
  }),
  fc.record({ type: fc.constant('pieceRate' as const), rate: money, norm: money, premium: money, cap }),
);

/** Measures: anywhere, and at each tier's edge (from − 1, from, from + 1). */
function measures(f: PayoutFormula): fc.Arbitrary<number[]> {
  const edges: number[] = [];
  const edge = (text: string) => {
    const k = outcome(() => parseKopecks(text));
    if ('ok' in k) edges.push(k.ok - 1, k.ok, k.ok + 1);
  };
  if (f.type === 'threshold') edge(f.threshold);
  if (f.type === 'tiers') f.tiers.forEach((t) => edge(t.from));
  if (f.type === 'pieceRate') edge(f.norm);
  const safeEdges = edges.filter((k) => Number.isSafeInteger(k));
  return fc.array(kopecks, { maxLength: 6 }).map((ms) => [...ms, ...safeEdges, 0]);
}
const cases = formula.chain((f) => measures(f).map((ms) => ({ f, ms })));

describe('payout formulas written once agree with the code they replaced', () => {
  it('float curves are the same to the bit', () => {
    fc.assert(
      fc.property(formula, (f) => {
        expect(outcome(() => curveText(compileCurve(f)))).toEqual(outcome(() => curveText(oracle.compileCurve(f))));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('exact kopecks are the same integers (and the same errors)', () => {
    fc.assert(
      fc.property(cases, ({ f, ms }) => {
        const mine = outcome(() => compileFormulaKopecks(f));
        const theirs = outcome(() => oracle.compileFormulaKopecks(f));
        expect('error' in mine ? mine : 'compiled').toEqual('error' in theirs ? theirs : 'compiled');
        if (!('ok' in mine) || !('ok' in theirs)) return;
        for (const m of ms) {
          const a = outcome(() => poolKopecks(mine.ok, m));
          expect(a).toEqual(outcome(() => oracle.poolKopecks(theirs.ok, m)));
          expect(outcome(() => poolKopecks({ formula: mine.ok }, m))).toEqual(a);
          if ('ok' in a) expect(Object.is(a.ok, -0)).toBe(false);
        }
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  it('decimal pools are the same numbers (and the same errors)', () => {
    fc.assert(
      fc.property(cases, ({ f, ms }) => {
        for (const m of ms) {
          const roubles = formatKopecks(m);
          expect(outcome(() => decText(poolDecimal(f, roubles)))).toEqual(outcome(() => decText(oracle.poolDecimal(f, roubles))));
        }
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });

  it('the generators reach what they must: every type, errors, huge pools, many decimals', () => {
    // Guards the properties above against generators that drifted into easy cases.
    const seen = new Set<string>();
    fc.assert(
      fc.property(cases, ({ f, ms }) => {
        seen.add(f.type);
        const k = outcome(() => oracle.compileFormulaKopecks(f));
        if ('error' in k) seen.add(['too many decimals', 'at least one tier', 'must be above', 'fractions of a kopeck'].find((e) => k.error.includes(e)) ?? k.error);
        if (!('ok' in k)) return;
        for (const m of ms) {
          const pool = outcome(() => oracle.poolKopecks(k.ok, m));
          if ('error' in pool) seen.add('pool error');
          else if (pool.ok > 2 ** 53) seen.add('pool beyond 2^53');
          else if (f.type !== 'fixed' && pool.ok > 0 && 'cap' in k.ok && pool.ok === k.ok.cap) seen.add('capped');
        }
      }),
      { seed: SEED + 3, numRuns: RUNS },
    );
    const wanted = ['fixed', 'linear', 'threshold', 'tiers', 'pieceRate', 'too many decimals', 'at least one tier', 'must be above', 'fractions of a kopeck', 'pool error', 'pool beyond 2^53', 'capped'];
    for (const want of wanted) {
      expect(seen, want).toContain(want);
    }
  });
});
