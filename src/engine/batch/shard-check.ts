/**
 * A shard's summaries checked as strictly as a scenario, before they are merged: every
 * number where the accumulator's state (accumulator.ts, scheme-sketches.ts,
 * quantile-sketch.ts) has one, counts whole and not negative, lists of the lengths the
 * scenario implies, sketches that hold as many values as they say. A hand-edited or
 * damaged shard is refused with the file and the path (`state.schemes[0].state.planMet:
 * must be a whole number from 0 to 24, got -5`) instead of merging into a negative share,
 * a null mean or a shifted quantile.
 */
import type { Scenario } from '../scenario/types.ts';
import { DAYS_IN_MONTH_SLOTS } from '../run/run-result.ts';
import { DAY_ROWS, SUMMED_KEYS } from '../run/metrics.ts';
import { MONTHLY_METRICS, MONTH_RATIOS, MONTH_SERIES, PER_RUN, TOTAL_METRICS } from '../results/scheme-sketches.ts';
import { EXACT_DISTINCT, MAX_BUCKETS } from '../results/quantile-sketch.ts';

/**
 * No number a run leaves in the summaries comes near this (money is at most 10^13 a
 * month); beyond it, merging a million runs could overflow to Infinity. Sums of many
 * values (exact-sum partials) get more room.
 */
const MAX_MAGNITUDE = 1e18;
const MAX_SUM_MAGNITUDE = 1e30;

/** At most this many problems are listed; the rest are counted. */
const MAX_PROBLEMS = 20;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

/** What a value is, briefly and printably, for a message. */
function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return Array.isArray(v) ? 'a list' : 'an object';
}

function daysOfHorizon(startMonth: string, months: number): number {
  const [y, m] = startMonth.split('-').map(Number);
  let days = 0;
  for (let k = 0; k < months; k++) days += new Date(Date.UTC(y, m - 1 + k + 1, 0)).getUTCDate();
  return days;
}

class Checker {
  readonly problems: string[] = [];
  dropped = 0;

  fail(path: string, reason: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(`${path}: ${reason}`);
    else this.dropped++;
  }

  object(v: unknown, path: string): Obj | undefined {
    if (isObj(v)) return v;
    this.fail(path, `must be an object, got ${shown(v)}`);
    return undefined;
  }

  list(v: unknown, path: string, length?: number): unknown[] | undefined {
    if (!Array.isArray(v)) {
      this.fail(path, `must be a list, got ${shown(v)}`);
      return undefined;
    }
    if (length !== undefined && v.length !== length) {
      this.fail(path, `must hold ${length} entries, holds ${v.length}`);
      return undefined;
    }
    return v;
  }

  whole(v: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    this.fail(path, min === max ? `must be ${min}, got ${shown(v)}` : `must be a whole number from ${min} to ${max}, got ${shown(v)}`);
    return undefined;
  }

  finite(v: unknown, path: string, max = MAX_MAGNITUDE): number | undefined {
    if (typeof v === 'number' && Math.abs(v) <= max) return v;
    this.fail(path, `must be a finite number of at most ${max.toExponential().replace("+", "")} in size, got ${shown(v)}`);
    return undefined;
  }

  finites(v: unknown, path: string, length?: number, max = MAX_MAGNITUDE): number[] | undefined {
    const list = this.list(v, path, length);
    if (!list) return undefined;
    const bad = list.findIndex((x) => typeof x !== 'number' || !(Math.abs(x) <= max));
    if (bad >= 0) {
      this.fail(`${path}[${bad}]`, `must be a finite number of at most ${max.toExponential().replace("+", "")} in size, got ${shown(list[bad])}`);
      return undefined;
    }
    return list as number[];
  }

  /** A list of whole counts ≥ `min`; returns their sum. */
  counts(v: unknown, path: string, min: number, maxLength: number): number | undefined {
    const list = this.list(v, path);
    if (!list) return undefined;
    if (list.length > maxLength) {
      this.fail(path, `holds ${list.length} entries, at most ${maxLength}`);
      return undefined;
    }
    let sum = 0;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (typeof c !== 'number' || !Number.isInteger(c) || c < min || c > 0xffffffff) {
        this.fail(`${path}[${i}]`, `must be a whole number of ${min} or more, got ${shown(c)}`);
        return undefined;
      }
      sum += c;
    }
    return sum;
  }

  /**
   * A QuantileSketch state (quantile-sketch.ts) holding `count` values (`atMost`: up to
   * `count`). Runs yield finite values only, so a sum or a bound of null is damage.
   */
  sketch(v: unknown, path: string, count: number, atMost = false): void {
    const o = this.object(v, path);
    if (!o) return;
    const n = atMost ? this.whole(own(o, 'count'), `${path}.count`, 0, count) : this.whole(own(o, 'count'), `${path}.count`, count, count);
    if (n === undefined) return;
    if (own(o, 'nonFinite') !== undefined) this.whole(own(o, 'nonFinite'), `${path}.nonFinite`, 0, 0);
    this.finites(own(o, 'sum'), `${path}.sum`, undefined, MAX_SUM_MAGNITUDE);
    let min: number | undefined;
    let max: number | undefined;
    if (n > 0) {
      min = this.finite(own(o, 'min'), `${path}.min`);
      max = this.finite(own(o, 'max'), `${path}.max`);
      if (min !== undefined && max !== undefined && min > max) this.fail(`${path}.min`, `${min} is above max ${max}`);
    } else {
      for (const k of ['min', 'max']) if (own(o, k) !== null) this.fail(`${path}.${k}`, `must be null for an empty series, got ${shown(own(o, k))}`);
    }
    const exact = own(o, 'values') !== undefined || own(o, 'counts') !== undefined;
    const buckets = own(o, 'pos') !== undefined || own(o, 'neg') !== undefined || own(o, 'zero') !== undefined;
    if (exact === buckets) {
      this.fail(path, exact ? 'holds both exact values and buckets' : 'holds neither exact values nor buckets');
      return;
    }
    let held: number | undefined;
    if (exact) {
      const values = this.finites(own(o, 'values'), `${path}.values`);
      if (!values) return;
      if (values.length > EXACT_DISTINCT) return this.fail(`${path}.values`, `holds ${values.length} distinct values, at most ${EXACT_DISTINCT}`);
      for (let i = 1; i < values.length; i++) {
        if (!(values[i - 1] < values[i])) return this.fail(`${path}.values[${i}]`, `${values[i]} does not follow ${values[i - 1]} in ascending order`);
      }
      if (values.length > 0 && min !== undefined && max !== undefined && (values[0] !== min || values[values.length - 1] !== max)) {
        this.fail(`${path}.values`, `run from ${values[0]} to ${values[values.length - 1]}, but min and max say ${min} and ${max}`);
      }
      if (this.list(own(o, 'counts'), `${path}.counts`, values.length)) held = this.counts(own(o, 'counts'), `${path}.counts`, 1, EXACT_DISTINCT);
    } else {
      const zero = this.whole(own(o, 'zero'), `${path}.zero`, 0, 0xffffffff);
      let total = zero;
      for (const side of ['pos', 'neg']) {
        const s = own(o, side);
        if (s === null) continue;
        const b = this.object(s, `${path}.${side}`);
        if (!b) return;
        this.whole(own(b, 'from'), `${path}.${side}.from`, -1_000_000, 1_000_000);
        const sum = this.counts(own(b, 'counts'), `${path}.${side}.counts`, 0, MAX_BUCKETS);
        total = total === undefined || sum === undefined ? undefined : total + sum;
      }
      held = total;
    }
    if (held !== undefined && held !== n) this.fail(path, `holds ${held} values, but its count says ${n}`);
  }

  /** An object with exactly the series `keys`, each a sketch of `count` values. */
  series(v: unknown, path: string, keys: readonly string[], count: number, atMost: readonly string[] = []): void {
    const o = this.object(v, path);
    if (!o) return;
    for (const k of Object.keys(o)) if (!keys.includes(k)) this.fail(`${path}.${k}`, 'is not a series of this paybench');
    for (const k of keys) this.sketch(own(o, k), `${path}.${k}`, count, atMost.includes(k));
  }

  /** One scheme's SchemeState (scheme-sketches.ts). */
  scheme(v: unknown, path: string, scenario: Scenario): void {
    const o = this.object(v, path);
    if (!o) return;
    const { runs: totalRuns, months: horizon, startMonth } = scenario.simulation;
    const staff = scenario.staff.length;
    const ranges = this.list(own(o, 'runs'), `${path}.runs`);
    if (!ranges) return;
    let held = 0;
    let at = 0;
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i];
      const p = `${path}.runs[${i}]`;
      if (!Array.isArray(r) || r.length !== 2 || !Number.isInteger(r[0]) || !Number.isInteger(r[1]) || r[0] < at || r[1] <= r[0] || r[1] > totalRuns) {
        return this.fail(p, `must be a range [from, to) of runs, ascending, within 0..${totalRuns}, got ${JSON.stringify(r)?.slice(0, 40)}`);
      }
      held += r[1] - r[0];
      at = r[1];
    }
    if (held === 0) return this.fail(`${path}.runs`, 'holds no runs');
    const months = this.whole(own(o, 'months'), `${path}.months`, horizon, horizon);
    const days = this.whole(own(o, 'days'), `${path}.days`, daysOfHorizon(startMonth, horizon), daysOfHorizon(startMonth, horizon));
    const runMonths = this.whole(own(o, 'runMonths'), `${path}.runMonths`, held * horizon, held * horizon);
    this.whole(own(o, 'planMet'), `${path}.planMet`, 0, held * horizon);
    if (months === undefined || days === undefined || runMonths === undefined) return;
    const perRun = this.object(own(o, 'perRun'), `${path}.perRun`);
    if (perRun) for (const k of PER_RUN) this.finites(own(perRun, k), `${path}.perRun.${k}`, held);
    this.series(own(o, 'monthlyMetrics'), `${path}.monthlyMetrics`, MONTHLY_METRICS, runMonths);
    this.series(own(o, 'totals'), `${path}.totals`, TOTAL_METRICS, held);
    const people = this.list(own(o, 'staff'), `${path}.staff`, staff);
    people?.forEach((p, i) => {
      const q = this.object(p, `${path}.staff[${i}]`);
      if (!q) return;
      this.sketch(own(q, 'pay'), `${path}.staff[${i}].pay`, runMonths);
      this.sketch(own(q, 'bonus'), `${path}.staff[${i}].bonus`, runMonths);
      this.sketch(own(q, 'payTotal'), `${path}.staff[${i}].payTotal`, held);
    });
    // Day rows: a carried series holds every run-month, the others the run-months with a positive value.
    const byDay = this.object(own(o, 'byDay'), `${path}.byDay`);
    if (byDay) {
      const keys = DAY_ROWS.map((r) => r.key as string);
      for (const k of Object.keys(byDay)) if (!keys.includes(k)) this.fail(`${path}.byDay.${k}`, 'is not a series of this paybench');
      for (const row of DAY_ROWS) {
        const p = `${path}.byDay.${row.key}`;
        this.list(own(byDay, row.key), p, DAYS_IN_MONTH_SLOTS)?.forEach((s, d) => this.sketch(s, `${p}[${d}]`, runMonths, !row.carry));
      }
    }
    this.list(own(o, 'cashDaily'), `${path}.cashDaily`, days)?.forEach((s, d) => this.sketch(s, `${path}.cashDaily[${d}]`, held));
    this.list(own(o, 'monthly'), `${path}.monthly`, months)?.forEach((m, k) =>
      this.series(m, `${path}.monthly[${k}]`, [...MONTH_SERIES, ...MONTH_RATIOS], held, MONTH_RATIOS),
    );
    this.list(own(o, 'coverMatrix'), `${path}.coverMatrix`, staff * staff)?.forEach((cell, k) => this.finites(cell, `${path}.coverMatrix[${k}]`, undefined, MAX_SUM_MAGNITUDE));
    const sums = this.object(own(o, 'sums'), `${path}.sums`);
    if (sums) for (const k of SUMMED_KEYS) this.finites(own(sums, k), `${path}.sums.${k}`, undefined, MAX_SUM_MAGNITUDE);
  }
}

/**
 * The problems of a shard document's generator and summaries (`state`), read against its
 * (already validated) scenario; an empty list when it can be merged.
 */
export function shardStateProblems(doc: Obj, scenario: Scenario): string[] {
  const c = new Checker();
  const generator = own(doc, 'generator');
  // eslint-disable-next-line no-control-regex
  if (typeof generator !== 'string' || generator.length === 0 || generator.length > 100 || /[\u0000-\u001f\u007f-\u009f]/.test(generator)) {
    c.fail('generator', `must be a name such as "paybench 0.1.0", got ${shown(generator)}`);
  }
  const state = c.object(own(doc, 'state'), 'state');
  if (state) {
    const plan = c.finite(own(state, 'plan'), 'state.plan');
    if (plan !== undefined && plan !== Number(scenario.company.plan)) c.fail('state.plan', `must be the scenario's plan ${scenario.company.plan}, got ${plan}`);
    const schemes = c.list(own(state, 'schemes'), 'state.schemes');
    const seen = new Set<number>();
    schemes?.forEach((entry, i) => {
      const p = `state.schemes[${i}]`;
      const e = c.object(entry, p);
      if (!e) return;
      const index = c.whole(own(e, 'schemeIndex'), `${p}.schemeIndex`, 0, scenario.schemes.length - 1);
      if (index !== undefined && seen.has(index)) c.fail(`${p}.schemeIndex`, `scheme ${index} is listed twice`);
      if (index !== undefined) seen.add(index);
      c.scheme(own(e, 'state'), `${p}.state`, scenario);
    });
  }
  if (c.dropped > 0) c.problems.push(`… and ${c.dropped} more`);
  return c.problems;
}
