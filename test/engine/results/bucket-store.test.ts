import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BucketStore, MAX_BUCKETS } from '../../../src/engine/results/bucket-store.ts';

/**
 * The store's meaning, written the slow way: every key counted in a map, keys more than
 * MAX_BUCKETS below the highest folded into the lowest kept bucket; the state is the dense
 * run of counts from the lowest to the highest non-zero key.
 */
function expectedState(adds: [number, number][]): { from: number; counts: number[] } | null {
  const kept = adds.filter(([, w]) => w > 0);
  if (kept.length === 0) return null;
  const top = Math.max(...kept.map(([k]) => k));
  const floor = top - MAX_BUCKETS + 1;
  const counts = new Map<number, number>();
  for (const [k, w] of kept) counts.set(Math.max(k, floor), (counts.get(Math.max(k, floor)) ?? 0) + w);
  const keys = [...counts.keys()];
  const from = Math.min(...keys);
  const to = Math.max(...keys);
  return { from, counts: Array.from({ length: to - from + 1 }, (_, i) => counts.get(from + i) ?? 0) };
}

const storeOf = (adds: [number, number][]) => {
  const s = new BucketStore();
  for (const [k, w] of adds) s.add(k, w);
  return s;
};

/** Keys over more than MAX_BUCKETS (so stores collapse), mostly single counts, some large enough to widen the counts twice. */
const addsArb = fc.array(
  fc.tuple(
    fc.oneof(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -7000, max: 7000 })),
    fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 300 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 80_000 }) }),
  ),
  { maxLength: 300 },
);

describe('BucketStore', () => {
  it('holds the counts of the keys added, folded below the top, whatever the order (property)', () => {
    fc.assert(
      fc.property(addsArb, fc.boolean(), (adds, reverse) => {
        const s = storeOf(reverse ? [...adds].reverse() : adds);
        expect(s.toState(false)).toEqual(expectedState(adds));
        expect(s.total).toBe(adds.reduce((n, [, w]) => n + w, 0));
        expect(s.counts.length).toBeLessThanOrEqual(MAX_BUCKETS);
      }),
      { seed: 31, numRuns: 300 },
    );
  });

  it('merges in any split to the same state as adding everything, and round-trips its typed state (property)', () => {
    fc.assert(
      fc.property(addsArb, fc.array(fc.nat(2), { maxLength: 300 }), (adds, part) => {
        const parts: [number, number][][] = [[], [], []];
        adds.forEach((a, i) => parts[part[i] ?? 0].push(a));
        const [a, b, c] = parts.map(storeOf);
        // One merged as it stands, one after a typed round trip (a worker's hand-over), one into a reserved store.
        const typed = BucketStore.fromState(b.toState(true));
        const merged = new BucketStore();
        const r = c.range();
        if (r) merged.reserve(r[0], r[1]);
        merged.merge(c);
        merged.merge(a);
        merged.merge(typed);
        expect(merged.toState(false)).toEqual(expectedState(adds));
        expect(merged.total).toBe(adds.reduce((n, [, w]) => n + w, 0));
      }),
      { seed: 32, numRuns: 200 },
    );
  });

  it('keeps counts in bytes until one needs more, then 16 and 32 bits', () => {
    const s = new BucketStore();
    for (let k = 0; k < 100; k++) s.add(k, 1);
    expect(s.counts.BYTES_PER_ELEMENT).toBe(1);
    s.add(50, 254);
    expect(s.counts.BYTES_PER_ELEMENT).toBe(1); // 255 fits a byte
    s.add(50, 1);
    expect(s.counts.BYTES_PER_ELEMENT).toBe(2);
    s.add(7, 65_535);
    expect(s.counts.BYTES_PER_ELEMENT).toBe(4);
    expect(s.toState(false)!.counts[50]).toBe(256);
    expect(s.toState(false)!.counts[7]).toBe(65_536);
    // A state read from a file takes the narrowest width; a typed one keeps its own.
    expect(BucketStore.fromState({ from: 3, counts: [1, 255, 0, 2] }).counts.BYTES_PER_ELEMENT).toBe(1);
    expect(BucketStore.fromState({ from: 3, counts: [1, 256] }).counts.BYTES_PER_ELEMENT).toBe(2);
    expect(BucketStore.fromState(s.toState(true)).counts.BYTES_PER_ELEMENT).toBe(4);
  });

  it('folds the keys below a rising top into the lowest kept bucket', () => {
    const s = new BucketStore();
    s.add(0, 3);
    s.add(10, 1);
    s.add(MAX_BUCKETS + 5, 2); // floor 6: keys 0 (3) fold into it, 10 stays
    expect(s.toState(false)).toEqual({ from: 6, counts: [3, 0, 0, 0, 1, ...Array(MAX_BUCKETS - 6).fill(0), 2] });
    s.add(-50, 1); // below the floor: counted in it
    expect(s.toState(false)!.counts[0]).toBe(4);
    expect(s.total).toBe(7);
  });

  it('reserving room changes no count', () => {
    const s = storeOf([[5, 2], [9, 1]]);
    const before = s.toState(false);
    s.reserve(-100, 9);
    expect(s.counts.length).toBeGreaterThanOrEqual(110);
    expect(s.toState(false)).toEqual(before);
  });

  it('refuses a series of 2^32 values', () => {
    const s = new BucketStore();
    s.add(1, 0xffffffff);
    expect(() => s.add(2, 1)).toThrow(/2\^32/);
  });
});
