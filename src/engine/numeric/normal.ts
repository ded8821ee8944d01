/**
 * Fast standard normal CDF and PDF for the agents' expected-payout sums (hot path).
 *
 * Φ uses the Chebyshev-fitted complementary error function of Numerical Recipes
 * (`erfcc`, Press et al., 2nd ed., §6.2): fractional error below 1.2·10⁻⁷ everywhere,
 * so Φ(x) has *relative* error below 1.2·10⁻⁷ in both tails too (Φ(−8) ≈ 6.2·10⁻¹⁶ is
 * still right to 7 digits), unlike the absolute-error Abramowitz–Stegun 7.1.26. One
 * `Math.exp`, no branches beyond the sign.
 */

const INV_SQRT_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327;

/** erfc(x), fractional error < 1.2e-7. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Φ(x) = P(Z ≤ x) for Z ~ N(0, 1); relative error < 1.2e-7. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * INV_SQRT_2);
}

/** φ(x), the standard normal density (exact to float precision). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function inverseNormal(p: number): number {
  const lo = 0.02425;
  if (p < lo || p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(p < lo ? p : 1 - p));
    const x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < lo ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * A standard normal draw from one uniform u in [0, 1), by the inverse CDF. Not Box–Muller:
 * `Math.cos` differs in the last bit between JavaScript engines (browsers take it from the
 * system's libm), and the same seed must give the same numbers in the browser and in Node;
 * `log` and `sqrt` do not differ.
 */
export function normalFromUniform(u: number): number {
  return inverseNormal((Math.floor(u * 4294967296) + 0.5) / 4294967296);
}
