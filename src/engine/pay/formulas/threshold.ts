/** A share of the measure above a threshold, 0 below it: one marginal tier from the threshold. */
import type { FormulaDescription } from './shape.ts';
import { MEASURE, capWords, moneyName, percentName } from '../name-words.ts';

export const threshold: FormulaDescription<'threshold'> = {
  type: 'threshold',
  shape: (f) => ({ mode: 'marginal', tiers: [{ from: f.threshold, rate: f.rate }], cap: f.cap }),
  words: (f, measure, lang) =>
    `(${MEASURE[lang][measure === 'teamCollections' ? 'team' : 'own']} − ${moneyName(f.threshold, lang)}) × ${percentName(f.rate, lang)}${capWords(f.cap, lang)}`,
};
