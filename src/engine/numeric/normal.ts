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
