/** largestFirst gives the array sort's order: largest first, ties by index (random data with ties). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { largestFirst } from '../../../src/engine/numeric/largest-first.ts';

const arraySort = (v: ArrayLike<number>) => Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[b] - v[a] || a - b);

describe('largestFirst', () => {
  it('orders like the comparator sort, ties and signed zeros included', () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true }), fc.constant(-0), fc.constant(Infinity));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        const v = Float64Array.from(values);
        expect(Array.from(largestFirst(v, v.length))).toEqual(arraySort(v));
      }),
      { seed: 4242, numRuns: 500 },
    );
  });

  it('leaves an order with NaN to the array sort', () => {
    const v = Float64Array.from([3, NaN, 1, 5, NaN, 2]);
    expect(Array.from(largestFirst(v, v.length))).toEqual(arraySort(v));
  });
});
