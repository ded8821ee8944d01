/**
 * P4 of MODEL.md §2 on scenarios/team-split.json: head + 6 share one threshold pool.
 * Seed 20260, 60 runs × 12 months per split. Ordering asserted on median collections
 * and mean effort; it comes from how visibly each split ties pay to one's own result.
 */
import { describe, expect, it } from 'vitest';
import { byId, loadScenario, measure } from './measure.ts';

const stats = measure(loadScenario('team-split.json'), 60);
const [equal, single, double, awards] = ['equal', 'discretion', 'doubleDiscretion', 'awardsEqual'].map((id) => byId(stats, id));

describe('P4 splitting the team bonus (seed 20260, 60 runs × 12 months)', () => {
  it('collections: awards-equal ≥ double discretion ≥ single discretion ≥ equal', () => {
    expect(awards.medianCollections).toBeGreaterThanOrEqual(double.medianCollections);
    expect(double.medianCollections).toBeGreaterThanOrEqual(single.medianCollections);
    expect(single.medianCollections).toBeGreaterThanOrEqual(equal.medianCollections);
    expect(awards.medianCollections).toBeGreaterThan(equal.medianCollections * 1.03);
  });
  it('effort follows the same order', () => {
    expect(awards.meanEffort).toBeGreaterThan(double.meanEffort);
    expect(double.meanEffort).toBeGreaterThan(single.meanEffort);
    expect(single.meanEffort).toBeGreaterThanOrEqual(equal.meanEffort);
  });
  it('the equal split gets worse as the team grows (free-riding)', () => {
    // The same department per person: a smaller team gets a book, a plan and a deductible
    // scaled to its hours, so only each one's share of the pool differs (not, say, a
    // deductible the smaller team cannot reach on duty).
    const team = (people: number) =>
      loadScenario('team-split.json', (s) => {
        const hours = (p: { workShare?: number }[]) => p.reduce((sum, x) => sum + (x.workShare ?? 1), 0);
        const k = hours(s.staff.slice(0, people)) / hours(s.staff);
        const scaled = (x: string) => String(Math.round(Number(x) * k)) as typeof x;
        s.staff = s.staff.slice(0, people);
        s.clients.count = Math.round(s.clients.count * k);
        s.clients.monthlyVolume = scaled(s.clients.monthlyVolume);
        s.company.plan = scaled(s.company.plan);
        s.schemes = s.schemes.filter((x) => x.id === 'equal');
        const f = s.schemes[0].formula;
        if (f.type === 'threshold') f.threshold = scaled(f.threshold);
        s.baseline = 'equal';
      });
    const small = measure(team(4), 30)[0];
    const large = measure(team(7), 30)[0];
    expect(large.meanEffort).toBeLessThan(small.meanEffort);
  });
});
