/** A fixed amount a period, whatever the measure: a base and no tiers. */
import type { FormulaDescription } from './shape.ts';
import { moneyName } from '../name-words.ts';

export const fixed: FormulaDescription<'fixed'> = {
  type: 'fixed',
  shape: (f) => ({ base: f.amount, mode: 'marginal', tiers: [] }),
  words: (f, _measure, lang) => (lang === 'ru' ? `${moneyName(f.amount, lang)} фиксированно` : `${moneyName(f.amount, lang)} fixed`),
};
