/** Tiers as the scenario writes them, checked: the common form is this formula verbatim. */
import type { Tier } from '../../scenario/types.ts';
import { Dec } from '../../money/decimal.ts';
import type { FormulaDescription } from './shape.ts';

export const tiers: FormulaDescription<'tiers'> = {
  type: 'tiers',
  shape: (f) => ({ mode: f.mode, tiers: checkedTiers(f.tiers), cap: f.cap }),
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
