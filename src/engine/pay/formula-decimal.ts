/** A payout formula's pool in decimal.js, for the payout calculator: exact, then whole kopecks. */
import type { PayoutFormula } from '../scenario/types.ts';
import { Dec, toKopeckPrecision } from '../money/decimal.ts';
import { formulaShape, type FormulaShape } from './formulas/index.ts';

/** The pool for a measure in roubles, rounded once to whole kopecks (half away from zero). */
export function poolDecimal(formula: PayoutFormula, measure: Dec | string | number): Dec {
  const m = new Dec(measure as Dec); // read first, as it always was
  return decimalPoolOfShape(formulaShape(formula), m);
}

export function decimalPoolOfShape({ base, mode, tiers, cap }: FormulaShape, m: Dec): Dec {
  let p = new Dec(base ?? 0);
  if (mode === 'retroactive') {
    let reached = -1;
    while (reached + 1 < tiers.length && m.gte(tiers[reached + 1].from)) reached++;
    if (reached >= 0) p = p.plus(m.times(tiers[reached].rate));
  } else {
    for (let i = 0; i < tiers.length && m.gt(tiers[i].from); i++) {
      const next = tiers[i + 1];
      const top = next !== undefined && m.gt(next.from) ? new Dec(next.from) : m;
      p = p.plus(top.minus(tiers[i].from).times(tiers[i].rate));
    }
  }
  p = Dec.max(p, 0);
  if (cap !== undefined) p = Dec.min(p, Dec.max(cap, 0));
  return toKopeckPrecision(p);
}
