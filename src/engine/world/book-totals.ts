/**
 * The book's money by payment habit and stage, in roubles: what a ledger keeps in step
 * with the client arrays (department.ts) and what the team's forecast reads.
 */
import { HABIT_COUNT } from '../model/habits.ts';

/** Per-habit money of the book by stage, in roubles. */
export interface BookTotals {
  /** Delivered, unpaid. */
  debt: Float64Array;
  /** Issued, documents on the way. */
  transit: Float64Array;
  /** Not yet issued. */
  pending: Float64Array;
}

export function newBookTotals(): BookTotals {
  return {
    debt: new Float64Array(HABIT_COUNT),
    transit: new Float64Array(HABIT_COUNT),
    pending: new Float64Array(HABIT_COUNT),
  };
}
