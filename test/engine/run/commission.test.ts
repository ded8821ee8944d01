/** New-client pay with a clawback: property tests (fast-check, seeded globally). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SalesBook } from '../../../src/engine/world/sales-book.ts';
import { AcquiredClients, newClientRevenue, settleNewClientPay } from '../../../src/engine/run/commission.ts';
import { compileFormulaKopecks, poolKopecks } from '../../../src/engine/pay/formula.ts';
import type { ClientBook } from '../../../src/engine/world/clients.ts';

const formula = compileFormulaKopecks({ type: 'linear', rate: '0.05' });

describe('settleNewClientPay', () => {
  it('pays the formula on new-client revenue and never claws back more than was paid, nor below zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ revenue: fc.array(fc.integer({ min: 0, max: 5_000_000_00 }), { minLength: 4, maxLength: 4 }), leaves: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }) }), { minLength: 1, maxLength: 12 }),
        (months) => {
          const n = 4;
          const sales = new SalesBook(n);
          const book = { n } as ClientBook;
          sales.acquiredBy.fill(0);
          const clawback = new Float64Array(1);
          let paidTotal = 0;
          let owedTotal = 0;
          for (const month of months) {
            for (let i = 0; i < n; i++) sales.revenue[i] = sales.acquiredBy[i] === 0 ? month.revenue[i] : 0;
            const before = clawback[0];
            const mine = new AcquiredClients(1, n);
            mine.build(sales, book);
            const pay = settleNewClientPay(0, formula, sales, mine, clawback);
            expect(pay).toBeGreaterThanOrEqual(0);
            paidTotal += pay + (before - clawback[0]); // gross commission earned this month
            // Clients leaving: what was paid for them is owed back (as Department.loseClient does).
            for (let i = 0; i < n; i++) {
              if (!month.leaves[i] || sales.acquiredBy[i] !== 0) continue;
              clawback[0] += sales.commission[i];
              owedTotal += sales.commission[i];
              sales.commission[i] = 0;
              sales.acquiredBy[i] = -1;
            }
          }
          expect(owedTotal).toBeLessThanOrEqual(paidTotal + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('attributes commission to clients in proportion to what each paid', () => {
    const sales = new SalesBook(2);
    sales.acquiredBy.fill(3);
    sales.revenue[0] = 1_000_000_00;
    sales.revenue[1] = 3_000_000_00;
    const mine = new AcquiredClients(4, 2);
    mine.build(sales, { n: 2 } as ClientBook);
    const pay = settleNewClientPay(3, formula, sales, mine, new Float64Array(4));
    expect(pay).toBe(200_000_00); // 5% of 4M roubles, in kopecks
    expect(sales.commission[0]).toBe(50_000_00);
    expect(sales.commission[1]).toBe(150_000_00);
    expect(sales.revenue[0]).toBe(0);
  });

  /** The settlement as it was written over the whole book, before the index: the oracle. */
  function settleByWalkingTheBook(j: number, sales: SalesBook, book: ClientBook, clawback: Float64Array): number {
    const revenue = newClientRevenue(j, sales, book);
    const pay = revenue > 0 ? poolKopecks(formula, revenue) : 0;
    if (pay > 0) {
      for (let i = 0; i < book.n; i++) {
        if (sales.acquiredBy[i] !== j || sales.revenue[i] === 0) continue;
        sales.commission[i] += Math.floor((pay * sales.revenue[i]) / revenue);
      }
    }
    for (let i = 0; i < book.n; i++) if (sales.acquiredBy[i] === j) sales.revenue[i] = 0;
    const take = Math.min(pay, clawback[j]);
    clawback[j] -= take;
    return pay - take;
  }

  it('settles the same through the index of acquired clients as by walking the whole book', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ by: fc.integer({ min: -1, max: 3 }), revenue: fc.integer({ min: 0, max: 9_000_000_00 }), commission: fc.integer({ min: 0, max: 1_000_00 }) }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 300_000_00 }), { minLength: 4, maxLength: 4 }),
        (clients, owed) => {
          const n = clients.length;
          const book = { n } as ClientBook;
          const make = () => {
            const sales = new SalesBook(n);
            clients.forEach((c, i) => {
              sales.acquiredBy[i] = c.by;
              sales.revenue[i] = c.revenue;
              sales.commission[i] = c.commission;
            });
            return { sales, clawback: Float64Array.from(owed) };
          };
          const whole = make();
          const indexed = make();
          const mine = new AcquiredClients(4, n);
          mine.build(indexed.sales, book);
          for (let j = 0; j < 4; j++) {
            expect(mine.revenue(j, indexed.sales)).toBe(newClientRevenue(j, whole.sales, book));
            expect(settleNewClientPay(j, formula, indexed.sales, mine, indexed.clawback)).toBe(settleByWalkingTheBook(j, whole.sales, book, whole.clawback));
          }
          expect(Array.from(indexed.sales.commission)).toEqual(Array.from(whole.sales.commission));
          expect(Array.from(indexed.sales.revenue)).toEqual(Array.from(whole.sales.revenue));
          expect(Array.from(indexed.clawback)).toEqual(Array.from(whole.clawback));
        },
      ),
      { numRuns: 300 },
    );
  });
});
