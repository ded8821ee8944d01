/**
 * The owner's answer at a glance, read from the results contract: for each scheme its
 * profit a year with the paired difference to the baseline (median, 90% interval, share
 * of runs better), the worst-day cash gap of a typical month over the whole month and in
 * mid-month, the plan met, the bonus budget a year and each person's median pay with its
 * change against the baseline. No figure is written in: each is a median or share of the
 * runs, scaled from the horizon to a year where it is a total.
 */
import type { ResultsJson, SchemeResults } from '../engine/index.ts';

export interface PersonAtGlance {
  id: string;
  name: string;
  /** Median monthly pay, salary + bonus. */
  pay: number | null;
  /** Against the same person's median under the baseline (null for the baseline itself). */
  change: number | null;
  /** The change is below what the quantiles can tell apart (their error bound, both sides). */
  within: boolean;
}

export interface SchemeAtGlance {
  id: string;
  name: string;
  isBaseline: boolean;
  runs: number;
  profitYear: number | null;
  /** Paired difference of profit a year to the baseline: median and 90% interval. */
  diffYear: { median: number; p5: number; p95: number } | null;
  shareBetter: number | null;
  /** Median worst-day gap of a month: over the whole month, and on days 11–25. */
  gapWhole: number | null;
  gapMid: number | null;
  /** The quantiles of the mid-month gap that are zero: months without one, at least this share. */
  noMidGapShare: number | null;
  planMet: number | null;
  bonusYear: number | null;
  people: PersonAtGlance[];
}

export interface Glance {
  baseline: SchemeAtGlance | null;
  schemes: SchemeAtGlance[];
  months: number;
  runs: number;
}

const yearOf = (x: number | null, months: number) => (x === null ? null : x * (12 / months));

/** The largest p for which the p-quantile is 0 (0.95, 0.75, 0.5, 0.25, 0.05), or 0. */
function zeroShare(d: SchemeResults['metrics']['maxCashGapMidMonth']): number | null {
  if (d.p50 === null) return null;
  const levels: [keyof typeof d, number][] = [['p95', 0.95], ['p75', 0.75], ['p50', 0.5], ['p25', 0.25], ['p5', 0.05]];
  for (const [k, p] of levels) if (d[k] === 0) return p;
  return 0;
}

export function glanceOf(results: ResultsJson): Glance {
  const months = results.scenario.months;
  const relative = results.quantileError?.relative ?? 0;
  const base = results.schemes.find((s) => s.id === results.baseline);
  const basePay = new Map(base?.staff.map((p) => [p.id, p.pay.p50]) ?? []);
  const schemes = results.schemes.map((s): SchemeAtGlance => {
    const isBaseline = s.id === results.baseline;
    const vs = isBaseline ? null : s.vsBaseline;
    const d = vs?.profitDiff;
    return {
      id: s.id,
      name: s.name,
      isBaseline,
      runs: s.runs,
      profitYear: yearOf(s.metrics.profitTotal.p50, months),
      diffYear: d && d.median !== null && d.p5 !== null && d.p95 !== null ? { median: yearOf(d.median, months)!, p5: yearOf(d.p5, months)!, p95: yearOf(d.p95, months)! } : null,
      shareBetter: vs?.shareBetter ?? null,
      gapWhole: s.metrics.maxCashGapMonthly.p50,
      gapMid: s.metrics.maxCashGapMidMonth.p50,
      noMidGapShare: zeroShare(s.metrics.maxCashGapMidMonth),
      planMet: s.planMetShare,
      bonusYear: yearOf(s.metrics.bonusTotal.p50, months),
      people: s.staff.map((p) => {
        const before = isBaseline ? null : basePay.get(p.id) ?? null;
        const pay = p.pay.p50;
        const change = pay !== null && before !== null && before !== undefined ? pay - before : null;
        // Quantiles past 256 distinct values are within `relative` of their value: a smaller change is noise.
        const within = change !== null && Math.abs(change) <= relative * (Math.abs(pay!) + Math.abs(before!));
        return { id: p.id, name: p.name, pay, change, within };
      }),
    };
  });
  return { baseline: schemes.find((s) => s.isBaseline) ?? null, schemes, months, runs: results.scenario.runs };
}
