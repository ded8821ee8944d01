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
    const small = measure(
      loadScenario('team-split.json', (s) => {
        s.staff = s.staff.slice(0, 4);
        s.schemes = s.schemes.filter((x) => x.id === 'equal');
        s.baseline = 'equal';
      }),
      30,
    )[0];
    const large = measure(
      loadScenario('team-split.json', (s) => {
        s.schemes = s.schemes.filter((x) => x.id === 'equal');
        s.baseline = 'equal';
      }),
      30,
    )[0];
    expect(large.meanEffort).toBeLessThan(small.meanEffort);
  });
});
