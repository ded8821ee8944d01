/**
 * What `paybench history` writes reads back through the door to the same payments, in
 * either style (a property over random payments), and a Windows-1251 copy of the Russian
 * style reads the same as its UTF-8 original.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cp1251 } from './cp1251.ts';
import { parseHistoryBytes, parseHistoryText, simulatedClientName, statementCsv } from '../../../src/engine/index.ts';
import type { HistoryPayment } from '../../../src/engine/index.ts';
import { dayNumber } from '../../../src/engine/history/dates.ts';

const payments = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 20 }), kopecks: fc.integer({ min: 1, max: 5e12 }), client: fc.integer({ min: 0, max: 30 }) }), { minLength: 1, maxLength: 60 })
  .map((rows) => {
    let day = dayNumber(2026, 1, 1);
    return rows.map((r): HistoryPayment => ({ day: (day += r.gap), kopecks: r.kopecks, client: r.client }));
  });

/** The payments with clients numbered as they first pay (how the door numbers them). */
function renumbered(ps: readonly HistoryPayment[], style: 'en' | 'ru') {
  const names: string[] = [];
  return {
    payments: ps.map((p) => {
      const name = simulatedClientName(p.client, style);
      if (!names.includes(name)) names.push(name);
      return { ...p, client: names.indexOf(name) };
    }),
    clients: names,
  };
}

describe('a simulated statement', () => {
  for (const style of ['en', 'ru'] as const) {
    it(`reads back to the same payments (${style})`, () => {
      fc.assert(
        fc.property(payments, (ps) => {
          const r = parseHistoryText(statementCsv(ps, (c) => simulatedClientName(c, style), style));
          if (!r.ok) throw new Error(JSON.stringify(r.errors));
          const expected = renumbered(ps, style);
          expect(r.history.payments).toEqual(expected.payments);
          expect(r.history.clients).toEqual(expected.clients);
        }),
        { numRuns: 100 },
      );
    });
  }
  it('in Windows-1251 reads as its UTF-8 original', () => {
    fc.assert(
      fc.property(payments, (ps) => {
        const text = statementCsv(ps, (c) => simulatedClientName(c, 'ru'), 'ru');
        const a = parseHistoryBytes(cp1251(text));
        const b = parseHistoryBytes(new TextEncoder().encode(text));
        expect(a.ok && b.ok && a.detected.encoding === 'windows-1251').toBe(true);
        if (a.ok && b.ok) expect(a.history).toEqual(b.history);
      }),
      { numRuns: 50 },
    );
  });
});
