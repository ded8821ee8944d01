/**
 * A piece rate (article 001): `rate` per unit up to the norm, `premium` per unit above it —
 * two marginal tiers over units (a norm of 0 leaves only the premium). The measure is in
 * units, hundredths of a unit on the kopeck path, so a rate in roubles per unit is the same
 * number as a rate in kopecks per hundredth.
 */
import type { Tier } from '../../scenario/types.ts';
import { Dec } from '../../money/decimal.ts';
import type { FormulaDescription } from './shape.ts';
import { capWords, moneyName } from '../name-words.ts';

export const pieceRate: FormulaDescription<'pieceRate'> = {
  type: 'pieceRate',
  shape: (f) => {
    const tiers: Tier[] = new Dec(f.norm).gt(0) ? [{ from: '0', rate: f.rate }, { from: f.norm, rate: f.premium }] : [{ from: '0', rate: f.premium }];
    return { mode: 'marginal', tiers, cap: f.cap };
  },
  words: (f, _measure, lang) =>
    (lang === 'ru'
      ? `${moneyName(f.rate, lang)} за нормо-час, ${moneyName(f.premium, lang)} сверх ${f.norm}`
      : `${moneyName(f.rate, lang)} a norm-hour, ${moneyName(f.premium, lang)} above ${f.norm}`) + capWords(f.cap, lang),
};
