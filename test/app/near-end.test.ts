/**
 * No partial picture when the whole answer is likely in within NEAR_END_MS
 * (comparison.svelte.ts): it would be replaced as soon as it is read, and gathering it takes
 * a worker from the runs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NEAR_END_MS, likelyNearEnd } from '../../src/app/comparison.svelte.ts';

describe('a partial picture close to the answer', () => {
  it('is left out when the answer is likely less than a second and a half away at the pace so far', () => {
    // A shared edit of 3 schemes likely settling at 400 runs (1,200 scheme-runs): 550 in at 600 ms leaves about 0.7 s.
    expect(likelyNearEnd(600, 550, 3000, { total: 1200 })).toBe(true);
    // No step read yet: every run of 1,000 still to come, about 2.7 s away.
    expect(likelyNearEnd(600, 550, 3000, null)).toBe(false);
    // A long run (60,000 scheme-runs) is never near until its last second and a half.
    expect(likelyNearEnd(10_000, 6000, 60_000, null)).toBe(false);
    expect(likelyNearEnd(99_500, 59_700, 60_000, null)).toBe(true);
  });

  it('is near once every run below the likely step is in, however early: only the step is left to read', () => {
    expect(likelyNearEnd(300, 1200, 3000, { total: 1200 })).toBe(true);
    expect(likelyNearEnd(5000, 1200, 3000, { total: 1200 })).toBe(true);
  });

  it('measures to the last run once the runs have passed the likely step unsettled', () => {
    expect(likelyNearEnd(1300, 1260, 3000, { total: 1200 })).toBe(false);
    expect(likelyNearEnd(1300, 2900, 3000, { total: 1200 })).toBe(true);
  });

  it('knows nothing before the first runs are in', () => {
    expect(likelyNearEnd(300, 0, 1200, null)).toBe(false);
    expect(likelyNearEnd(300, 0, 3000, { total: 1200 })).toBe(false);
  });

  it('comes nearer as the work is done, at a steady pace', () => {
    // Whole milliseconds per scheme-run: the pace read back is exact, so the bound is too.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (msPerJob, a, b) => {
        const total = 100_000;
        const [early, late] = a <= b ? [a, b] : [b, a];
        // Whatever is near at the earlier count is near at the later one.
        if (likelyNearEnd(early * msPerJob, early, total, null)) expect(likelyNearEnd(late * msPerJob, late, total, null)).toBe(true);
        // Near means within NEAR_END_MS of the end at that pace.
        expect(likelyNearEnd(late * msPerJob, late, total, null)).toBe((total - late) * msPerJob < NEAR_END_MS);
      }),
    );
  });
});
