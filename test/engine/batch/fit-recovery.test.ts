/**
 * Parameter recovery: a history made by a department that is not the bundled one — more
 * client volume, slower self-payers, larger clients — is
 * fitted starting from the bundled scenario's defaults. The fitted scenario must then
 * predict what the true one gives for the schemes the history never showed: the other
 * schemes' collections within 5% and their mid-month cash gap within 15%, on a seed the
 * fit never saw.
 *
 * Seeds, runs and tolerances:
 * - the history: one run (index 0) of the true scenario under the threshold scheme, seed
 *   HISTORY_SEED, 36 months;
 * - the fit: 20 simulated histories per candidate, a budget of 120 candidates, the
 *   scenario's own seed for its runs (never HISTORY_SEED or CHECK_SEED);
 * - the check: CHECK_SEED, 150 runs × 12 months of each other scheme, true and fitted on
 *   the same runs. Collections: the median a month, |fitted ÷ true − 1| ≤ 5%. The
 *   mid-month gap: its mean over run-months (the tranches scheme cures the gap in most
 *   months, so its median is zero or nearly and 15% of it is no tolerance), |fitted −
 *   true| ≤ 15% of the true gap, and never tighter than 15% of a tenth of the plan.
 * The fit moves seven inputs, the cost of effort among them, though only three changed.
 * With 24 months of history instead of 36, the gap of the tranches scheme misses the 15%
 * on some history seeds (a shorter history says less); with the cost of effort changed
 * too (0.6 → 0.75), the tranches scheme's collections miss the 5% on one seed in three.
 *
 * Under the calibrated defaults (cost of effort 0.36, routine 58% of a normal day,
 * self-payers a fifth of the volume at 23 days), on history seeds 777–787 with these
 * tolerances: ten of eleven pass; 783 misses the linear scheme's collections (+6.2%). The tranches scheme's mid-month gap is near nothing, so its
 * check is the floor of 15% of a tenth of the plan, not 15% of the gap. The cost of effort
 * is searched over 0.2–2, near its foot at the defaults' 0.36. (Under the earlier defaults,
 * searched from a third to three times the scenario's own instead, fits slid along a ridge
 * — cost 0.08–0.12 with self-payers at 40 days — and seven of eleven passed.) A history under one scheme pins the cost of effort down loosely; the report's
 * note on one scheme says so. Tolerances and seed are those of the issue.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATOR, buildResultsJson, fitHistory, parseScenario, parseScenarioText, setPath, simulatedPayments } from '../../../src/engine/index.ts';
import type { History, Scenario } from '../../../src/engine/index.ts';
import { NodeWorkerRunner } from '../../../src/workers/node-worker-runner.ts';
import { createFitPool } from '../../../src/workers/fit-pool.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const HISTORY_SEED = 777;
const HISTORY_MONTHS = 36;
const CHECK_SEED = 424_242;
const CHECK_RUNS = 150;
const COLLECTIONS_TOLERANCE = 0.05;
const GAP_TOLERANCE = 0.15;
const SCHEME_IN_FORCE = 'threshold';

const CHANGED: [string, number][] = [
  ['clients.monthlyVolume', 62_000_000],
  ['clients.habits[selfPayer].medianDays', 14],
  ['clients.volumeSkew', 0.9],
];

function read(): Scenario {
  const parsed = parseScenarioText(readFileSync(`${ROOT}scenarios/client-department.json`, 'utf8'));
  if (!parsed.ok) throw new Error('client-department does not parse');
  return parsed.scenario;
}

function changed(s: Scenario, simulation: Partial<Scenario['simulation']> = {}): Scenario {
  const doc = JSON.parse(JSON.stringify(s)) as Scenario;
  for (const [path, value] of CHANGED) setPath(doc, path, value);
  const parsed = parseScenario({ ...doc, simulation: { ...doc.simulation, ...simulation } });
  if (!parsed.ok) throw new Error(parsed.errors[0].message);
  return parsed.scenario;
}

/** Collections (median a month) and the mid-month gap (mean) of the schemes other than the one in force, on the check's seed and runs. */
async function predict(s: Scenario, runner: NodeWorkerRunner): Promise<Record<string, { collections: number; gap: number }>> {
  const schemes = s.schemes.filter((x) => x.id !== SCHEME_IN_FORCE);
  const parsed = parseScenario({ ...s, schemes, baseline: schemes[0].id, simulation: { ...s.simulation, seed: CHECK_SEED, runs: CHECK_RUNS, months: 12 } });
  if (!parsed.ok) throw new Error(parsed.errors[0].message);
  const results = buildResultsJson(parsed.scenario, await runner.run(parsed.scenario), { generator: GENERATOR });
  return Object.fromEntries(results.schemes.map((r) => [r.id, { collections: r.metrics.collectionsMonthly.p50!, gap: r.metrics.maxCashGapMidMonth.mean! }]));
}

describe('a fit recovers a department from its history', () => {
  it('predicts the other schemes of the true department, not of the defaults', async () => {
    const defaults = read();
    const truth = changed(defaults, { seed: HISTORY_SEED, months: HISTORY_MONTHS });
    const payments = simulatedPayments(truth, SCHEME_IN_FORCE, 0);
    const history: History = {
      payments,
      clients: Array.from({ length: truth.clients.count }, (_, i) => `client ${i + 1}`),
      hasClients: true,
      excluded: { outgoing: 0, outgoingKopecks: 0, refunds: 0, refundKopecks: 0, skippedLines: 0, zero: 0 },
    };
    // Two threads, as on CI's two cores: the fit is the same on any number (fit-pool.ts).
    const pool = createFitPool({ workers: 2 });
    const runner = new NodeWorkerRunner({ workers: 2 });
    try {
      const fit = await fitHistory(defaults, history, { schemeId: SCHEME_IN_FORCE, runs: 20, budget: 120, checkRuns: 40, evaluate: pool.evaluate });
      await check(defaults, fit.scenario, runner);
    } finally {
      await pool.dispose();
      await runner.dispose();
    }
  }, 120_000);
});

async function check(defaults: Scenario, fitted: Scenario, runner: NodeWorkerRunner): Promise<void> {
  {
    const plan = Number(defaults.company.plan);
    const wanted = await predict(changed(defaults), runner);
    const got = await predict(fitted, runner);
    const before = await predict(defaults, runner);
    const others = Object.keys(wanted);
    expect(others.length).toBeGreaterThan(0);
    for (const id of others) {
      const t = wanted[id];
      const f = got[id];
      expect(Math.abs(f.collections / t.collections - 1), `${id} collections: fitted ${f.collections}, true ${t.collections}`).toBeLessThanOrEqual(COLLECTIONS_TOLERANCE);
      expect(Math.abs(f.gap - t.gap), `${id} mid-month gap: fitted ${f.gap}, true ${t.gap}`).toBeLessThanOrEqual(GAP_TOLERANCE * Math.max(t.gap, plan / 10));
    }
    // The test can fail: the defaults themselves miss the true department's collections.
    expect(others.some((id) => Math.abs(before[id].collections / wanted[id].collections - 1) > COLLECTIONS_TOLERANCE)).toBe(true);
  }
}
