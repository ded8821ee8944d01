import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QuantileSketch, EXACT_DISTINCT, MIN_MAGNITUDE, RELATIVE_ERROR, MAX_BUCKETS } from '../../../src/engine/results/quantile-sketch.ts';
import { ExactSum, exactSum } from '../../../src/engine/numeric/exact-sum.ts';
import { quantile, sortedCopy } from '../../../src/engine/results/quantiles.ts';

const GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);

/** mulberry32 */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const normal = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
const sketchOf = (values: ArrayLike<number>) => {
  const s = new QuantileSketch();
  for (let i = 0; i < values.length; i++) s.add(values[i]);
  return s;
};
const stateText = (s: QuantileSketch) => JSON.stringify(s.toState());
const PS = [0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1];

describe('ExactSum', () => {
  it('is exact: the order of adding does not change the correctly rounded sum', () => {
    const values = [1e16, 1, -1e16, 3.3, 1e-3, 2 ** -40, -7.77, 1e8 + 0.01];
    const reference = exactSum(values);
    expect(exactSum([1e16, 1, -1e16])).toBe(1); // naive summation gives 0
    fc.assert(
      fc.property(fc.shuffledSubarray(values, { minLength: values.length, maxLength: values.length }), (shuffled) => {
        expect(exactSum(shuffled)).toBe(reference);
      }),
      { seed: 11, numRuns: 50 },
    );
    // 0.1 ten times: naive summation gives 0.9999999999999999, the exact sum rounds to 1.
    expect(exactSum(Array(10).fill(0.1))).toBe(1);
  });

  it('merges in any grouping to the same value, and survives its state', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { maxLength: 60 }), fc.nat(60), (xs, cut) => {
        const a = new ExactSum();
        const b = new ExactSum();
        xs.forEach((x, i) => (i < cut ? a : b).add(x));
        expect(ExactSum.fromState(a.toState()).merge(b).value()).toBe(exactSum(xs));
      }),
      { seed: 12, numRuns: 100 },
    );
  });
});

describe('QuantileSketch', () => {
  it(`is exact (type 7) while a series holds at most ${EXACT_DISTINCT} distinct values`, () => {
    const r = rng(1);
    const values = Array.from({ length: EXACT_DISTINCT }, () => 1e7 * normal(r));
    const s = sketchOf(values);
    expect(s.exact).toBe(true);
    for (const p of PS) expect(s.quantile(p)).toBe(quantile(values, p));
    // Integer series stay exact at any size: 200,000 values, 32 distinct.
    const days = Array.from({ length: 200_000 }, () => Math.floor(r() * 32));
    const d = sketchOf(days);
    expect(d.exact).toBe(true);
    for (const p of PS) expect(d.quantile(p)).toBe(quantile(days, p));
    expect(d.mean()).toBe(exactSum(days) / days.length);
  });

  // seed 2; 20,000 values per series; tolerance: the stated bound α·max(|x⌊h⌋|, |x⌊h⌋+1|) (+ MIN_MAGNITUDE).
  it(`keeps every quantile within the stated relative error (${RELATIVE_ERROR * 100}%) beyond that`, () => {
    const r = rng(2);
    const series: Record<string, number[]> = {
      'lognormal money': Array.from({ length: 20_000 }, () => Math.exp(16 + 0.5 * normal(r))),
      'cash around zero': Array.from({ length: 20_000 }, () => 3e6 + 8e6 * normal(r)),
      'negative only': Array.from({ length: 20_000 }, () => -Math.exp(10 + 0.8 * normal(r))),
      'shares with zeros': Array.from({ length: 20_000 }, () => (r() < 0.2 ? 0 : r() * 1.3)),
    };
    for (const [name, values] of Object.entries(series)) {
      const s = sketchOf(values);
      expect(s.exact, name).toBe(false);
      const sorted = sortedCopy(values);
      for (const p of [...PS, 0.01, 0.33, 0.99]) {
        const h = (sorted.length - 1) * p;
        const scale = Math.max(Math.abs(sorted[Math.floor(h)]), Math.abs(sorted[Math.min(sorted.length - 1, Math.floor(h) + 1)]));
        const err = Math.abs(s.quantile(p) - quantile(values, p));
        // Magnitudes MAX_BUCKETS buckets below the largest share the lowest kept bucket.
        const folded = Math.max(...values.map(Math.abs)) * GAMMA ** (1 - MAX_BUCKETS);
        expect(err, `${name} p=${p}`).toBeLessThanOrEqual(RELATIVE_ERROR * scale + Math.max(MIN_MAGNITUDE, 2 * folded));
      }
      expect(s.quantile(0)).toBe(sorted[0]);
      expect(s.quantile(1)).toBe(sorted[sorted.length - 1]);
      expect(s.mean()).toBe(exactSum(values) / values.length);
    }
  });

  it('has the same state whatever the order of adding and the grouping of merges', () => {
    const r = rng(3);
    const values = Array.from({ length: 3000 }, () => (r() < 0.5 ? Math.round(r() * 40) : 1e6 * normal(r)));
    const reference = stateText(sketchOf(values));
    fc.assert(
      fc.property(fc.array(fc.nat(7), { minLength: values.length, maxLength: values.length }), fc.boolean(), (part, reverse) => {
        const parts = Array.from({ length: 8 }, () => new QuantileSketch());
        values.forEach((x, i) => parts[part[i]].add(x));
        if (reverse) parts.reverse();
        // ((p0 + p1) + (p2 + p3)) + … : a tree, not a chain
        while (parts.length > 1) parts.push(parts.shift()!.merge(parts.shift()!));
        expect(stateText(parts[0])).toBe(reference);
      }),
      { seed: 4, numRuns: 25 },
    );
  });

  it('round-trips through its state, in both modes', () => {
    const r = rng(5);
    for (const n of [0, 10, 5000]) {
      const s = sketchOf(Array.from({ length: n }, () => 1e5 * normal(r)));
      const back = QuantileSketch.fromState(JSON.parse(stateText(s)));
      expect(stateText(back)).toBe(stateText(s));
      expect(back.quantiles(PS)).toEqual(s.quantiles(PS));
      // The typed state (between threads) is taken over, and goes on adding and merging alike.
      const typed = QuantileSketch.fromState(s.toState(true));
      const more = Array.from({ length: 3000 }, () => 1e7 * normal(r));
      const merged = sketchOf(more).merge(QuantileSketch.fromState(s.toState(true)));
      for (const x of more) {
        typed.add(x);
        s.add(x);
      }
      expect(stateText(typed)).toBe(stateText(s));
      expect(stateText(merged)).toBe(stateText(s));
    }
  });

  it('holds a bounded number of buckets however many values it sees', () => {
    const r = rng(6);
    const s = new QuantileSketch();
    for (let i = 0; i < 300_000; i++) s.add(2e7 * normal(r));
    // ±(1e-6 … 1e8): 14 decades on each side at 1,151 buckets a decade, folded to MAX_BUCKETS a side.
    expect(s.footprint).toBeLessThan(2.5 * MAX_BUCKETS); // with the slack of growing
    const narrow = new QuantileSketch();
    for (let i = 0; i < 300_000; i++) narrow.add(1e7 + 3e6 * r());
    expect(narrow.footprint).toBeLessThan(160); // ln 1.3 / ln γ ≈ 131 buckets
  });

  it('takes a column (from, count, step, positives only) as it takes the values one by one (property)', () => {
    const value = fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(NaN, Infinity, 0, -0));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), fc.nat(30), fc.integer({ min: 1, max: 5 }), fc.boolean(), (xs, from, step, positiveOnly) => {
        const count = Math.max(0, Math.floor((xs.length - from + step - 1) / step));
        const column = new QuantileSketch().addValues(Float64Array.from(xs), from, count, step, positiveOnly);
        const one = new QuantileSketch();
        for (let i = from; i < xs.length; i += step) if (!positiveOnly || xs[i] > 0) one.add(xs[i]);
        expect(stateText(column)).toBe(stateText(one));
        expect(column.count).toBe(one.count);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('reads order statistics off its state: the same quantiles as walking every bucket (property)', () => {
    // The plain reading: every value or bucket in order, each standing for its count.
    const reference = (s: QuantileSketch, p: number) => {
      const st = s.toState();
      const xs: [number, number][] = [];
      if (st.values) st.values.forEach((v, i) => xs.push([v, st.counts![i]]));
      else {
        const value = (k: number) => (2 * GAMMA ** k) / (GAMMA + 1);
        const clamp = (x: number) => Math.min(st.max!, Math.max(st.min!, x));
        if (st.neg) for (let i = st.neg.counts.length - 1; i >= 0; i--) xs.push([clamp(-value(st.neg.from + i)), st.neg.counts[i]]);
        xs.push([clamp(0), st.zero ?? 0]);
        if (st.pos) st.pos.counts.forEach((c, i) => xs.push([clamp(value(st.pos!.from + i)), c]));
      }
      const at = (rank: number) => {
        if (rank === 0) return st.min!;
        if (rank === st.count - 1) return st.max!;
        let seen = 0;
        for (const [v, c] of xs) if ((seen += c) > rank) return v;
        return NaN;
      };
      const h = (st.count - 1) * p;
      const lo = p <= 0 || st.count === 1 ? 0 : p >= 1 ? st.count - 1 : Math.floor(h);
      if (lo === h || p <= 0 || p >= 1 || st.count === 1) return at(lo);
      return at(lo) + (h - lo) * (at(lo + 1) - at(lo));
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.nat(), fc.constantFrom(1, 1e3, 1e7), (n, seed, scale) => {
        const r = rng(seed);
        const s = sketchOf(Array.from({ length: n }, () => (r() < 0.1 ? 0 : scale * normal(r))));
        for (const p of [...PS, 0.01, 0.33, 0.99]) expect(s.quantile(p)).toBe(reference(s, p));
      }),
      { seed: 8, numRuns: 60 },
    );
  });

  it('reports a non-finite value as no quantile rather than a wrong one', () => {
    const s = sketchOf([1, 2, NaN]);
    expect(s.quantile(0.5)).toBeNaN();
    expect(s.mean()).toBeNaN();
    expect(sketchOf([]).quantile(0.5)).toBeNaN();
  });
});
