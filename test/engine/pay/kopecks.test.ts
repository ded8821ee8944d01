import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import {
  divHalfUp,
  formatKopecks,
  integerWeights,
  mulRateCeil,
  mulRateHalfUp,
  parseKopecks,
  parseRate,
  splitLargestRemainder,
} from '../../../src/engine/money/kopecks.ts';

const SEED = 2002;
const HalfUp = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });

/** A rate string with up to `maxDp` decimals, possibly negative. */
const rateText = (maxDp = 8) =>
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.integer({ min: 0, max: maxDp }))
    .map(([neg, digits, dp]) => (neg && digits !== 0n ? '-' : '') + new HalfUp(digits.toString()).div(new HalfUp(10).pow(dp)).toFixed(dp));

describe('parsing and formatting kopecks', () => {
  it('reads roubles exactly', () => {
    expect(parseKopecks('15000.5')).toBe(1500050);
    expect(parseKopecks('40000000')).toBe(4000000000);
    expect(parseKopecks('-6000')).toBe(-600000);
    expect(parseKopecks('0.07')).toBe(7);
    expect(parseKopecks('1.230')).toBe(123);
    expect(Object.is(parseKopecks('-0'), 0)).toBe(true);
  });
  it('refuses fractions of a kopeck and non-numbers', () => {
    expect(() => parseKopecks('0.005')).toThrow(/fractions of a kopeck/);
    expect(() => parseKopecks('1e6')).toThrow(/not a decimal/);
    expect(() => parseKopecks('')).toThrow();
  });
  it('formats with exactly two decimals', () => {
    expect(formatKopecks(2700000)).toBe('27000.00');
    expect(formatKopecks(-7)).toBe('-0.07');
    expect(formatKopecks(1500050)).toBe('15000.50');
    expect(formatKopecks(0)).toBe('0.00');
  });
  it('reads rates as exact rationals', () => {
    const r = parseRate('0.005');
    expect([r.num, r.den]).toEqual([5, 1000]);
    expect(parseRate('1.50').den).toBe(10);
    expect(parseRate('-0.25').num).toBe(-25);
    expect(integerWeights(['0.5', '0.25', '1'].map(parseRate))).toEqual([50, 25, 100]);
  });
});

describe('mulRateHalfUp', () => {
  it('rounds ties away from zero, symmetric for negatives', () => {
    const half = parseRate('0.5');
    expect(mulRateHalfUp(1, half)).toBe(1); // 0.5 → 1
    expect(mulRateHalfUp(-1, half)).toBe(-1); // −0.5 → −1
    expect(mulRateHalfUp(3, half)).toBe(2); // 1.5 → 2
    expect(mulRateHalfUp(-3, half)).toBe(-2);
    expect(mulRateHalfUp(-1, parseRate('0.49'))).toBe(0);
    expect(mulRateHalfUp(5, parseRate('-0.5'))).toBe(-3);
    expect(divHalfUp(-5, 2)).toBe(-3);
  });
  it('is exact for the article and for sums beyond 2^53', () => {
    expect(mulRateHalfUp(parseKopecks('15000000'), parseRate('0.005'))).toBe(7500000);
    // 9e15 × 0.1234567891 needs BigInt; reference by hand.
    expect(mulRateHalfUp(9_000_000_000_000_000, parseRate('0.0000000005'))).toBe(4_500_000);
    expect(mulRateHalfUp(123_456_789_012, parseRate('12345.6789'))).toBe(1_524_157_875_167_200);
    expect(() => mulRateHalfUp(9e15, parseRate('2'))).toThrow(/beyond exact/);
  });
  it('equals decimal.js ROUND_HALF_UP for random amounts and rates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), rateText(), (k, r) => {
        const exact = new HalfUp(k).times(r).toDecimalPlaces(0);
        fc.pre(exact.abs().lte(Number.MAX_SAFE_INTEGER));
        const expected = exact.toNumber() || 0; // no negative zero
        expect(mulRateHalfUp(k, parseRate(r))).toBe(expected);
        expect(mulRateHalfUp(-k, parseRate(r))).toBe(expected === 0 ? 0 : -expected);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
  it('mulRateCeil gives the least kopeck amount reaching a share', () => {
    expect(mulRateCeil(parseKopecks('50000000'), parseRate('0.5'))).toBe(2_500_000_000);
    expect(mulRateCeil(1001, parseRate('0.5'))).toBe(501);
    expect(mulRateCeil(1001, parseRate('0.333'))).toBe(334); // 333.333 → 334
  });
});

describe('splitLargestRemainder', () => {
  it('gives thirds of 75,000 exactly and leftover kopecks by index', () => {
    expect(splitLargestRemainder(7_500_000, [1, 1, 1])).toEqual([2_500_000, 2_500_000, 2_500_000]);
    expect(splitLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitLargestRemainder(101, [1, 1, 1])).toEqual([34, 34, 33]);
    expect(splitLargestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(splitLargestRemainder(10, [0, 0])).toEqual([5, 5]);
    expect(splitLargestRemainder(10, [3, 0, 1])).toEqual([8, 0, 2]); // 7.5, 0, 2.5: tie → index 0
    expect(splitLargestRemainder(0, [])).toEqual([]);
  });
  it('always sums to the total, each part within a kopeck of its exact share (integer weights)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = splitLargestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const W = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            const exact = W === 0 ? new HalfUp(total).div(weights.length) : new HalfUp(total).times(weights[i]).div(W);
            expect(exact.minus(p).abs().lt(1)).toBe(true);
            expect(Number.isInteger(p)).toBe(true);
          });
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
  it('always sums to the total with fractional weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.double({ min: 0, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = splitLargestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const W = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            const exact = W === 0 ? total / weights.length : (total * weights[i]) / W;
            expect(Math.abs(exact - p)).toBeLessThan(1 + 1e-6 * Math.max(1, exact));
            expect(Number.isInteger(p)).toBe(true);
          });
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
  it('is exact beyond 2^53 with integer weights (BigInt path)', () => {
    const parts = splitLargestRemainder(9_000_000_000_000_001, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(9_000_000_000_000_001);
  });
  it('refuses negative weights', () => {
    expect(() => splitLargestRemainder(10, [1, -1])).toThrow(/weight/);
  });
});
