/**
 * The search under the calibration and the optimiser (CMA-ES, batch/search): it finds the
 * known optimum of smooth, noisy and cliff-edged functions, and the same seed gives the
 * same path.
 */
import { describe, expect, it } from 'vitest';
import { Cmaes, symmetricEigen } from '../../../src/engine/batch/search/cmaes.ts';
import { minimise } from '../../../src/engine/batch/search/minimise.ts';
import { Sfc32 } from '../../../src/engine/numeric/random.ts';

const source = (seed: number) => {
  const r = new Sfc32(seed, 1, 2, 3);
  return () => r.next();
};

describe('CMA-ES', () => {
  it('finds the minimum of a rotated, badly scaled quadratic in the unit box', async () => {
    const target = [0.3, 0.7, 0.55, 0.2];
    const f = (x: number[]) => {
      const d = x.map((v, i) => v - target[i]);
      return (d[0] + d[1]) ** 2 * 100 + (d[0] - d[1]) ** 2 + d[2] ** 2 * 10 + d[3] ** 2;
    };
    const found = await minimise(async (xs) => xs.map(f), { start: [0.5, 0.5, 0.5, 0.5], budget: 1500, random: source(7) });
    found.x.forEach((v, i) => expect(v).toBeCloseTo(target[i], 2));
  });

  it('finds the optimum of a noisy function with a cliff (a gate: the value drops past 0.6)', async () => {
    const noise = source(99);
    // Profit rises towards the gate at 0.6, then falls off a cliff; noise of ±2% of the scale.
    const f = (x: number[]) => {
      const gate = x[0] <= 0.6 ? -x[0] : 1 - x[0];
      return gate + (x[1] - 0.4) ** 2 + (noise() - 0.5) * 0.02;
    };
    const found = await minimise(async (xs) => xs.map(f), { start: [0.2, 0.9], budget: 600, random: source(3) });
    expect(found.x[0]).toBeGreaterThan(0.55);
    expect(found.x[0]).toBeLessThanOrEqual(0.6);
    expect(found.x[1]).toBeCloseTo(0.4, 1);
  });

  it('walks the same path for the same seed', async () => {
    const f = (x: number[]) => (x[0] - 0.1) ** 2 + (x[1] - 0.9) ** 2;
    const a = await minimise(async (xs) => xs.map(f), { start: [0.5, 0.5], budget: 100, random: source(5) });
    const b = await minimise(async (xs) => xs.map(f), { start: [0.5, 0.5], budget: 100, random: source(5) });
    expect(a).toEqual(b);
  });

  it('keeps every candidate inside the box', () => {
    const es = new Cmaes({ start: [0, 1, 0.5], sigma: 2, random: source(11) });
    for (const x of es.ask()) for (const v of x) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('diagonalises a symmetric matrix (the covariance update)', () => {
    const m = [
      [4, 1, 0],
      [1, 3, 1],
      [0, 1, 2],
    ];
    const { values, vectors } = symmetricEigen(m);
    for (let k = 0; k < 3; k++) {
      const v = vectors.map((row) => row[k]);
      const mv = m.map((row) => row.reduce((a, x, j) => a + x * v[j], 0));
      mv.forEach((x, i) => expect(x).toBeCloseTo(values[k] * v[i], 9));
    }
  });

  it('stops when the best is good enough', async () => {
    let calls = 0;
    const found = await minimise(
      async (xs) => {
        calls += xs.length;
        return xs.map((x) => Math.abs(x[0] - 0.5) < 0.2 ? 0 : 1);
      },
      { start: [0.9], budget: 1000, random: source(1), good: (v) => v === 0 },
    );
    expect(found.value).toBe(0);
    expect(calls).toBeLessThan(200);
  });
});
