import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PayoutFormula } from '../../../src/engine/scenario/types.ts';
import { compileCurve, compileFormulaKopecks, poolDecimal, poolKopecks } from '../../../src/engine/pay/formula.ts';
import { expectedMarginal, expectedPool, expectedPoolAndMarginal, poolAt, slopeAt, type PayCurve } from '../../../src/engine/pay/curve.ts';
import { normalCdf, normalPdf } from '../../../src/engine/numeric/normal.ts';
import { parseKopecks } from '../../../src/engine/money/kopecks.ts';
import { anyFormula, linearFormula, measure, thresholdFormula, tiersFormula } from './arbitraries.ts';

const SEED = 2002;
const threshold: PayoutFormula = { type: 'threshold', threshold: '40000000', rate: '0.005' };
const linear: PayoutFormula = { type: 'linear', rate: '0.001' };

/** The pool three ways: decimal.js string, kopecks, float curve. */
function pools(f: PayoutFormula, m: string) {
  return {
    decimal: poolDecimal(f, m).toFixed(2),
    kopecks: poolKopecks(compileFormulaKopecks(f), parseKopecks(m)),
    curve: poolAt(compileCurve(f), Number(m)),
  };
}

describe('article 002 pools, exact', () => {
  it.each([
    ['55000000', '75000.00'],
    ['50000000', '50000.00'],
    ['45000000', '25000.00'],
    ['40000000', '0.00'],
    ['30000000', '0.00'],
  ])('threshold (C − 40M) × 0.005 at %s pays %s', (m, expected) => {
    const p = pools(threshold, m);
    expect(p.decimal).toBe(expected);
    expect(p.kopecks).toBe(parseKopecks(expected));
    expect(p.curve).toBeCloseTo(Number(expected), 6);
  });
  it.each([
    ['40000000', '40000.00'],
    ['50000000', '50000.00'],
  ])('linear 0.001 at %s pays %s', (m, expected) => {
    const p = pools(linear, m);
    expect(p.decimal).toBe(expected);
    expect(p.kopecks).toBe(parseKopecks(expected));
    expect(p.curve).toBeCloseTo(Number(expected), 6);
  });
});

describe('tiers, caps, fixed', () => {
  const marginal: PayoutFormula = {
    type: 'tiers',
    mode: 'marginal',
    tiers: [
      { from: '0', rate: '0.001' },
      { from: '40000000', rate: '0.005' },
    ],
  };
  const retro: PayoutFormula = {
    type: 'tiers',
    mode: 'retroactive',
    tiers: [
      { from: '0', rate: '0.001' },
      { from: '50000000', rate: '0.002' },
    ],
  };
  it('marginal tiers apply each rate within its tier', () => {
    expect(pools(marginal, '55000000').decimal).toBe('115000.00');
    expect(pools(marginal, '20000000').kopecks).toBe(parseKopecks('20000'));
  });
  it('retroactive tiers jump when the next tier is reached', () => {
    expect(pools(retro, '49999989.99').decimal).toBe('49999.99'); // 49,999.98999 rounds up
    expect(pools(retro, '49999999.99').decimal).toBe('50000.00'); // still tier 1: 49,999.99999 rounds up
    expect(pools(retro, '50000000').decimal).toBe('100000.00');
    expect(compileCurve(retro).breaks[1]).toEqual({ x: 50e6, dSlope: 0.001, jump: 50000 });
  });
  it('a cap flattens the curve where it is reached, even inside a jump', () => {
    const capped = compileCurve({ ...threshold, cap: '100000' });
    expect(capped.breaks).toEqual([
      { x: 40e6, dSlope: 0.005, jump: 0 },
      { x: 60e6, dSlope: -0.005, jump: 0 },
    ]);
    expect(pools({ ...threshold, cap: '100000' }, '70000000').kopecks).toBe(parseKopecks('100000'));
    const retroCapped = compileCurve({ ...retro, cap: '60000' });
    expect(retroCapped.breaks.at(-1)).toEqual({ x: 50e6, dSlope: -0.001, jump: 10000 });
    expect(poolAt(retroCapped, 80e6)).toBe(60000);
  });
  it('fixed pays its amount whatever the measure; pools are never negative', () => {
    expect(pools({ type: 'fixed', amount: '30000' }, '-5').decimal).toBe('30000.00');
    expect(pools(linear, '-1000000').kopecks).toBe(0);
    expect(poolAt(compileCurve(linear), -1e6)).toBe(0);
  });
  it('refuses unknown formulas and unordered tiers', () => {
    expect(() => compileCurve({ type: 'bogus' } as unknown as PayoutFormula)).toThrow('unknown payout formula "bogus"');
    const bad: PayoutFormula = { type: 'tiers', mode: 'marginal', tiers: [{ from: '10', rate: '0.1' }, { from: '5', rate: '0.2' }] };
    expect(() => compileFormulaKopecks(bad)).toThrow(/must be above/);
  });
});

describe('the three pool computations agree (property)', () => {
  it('poolKopecks equals poolDecimal to the kopeck', () => {
    fc.assert(
      fc.property(anyFormula, measure, (f, m) => {
        expect(poolKopecks(compileFormulaKopecks(f), parseKopecks(m))).toBe(parseKopecks(poolDecimal(f, m).toFixed(2)));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
  it('poolAt matches poolDecimal within rounding', () => {
    fc.assert(
      fc.property(anyFormula, measure, (f, m) => {
        const exact = poolDecimal(f, m).toNumber();
        expect(Math.abs(poolAt(compileCurve(f), Number(m)) - exact)).toBeLessThanOrEqual(0.005 + 1e-9 * exact + 1e-9);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
  it('linear, threshold and marginal-tier pools never fall as the measure grows', () => {
    const monotone = fc.oneof(linearFormula, thresholdFormula, tiersFormula.filter((f) => f.type === 'tiers' && f.mode === 'marginal'));
    fc.assert(
      fc.property(monotone, measure, measure, (f, a, b) => {
        const [lo, hi] = Number(a) <= Number(b) ? [a, b] : [b, a];
        const k = compileFormulaKopecks(f);
        expect(poolKopecks(k, parseKopecks(lo))).toBeLessThanOrEqual(poolKopecks(k, parseKopecks(hi)));
        expect(poolDecimal(f, lo).lte(poolDecimal(f, hi))).toBe(true);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('expected pool and marginal pay under forecast noise', () => {
  it('expectedMarginal is the derivative of expectedPool (finite differences)', () => {
    fc.assert(
      fc.property(anyFormula, fc.double({ min: 0, max: 100e6, noNaN: true }), fc.double({ min: 1e4, max: 2e7, noNaN: true }), (f, F, sigma) => {
        const c = compileCurve(f);
        const h = sigma * 1e-4;
        const fd = (expectedPool(c, F + h, sigma) - expectedPool(c, F - h, sigma)) / (2 * h);
        const scale = c.breaks.reduce((s, b) => s + Math.abs(b.dSlope) + Math.abs(b.jump) / sigma, 0);
        expect(Math.abs(fd - expectedMarginal(c, F, sigma))).toBeLessThanOrEqual(1e-5 * scale + 1e-12);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
  it('expectedPoolAndMarginal gives the very floats of the pool and slope sums written apart (σ = 0 too)', () => {
    // The two sums as they stood before they shared one pass: the oracle for the fused one.
    const poolApart = (c: PayCurve, F: number, sigma: number) => {
      if (!(sigma > 0)) return poolAt(c, F);
      let y = c.intercept + c.baseSlope * F;
      for (const b of c.breaks) {
        const d = F - b.x;
        const cdf = normalCdf(d / sigma);
        y += b.dSlope * (d * cdf + sigma * normalPdf(d / sigma)) + b.jump * cdf;
      }
      return y;
    };
    const slopeApart = (c: PayCurve, F: number, sigma: number) => {
      if (!(sigma > 0)) return slopeAt(c, F);
      let s = c.baseSlope;
      for (const b of c.breaks) {
        const z = (F - b.x) / sigma;
        s += b.dSlope * normalCdf(z);
        if (b.jump !== 0) s += (b.jump * normalPdf(z)) / sigma;
      }
      return s;
    };
    const out = new Float64Array(2);
    fc.assert(
      fc.property(anyFormula, fc.double({ min: -1e6, max: 100e6, noNaN: true }), fc.oneof(fc.constant(0), fc.double({ min: 1, max: 2e7, noNaN: true })), (f, F, sigma) => {
        const c = compileCurve(f);
        expectedPoolAndMarginal(c, F, sigma, out);
        expect(Object.is(out[0], poolApart(c, F, sigma))).toBe(true);
        expect(Object.is(out[1], slopeApart(c, F, sigma))).toBe(true);
        expect(Object.is(expectedPool(c, F, sigma), out[0])).toBe(true);
        expect(Object.is(expectedMarginal(c, F, sigma), out[1])).toBe(true);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('expectedPool equals a numerical integral of the pool over the normal (σ = 2M)', () => {
    const c = compileCurve({ type: 'tiers', mode: 'retroactive', tiers: [{ from: '40000000', rate: '0.001' }, { from: '50000000', rate: '0.002' }], cap: '110000' });
    const sigma = 2e6;
    for (const F of [35e6, 45e6, 50e6, 56e6]) {
      let integral = 0;
      const dz = 1e-3;
      for (let z = -10; z < 10; z += dz) {
        const zm = z + dz / 2;
        integral += poolAt(c, F + sigma * zm) * Math.exp(-0.5 * zm * zm) * dz;
      }
      integral /= Math.sqrt(2 * Math.PI);
      expect(Math.abs(expectedPool(c, F, sigma) - integral)).toBeLessThan(1); // roubles of a ~100k pool
    }
  });
  it('with σ = 0 falls back to the pool and its exact slope', () => {
    const c = compileCurve(threshold);
    expect(expectedPool(c, 55e6, 0)).toBeCloseTo(75000, 6);
    expect(expectedMarginal(c, 55e6, 0)).toBe(0.005);
    expect(expectedMarginal(c, 30e6, 0)).toBe(0);
    expect(slopeAt(c, 40e6)).toBe(0.005); // right derivative at the threshold
  });
  it('a gate-like jump within reach pulls marginal pay up by jump × density', () => {
    const c = compileCurve({ type: 'tiers', mode: 'retroactive', tiers: [{ from: '0', rate: '0' }, { from: '50000000', rate: '0.001' }] });
    const m = expectedMarginal(c, 50e6, 1e6);
    // slope 0.001 × Φ(0) + jump 50,000 × φ(0) / 1M
    expect(m).toBeCloseTo(0.0005 + (50000 * 0.3989422804014327) / 1e6, 6);
  });
});
