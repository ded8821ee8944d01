/**
 * What the optimiser maximises and the limits it keeps, named as the results contract
 * names them (results-json.ts), relative to one scheme's results:
 *
 *   profitTotal.p50            a metric's mean or quantile (mean, p5, p10, p25, p50, p75, p90, p95)
 *   maxCashGapMidMonth.p90     the worst mid-month gap of nine months out of ten
 *   staff.masha.pay.p50        a person's pay, bonus or payTotal; staff.* — everyone, one limit each
 *   vsBaseline.profit.p50      paired with the start, run by run (profit, collections, maxCashGapMid;
 *                              p50, p5, p95, mean, and meanLow/meanHigh: the mean's 90% interval),
 *                              and vsBaseline.shareBetter
 *   planMetShare               planMetShare, badDebtShare, lostClientsShareYear, bookTakenShare, coverShare
 *
 * A limit is `METRIC OP VALUE`: OP is <= or >=, VALUE a number (15000000, 15M, 500k, 90%) or
 * `start` — the start scheme's own figure on the same runs — optionally ± an amount or × a
 * factor (`start + 1M`, `start * 1.1`).
 */
import { METRIC_KEYS, METRIC_UNITS, type MetricKey, type Unit } from '../../run/metrics.ts';
import type { SchemeResults } from '../../results/results-json.ts';
import { fail } from './errors.ts';

export const STATS = ['mean', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
const PAIRED = { profit: 'profitDiff', collections: 'collectionsDiff', maxCashGapMid: 'maxCashGapMidDiff' } as const;
const PAIRED_STATS = { p50: 'median', median: 'median', p5: 'p5', p95: 'p95', mean: 'mean', meanLow: 'meanLow', meanHigh: 'meanHigh' } as const;
const SCHEME_SHARES = ['planMetShare', 'badDebtShare', 'lostClientsShareYear', 'bookTakenShare', 'coverShare'] as const;
const STAFF_FIELDS = ['pay', 'bonus', 'payTotal'] as const;

export interface Metric {
  /** As written, with `staff.*` spelled out: "staff.masha.pay.p50". */
  text: string;
  unit: Unit;
  /** Read from the paired differences with the start (the start must run beside the candidates). */
  paired: boolean;
  /** The value in a scheme's results; `isStart`: the start itself (a paired difference with itself is 0). */
  read(s: SchemeResults, isStart: boolean): number | null;
}

export type LimitOp = '<=' | '>=';
export type Bound = { kind: 'start'; offset: number; factor: number } | { kind: 'value'; value: number };

export interface Limit {
  metric: Metric;
  op: LimitOp;
  bound: Bound;
  /** As written, with `staff.*` spelled out. */
  text: string;
}

export interface Goal {
  maximise: Metric;
  limits: Limit[];
}

export const DEFAULT_MAXIMISE = 'profitTotal.p50';
export const DEFAULT_LIMITS = ['maxCashGapMidMonth.p90 <= start', 'staff.*.pay.p50 >= start'];

const num = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

const metricHelp = 'e.g. profitTotal.p50, maxCashGapMidMonth.p90, bonusTotal.mean, staff.masha.pay.p50, vsBaseline.profit.p50, planMetShare';
const metricHelpRu = 'например profitTotal.p50, maxCashGapMidMonth.p90, bonusTotal.mean, staff.masha.pay.p50, vsBaseline.profit.p50, planMetShare';

function unknownStat(text: string, stat: string, allowed: readonly string[]): never {
  fail(`${text}: "${stat}" is not one of ${allowed.join(', ')}`, `${text}: «${stat}» — не одно из ${allowed.join(', ')}`);
}

/** The metrics a name stands for (several for `staff.*`). */
export function parseMetric(text: string, staffIds: readonly string[]): Metric[] {
  const name = text.trim().replace(/^metrics\./, '');
  const parts = name.split('.');
  if (name === '' || parts.some((p) => p === '')) fail(`"${text}" is not a metric: ${metricHelp}`, `«${text}» — не показатель: ${metricHelpRu}`);
  const [head, ...rest] = parts;
  if ((METRIC_KEYS as readonly string[]).includes(head)) {
    const key = head as MetricKey;
    if (rest.length !== 1) fail(`${text}: name a statistic, e.g. ${key}.p50 or ${key}.mean`, `${text}: укажите статистику, например ${key}.p50 или ${key}.mean`);
    const stat = rest[0] === 'median' ? 'p50' : rest[0];
    if (!(STATS as readonly string[]).includes(stat)) unknownStat(text, rest[0], STATS);
    return [{ text: name, unit: METRIC_UNITS[key], paired: false, read: (s) => num(s.metrics[key]?.[stat as (typeof STATS)[number]]) }];
  }
  if ((SCHEME_SHARES as readonly string[]).includes(head) && rest.length === 0) {
    const key = head as (typeof SCHEME_SHARES)[number];
    return [{ text: name, unit: 'share', paired: false, read: (s) => num(s[key]) }];
  }
  if (head === 'staff') {
    const [who, field, statText] = rest;
    if (rest.length !== 3) fail(`${text}: write staff.ID.pay.p50 (or staff.*.pay.p50 for everyone)`, `${text}: пишите staff.ID.pay.p50 (или staff.*.pay.p50 — для всех)`);
    if (!(STAFF_FIELDS as readonly string[]).includes(field)) unknownStat(text, field, STAFF_FIELDS);
    const stat = statText === 'median' ? 'p50' : statText;
    if (!(STATS as readonly string[]).includes(stat)) unknownStat(text, statText, STATS);
    const ids = who === '*' ? staffIds : [who];
    if (who !== '*' && !staffIds.includes(who)) fail(`${text}: nobody with the id "${who}" on the staff (${staffIds.join(', ')})`, `${text}: в штате нет сотрудника «${who}» (${staffIds.join(', ')})`);
    return ids.map((id) => ({
      text: `staff.${id}.${field}.${statText}`,
      unit: 'roubles' as Unit,
      paired: false,
      read: (s: SchemeResults) => num(s.staff.find((p) => p.id === id)?.[field as (typeof STAFF_FIELDS)[number]][stat as (typeof STATS)[number]]),
    }));
  }
  if (head === 'vsBaseline') {
    if (rest.length === 1 && rest[0] === 'shareBetter') {
      return [{ text: name, unit: 'share', paired: true, read: (s, isStart) => (isStart ? 0 : num(s.vsBaseline?.shareBetter)) }];
    }
    const [what, statText] = rest;
    const diff = PAIRED[what as keyof typeof PAIRED] ?? (Object.values(PAIRED) as string[]).find((d) => d === what);
    if (rest.length !== 2 || !diff) fail(`${text}: write vsBaseline.profit.p50 (profit, collections or maxCashGapMid) or vsBaseline.shareBetter`, `${text}: пишите vsBaseline.profit.p50 (profit, collections или maxCashGapMid) или vsBaseline.shareBetter`);
    const stat = PAIRED_STATS[statText as keyof typeof PAIRED_STATS];
    if (!stat) unknownStat(text, statText, Object.keys(PAIRED_STATS));
    return [
      {
        text: name,
        unit: 'roubles',
        paired: true,
        read: (s, isStart) => (isStart ? 0 : num((s.vsBaseline as unknown as Record<string, Record<string, number | null>> | null)?.[diff]?.[stat])),
      },
    ];
  }
  return fail(`"${text}" is not a metric of the results: ${metricHelp}`, `«${text}» — не показатель результатов: ${metricHelpRu}`);
}

/** An amount as people type it: 15000000, 15e6, 15M, 1.5bn, 500k, 90% (= 0.9), 15_000_000. */
export function parseAmount(text: string): number | null {
  const m = /^([+-]?\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?)\s*(k|K|m|M|bn|%)?$/.exec(text.trim());
  if (!m) return null;
  const x = Number(m[1].replace(/_/g, ''));
  const scale = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, bn: 1e9, '%': 0.01 }[m[2] ?? ''] ?? 1;
  return Number.isFinite(x) ? Number((x * scale).toPrecision(15)) : null;
}

function parseBound(text: string, limit: string): Bound {
  const t = text.trim();
  const start = /^start\s*(?:([+\-*×])\s*(.+))?$/.exec(t);
  if (start) {
    if (start[1] === undefined) return { kind: 'start', offset: 0, factor: 1 };
    const amount = parseAmount(start[2]);
    if (amount === null) fail(`"${limit}": "${start[2]}" is not an amount`, `«${limit}»: «${start[2]}» — не число`);
    if (start[1] === '*' || start[1] === '×') return { kind: 'start', offset: 0, factor: amount };
    return { kind: 'start', offset: start[1] === '-' ? -amount : amount, factor: 1 };
  }
  const value = parseAmount(t);
  if (value === null) fail(`"${limit}": the limit must be a number (15000000, 15M, 90%) or start (start + 1M, start * 1.1)`, `«${limit}»: граница — число (15000000, 15M, 90%) или start (start + 1M, start * 1.1)`);
  return { kind: 'value', value };
}

/** Reads `METRIC OP VALUE` (several limits for `staff.*`). */
export function parseLimit(text: string, staffIds: readonly string[]): Limit[] {
  const m = /^(.+?)\s*(<=|>=|=<|=>|≤|≥|<|>)\s*(.+)$/.exec(text.trim());
  if (!m) fail(`"${text}": write METRIC OP VALUE, e.g. "maxCashGapMidMonth.p90 <= start" or "bonusTotal.p50 <= 1M"`, `«${text}»: пишите ПОКАЗАТЕЛЬ ЗНАК ЗНАЧЕНИЕ, например «maxCashGapMidMonth.p90 <= start» или «bonusTotal.p50 <= 1M»`);
  const op: LimitOp = ['<=', '=<', '≤', '<'].includes(m[2]) ? '<=' : '>=';
  const bound = parseBound(m[3], text);
  return parseMetric(m[1], staffIds).map((metric) => ({ metric, op, bound, text: `${metric.text} ${op} ${m[3].trim()}` }));
}

/** The goal from the names given, with the defaults for those not given. */
export function parseGoal(maximise: string | undefined, limits: readonly string[] | undefined, staffIds: readonly string[]): Goal {
  const metrics = parseMetric(maximise ?? DEFAULT_MAXIMISE, staffIds);
  if (metrics.length !== 1) fail(`--maximise needs one figure, not "${maximise}"`, `--maximise — один показатель, а не «${maximise}»`);
  return { maximise: metrics[0], limits: (limits ?? DEFAULT_LIMITS).flatMap((l) => parseLimit(l, staffIds)) };
}

/** A limit's bound on a block: a number, or the start's figure on the same runs. */
export function boundValue(limit: Limit, startValue: number | null): number | null {
  const b = limit.bound;
  if (b.kind === 'value') return b.value;
  return startValue === null ? null : startValue * b.factor + b.offset;
}

/** Slack of a value against its limit (≥ 0: it holds). */
export function slack(limit: Limit, value: number | null, bound: number | null): number {
  if (value === null || bound === null) return -Infinity;
  return limit.op === '<=' ? bound - value : value - bound;
}

/** The goal reads paired differences: the start must run beside every candidate. */
export function needsStart(goal: Goal): boolean {
  return goal.maximise.paired || goal.limits.some((l) => l.metric.paired);
}
