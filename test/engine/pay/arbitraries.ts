/** fast-check generators for pay formulas, amounts and schemes (decimal strings as a scenario writes them). */
import fc from 'fast-check';
import type { PayoutFormula } from '../../../src/engine/scenario/types.ts';
import { formatKopecks } from '../../../src/engine/money/kopecks.ts';

/** Roubles with kopecks, as a canonical string. */
export const roubles = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map(formatKopecks);

/** A non-negative rate with 1..8 decimals, up to `max`. */
export const rate = (max = 0.05) =>
  fc
    .tuple(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 1, max: 8 }))
    .map(([digits, dp]) => ((digits / 1e8) * max).toFixed(dp))
    .map((s) => s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''));

const cap = fc.option(roubles(0, 300_000), { nil: undefined });

export const linearFormula = fc.record({ type: fc.constant('linear' as const), rate: rate(), cap });
export const thresholdFormula = fc.record({
  type: fc.constant('threshold' as const),
  threshold: roubles(0, 60e6),
  rate: rate(),
  cap,
});
export const tiersFormula = fc
  .record({
    mode: fc.constantFrom('marginal' as const, 'retroactive' as const),
    starts: fc.uniqueArray(fc.integer({ min: 0, max: 8e9 }), { minLength: 1, maxLength: 4 }),
    rates: fc.array(rate(), { minLength: 4, maxLength: 4 }),
    cap,
  })
  .map(({ mode, starts, rates, cap }): PayoutFormula => ({
    type: 'tiers',
    mode,
    tiers: [...starts].sort((a, b) => a - b).map((k, i) => ({ from: formatKopecks(k), rate: rates[i] })),
    cap,
  }));
/** A piece rate: roubles per process unit up to a norm (units, in hundredths), a premium above it. */
export const pieceRateFormula = fc.record({
  type: fc.constant('pieceRate' as const),
  rate: roubles(0, 1000),
  norm: roubles(0, 400),
  premium: roubles(0, 2000),
  cap,
});
export const fixedFormula = fc.record({ type: fc.constant('fixed' as const), amount: roubles(0, 100_000) });

export const anyFormula: fc.Arbitrary<PayoutFormula> = fc.oneof(
  fixedFormula,
  linearFormula,
  thresholdFormula,
  tiersFormula,
  pieceRateFormula,
);

/** A month's collections: mostly 0..100M, sometimes negative (refunds). */
export const measure = roubles(-1e6, 100e6);
