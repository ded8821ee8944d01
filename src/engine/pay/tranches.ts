/**
 * A scheme's tranches with exact integer weights, shared by the settlement and the
 * calculator. Without tranches the whole pool is one unconditional tranche.
 */
import type { Scheme, Tranche } from '../scenario/types.ts';
import { integerWeights, parseRate } from '../money/kopecks.ts';

const WHOLE_POOL: readonly Tranche[] = [{ weight: '1' }];

export function schemeTranches(scheme: Scheme): { tranches: readonly Tranche[]; weights: number[] } {
  const tranches = scheme.tranches.length > 0 ? scheme.tranches : WHOLE_POOL;
  const weights = integerWeights(tranches.map((t) => parseRate(t.weight)));
  if (weights.some((w) => w < 0) || weights.every((w) => w === 0)) {
    throw new Error('tranche weights must be ≥ 0 and not all 0');
  }
  return { tranches, weights };
}
