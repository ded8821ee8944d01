/**
 * The common form of payout formulas (pay/formulas/) and its three evaluators. A new formula
 * type only gives a shape, so the evaluators must agree on every shape, including ones no
 * type gives yet (a base with tiers above it).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PayoutFormula } from '../../../src/engine/scenario/types.ts';
import { formulaShape, type FormulaShape } from '../../../src/engine/pay/formula.ts';
import { curveOfShape } from '../../../src/engine/pay/formula-curve.ts';
import { kopecksOfShape, poolKopecks } from '../../../src/engine/pay/formula-kopecks.ts';
import { decimalPoolOfShape } from '../../../src/engine/pay/formula-decimal.ts';
import { poolAt } from '../../../src/engine/pay/curve.ts';
import { Dec } from '../../../src/engine/money/decimal.ts';
import { formatKopecks, parseKopecks } from '../../../src/engine/money/kopecks.ts';
import { measure, rate, roubles } from './arbitraries.ts';

const SEED = 2121;

/** Shapes as a scenario could give them: amounts ≥ 0, rates 0..1, optional base and cap. */
const shape: fc.Arbitrary<FormulaShape> = fc
  .record({
    base: fc.option(roubles(0, 200_000), { nil: undefined }),
    mode: fc.constantFrom('marginal' as const, 'retroactive' as const),
    froms: fc.uniqueArray(fc.integer({ min: 0, max: 8e9 }), { maxLength: 4 }),
    rates: fc.array(rate(1), { minLength: 4, maxLength: 4 }),
    cap: fc.option(roubles(0, 500_000), { nil: undefined }),
  })
  .map(({ base, mode, froms, rates, cap }) => ({
    base,
    mode,
    tiers: [...froms].sort((a, b) => a - b).map((k, i) => ({ from: formatKopecks(k), rate: rates[i] })),
    cap,
  }));

describe('the three evaluators agree on any shape', () => {
  it('kopecks equal the decimal pool to the kopeck; the float curve is within rounding of it', () => {
    fc.assert(
      fc.property(shape, fc.array(measure, { minLength: 1, maxLength: 5 }), (s, ms) => {
        const k = kopecksOfShape(s);
        const curve = curveOfShape(s);
        for (const m of ms) {
          const exact = decimalPoolOfShape(s, new Dec(m));
          expect(formatKopecks(poolKopecks(k, parseKopecks(m)))).toBe(exact.toFixed(2));
          const x = exact.toNumber();
          expect(Math.abs(poolAt(curve, Number(m)) - x)).toBeLessThanOrEqual(0.005 + 1e-9 * x + 1e-9);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('a base with a tier above it pays the base plus the tier', () => {
    const s: FormulaShape = { base: '30000', mode: 'marginal', tiers: [{ from: '1000000', rate: '0.01' }], cap: '50000' };
    const at = (m: string) => [decimalPoolOfShape(s, new Dec(m)).toFixed(2), poolKopecks(kopecksOfShape(s), parseKopecks(m)), poolAt(curveOfShape(s), Number(m))];
    expect(at('500000')).toEqual(['30000.00', 3_000_000, 30000]);
    expect(at('2000000')).toEqual(['40000.00', 4_000_000, 40000]);
    expect(at('9000000')).toEqual(['50000.00', 5_000_000, 50000]);
  });
});

describe('formula types read as shapes', () => {
  it.each<[PayoutFormula, FormulaShape]>([
    [{ type: 'fixed', amount: '5000' }, { base: '5000', mode: 'marginal', tiers: [] }],
    [{ type: 'linear', rate: '0.01', cap: '9' }, { mode: 'marginal', tiers: [{ from: '0', rate: '0.01' }], cap: '9' }],
    [
      { type: 'threshold', threshold: '100', rate: '0.5' },
      { mode: 'marginal', tiers: [{ from: '100', rate: '0.5' }], cap: undefined },
    ],
    [
      { type: 'pieceRate', rate: '100', norm: '150', premium: '400' },
      { mode: 'marginal', tiers: [{ from: '0', rate: '100' }, { from: '150', rate: '400' }], cap: undefined },
    ],
    [{ type: 'pieceRate', rate: '100', norm: '0', premium: '400' }, { mode: 'marginal', tiers: [{ from: '0', rate: '400' }], cap: undefined }],
  ])('%j', (f, expected) => {
    expect(formulaShape(f)).toEqual(expected);
  });

  it('refuses tiers that are empty or not ascending, and unknown types, in the same words as always', () => {
    const tiers = (list: { from: string; rate: string }[]): PayoutFormula => ({ type: 'tiers', mode: 'marginal', tiers: list });
    expect(() => formulaShape(tiers([]))).toThrow('tiers: at least one tier is needed');
    expect(() => formulaShape(tiers([{ from: '5', rate: '0.1' }, { from: '5', rate: '0.2' }]))).toThrow('tiers[1].from must be above tiers[0].from');
    expect(() => formulaShape({ type: 'toString' } as unknown as PayoutFormula)).toThrow('unknown payout formula "toString"');
  });
});
