/**
 * Clients' payment habits (MODEL.md §5; article 002): self-payers pay on their own after
 * delivery, reminder payers after a call, stretchers (the largest) drag. Their indices in
 * every per-habit array, and the chance that an unpushed client pays within some days.
 */
export const HABIT_COUNT = 3;
export const SELF_PAYER = 0;
export const REMINDER_PAYER = 1;
export const STRETCHER = 2;
export const HABIT_INDEX = { selfPayer: SELF_PAYER, reminderPayer: REMINDER_PAYER, stretcher: STRETCHER } as const;

/** P(an unpushed client of hazard λ pays within x days). */
export function selfPayWithin(hazard: number, x: number): number {
  return x > 0 ? 1 - Math.exp(-hazard * x) : 0;
}

/**
 * selfPayWithin for every habit at half-day steps, computed once per model: the forecast
 * and the action values ask for whole and half days only, so the table is exact.
 */
export class SelfPayTable {
  private readonly table: Float64Array[];
  private readonly last: number;

  constructor(hazard: Float64Array, maxDays: number) {
    this.last = Math.ceil(maxDays * 2);
    this.table = Array.from(hazard, (lambda) => Float64Array.from({ length: this.last + 1 }, (_, k) => selfPayWithin(lambda, k / 2)));
  }

  within(h: number, days: number): number {
    if (days <= 0) return 0;
    const k = Math.round(days * 2);
    return this.table[h][k < this.last ? k : this.last];
  }
}
