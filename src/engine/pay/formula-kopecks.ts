/**
 * A payout formula in exact integer kopecks, for the Monte Carlo settlement: the exact
 * value base + Σ tiers rounded once to a whole kopeck (half away from zero), at least 0,
 * then capped. Compiled once per scheme; `poolKopecks` runs every period of every run.
 */
import type { PayoutFormula } from '../scenario/types.ts';
import {
  divHalfUp,
  divHalfUpBig,
  integerWeights,
  mulRateHalfUp,
  parseKopecks,
  parseRate,
  type ExactRate,
} from '../money/kopecks.ts';
import { formulaShape, type FormulaShape } from './formulas/index.ts';

interface Common {
  /** The base amount (a fixed formula's), kopecks. */
  readonly base: number;
  /** Infinity when there is none; a negative cap is 0. */
  readonly cap: number;
}

interface Marginal extends Common {
  readonly kind: 'marginal';
  readonly froms: readonly number[];
  /** Rates as integers over the common denominator `den`, so the sum is rounded once. */
  readonly rates: readonly number[];
  readonly den: number;
}

interface Retroactive extends Common {
  readonly kind: 'retroactive';
  readonly froms: readonly number[];
  readonly rates: readonly ExactRate[];
}

export type FormulaKopecks = Marginal | Retroactive;

export function compileFormulaKopecks(formula: PayoutFormula): FormulaKopecks {
  return kopecksOfShape(formulaShape(formula));
}

export function kopecksOfShape(shape: FormulaShape): FormulaKopecks {
  const base = shape.base === undefined ? 0 : parseKopecks(shape.base);
  const froms = shape.tiers.map((t) => parseKopecks(t.from));
  const rates = shape.tiers.map((t) => parseRate(t.rate));
  // Read last, so that a formula with several faults reports the same one first as always.
  const cap = () => (shape.cap === undefined ? Infinity : Math.max(0, parseKopecks(shape.cap)));
  if (shape.mode === 'retroactive') return { kind: 'retroactive', base, froms, rates, cap: cap() };
  const den = Math.max(1, ...rates.map((r) => r.den)); // 1 with no tiers (a fixed amount)
  if (!Number.isSafeInteger(den)) throw new RangeError('payout formula: rates have too many decimals');
  return { kind: 'marginal', base, froms, rates: integerWeights(rates), den, cap: cap() };
}

/** Σ over tiers of (the measure's part within the tier) × rate, rounded once. */
function marginalKopecks(f: Marginal, m: number): number {
  let sum = 0;
  let safe = true;
  const n = f.froms.length;
  for (let i = 0; i < n && m > f.froms[i]; i++) {
    const top = i + 1 < n && m > f.froms[i + 1] ? f.froms[i + 1] : m;
    const term = (top - f.froms[i]) * f.rates[i];
    sum += term;
    if (Math.abs(term) > Number.MAX_SAFE_INTEGER || Math.abs(sum) > Number.MAX_SAFE_INTEGER) safe = false;
  }
  if (safe) return divHalfUp(sum, f.den);
  let big = 0n;
  for (let i = 0; i < n && m > f.froms[i]; i++) {
    const top = i + 1 < n && m > f.froms[i + 1] ? f.froms[i + 1] : m;
    big += BigInt(top - f.froms[i]) * BigInt(f.rates[i]);
  }
  return Number(divHalfUpBig(big, BigInt(f.den)));
}

/** The rate of the highest tier reached, on the whole measure; 0 below the first tier. */
function retroactiveKopecks(f: Retroactive, m: number): number {
  let k = -1;
  while (k + 1 < f.froms.length && m >= f.froms[k + 1]) k++;
  return k < 0 ? 0 : mulRateHalfUp(m, f.rates[k]);
}

/**
 * The pool in kopecks for a measure in kopecks, exact. Takes the compiled formula or
 * anything holding one (a compiled scheme).
 */
export function poolKopecks(compiled: FormulaKopecks | { readonly formula: FormulaKopecks }, measureKopecks: number): number {
  const f = 'formula' in compiled ? compiled.formula : compiled;
  const m = measureKopecks;
  let p = f.base;
  switch (f.kind) {
    case 'marginal':
      p += marginalKopecks(f, m);
      break;
    case 'retroactive':
      p += retroactiveKopecks(f, m);
      break;
  }
  if (p < 0) return 0;
  return p > f.cap ? f.cap : p;
}
