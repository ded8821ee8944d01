import { describe, expect, it } from 'vitest';
import { bands, distribution, quantile, quantileSorted } from '../../../src/engine/results/quantiles.ts';

describe('quantiles (type 7, linear interpolation)', () => {
  it('matches R / NumPy on known data', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(x, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantile(x, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantile(x, 0.75)).toBeCloseTo(7.75, 12);
    expect(quantile(x, 0.05)).toBeCloseTo(1.45, 12);
    expect(quantile(x, 0.95)).toBeCloseTo(9.55, 12);
    expect(quantile(x, 0)).toBe(1);
    expect(quantile(x, 1)).toBe(10);
  });

  it('does not care about input order and sorts numerically', () => {
    expect(quantile([10, 9, 100, 2, 1], 0.5)).toBe(9);
    expect(quantile([-5, 3, -20], 0.5)).toBe(-5);
  });

  it('handles tiny samples', () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(quantileSorted([42], 0.05)).toBe(42);
    expect(quantile([0, 10], 0.05)).toBeCloseTo(0.5, 12);
  });

  it('summarizes a distribution and bands', () => {
    const d = distribution([3, 1, 2]);
    expect(d).toEqual({ mean: 2, p5: 1.1, p10: expect.closeTo(1.2, 12), p25: 1.5, p50: 2, p75: 2.5, p90: expect.closeTo(2.8, 12), p95: expect.closeTo(2.9, 12) });
    const b = bands(Array.from({ length: 21 }, (_, i) => i));
    expect(b.p5).toBeCloseTo(1, 12);
    expect(b.p10).toBeCloseTo(2, 12);
    expect(b.p50).toBe(10);
    expect(b.p95).toBeCloseTo(19, 12);
  });
});
