/**
 * P1–P3 of MODEL.md §2 on scenarios/client-department.json (article 002), seeded:
 * seed 20260 (the scenario's), 60 runs × 12 months per scheme, common random numbers.
 * The behaviour comes from the agents' rules only; these tests read it off the runs.
 * The expected ranges are MODEL.md's.
 */
import { describe, expect, it } from 'vitest';
import { byId, loadScenario, measure, meanEffort } from './measure.ts';

const RUNS = 60;
const stats = measure(loadScenario('client-department.json'), RUNS);
const linear = byId(stats, 'linear');
const threshold = byId(stats, 'threshold');
const tranches = byId(stats, 'tranches');

describe('P1 linear-bonus trap (seed 20260, 60 runs × 12 months)', () => {
  it('under 0.1% of collections the plan is met in at most 30% of months', () => {
    expect(linear.planMetShare).toBeLessThanOrEqual(0.3);
  });
  it('the threshold pool (C − 40M) × 0.5% brings median collections to at least 49M', () => {
    expect(threshold.medianCollections).toBeGreaterThanOrEqual(49e6);
  });
  it('linear median collections are at least 8% below the threshold scheme’s', () => {
    expect(linear.medianCollections).toBeLessThanOrEqual(threshold.medianCollections * 0.92);
  });
});

describe('P2 month-end crunch and cash gap (threshold scheme)', () => {
  it('effort after the 15th is well above effort in the first half', () => {
    // The first half is a normal day (effort 1): the crunch is the push above it.
    expect(meanEffort(threshold, 1, 12)).toBeLessThan(1.05);
    expect(meanEffort(threshold, 16, 26)).toBeGreaterThan(1.2 * meanEffort(threshold, 1, 12));
    expect(meanEffort(threshold, 21, 25)).toBeGreaterThan(1.3 * meanEffort(threshold, 1, 12));
  });
  it('less than 40% of the plan is in by day 15', () => {
    expect(threshold.medianShareBy15).toBeLessThan(0.4);
  });
  it('the median of the month’s largest mid-month (days 11–25) shortfall is at least 12M', () => {
    expect(threshold.medianMidMonthGap).toBeGreaterThanOrEqual(12e6);
  });
});

describe('P3 tranche gates cure the gap', () => {
  it('the median mid-month shortfall is under a third of the threshold scheme’s', () => {
    expect(tranches.medianMidMonthGap).toBeLessThan(threshold.medianMidMonthGap / 3);
  });
  it('at least half the plan is in by day 15 in most months', () => {
    expect(tranches.halfBy15Share).toBeGreaterThan(0.5);
  });
  it('median collections are at least the threshold scheme’s', () => {
    expect(tranches.medianCollections).toBeGreaterThanOrEqual(threshold.medianCollections);
  });
  it('effort in the first days is above the threshold team’s (billing rush)', () => {
    expect(meanEffort(tranches, 1, 10)).toBeGreaterThan(1.3 * meanEffort(threshold, 1, 10));
  });
});
