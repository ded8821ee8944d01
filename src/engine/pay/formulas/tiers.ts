/** Tiers as the scenario writes them, checked: the common form is this formula verbatim. */
import type { Tier } from '../../scenario/types.ts';
import { Dec } from '../../money/decimal.ts';
import type { FormulaDescription } from './shape.ts';
import { capWords, moneyName, percentName } from '../name-words.ts';

export const tiers: FormulaDescription<'tiers'> = {
  type: 'tiers',
  shape: (f) => ({ mode: f.mode, tiers: checkedTiers(f.tiers), cap: f.cap }),
  words: (f, _measure, lang) => {
    const list = f.tiers.map((t) => `${percentName(t.rate, lang)} ${lang === 'ru' ? 'от' : 'from'} ${moneyName(t.from, lang)}`).join(', ');
    const mode = lang === 'ru' ? (f.mode === 'marginal' ? 'по ступеням' : 'на весь оборот') : f.mode === 'marginal' ? 'marginal' : 'on the whole';
    return `${list} (${mode})${capWords(f.cap, lang)}`;
  },
};

/** The tiers, checked to be non-empty and strictly ascending in `from`. */
function checkedTiers(list: readonly Tier[]): readonly Tier[] {
  if (list.length === 0) throw new Error('tiers: at least one tier is needed');
  for (let i = 1; i < list.length; i++) {
    if (!new Dec(list[i].from).gt(list[i - 1].from)) {
      throw new Error(`tiers[${i}].from must be above tiers[${i - 1}].from`);
    }
  }
  return list;
}
