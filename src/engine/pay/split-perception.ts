/**
 * How a person sees their stake in the team pool (MODEL.md §6, P4; article 002).
 *
 * Two channels reward one more hour of a person's work:
 *  - the pool grows, and the person gets their marginal share of it (1/n under an equal
 *    split: free-riding);
 *  - the person's part of the split grows, in so far as the split follows contribution
 *    *visibly*. Under the head's discretion, judgement noise and favouritism blur the link
 *    ("непрозрачность ... обратная связь ослабевает"); the commercial director corrects
 *    part of it; published awards and penalties by rule make it clear.
 * The link is the share of the variance of a person's part that their own contribution
 * explains, computed from the same noise and favouritism the settlement then applies.
 */
import type { Split, SplitPerception } from '../scenario/types.ts';

/** Typical month-to-month spread of people's contributions relative to the team mean. */
const MERIT_SPREAD = 0.15;

export interface SplitIncentive {
  /** Marginal share of the pool this person gets from one more rouble in it. */
  poolShare: number;
  /** Share of the staff pool that visibly follows contribution (0 = none). */
  meritLink: number;
  /** Fixed award money that visibly follows contribution (awards and penalties by rule). */
  meritAmount: number;
  /** Multiplier on effort cost from feeling treated unfairly (1 = none). */
  morale: number;
}

interface Person {
  isHead: boolean;
  member: { favour: number };
}

function sd(xs: number[]): number {
  if (xs.length < 2) return 0;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
}

export function splitIncentives(split: Split, staff: Person[], perception: SplitPerception): SplitIncentive[] {
  const heads = staff.filter((p) => p.isHead).length;
  const others = staff.length - heads;
  const headShare = 'headShare' in split && heads > 0 ? Number(split.headShare) : 0;
  const staffShare = others > 0 ? (1 - headShare) / others : 0;
  const perceive = perception.enabled;

  let link = 0;
  let meritAmount = 0;
  let favouritism = 0;
  switch (split.type) {
    case 'equal':
      return staff.map(() => ({ poolShare: 1 / staff.length, meritLink: 0, meritAmount: 0, morale: 1 }));
    case 'headShareEqual':
      break;
    case 'discretion':
    case 'doubleDiscretion': {
      const keep = split.type === 'doubleDiscretion' ? 1 - perception.directorCorrection : 1;
      const noise = perception.discretionNoise * keep;
      favouritism = perception.favouritism * keep;
      const favourSpread = favouritism * sd(staff.filter((p) => !p.isHead).map((p) => p.member.favour));
      link = perceive ? MERIT_SPREAD ** 2 / (MERIT_SPREAD ** 2 + noise ** 2 + favourSpread ** 2) : 1;
      break;
    }
    case 'awardsEqual':
      meritAmount = split.awards.reduce((a, r) => a + Math.abs(Number(r.amount)), 0);
      break;
    case 'proportional':
      link = 1;
      break;
    default:
      throw new Error(`unknown split "${(split as { type: string }).type}"`);
  }
  return staff.map((p) =>
    p.isHead
      ? { poolShare: headShare, meritLink: 0, meritAmount: 0, morale: 1 }
      : {
          poolShare: heads > 0 ? staffShare : 1 / others,
          meritLink: link,
          meritAmount,
          morale: perceive ? 1 + favouritism * Math.max(0, -p.member.favour) : 1,
        },
  );
}
