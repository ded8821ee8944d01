/** A share of the whole measure: one marginal tier from 0 (a negative measure pays 0). */
import type { FormulaDescription } from './shape.ts';
import { OF, capWords, percentName } from '../name-words.ts';

export const linear: FormulaDescription<'linear'> = {
  type: 'linear',
  shape: (f) => ({ mode: 'marginal', tiers: [{ from: '0', rate: f.rate }], cap: f.cap }),
  words: (f, measure, lang) => `${percentName(f.rate, lang)} ${OF[lang][measure]}${capWords(f.cap, lang)}`,
};
