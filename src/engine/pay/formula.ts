/**
 * PayoutFormula → pool, three ways that agree, each written once over the formula's
 * common form (formulas/: one file per formula type):
 *  - `compileCurve`: a float PayCurve (roubles) for the agents' expected and marginal pay;
 *  - `compileFormulaKopecks` + `poolKopecks`: exact integer kopecks for the Monte Carlo
 *    settlement;
 *  - `poolDecimal`: decimal.js, for the payout calculator.
 * Common rules: the pool is never negative (a threshold pays 0 below it, a linear rate
 * pays 0 on a negative measure); a cap limits it from above; the exact pool is the exact
 * formula value rounded once to a whole kopeck, half away from zero, then capped.
 */
export { compileCurve } from './formula-curve.ts';
export { compileFormulaKopecks, poolKopecks, type FormulaKopecks } from './formula-kopecks.ts';
export { poolDecimal } from './formula-decimal.ts';
export { formulaShape, type FormulaShape } from './formulas/index.ts';
