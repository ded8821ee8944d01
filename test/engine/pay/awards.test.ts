import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjustmentsByRule, splitEqualWithAdjustments, type AwardRuleKopecks } from '../../../src/engine/pay/awards.ts';

const SEED = 2002;

function split(pool: number, adj: number[]): number[] {
  const out = new Array<number>(adj.length).fill(NaN);
  splitEqualWithAdjustments(pool, adj, adj.length, out);
  return out;
}

describe('equal remainder with personal awards and penalties', () => {
  it("reproduces the article: (45,000 − 15,000 + 6,000) / 3 = 12,000 → 27,000 / 6,000 / 12,000", () => {
    expect(split(4_500_000, [1_500_000, -600_000, 0])).toEqual([2_700_000, 600_000, 1_200_000]);
  });
  it('gives leftover kopecks of the equal part to the first people', () => {
    expect(split(100, [0, 0, 0])).toEqual([34, 33, 33]);
    expect(split(101, [10, 0, 0])).toEqual([41, 30, 30]); // remainder 91 → 31, 30, 30
  });
  it('a penalty at least the equal part leaves the person at 0, outside the sharing', () => {
    // 45,000 + 30,000 = 75,000 / 3 = 25,000 < 30,000 → Vasya 0; 45,000 / 2 for the others.
    expect(split(4_500_000, [0, -3_000_000, 0])).toEqual([2_250_000, 0, 2_250_000]);
    // Exactly the equal part: 0 either way.
    expect(split(300, [0, -150, 0])).toEqual([150, 0, 150]);
  });
  it('drops penalised people one round after another until stable', () => {
    // 145 / 3 → first drops; 45 / 2 = 22.5 < 25 → second drops too.
    expect(split(20, [-100, -25, 0])).toEqual([0, 0, 20]);
  });
  it('awards beyond the staff pool are cut in proportion and the others get 0', () => {
    expect(split(1000, [2000, 0, -500])).toEqual([1000, 0, 0]);
    expect(split(1000, [1500, 500, 0])).toEqual([750, 250, 0]);
    expect(split(0, [100, -50, 0])).toEqual([0, 0, 0]);
  });
  it('never goes below zero and always sums to the pool (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -5e7, max: 5e7 })), { minLength: 1, maxLength: 8 }),
        (pool, adj) => {
          const parts = split(pool, adj);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(pool);
          parts.forEach((p) => expect(p).toBeGreaterThanOrEqual(0));
          // Without capping it is exactly the article's rule.
          const n = adj.length;
          const T = pool - adj.reduce((a, b) => a + b, 0);
          if (T >= 0 && adj.every((a) => -a * n < T)) {
            parts.forEach((p, i) => {
              const base = p - adj[i];
              expect(base === Math.floor(T / n) || base === Math.ceil(T / n)).toBe(true);
            });
          }
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('award rules by contribution', () => {
  const rules: AwardRuleKopecks[] = [
    { to: 'topContributor', amount: 1_500_000, minDeviation: 0.2 },
    { to: 'bottomContributor', amount: -600_000, minDeviation: 0.2 },
  ];
  const adjust = (c: number[], r = rules) => {
    const adj = new Array<number>(c.length).fill(NaN);
    adjustmentsByRule(r, c, c.length, adj);
    return adj;
  };
  it('awards the top and penalises the bottom when they stand out enough', () => {
    expect(adjust([140, 60, 100])).toEqual([1_500_000, -600_000, 0]);
    expect(adjust([119, 81, 100])).toEqual([0, 0, 0]); // within 20 % of the mean
    expect(adjust([120, 80, 100])).toEqual([1_500_000, -600_000, 0]); // exactly 20 %
  });
  it('breaks ties by staff order and fires nothing without any contribution', () => {
    expect(adjust([150, 150, 0])).toEqual([1_500_000, 0, -600_000]);
    expect(adjust([0, 0, 0])).toEqual([0, 0, 0]);
    expect(adjust([10, 0, 0])).toEqual([1_500_000, -600_000, 0]);
  });
  it('adds up two rules that hit the same person', () => {
    expect(adjust([5], [...rules.map((r) => ({ ...r, minDeviation: 0 }))])).toEqual([900_000]);
  });
});
