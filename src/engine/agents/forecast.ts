/**
 * The team's forecast of a measured result at a deadline (MODEL.md appendix).
 *
 * Cheap, once per team per day, never per client: collected so far + the book's
 * expected self-payments by the deadline (per habit, from the memoryless hazards), plus
 * the team's *learned* error of that projection by day of the period — a moving average
 * of how much the team's own later push added in past periods. Projecting "duty effort
 * from here on" made thresholds look out of reach and nobody worked (prototype lesson).
 */
import { HABIT_COUNT, type SelfPayTable } from '../model/habits.ts';
import type { BookTotals } from '../world/book-totals.ts';

/** Expected self-payments of the book within `daysLeft` (delivery takes `courierDays`). */
export function expectedInflow(book: BookTotals, selfPay: SelfPayTable, daysLeft: number, courierDays: number): number {
  let sum = 0;
  for (let h = 0; h < HABIT_COUNT; h++) {
    sum +=
      book.debt[h] * selfPay.within(h, daysLeft) +
      book.transit[h] * selfPay.within(h, daysLeft - courierDays / 2) +
      book.pending[h] * selfPay.within(h, daysLeft - courierDays - 2);
  }
  return sum;
}

/**
 * The learned correction of one deadline's projection, indexed by days into the period.
 * `observe` stores today's projection; `settle` compares the stored projections with
 * what the period actually brought.
 */
export class LearnedError {
  private readonly error: Float64Array;
  private readonly projected: Float64Array;
  private readonly seen: Uint8Array;
  /** Per slot: has a period been settled yet? The first one sets the error outright. */
  private readonly learned: Uint8Array;

  constructor(slots: number, private readonly learning: number) {
    this.error = new Float64Array(slots);
    this.projected = new Float64Array(slots);
    this.seen = new Uint8Array(slots);
    this.learned = new Uint8Array(slots);
  }

  reset(): void {
    this.error.fill(0);
    this.seen.fill(0);
    this.learned.fill(0);
  }

  correction(slot: number): number {
    return this.error[slot];
  }

  observe(slot: number, projection: number): void {
    this.projected[slot] = projection;
    this.seen[slot] = 1;
  }

  settle(actual: number): void {
    const a = this.learning;
    for (let i = 0; i < this.error.length; i++) {
      if (!this.seen[i]) continue;
      const miss = actual - this.projected[i];
      this.error[i] = this.learned[i] ? this.error[i] + a * (miss - this.error[i]) : miss;
      this.learned[i] = 1;
      this.seen[i] = 0;
    }
  }
}
