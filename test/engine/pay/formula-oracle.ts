/**
 * The payout formulas as they were written before pay/formulas/ (each formula type written
 * in each of three evaluators), kept verbatim as the oracle of formula-equivalence.test.ts:
 * the rewrite must give the same curves, kopecks, decimals and errors.
 */
import type { PayoutFormula, Tier } from '../../../src/engine/scenario/types.ts';
import { clipCurve, type CurveBreak, type PayCurve } from '../../../src/engine/pay/curve.ts';
import {
  divHalfUp,
  divHalfUpBig,
  integerWeights,
  mulRateHalfUp,
  parseKopecks,
  parseRate,
  type ExactRate,
} from '../../../src/engine/money/kopecks.ts';
import { Dec, toKopeckPrecision } from '../../../src/engine/money/decimal.ts';

function unknownFormula(formula: never): never {
  throw new Error(`unknown payout formula "${(formula as { type: string }).type}"`);
}

/** A piece rate as the marginal tiers it is (a norm of 0 leaves only the premium). */
export function pieceRateTiers(f: Extract<PayoutFormula, { type: 'pieceRate' }>): PayoutFormula {
  const tiers: Tier[] = new Dec(f.norm).gt(0) ? [{ from: '0', rate: f.rate }, { from: f.norm, rate: f.premium }] : [{ from: '0', rate: f.premium }];
  return f.cap === undefined ? { type: 'tiers', mode: 'marginal', tiers } : { type: 'tiers', mode: 'marginal', tiers, cap: f.cap };
}

/** The tiers, checked to be non-empty and strictly ascending in `from`. */
function checkedTiers(tiers: readonly Tier[]): readonly Tier[] {
  if (tiers.length === 0) throw new Error('tiers: at least one tier is needed');
  for (let i = 1; i < tiers.length; i++) {
    if (!new Dec(tiers[i].from).gt(tiers[i - 1].from)) {
      throw new Error(`tiers[${i}].from must be above tiers[${i - 1}].from`);
    }
  }
  return tiers;
}

// ---------------------------------------------------------------- float curve

/** The formula as a piecewise-linear curve in roubles, clipped to [0, cap]. */
export function compileCurve(formula: PayoutFormula): PayCurve {
  if (formula.type === 'pieceRate') return compileCurve(pieceRateTiers(formula));
  const breaks: CurveBreak[] = [];
  let intercept = 0;
  let cap = Infinity;
  switch (formula.type) {
    case 'fixed':
      intercept = Number(formula.amount);
      break;
    case 'linear':
    case 'threshold': {
      const from = formula.type === 'threshold' ? Number(formula.threshold) : 0;
      breaks.push({ x: from, dSlope: Number(formula.rate), jump: 0 });
      if (formula.cap !== undefined) cap = Number(formula.cap);
      break;
    }
    case 'tiers': {
      let prev = 0;
      for (const t of checkedTiers(formula.tiers)) {
        const x = Number(t.from);
        const dSlope = Number(t.rate) - prev;
        breaks.push({ x, dSlope, jump: formula.mode === 'retroactive' ? dSlope * x : 0 });
        prev = Number(t.rate);
      }
      if (formula.cap !== undefined) cap = Number(formula.cap);
      break;
    }
    default:
      unknownFormula(formula);
  }
  return clipCurve({ intercept, baseSlope: 0, breaks }, 0, Math.max(0, cap));
}

// ---------------------------------------------------------------- exact kopecks

export type FormulaKopecks =
  | { readonly type: 'fixed'; readonly amount: number }
  /** linear is a threshold at 0. */
  | { readonly type: 'threshold'; readonly from: number; readonly rate: ExactRate; readonly cap: number }
  | {
      readonly type: 'marginal';
      readonly froms: readonly number[];
      /** Rates as integers over the common denominator `den`. */
      readonly rates: readonly number[];
      readonly den: number;
      readonly cap: number;
    }
  | { readonly type: 'retroactive'; readonly froms: readonly number[]; readonly rates: readonly ExactRate[]; readonly cap: number };

export function compileFormulaKopecks(formula: PayoutFormula): FormulaKopecks {
  if (formula.type === 'pieceRate') return compileFormulaKopecks(pieceRateTiers(formula));
  const capOf = (cap: string | undefined) => (cap === undefined ? Infinity : Math.max(0, parseKopecks(cap)));
  switch (formula.type) {
    case 'fixed':
      return { type: 'fixed', amount: Math.max(0, parseKopecks(formula.amount)) };
    case 'linear':
    case 'threshold':
      return {
        type: 'threshold',
        from: formula.type === 'threshold' ? parseKopecks(formula.threshold) : 0,
        rate: parseRate(formula.rate),
        cap: capOf(formula.cap),
      };
    case 'tiers': {
      const tiers = checkedTiers(formula.tiers);
      const froms = tiers.map((t) => parseKopecks(t.from));
      const rates = tiers.map((t) => parseRate(t.rate));
      if (formula.mode === 'retroactive') return { type: 'retroactive', froms, rates, cap: capOf(formula.cap) };
      const den = Math.max(...rates.map((r) => r.den));
      if (!Number.isSafeInteger(den)) throw new RangeError('tiers: rates have too many decimals');
      return { type: 'marginal', froms, rates: integerWeights(rates), den, cap: capOf(formula.cap) };
    }
    default:
      return unknownFormula(formula);
  }
}

/** Σ over tiers of (the measure's part within the tier) × rate, rounded once. */
function marginalKopecks(f: Extract<FormulaKopecks, { type: 'marginal' }>, m: number): number {
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

/**
 * The pool in kopecks for a measure in kopecks, exact. Takes the compiled formula or
 * anything holding one (a compiled scheme).
 */
export function poolKopecks(compiled: FormulaKopecks | { readonly formula: FormulaKopecks }, measureKopecks: number): number {
  const f = 'formula' in compiled ? compiled.formula : compiled;
  const m = measureKopecks;
  let p: number;
  switch (f.type) {
    case 'fixed':
      return f.amount;
    case 'threshold':
      p = m > f.from ? mulRateHalfUp(m - f.from, f.rate) : 0;
      break;
    case 'marginal':
      p = marginalKopecks(f, m);
      break;
    case 'retroactive': {
      let k = -1;
      while (k + 1 < f.froms.length && m >= f.froms[k + 1]) k++;
      p = k < 0 ? 0 : mulRateHalfUp(m, f.rates[k]);
      break;
    }
  }
  if (p < 0) return 0;
  return p > f.cap ? f.cap : p;
}

// ---------------------------------------------------------------- decimal.js

/** The pool for a measure in roubles, exact in decimal.js, rounded to whole kopecks. */
export function poolDecimal(formula: PayoutFormula, measure: Dec | string | number): Dec {
  if (formula.type === 'pieceRate') return poolDecimal(pieceRateTiers(formula), measure);
  const m = new Dec(measure as Dec);
  let p: Dec;
  let cap: string | undefined;
  switch (formula.type) {
    case 'fixed':
      p = new Dec(formula.amount);
      break;
    case 'linear':
    case 'threshold': {
      const from = formula.type === 'threshold' ? formula.threshold : '0';
      p = m.gt(from) ? m.minus(from).times(formula.rate) : new Dec(0);
      cap = formula.cap;
      break;
    }
    case 'tiers': {
      const tiers = checkedTiers(formula.tiers);
      p = new Dec(0);
      if (formula.mode === 'retroactive') {
        const reached = tiers.filter((t) => m.gte(t.from));
        if (reached.length > 0) p = m.times(reached[reached.length - 1].rate);
      } else {
        tiers.forEach((t, i) => {
          if (!m.gt(t.from)) return;
          const next = tiers[i + 1];
          const top = next !== undefined && m.gt(next.from) ? new Dec(next.from) : m;
          p = p.plus(top.minus(t.from).times(t.rate));
        });
      }
      cap = formula.cap;
      break;
    }
    default:
      return unknownFormula(formula);
  }
  p = Dec.max(p, 0);
  if (cap !== undefined) p = Dec.min(p, Dec.max(cap, 0));
  return toKopeckPrecision(p);
}
