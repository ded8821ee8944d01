/**
 * New-client revenue pay with a clawback (article 001): a hunter earns on what the
 * clients they brought in pay during their first months; if such a client leaves within
 * that window, the commission paid for it is taken back from later pay — never more than
 * was paid for that client, and never below zero pay (the rest waits for later pay).
 */
import type { ClientBook } from '../world/clients.ts';
import type { SalesBook } from '../world/sales-book.ts';
import { poolKopecks, type FormulaKopecks } from '../pay/formula.ts';

/** Kopecks person j collected this period from clients they brought in (still within the window). */
export function newClientRevenue(j: number, sales: SalesBook, book: ClientBook): number {
  let sum = 0;
  for (let i = 0; i < book.n; i++) if (sales.acquiredBy[i] === j) sum += sales.revenue[i];
  return sum;
}

/**
 * Settles person j's new-client pay for the period: the formula on their new-client
 * revenue, attributed to the clients in proportion to what each paid (so a clawback can
 * find it), after the person's gates if the scheme has any, less what is owed back. Returns the bonus in kopecks; `clawback[j]` keeps the rest owed.
 */
export function settleNewClientPay(
  j: number,
  formula: FormulaKopecks,
  sales: SalesBook,
  book: ClientBook,
  clawback: Float64Array,
  afterGates: (pool: number) => number = (pool) => pool,
): number {
  const revenue = newClientRevenue(j, sales, book);
  // Only what the gates let through is paid, so only that can ever be clawed back.
  const pay = revenue > 0 ? afterGates(poolKopecks(formula, revenue)) : 0;
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
