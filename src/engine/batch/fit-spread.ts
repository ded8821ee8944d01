/**
 * How far each fitted input can move before the fit gets worse than the noise, when the
 * others may move too (a profile, not a slice: inputs that trade off against each other —
 * more clients, each smaller — lie along a ridge that a one-at-a-time look misses).
 *
 * The method of simulated moments' own answer: near the best, the distance is about
 * D* + δᵀ(JᵀWJ)δ, where J is how each moment moves with each input (measured by moving
 * each input a little either way, on the same runs) and W weighs each moment by its
 * weight over its variance. The profile half-width of input i for a rise of Δ is then
 * √(Δ (JᵀWJ)⁻¹ᵢᵢ). A direction no moment moves along is one the history does not
 * constrain: its curvature is raised just enough that a step across the whole range
 * rises by Δ, so its inputs span their whole range.
 */
import { symmetricEigen } from './search/cmaes.ts';

/**
 * Half-widths in the unit box. `jacobian[k][j]`: change of scaled moment k per unit of
 * input j; `weights[k]`: the moment's weight over its variance (0: not used).
 */
export function profileHalfWidths(jacobian: readonly (readonly number[])[], weights: readonly number[], delta: number): number[] {
  const n = jacobian[0]?.length ?? 0;
  const info = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  jacobian.forEach((row, k) => {
    const w = weights[k];
    if (!(w > 0) || row.some((v) => !Number.isFinite(v))) return;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) info[i][j] += w * row[i] * row[j];
  });
  const { values, vectors } = symmetricEigen(info);
  return Array.from({ length: n }, (_, i) => {
    let v = 0;
    for (let k = 0; k < n; k++) v += vectors[i][k] ** 2 / Math.max(values[k], delta);
    return Math.sqrt(delta * v);
  });
}
