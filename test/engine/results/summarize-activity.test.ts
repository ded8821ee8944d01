/**
 * The month series of the sales, star, absence and attrition modules in the results JSON:
 * median and exact mean over runs per month, inbound conversion per run-month (months
 * without requests skipped), clients taken per departure over all runs; the same for any
 * arrival order or merge split.
 */
import { describe, expect, it } from 'vitest';
import { ResultsAccumulator, buildResultsJson, resultsJsonText } from '../../../src/engine/results/summarize.ts';
import type { RunResult } from '../../../src/engine/run/run-result.ts';
import { fakeRun, fakeScenario } from '../../support/fake-run.ts';

const scenario = fakeScenario(2);
const RUNS = 5;

/** Run r, month m: easy numbers to check by hand. */
function run(scheme: number, r: number): RunResult {
  const x = fakeRun(scheme, r);
  for (let m = 0; m < x.months; m++) {
    x.activeClients[m] = 100 + 10 * r + m;
    x.prospectingHours[m] = scheme === 0 ? 0 : 40 - 2 * r;
    x.serviceHours[m] = 100 + r;
    // month 0: no requests at all; month 1: r + 1 requests, one signed; month 2: requests only in run 0
    x.inboundRequests[m] = m === 0 ? 0 : m === 1 ? r + 1 : r === 0 ? 4 : 0;
    x.inboundSigned[m] = m === 0 ? 0 : m === 1 ? 1 : r === 0 ? 3 : 0;
    x.starLevel[m] = 0.1 * m;
    x.departures[m] = scheme === 0 ? 0 : m === 1 && r < 2 ? 1 : 0;
    x.clientsTaken[m] = scheme === 0 ? 0 : m === 1 && r < 2 ? 3 + r : 0;
    x.absentDays[m] = r === 4 ? 30 : 2;
  }
  return x;
}

const all: RunResult[] = [];
for (let r = 0; r < RUNS; r++) for (let s = 0; s < 2; s++) all.push(run(s, r));
const json = (results: RunResult[]) => buildResultsJson(scenario, new ResultsAccumulator(scenario).addAll(results));

describe('activity, inbound and workforce series by month', () => {
  const res = json(all);
  const [a, b] = res.schemes;

  it('gives the median and the exact mean over runs for each month', () => {
    expect(a.monthly[2].activeClients).toEqual({ median: 122, mean: 122 });
    expect(b.monthly[0].prospectingHours).toEqual({ median: 36, mean: 36 });
    expect(a.monthly[0].prospectingHours).toEqual({ median: 0, mean: 0 });
    expect(a.monthly[1].serviceHours).toEqual({ median: 102, mean: 102 });
    expect(a.monthly[2].starLevel).toEqual({ median: 0.2, mean: 0.2 });
    expect(a.monthly[0].absentDays).toEqual({ median: 2, mean: 7.6 });
    expect(b.monthly[1].departures).toEqual({ median: 0, mean: 0.4 });
    expect(b.monthly[1].clientsTaken).toEqual({ median: 0, mean: 1.4 });
  });

  it('reads inbound conversion per run-month and skips months without requests', () => {
    expect(a.monthly[0].inboundConversion).toEqual({ median: null, mean: null });
    // 1/1, 1/2, 1/3, 1/4, 1/5
    expect(a.monthly[1].inboundConversion.median).toBeCloseTo(1 / 3, 6);
    expect(a.monthly[1].inboundConversion.mean).toBeCloseTo((1 + 1 / 2 + 1 / 3 + 1 / 4 + 1 / 5) / 5, 6);
    expect(a.monthly[2].inboundConversion).toEqual({ median: 0.75, mean: 0.75 });
  });

  it('divides clients taken by departures over all runs, null without departures', () => {
    expect(a.clientsTakenPerDeparture).toBeNull();
    expect(b.clientsTakenPerDeparture).toBe(3.5); // (3 + 4) / 2
  });

  it('is the same JSON for any arrival order and merge split', () => {
    const reference = resultsJsonText(res);
    expect(resultsJsonText(json([...all].reverse()))).toBe(reference);
    const left = new ResultsAccumulator(scenario).addAll(all.filter((_, i) => i % 3 === 0));
    const right = () => new ResultsAccumulator(scenario).addAll(all.filter((_, i) => i % 3 !== 0));
    const state = ResultsAccumulator.fromState(JSON.parse(JSON.stringify(left.toState())));
    expect(resultsJsonText(buildResultsJson(scenario, right().merge(left)))).toBe(reference);
    expect(resultsJsonText(buildResultsJson(scenario, state.merge(right())))).toBe(reference);
  });
});
