/**
 * What the fit to a payment history moves, and within what: the clients' volume, its
 * noise, its skew and their number (the last two only when the statement names who paid),
 * how soon self-payers pay and how much of the volume they carry (reminder payers take
 * the rest), and the cost of effort. The ranges start from what the history says (its
 * level, its payers), so a department ten times the article's is searched around its own
 * size.
 */
import { Dec } from '../money/decimal.ts';
import { parseScenario } from '../scenario/parse.ts';
import { formatIssue } from '../scenario/issues.ts';
import type { Scenario } from '../scenario/types.ts';
import type { HistoryStatistics } from '../history/tally.ts';
import { getPath, PathError, setPath } from './scenario-path.ts';
import type { Vary } from './calibrate.ts';

export const SELF_PAYER_SHARE = 'clients.habits[selfPayer].volumeShare';

/** The inputs a fit moves by default, with ranges from the history's own level and payers. */
export function fitInputs(base: Scenario, observed: HistoryStatistics): Vary[] {
  const level = Math.max(1, observed.level);
  const round = (x: number) => Number(x.toPrecision(2));
  const stretcher = Number(base.clients.habits.find((h) => h.id === 'stretcher')?.volumeShare ?? 0);
  const inputs: Vary[] = [
    { path: 'clients.monthlyVolume', lo: round(0.6 * level), hi: round(2 * level) },
    { path: 'clients.volumeNoise', lo: 0, hi: 0.4 },
    ...(observed.largestShare !== null ? [{ path: 'clients.volumeSkew', lo: 0.1, hi: 1.8 }] : []),
    ...(observed.payers !== null ? [{ path: 'clients.count', lo: Math.max(3, Math.round(0.7 * observed.payers)), hi: Math.max(6, Math.round(1.8 * observed.payers)) }] : []),
    { path: 'clients.habits[selfPayer].medianDays', lo: 2, hi: 40 },
    { path: SELF_PAYER_SHARE, lo: 0.05, hi: Math.max(0.1, Math.min(0.9, 0.95 - stretcher)) },
    { path: 'behaviour.effort.costFactor', lo: 0.2, hi: 2 },
  ];
  return inputs.filter((v) => {
    try {
      getPath(base, v.path);
      return !(v.path === SELF_PAYER_SHARE && !base.clients.habits.some((h) => h.id === 'reminderPayer'));
    } catch {
      return false;
    }
  });
}

/** An input's value for a position x in [0, 1] of its range. */
export const valueAt = (v: Vary, x: number) => v.lo + (v.hi - v.lo) * x;

/**
 * The scenario with a candidate's inputs. The self-payers' share of volume moves with the
 * reminder payers taking the difference (exact decimals: the shares must sum to 1).
 * Throws PathError when the file format refuses the combination.
 */
export function fitCandidate(base: Scenario, vary: readonly Vary[], x: readonly number[]): Scenario {
  const doc = JSON.parse(JSON.stringify(base)) as Scenario;
  vary.forEach((v, i) => {
    const value = valueAt(v, x[i]);
    if (v.path !== SELF_PAYER_SHARE) return setPath(doc, v.path, value);
    const self = doc.clients.habits.find((h) => h.id === 'selfPayer');
    const rest = doc.clients.habits.find((h) => h.id === 'reminderPayer');
    if (!self || !rest) return setPath(doc, v.path, value); // no one to take the rest: the sum check refuses it
    const moved = new Dec(value.toFixed(4)).minus(self.volumeShare);
    self.volumeShare = new Dec(self.volumeShare).plus(moved).toString() as typeof self.volumeShare;
    rest.volumeShare = new Dec(rest.volumeShare).minus(moved).toString() as typeof rest.volumeShare;
  });
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new PathError(parsed.errors.map((e) => formatIssue(e, 'en')).join('; '));
  return parsed.scenario;
}

/** Where a scenario's inputs sit in their ranges (clipped to [0, 1]). */
export function fitPosition(base: Scenario, vary: readonly Vary[]): number[] {
  return vary.map((v) => Math.min(1, Math.max(0, (Number(getPath(base, v.path)) - v.lo) / (v.hi - v.lo))));
}
