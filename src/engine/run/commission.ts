/**
 * New-client revenue pay with a clawback (article 001): a hunter earns on what the
 * clients they brought in pay during their first months; if such a client leaves within
 * that window, the commission paid for it is taken back from later pay — never more than
 * was paid for that client, and never below zero pay (the rest waits for later pay).
 */
import type { ClientBook } from '../world/clients.ts';
import type { SalesBook } from '../world/sales-book.ts';
import { poolKopecks, type FormulaKopecks } from '../pay/formula.ts';

/**
 * The client slots each person brought in, in slot order: one pass over the book at a
 * settlement, so each person's sums walk their own clients instead of the whole book
 * (four passes per seller, a tenth of a selling run). Valid until a client is acquired or lost.
 */
export class AcquiredClients {
  /** Person j's slots are slots[start[j]] … slots[start[j + 1] − 1]. */
  readonly start: Int32Array;
  readonly slots: Int32Array;
  /** Scratch for build(): where each person's next slot goes. */
  private readonly next: Int32Array;

  constructor(staff: number, clients: number) {
    this.start = new Int32Array(staff + 1);
    this.slots = new Int32Array(clients);
    this.next = new Int32Array(staff);
  }

  build(sales: SalesBook, book: ClientBook): void {
    const { start, slots } = this;
    const staff = start.length - 1;
    start.fill(0);
    for (let i = 0; i < book.n; i++) {
      const by = sales.acquiredBy[i];
      if (by >= 0 && by < staff) start[by + 1]++;
    }
    for (let j = 0; j < staff; j++) start[j + 1] += start[j];
    const next = this.next;
    next.set(start.subarray(0, staff));
    for (let i = 0; i < book.n; i++) {
      const by = sales.acquiredBy[i];
      if (by >= 0 && by < staff) slots[next[by]++] = i;
    }
  }

  /** Kopecks person j collected this period from the clients they brought in: newClientRevenue through the index. */
  revenue(j: number, sales: SalesBook): number {
    let sum = 0;
    for (let k = this.start[j]; k < this.start[j + 1]; k++) sum += sales.revenue[this.slots[k]];
    return sum;
  }
}

/** Kopecks person j collected this period from clients they brought in (still within the window), walking the whole book. */
export function newClientRevenue(j: number, sales: SalesBook, book: ClientBook): number {
  let sum = 0;
  for (let i = 0; i < book.n; i++) if (sales.acquiredBy[i] === j) sum += sales.revenue[i];
  return sum;
}

/**
 * Settles person j's new-client pay for the period: the formula on their new-client
 * revenue, attributed to the clients in proportion to what each paid (so a clawback can
 * find it), after the person's gates if the scheme has any, less what is owed back.
 * `mine`: the book's slots by who brought them in, built for this settlement. Returns the
 * bonus in kopecks; `clawback[j]` keeps the rest owed.
 */
export function settleNewClientPay(
  j: number,
  formula: FormulaKopecks,
  sales: SalesBook,
  mine: AcquiredClients,
  clawback: Float64Array,
  afterGates: (pool: number) => number = (pool) => pool,
): number {
  const revenue = mine.revenue(j, sales);
  // Only what the gates let through is paid, so only that can ever be clawed back.
  const pay = revenue > 0 ? afterGates(poolKopecks(formula, revenue)) : 0;
  for (let k = mine.start[j]; k < mine.start[j + 1]; k++) {
    const i = mine.slots[k];
    if (pay > 0 && sales.revenue[i] !== 0) sales.commission[i] += Math.floor((pay * sales.revenue[i]) / revenue);
    sales.revenue[i] = 0;
  }
  const take = Math.min(pay, clawback[j]);
  clawback[j] -= take;
  return pay - take;
}
