/** When the answer is settled (batch/converge.ts), and a run that stops there (paybench run --until-converged). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkpoints, likelyAhead, likelySettlingStep, precision, settling } from '../../../src/engine/batch/converge.ts';
import type { ResultsJson } from '../../../src/engine/index.ts';
import { main, type CliIo } from '../../../src/cli/main.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function results(runs: number, diffs: Record<string, [number, number]>, profits: Record<string, number>): ResultsJson {
  return {
    scenario: { runs },
    baseline: 'a',
    schemes: Object.entries(profits).map(([id, p50]) => ({
      id,
      metrics: { profitTotal: { p50 } },
      vsBaseline: diffs[id] ? { profitDiff: { meanLow: diffs[id][0], meanHigh: diffs[id][1] } } : null,
    })),
  } as unknown as ResultsJson;
}

describe('settling', () => {
  it('reads the answer every 100 runs up to 1,000, then every tenth of the runs made, up to the maximum', () => {
    expect(checkpoints(1000)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(checkpoints(100)).toEqual([100]);
    expect(checkpoints(50)).toEqual([50]);
    expect(checkpoints(250)).toEqual([100, 200, 250]);
    expect(checkpoints(3000).slice(9)).toEqual([1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2200, 2400, 2600, 2800, 3000]);
  });

  it('never reads more than a tenth past a step, nor steps below the first, at any maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 1, max: 500 }), (max, first) => {
        const steps = checkpoints(max, first);
        expect(steps.at(-1)).toBe(max);
        for (let k = 1; k < steps.length; k++) {
          expect(steps[k]).toBeGreaterThan(steps[k - 1]);
          const gap = steps[k] - steps[k - 1];
          // A step is `first`, or at most a tenth of the runs made; every step but the last is whole `first`s.
          expect(gap <= first || gap <= steps[k - 1] / 10).toBe(true);
        }
        for (const step of steps.slice(0, -1)) expect(step % first).toBe(0);
      }),
    );
  });

  it('is settled when every interval is narrow against profit and the ranking held since the step before', () => {
    const wide = results(100, { b: [10, 30] }, { a: 100, b: 120 });
    const narrow = results(200, { b: [19, 20] }, { a: 100, b: 120 });
    expect(precision(wide).widest).toBeCloseTo(20 / 120);
    expect(settling(narrow, null).settled).toBe(false); // nothing to compare the ranking with yet
    expect(settling(narrow, precision(wide)).settled).toBe(true);
    const flipped = results(400, { b: [-0.5, 0.5] }, { a: 100, b: 99 });
    expect(settling(flipped, precision(narrow)).settled).toBe(false);
  });

  it('foresees the step where an interval narrowing as 1/√runs gets within the tolerance', () => {
    // 3% of profit at 100 runs, 2% asked: (3/2)² × 100 = 225 runs, so the step of 300.
    const at100 = settling(results(100, { b: [0, 3] }, { a: 100, b: 90 }), null, 0.02);
    expect(likelySettlingStep(at100, 1000, 0.02)).toBe(300);
    // Within it already but unconfirmed (no step before): the next step, where the ranking is read again.
    const unconfirmed = settling(results(100, { b: [0, 1] }, { a: 100, b: 90 }), null, 0.02);
    expect(likelySettlingStep(unconfirmed, 1000, 0.02)).toBe(200);
    // Exactly on a step: that step. Beyond the runs set: the last run. Settled: where it is.
    expect(likelySettlingStep(settling(results(100, { b: [0, 4] }, { a: 100, b: 90 }), null, 0.02), 1000, 0.02)).toBe(400);
    expect(likelySettlingStep(settling(results(100, { b: [0, 10] }, { a: 100, b: 90 }), null, 0.02), 1000, 0.02)).toBe(1000);
    const settled = settling(results(200, { b: [0, 1] }, { a: 100, b: 90 }), precision(results(100, { b: [0, 3] }, { a: 100, b: 90 })), 0.02);
    expect(settled.settled).toBe(true);
    expect(likelySettlingStep(settled, 1000, 0.02)).toBe(200);
    // No interval yet (one scheme): nothing foreseen.
    expect(likelySettlingStep(settling(results(100, {}, { a: 100 }), null, 0.02), 1000, 0.02)).toBeNull();
  });
});

describe('paybench run --until-converged', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    const written: Record<string, string> = {};
    const it: CliIo = {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      readFile: async (p) => readFileSync(p, 'utf8'),
      writeFile: async (p, d) => void (written[p] = d),
      cwd: root,
      cpus: 2,
      isTTY: false,
    };
    return { it, err, written };
  };

  it('stops at a step once settled, with the same numbers for one worker or two', async () => {
    const texts: string[] = [];
    for (const workers of ['1', '2']) {
      const t = io();
      const code = await main(['run', 'scenarios/client-department.json', '--runs', '400', '--months', '2', '--until-converged', '--tolerance', '0.5', '--workers', workers, '--quiet', '--json', 'r.json'], t.it);
      expect(code).toBe(0);
      expect(t.err.join('')).toMatch(/settled at 200 runs/);
      texts.push(t.written[root + 'r.json']);
      expect(JSON.parse(texts[texts.length - 1]).scenario.runs).toBe(200);
    }
    expect(texts[0]).toBe(texts[1]);
  });
});

describe('a forecast while the runs have not passed its step', () => {
  it('holds up to its step (then only the step is left to read) and not past it', () => {
    const likely = { runs: 400, total: 1200, everyRun: false };
    expect(likelyAhead(likely, 0)).toBe(likely);
    expect(likelyAhead(likely, 1200)).toBe(likely);
    expect(likelyAhead(likely, 1201)).toBeNull();
    expect(likelyAhead(null, 10)).toBeNull();
  });
});
