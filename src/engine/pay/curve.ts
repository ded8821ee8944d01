/**
 * A payout curve: the pool as a piecewise-linear function of the measure (roubles), with
 * possible jumps. Every PayoutFormula compiles to one (`compileCurve` in formula-curve.ts), so
 * the agents' expected pay and marginal pay have one closed form for all formulas:
 *
 *   f(x) = intercept + baseSlope·x + Σ_{i: x ≥ xᵢ} ( dSlopeᵢ·(x − xᵢ) + jumpᵢ )
 *
 * Right-continuous: at x = xᵢ the break already applies (a retroactive tier is reached
 * when the measure equals its `from`).
 */
import { normalCdf, normalPdf } from '../numeric/normal.ts';

export interface CurveBreak {
  /** Where the slope changes and/or the pool jumps (roubles of measure). */
  readonly x: number;
  /** Change of slope at x (pool roubles per measure rouble). */
  readonly dSlope: number;
  /** Jump of the pool at x (roubles). */
  readonly jump: number;
}

export interface PayCurve {
  /** Pool far below every break. */
  readonly intercept: number;
  /** Slope far below every break (0 for every formula: pools are never negative). */
  readonly baseSlope: number;
  /** Sorted by x, distinct x. */
  readonly breaks: readonly CurveBreak[];
}

/** The pool at measure x. */
export function poolAt(curve: PayCurve, x: number): number {
  let y = curve.intercept + curve.baseSlope * x;
  for (const b of curve.breaks) {
    if (x < b.x) break;
    y += b.dSlope * (x - b.x) + b.jump;
  }
  return y;
}

/** The exact (right) derivative at x; jumps are ignored (their derivative is a Dirac). */
export function slopeAt(curve: PayCurve, x: number): number {
  let s = curve.baseSlope;
  for (const b of curve.breaks) {
    if (x < b.x) break;
    s += b.dSlope;
  }
  return s;
}

/**
 * E[f(F + ε)] and d/dF E[f(F + ε)], ε ~ N(0, σ), into out[0] and out[1], in one pass over
 * the breaks: each slope change adds dSlope·(d·Φ(d/σ) + σ·φ(d/σ)) to the pool and
 * dSlope·Φ(d/σ) to the slope, with d = F − x; each jump adds jump·Φ(d/σ) to the pool and
 * jump·φ(d/σ)/σ to the slope — a jump within reach is worth its size times the chance that
 * one more rouble tips it. σ ≤ 0 gives f(F) and the exact (right) derivative.
 */
export function expectedPoolAndMarginal(curve: PayCurve, F: number, sigma: number, out: Float64Array): void {
  if (!(sigma > 0)) {
    out[0] = poolAt(curve, F);
    out[1] = slopeAt(curve, F);
    return;
  }
  let y = curve.intercept + curve.baseSlope * F;
  let s = curve.baseSlope;
  for (const b of curve.breaks) {
    const d = F - b.x;
    const z = d / sigma;
    const cdf = normalCdf(z);
    const pdf = normalPdf(z);
    y += b.dSlope * (d * cdf + sigma * pdf) + b.jump * cdf;
    s += b.dSlope * cdf;
    if (b.jump !== 0) s += (b.jump * pdf) / sigma;
  }
  out[0] = y;
  out[1] = s;
}

const expected = new Float64Array(2);

/** E[f(F + ε)], ε ~ N(0, σ) (expectedPoolAndMarginal's first). */
export function expectedPool(curve: PayCurve, F: number, sigma: number): number {
  expectedPoolAndMarginal(curve, F, sigma, expected);
  return expected[0];
}

/** d/dF E[f(F + ε)], ε ~ N(0, σ) (expectedPoolAndMarginal's second). */
export function expectedMarginal(curve: PayCurve, F: number, sigma: number): number {
  expectedPoolAndMarginal(curve, F, sigma, expected);
  return expected[1];
}

/**
 * min(hi, max(lo, f)) as a curve; `curve.baseSlope` must be 0. Used for "pools are never
 * negative" (lo = 0) and caps (hi = cap).
 */
export function clipCurve(curve: PayCurve, lo: number, hi: number): PayCurve {
  if (curve.baseSlope !== 0) throw new RangeError('clipCurve needs a flat left tail');
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  // Pieces: from `start` on, value `y0 + slope·(x − start)` (the first piece starts at −∞).
  const pieces: { start: number; y0: number; slope: number }[] = [];
  const push = (start: number, y0: number, slope: number) => pieces.push({ start, y0, slope });
  push(-Infinity, clamp(curve.intercept), 0);
  let y = curve.intercept;
  let s = 0;
  const bs = curve.breaks;
  for (let i = 0; i < bs.length; i++) {
    const a = bs[i].x;
    const end = i + 1 < bs.length ? bs[i + 1].x : Infinity;
    y += bs[i].jump;
    s += bs[i].dSlope;
    // The raw line on [a, end) is y + s·(x − a); cut it where it crosses lo or hi.
    const cuts = [a];
    if (s !== 0) {
      for (const bound of [lo, hi]) {
        if (!Number.isFinite(bound)) continue;
        const t = a + (bound - y) / s;
        if (t > a && t < end) cuts.push(t);
      }
      cuts.sort((p, q) => p - q);
    }
    for (let j = 0; j < cuts.length; j++) {
      const p = cuts[j];
      const q = j + 1 < cuts.length ? cuts[j + 1] : end;
      const mid = Number.isFinite(q) ? (p + q) / 2 : p + 1;
      const vMid = y + s * (mid - a);
      if (vMid < lo) push(p, lo, 0);
      else if (vMid > hi) push(p, hi, 0);
      else push(p, clamp(y + s * (p - a)), s);
    }
    if (end !== Infinity) y += s * (end - a);
  }
  return piecesToCurve(pieces);
}

function piecesToCurve(pieces: readonly { start: number; y0: number; slope: number }[]): PayCurve {
  const breaks: CurveBreak[] = [];
  for (let k = 1; k < pieces.length; k++) {
    const prev = pieces[k - 1];
    const cur = pieces[k];
    const left = prev.slope === 0 ? prev.y0 : prev.y0 + prev.slope * (cur.start - prev.start);
    let jump = cur.y0 - left;
    if (Math.abs(jump) <= 1e-9 * Math.max(1, Math.abs(left))) jump = 0; // float noise at a cut
    const dSlope = cur.slope - prev.slope;
    if (jump !== 0 || dSlope !== 0) breaks.push({ x: cur.start, dSlope, jump });
  }
  return { intercept: pieces[0].y0, baseSlope: 0, breaks };
}
