/** A fixed amount a period, whatever the measure: a base and no tiers. */
import type { FormulaDescription } from './shape.ts';

export const fixed: FormulaDescription<'fixed'> = {
  type: 'fixed',
  shape: (f) => ({ base: f.amount, mode: 'marginal', tiers: [] }),
};
