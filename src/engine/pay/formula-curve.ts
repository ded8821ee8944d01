/**
 * A payout formula as a float PayCurve in roubles, for the agents' expected and marginal
 * pay (curve.ts): a break at each tier's `from`, clipped to [0, cap].
 */
import type { PayoutFormula } from '../scenario/types.ts';
import { clipCurve, type CurveBreak, type PayCurve } from './curve.ts';
import { formulaShape, type FormulaShape } from './formulas/index.ts';

export function compileCurve(formula: PayoutFormula): PayCurve {
  return curveOfShape(formulaShape(formula));
}

export function curveOfShape(shape: FormulaShape): PayCurve {
  const breaks: CurveBreak[] = [];
  let prev = 0;
  for (const t of shape.tiers) {
    const x = Number(t.from);
    const dSlope = Number(t.rate) - prev;
    // A retroactive tier lifts the whole measure below it to its rate: a jump at its `from`.
    breaks.push({ x, dSlope, jump: shape.mode === 'retroactive' ? dSlope * x : 0 });
    prev = Number(t.rate);
  }
  const intercept = shape.base === undefined ? 0 : Number(shape.base);
  const cap = shape.cap === undefined ? Infinity : Number(shape.cap);
  return clipCurve({ intercept, baseSlope: 0, breaks }, 0, Math.max(0, cap));
}
