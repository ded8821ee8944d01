/**
 * The decimal.js constructor for exact money (payout calculator, reference pools).
 * 60 significant digits hold any amount × any rate a scenario can write without
 * rounding; ROUND_HALF_UP rounds ties away from zero, as `mulRateHalfUp` does.
 */
import Decimal from 'decimal.js';

export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

/** Rounds to whole kopecks (half away from zero). */
export function toKopeckPrecision(x: Dec): Dec {
  return x.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}
