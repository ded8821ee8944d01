/**
 * The metric registry (src/engine/run/metrics.ts) is the one list of what a run records
 * each month: the run record, the summaries and the contract all follow its rows.
 */
import { describe, expect, it } from 'vitest';
import { METRIC_ROWS, MONTHLY_RATIOS } from '../../../src/engine/run/metrics.ts';
import { allocateRunResult } from '../../../src/engine/run/recorder.ts';
import { ResultsAccumulator, buildResultsJson } from '../../../src/engine/results/summarize.ts';
import { fakeRun, fakeScenario } from '../../support/fake-run.ts';

describe('metric registry', () => {
  const scenario = fakeScenario(2);
  const acc = new ResultsAccumulator(scenario);
  for (let run = 0; run < 4; run++) for (let s = 0; s < 2; s++) acc.add(fakeRun(s, run));
  const results = buildResultsJson(scenario, acc);
  const [, second] = results.schemes;

  it('gives every row a series of one value per month in the run record', () => {
    const r = allocateRunResult(0, 0, 5, 150, 3) as unknown as Record<string, Float64Array>;
    for (const row of METRIC_ROWS) expect(r[row.key], row.key).toHaveLength(5);
  });

  it('names every distribution and total of a row in the contract’s metrics, in row order', () => {
    const names = [
      ...METRIC_ROWS.flatMap((r) => [r.monthly, r.perPlan].filter(Boolean)),
      ...METRIC_ROWS.flatMap((r) => (r.total ? [r.total] : [])),
    ];
    expect(Object.keys(second.metrics)).toEqual(names);
  });

  it('lists every by-month row (and each ratio after its row) in each month of the contract', () => {
    const keys = METRIC_ROWS.filter((r) => r.byMonth).flatMap((r) => [r.key, ...MONTHLY_RATIOS.filter((q) => q.after === r.key).map((q) => q.key)]);
    expect(Object.keys(second.monthly[0])).toEqual(['month', ...keys]);
  });

  it('pairs every paired row with the baseline, profit first', () => {
    const diffs = METRIC_ROWS.filter((r) => r.paired).map((r) => r.paired!.diff);
    expect(Object.keys(second.vsBaseline!)).toEqual(['runs', 'profitDiff', ...diffs.filter((d) => d !== 'profitDiff'), 'shareBetter']);
  });
});
