/**
 * The one form every payout formula is written in, so that the float curve, the exact
 * kopecks and the decimal pool are each evaluated once for all formula types:
 *
 *   pool = clip( base + Σ tiers, 0, cap )
 *
 * `marginal` tiers: each rate applies to the part of the measure within its tier (from its
 * `from` up to the next tier's); `retroactive`: the rate of the highest tier reached
 * (measure ≥ its `from`) applies to the whole measure, nothing below the first tier.
 */
import type { Money, PayoutFormula, Scheme, Tier } from '../../scenario/types.ts';
import type { NameLang } from '../name-words.ts';

export interface FormulaShape {
  /** The pool before any tier adds to it (a fixed amount); none is 0. */
  readonly base?: Money;
  readonly mode: 'marginal' | 'retroactive';
  /** Strictly ascending in `from`; empty for a fixed amount. */
  readonly tiers: readonly Tier[];
  /** The pool's upper limit (a negative cap is 0); none is no limit. */
  readonly cap?: Money;
}

/** One formula type: how its scenario entry reads in the common form. */
export interface FormulaDescription<T extends PayoutFormula['type']> {
  readonly type: T;
  /** Checks what the common form cannot express (tier order) and throws in the user's words. */
  shape(formula: Extract<PayoutFormula, { type: T }>): FormulaShape;
  /** The formula in words, for a scheme's name (scheme-name.ts): "(C − 40M) × 0.5%". The measure says what a rate is a share of. */
  words(formula: Extract<PayoutFormula, { type: T }>, measure: NonNullable<Scheme['measure']>, lang: NameLang): string;
}
