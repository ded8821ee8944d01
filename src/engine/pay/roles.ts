/**
 * Who shares what in a split: the heads take the head share, the members share the rest.
 * One rule for the kopeck settlement and the payout calculator:
 *  - 'equal' has no head share: everyone, head included, is a member;
 *  - without anyone in the role 'head' the head share stays with the members;
 *  - a department of heads only: they are the members and there is no head share.
 */
import type { Split, StaffMember } from '../scenario/types.ts';

export interface SplitRoles {
  /** Staff indices taking the head share (equally); empty when there is no head share. */
  readonly heads: readonly number[];
  /** Staff indices sharing the rest, in staff order. */
  readonly members: readonly number[];
  /** The split's head share when `heads` is non-empty, else null. */
  readonly headShare: string | null;
}

const SPLITS: ReadonlySet<string> = new Set<Split['type']>([
  'equal',
  'headShareEqual',
  'discretion',
  'doubleDiscretion',
  'awardsEqual',
  'proportional',
]);

export function splitRoles(split: Split, staff: readonly StaffMember[]): SplitRoles {
  if (!SPLITS.has(split.type)) throw new Error(`unknown split "${split.type}"`);
  const heads: number[] = [];
  const others: number[] = [];
  staff.forEach((s, i) => (s.role === 'head' ? heads : others).push(i));
  if (split.type === 'equal' || heads.length === 0 || others.length === 0) {
    return { heads: [], members: staff.map((_, i) => i), headShare: null };
  }
  return { heads, members: others, headShare: split.headShare };
}
