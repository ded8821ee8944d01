/** A share of the measure above a threshold, 0 below it: one marginal tier from the threshold. */
import type { FormulaDescription } from './shape.ts';

export const threshold: FormulaDescription<'threshold'> = {
  type: 'threshold',
  shape: (f) => ({ mode: 'marginal', tiers: [{ from: f.threshold, rate: f.rate }], cap: f.cap, roundedDirectly: true }),
};
