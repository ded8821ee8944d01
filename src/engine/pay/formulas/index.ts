/**
 * Every payout formula type and its description. A new type is one file beside this one
 * (its shape in the common form) and one row here; the evaluators (formula-curve.ts,
 * formula-kopecks.ts, formula-decimal.ts) read the shape and need no change.
 */
import type { PayoutFormula, Scheme } from '../../scenario/types.ts';
import type { NameLang } from '../name-words.ts';
import type { FormulaDescription, FormulaShape } from './shape.ts';
import { fixed } from './fixed.ts';
import { linear } from './linear.ts';
import { threshold } from './threshold.ts';
import { tiers } from './tiers.ts';
import { pieceRate } from './piece-rate.ts';

export type { FormulaShape } from './shape.ts';

const FORMULAS: { readonly [T in PayoutFormula['type']]: FormulaDescription<T> } = { fixed, linear, threshold, tiers, pieceRate };

/** The formula's description; throws on an unknown type. */
function describe(formula: PayoutFormula): FormulaDescription<PayoutFormula['type']> {
  const description = Object.hasOwn(FORMULAS, formula.type) ? FORMULAS[formula.type] : undefined;
  if (description === undefined) throw new Error(`unknown payout formula "${formula.type}"`);
  return description as FormulaDescription<PayoutFormula['type']>;
}

/** The formula in the common form; throws on an unknown type or a formula that is not well formed. */
export function formulaShape(formula: PayoutFormula): FormulaShape {
  return describe(formula).shape(formula as never);
}

/** The formula in words, for a scheme's name; `measure` says what a rate is a share of. */
export function formulaWords(formula: PayoutFormula, measure: Scheme['measure'], lang: NameLang): string {
  return describe(formula).words(formula as never, measure ?? 'teamCollections', lang);
}
