/**
 * Personal awards and penalties with an equal remainder — article 002's
 * "voluntarist-egalitarian" split, in integer kopecks.
 *
 * The article: remainder = staff pool − awards + penalties, split equally; then each
 * person's award is added and penalty subtracted (45,000 − 15,000 + 6,000 = 36,000;
 * 36,000 / 3 = 12,000 → 27,000 / 6,000 / 12,000). The edge cases, so that the parts
 * always sum to the staff pool exactly and nobody's bonus is negative:
 *
 *  1. A penalty only withholds what the person would get: if a penalty is at least the
 *     equal part (P·n ≥ T, with T the remainder and n the people sharing it), that person
 *     gets 0 and leaves the sharing — their penalty is not added to the remainder. This
 *     lowers the equal part, so the check repeats until nobody else drops out.
 *  2. Awards cannot exceed what is there: if the awards exceed the staff pool plus the
 *     penalties still counted (T < 0, which by rule 1 means every penalised person already
 *     gets 0), the staff pool goes to the award winners in proportion to their awards
 *     (largest remainder) and everyone else gets 0.
 *  3. The remainder is split equally in whole kopecks by largest remainder: the leftover
 *     kopecks go one each to the first people in staff order.
 *
 * Adjustments are net per person (an award and a penalty on the same person add up).
 */
import { splitLargestRemainderInto } from '../money/kopecks.ts';

let weights = new Float64Array(16);
let zeroed = new Uint8Array(16);

/**
 * Splits `pool` (kopecks ≥ 0) among n people: equal remainder plus the net adjustment
 * `adj[i]` (kopecks; + award, − penalty). Writes `out[0..n)`; the parts sum to `pool`.
 */
export function splitEqualWithAdjustments(
  pool: number,
  adj: ArrayLike<number>,
  n: number,
  out: { [i: number]: number },
): void {
  if (weights.length < n) {
    weights = new Float64Array(2 * n);
    zeroed = new Uint8Array(2 * n);
  }
  zeroed.fill(0, 0, n);
  let awards = 0;
  let penalties = 0;
  for (let i = 0; i < n; i++) {
    if (adj[i] > 0) awards += adj[i];
    else penalties -= adj[i];
  }
  // Rule 1: drop out everyone whose penalty takes at least the equal part, until stable.
  let sharing = n;
  let remainder = pool - awards + penalties;
  for (let changed = true; changed; ) {
    changed = false;
    let dropped = 0;
    let freed = 0;
    for (let i = 0; i < n; i++) {
      if (zeroed[i] || adj[i] >= 0) continue;
      if (-adj[i] * sharing >= remainder) {
        zeroed[i] = 1;
        dropped++;
        freed -= adj[i];
      }
    }
    if (dropped > 0) {
      changed = true;
      sharing -= dropped;
      remainder -= freed;
    }
  }
  if (remainder < 0) {
    // Rule 2: awards beyond the pool are cut in proportion.
    for (let i = 0; i < n; i++) weights[i] = adj[i] > 0 ? adj[i] : 0;
    splitLargestRemainderInto(pool, weights, out, n);
    return;
  }
  if (sharing === 0) {
    // Everyone penalised to zero: possible only with an empty pool.
    for (let i = 0; i < n; i++) out[i] = 0;
    return;
  }
  for (let i = 0; i < n; i++) weights[i] = zeroed[i] ? 0 : 1;
  splitLargestRemainderInto(remainder, weights, out, n); // rule 3
  for (let i = 0; i < n; i++) out[i] = zeroed[i] ? 0 : out[i] + adj[i];
}

/** An award rule of the scheme, compiled: `amount` in kopecks (negative = penalty). */
export interface AwardRuleKopecks {
  readonly to: 'topContributor' | 'bottomContributor';
  readonly amount: number;
  readonly minDeviation: number;
}

/**
 * The net adjustment per person from the scheme's rules, given contributions (hours of
 * work done): the top contributor (first in staff order on a tie) gets the rule's amount
 * if c ≥ mean·(1 + minDeviation); the bottom contributor (first on a tie) if
 * c ≤ mean·(1 − minDeviation). With no contribution at all (mean ≤ 0) nobody stands out
 * and no rule fires. Writes `adj[0..n)` for `contributions[0..n)`.
 */
export function adjustmentsByRule(
  rules: readonly AwardRuleKopecks[],
  contributions: ArrayLike<number>,
  n: number,
  adj: { [i: number]: number },
): void {
  let sum = 0;
  let top = 0;
  let bottom = 0;
  for (let i = 0; i < n; i++) {
    adj[i] = 0;
    const c = contributions[i];
    sum += c;
    if (c > contributions[top]) top = i;
    if (c < contributions[bottom]) bottom = i;
  }
  const mean = n > 0 ? sum / n : 0;
  if (!(mean > 0)) return;
  for (const r of rules) {
    if (r.to === 'topContributor') {
      if (contributions[top] >= mean * (1 + r.minDeviation)) adj[top] += r.amount;
    } else if (contributions[bottom] <= mean * (1 - r.minDeviation)) {
      adj[bottom] += r.amount;
    }
  }
}
