/** A seller's options come out in the array sort's order: value, then client, then kind (random data with ties). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SalesOptions } from '../../../src/engine/agents/sales-options.ts';

interface Option {
  client: number;
  kind: 0 | 1;
  value: number;
  hours: number;
}

const arraySort = (opts: Option[]) => opts.map((o, i) => ({ ...o, i })).sort((a, b) => b.value - a.value || a.client - b.client || a.kind - b.kind);

describe('SalesOptions', () => {
  const value = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.double({ noNaN: true }), fc.constant(-0), fc.constant(Infinity), fc.constant(-Infinity));
  const option = fc.record({ client: fc.integer({ min: 0, max: 40 }), kind: fc.constantFrom(0 as const, 1 as const), value, hours: fc.double({ min: 0, max: 8, noNaN: true }) });

  it('orders like the comparator sort (any two options differ in client or kind)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(option, { maxLength: 82, selector: (o) => `${o.client}:${o.kind}` }), (list) => {
        const opts = new SalesOptions(82);
        for (const o of list) opts.push(o.client, o.kind, o.value, o.hours);
        opts.sort();
        expect(Array.from(opts.order.subarray(0, opts.count))).toEqual(arraySort(list).map((o) => o.i));
      }),
      { seed: 2027, numRuns: 500 },
    );
  });

  it('leaves an order with NaN to the array sort, and is reusable', () => {
    const list: Option[] = [
      { client: 3, kind: 0, value: 2, hours: 1 },
      { client: 1, kind: 1, value: NaN, hours: 1 },
      { client: 2, kind: 0, value: 5, hours: 1 },
      { client: 1, kind: 0, value: 2, hours: 1 },
    ];
    const opts = new SalesOptions(8);
    for (let round = 0; round < 2; round++) {
      opts.clear();
      for (const o of list) opts.push(o.client, o.kind, o.value, o.hours);
      opts.sort();
      expect(Array.from(opts.order.subarray(0, opts.count))).toEqual(arraySort(list).map((o) => o.i));
    }
  });
});
