/**
 * Reads the phenomena of MODEL.md §2 off simulated runs: per scheme, the statistics the
 * article argues from (collections, plan met, the mid-month cash gap, how much of the
 * plan is in by day 15, when effort peaks). Nothing here feeds back into the runs.
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/engine/scenario/parse.ts';
import { compileModel, type Model } from '../../src/engine/model/model.ts';
import { simulateRun } from '../../src/engine/run/simulate.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';

export interface SchemeStats {
  id: string;
  medianCollections: number;
  planMetShare: number;
  medianMidMonthGap: number;
  medianShareBy15: number;
  /** Share of months with at least half the plan in by day 15. */
  halfBy15Share: number;
  /** Mean effort by day of month (1..31 → index 0..30), over days when someone worked. */
  effortByDay: number[];
  meanEffort: number;
}

export function loadScenario(file: string, patch?: (s: Scenario) => void): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  patch?.(parsed.scenario);
  return parsed.scenario;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function measure(scenario: Scenario, runs: number): SchemeStats[] {
  const model: Model = compileModel(scenario);
  return model.schemes.map((s, schemeIndex) => {
    const collections: number[] = [];
    const gaps: number[] = [];
    const by15: number[] = [];
    const effort = new Float64Array(31);
    const days = new Float64Array(31);
    let effortSum = 0;
    let effortN = 0;
    for (let run = 0; run < runs; run++) {
      const r = simulateRun(model, schemeIndex, run);
      for (let m = 0; m < r.months; m++) {
        collections.push(r.collections[m]);
        gaps.push(r.maxCashGapMid[m]);
        by15.push(r.collectedByDay[m * 31 + 14] / model.plan);
        for (let d = 0; d < 31; d++) {
          const e = r.effortByDay[m * 31 + d];
          if (e > 0) {
            effort[d] += e;
            days[d]++;
            effortSum += e;
            effortN++;
          }
        }
      }
    }
    return {
      id: s.scheme.id,
      medianCollections: median(collections),
      planMetShare: collections.filter((c) => c >= model.plan).length / collections.length,
      medianMidMonthGap: median(gaps),
      medianShareBy15: median(by15),
      halfBy15Share: by15.filter((x) => x >= 0.5).length / by15.length,
      effortByDay: Array.from(effort, (e, d) => (days[d] ? e / days[d] : 0)),
      meanEffort: effortSum / Math.max(1, effortN),
    };
  });
}

export function byId(stats: SchemeStats[], id: string): SchemeStats {
  const s = stats.find((x) => x.id === id);
  if (!s) throw new Error(`no scheme ${id}`);
  return s;
}

/** Mean of effortByDay over days from..to (1-based, inclusive). */
export function meanEffort(s: SchemeStats, from: number, to: number): number {
  const xs = s.effortByDay.slice(from - 1, to);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
