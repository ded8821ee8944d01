/**
 * The optimiser's search on a synthetic problem with a known answer: a figure that rises
 * towards a cliff (a gate: past x₀ = 0.7 it drops by 8), a limit x₀ + x₁ ≤ 0.9 that binds
 * there, noise common to each block (the luck every candidate shares, σ = 3) and noise of
 * each point's own (σ = 0.3 on the figure, 0.02 on the limit). On a grid of 21 × 21 the
 * best point that keeps the limit by its noise is x₀ = 0.7, x₁ = 0.1 or 0.15.
 */
import { describe, expect, it } from 'vitest';
import { latinHypercube, noisySearch, type NoisyProblem, type Sample } from '../../../../src/engine/batch/optimise/noisy-search.ts';
import { PooledSpread, sd, standardError, studentT } from '../../../../src/engine/batch/optimise/stats.ts';
import { Sfc32, mix32 } from '../../../../src/engine/numeric/random.ts';

const source = (seed: number) => {
  const r = new Sfc32(seed, 11, 22, 33);
  return () => r.next();
};

/** A normal draw fixed by (salt, a, b): the same point on the same block always draws the same. */
function gauss(salt: number, a: number, b: number): number {
  return new Sfc32(mix32(salt), mix32(a + 0x9e37), mix32(b + 0x85eb), 7).normal();
}

const truth = (x: readonly number[]) => 10 * x[0] - 5 * (x[1] - 0.3) ** 2 - (x[0] > 0.7 + 1e-9 ? 8 : 0);
const slackTruth = (x: readonly number[]) => 0.9 - x[0] - x[1];

function problem(seed: number, log: { block: number; points: number }[] = []): NoisyProblem {
  return {
    levels: [21, 21],
    start: [0.2, 0.6],
    slackScales: [0.1],
    evaluate: async (points, block) => {
      log.push({ block, points: points.length });
      const common = 3 * gauss(seed, block, 0);
      return points.map((x): Sample => {
        const id = Math.round(x[0] * 20) * 100 + Math.round(x[1] * 20);
        return { objective: truth(x) + common + 0.3 * gauss(seed + 1, id, block), slacks: [slackTruth(x) + 0.02 * gauss(seed + 2, id, block)] };
      });
    },
  };
}

describe('the noisy search', () => {
  it('finds the optimum at the cliff’s edge and inside the limit (seeds 1–8, budget 600 block evaluations, exact on the grid)', async () => {
    for (let seed = 1; seed <= 8; seed++) {
      const found = await noisySearch(problem(seed), { budget: 600, random: source(seed) });
      const [x0, x1] = found.best.x;
      expect(x0, `seed ${seed}`).toBeCloseTo(0.7, 9); // at the cliff's edge, not past it
      expect([0.1, 0.15].some((v) => Math.abs(x1 - v) < 1e-9), `seed ${seed}: x1 = ${x1}`).toBe(true);
      expect(slackTruth(found.best.x), `seed ${seed}`).toBeGreaterThan(0); // the limit truly holds, with room for the noise
      expect(found.spent).toBeLessThanOrEqual(600);
    }
  });

  it('stops when no candidate can beat the best within the noise, well inside the budget (seed 3)', async () => {
    const found = await noisySearch(problem(3), { budget: 5000, random: source(3) });
    expect(found.stop).toBe('converged');
    expect(found.spent).toBeLessThan(1000);
  });

  it('stops on the budget and never spends past it', async () => {
    const log: { block: number; points: number }[] = [];
    const found = await noisySearch(problem(5, log), { budget: 40, random: source(5) });
    expect(found.stop).toBe('budget');
    expect(found.spent).toBeLessThanOrEqual(40);
    expect(log.reduce((a, c) => a + c.points, 0)).toBe(found.spent);
  });

  it('walks the same path for the same seed, and measures every point on blocks from the first', async () => {
    const a = await noisySearch(problem(7), { budget: 300, random: source(7) });
    const b = await noisySearch(problem(7), { budget: 300, random: source(7) });
    expect(a.points.map((p) => p.key)).toEqual(b.points.map((p) => p.key));
    expect(a.best.key).toBe(b.best.key);
    for (const p of a.points) expect(p.samples.length).toBeGreaterThan(0);
  });

  it('never suggests what the problem refuses', async () => {
    const base = problem(2);
    const refusing: NoisyProblem = { ...base, evaluate: async (points, block) => (await base.evaluate(points, block)).map((s, i) => (points[i][1] < 0.3 ? null : s)) };
    const found = await noisySearch(refusing, { budget: 400, random: source(2) });
    expect(found.best.x[1]).toBeGreaterThanOrEqual(0.3);
    expect(found.points.some((p) => p.refused)).toBe(true);
    for (const p of found.points.filter((q) => q.refused)) expect(p.samples).toEqual([]);
  });
});

describe('the statistics under it', () => {
  it('stratifies a Latin hypercube: one point in each of the n slices of every input', () => {
    const points = latinHypercube(10, 3, source(1));
    for (let d = 0; d < 3; d++) expect(points.map((p) => Math.floor(p[d] * 10)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('pools spreads by degrees of freedom, and a constant series has no noise', () => {
    const pool = new PooledSpread();
    pool.add([1, 3]);
    pool.add([2, 2, 2]);
    expect(pool.df).toBe(3);
    expect(pool.value()).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(standardError([5, 5, 5], 10)).toBe(0);
    expect(standardError([1, 3], 2)).toBeCloseTo(2 / Math.sqrt(2), 12); // two values: the pooled spread
    expect(standardError([1, 2, 3, 4], 100)).toBeCloseTo(sd([1, 2, 3, 4]) / 2, 12); // four: its own
  });

  it('gives Student’s t (tables: 6.314, 2.920, 1.943, 1.812, 1.697 at 95% one-sided)', () => {
    expect(studentT(0.95, 1)).toBeCloseTo(6.314, 3);
    expect(studentT(0.95, 2)).toBeCloseTo(2.92, 3);
    expect(studentT(0.95, 6)).toBeCloseTo(1.943, 2);
    expect(studentT(0.95, 10)).toBeCloseTo(1.812, 3);
    expect(studentT(0.95, 30)).toBeCloseTo(1.697, 3);
  });
});
