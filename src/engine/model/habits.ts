/**
 * Clients' payment habits (MODEL.md §5; article 002): self-payers pay on their own after
 * delivery, reminder payers after a call, stretchers (the largest) drag. Their indices in
 * every per-habit array, and the chance that an unpushed client pays within some days.
 */
export const HABIT_COUNT = 3;
export const SELF_PAYER = 0;
export const REMINDER_PAYER = 1;
export const STRETCHER = 2;
import { inverseNormal, normalCdf } from '../numeric/normal.ts';

export const HABIT_INDEX = { selfPayer: SELF_PAYER, reminderPayer: REMINDER_PAYER, stretcher: STRETCHER } as const;

/**
 * P(an unpushed client pays within x days of delivery): memoryless with daily hazard λ
 * (spread 0), or lognormal around the median (clients who pay on their terms).
 */
export function selfPayWithin(hazard: number, x: number, spread = 0, median = Math.LN2 / hazard): number {
  if (!(x > 0)) return 0;
  return spread > 0 ? normalCdf(Math.log(x / median) / spread) : 1 - Math.exp(-hazard * x);
}

/** Days from delivery to an unpushed payment, from a uniform draw u (the inverse of selfPayWithin). */
export function selfPayDays(u: number, hazard: number, spread: number, median: number): number {
  return spread > 0 ? median * Math.exp(spread * inverseNormal(u)) : -Math.log(1 - u) / hazard;
}

/**
 * selfPayWithin for every habit at half-day steps, computed once per model: the forecast
 * and the action values ask for whole and half days only, so the table is exact.
 */
export class SelfPayTable {
  private readonly table: Float64Array[];
  private readonly last: number;

  constructor(hazard: Float64Array, maxDays: number, spread: Float64Array = new Float64Array(hazard.length), median?: Float64Array) {
    this.last = Math.ceil(maxDays * 2);
    this.table = Array.from(hazard, (lambda, h) =>
      Float64Array.from({ length: this.last + 1 }, (_, k) => selfPayWithin(lambda, k / 2, spread[h], median ? median[h] : Math.LN2 / lambda)),
    );
  }

  within(h: number, days: number): number {
    if (days <= 0) return 0;
    const k = Math.round(days * 2);
    return this.table[h][k < this.last ? k : this.last];
  }
}
