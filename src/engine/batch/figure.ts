/**
 * A figure of the results, written as a short expression over the results contract, so a
 * target file can name what it checks without code:
 *
 *   threshold.metrics.collectionsMonthly.p50
 *   linear.metrics.collectionsMonthly.p50 / threshold.metrics.collectionsMonthly.p50
 *   max(threshold.hoursByDay[20..25].mean)        a list by day (or month) of the horizon
 *   max(linear.badDebtShare, tranches.badDebtShare)
 *   tranches.intraMonth[15].median
 *
 * A path starts with a scheme id (`scenario.` reads the results' scenario block) and walks
 * object keys; `[a..b]` keeps the items of a list whose `day` is from a to b (or, for lists
 * without days, the a-th to b-th item, from 1). A list must be reduced by mean, min, max or
 * sum before it meets arithmetic. Operators: + − × / with the usual precedence and
 * brackets; a minus between names needs spaces (ids may hold hyphens).
 */
import type { ResultsJson } from '../results/results-json.ts';

type Value = number | null | Value[];

export class FigureError extends Error {}

type Node =
  | { kind: 'number'; value: number }
  | { kind: 'path'; steps: Step[] }
  | { kind: 'call'; fn: 'mean' | 'min' | 'max' | 'sum'; args: Node[] }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Node; right: Node };
type Step = { key: string } | { from: number; to: number };

const FUNCTIONS = ['mean', 'min', 'max', 'sum'] as const;

/** Parses a figure expression; throws FigureError with the position of what is wrong. */
export function parseFigure(text: string): Node {
  let at = 0;
  const fail = (what: string): never => {
    throw new FigureError(`${what} at character ${at + 1} of "${text}"`);
  };
  const space = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const peek = () => (space(), text[at]);
  const ident = () => {
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(at));
    if (!m) fail('a name is expected');
    at += m![0].length;
    return m![0];
  };
  const integer = () => {
    const m = /^\d+/.exec(text.slice(at));
    if (!m) fail('a whole number is expected');
    at += m![0].length;
    return Number(m![0]);
  };
  const primary = (): Node => {
    const c = peek();
    if (c === '(') {
      at++;
      const e = expr();
      if (peek() !== ')') fail('")" is expected');
      at++;
      return e;
    }
    const num = /^\d+(\.\d+)?(e[+-]?\d+)?/i.exec(text.slice(at));
    if (num) {
      at += num[0].length;
      return { kind: 'number', value: Number(num[0]) };
    }
    const name = ident();
    if ((FUNCTIONS as readonly string[]).includes(name) && peek() === '(') {
      at++;
      const args = [expr()];
      while (peek() === ',') {
        at++;
        args.push(expr());
      }
      if (peek() !== ')') fail('")" is expected');
      at++;
      return { kind: 'call', fn: name as (typeof FUNCTIONS)[number], args };
    }
    const steps: Step[] = [{ key: name }];
    for (;;) {
      if (text[at] === '.') {
        at++;
        steps.push({ key: ident() });
      } else if (text[at] === '[') {
        at++;
        space();
        const from = integer();
        space();
        let to = from;
        if (text.startsWith('..', at)) {
          at += 2;
          space();
          to = integer();
          space();
        }
        if (text[at] !== ']') fail('"]" is expected');
        at++;
        if (to < from) fail('a range runs from low to high');
        steps.push({ from, to });
      } else break;
    }
    return { kind: 'path', steps };
  };
  const term = (): Node => {
    let left = primary();
    for (let c = peek(); c === '*' || c === '/'; c = peek()) {
      at++;
      left = { kind: 'binary', op: c, left, right: primary() };
    }
    return left;
  };
  const expr = (): Node => {
    let left = term();
    for (let c = peek(); c === '+' || c === '-'; c = peek()) {
      at++;
      left = { kind: 'binary', op: c, left, right: term() };
    }
    return left;
  };
  const node = expr();
  if (peek() !== undefined) fail('unexpected text');
  return node;
}

function walk(value: unknown, steps: Step[], text: string): Value {
  let v: unknown = value;
  for (let k = 1; k < steps.length; k++) {
    const step = steps[k];
    if (Array.isArray(v) && 'key' in step) return v.map((item) => walk(item, [steps[0], ...steps.slice(k)], text));
    if ('key' in step) {
      if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, step.key)) {
        throw new FigureError(`"${text}": no "${step.key}" in the results`);
      }
      v = (v as Record<string, unknown>)[step.key];
    } else {
      if (!Array.isArray(v)) throw new FigureError(`"${text}": a range needs a list`);
      const byDay = v.length > 0 && v[0] !== null && typeof v[0] === 'object' && 'day' in (v[0] as object);
      const picked = byDay
        ? v.filter((item) => (item as { day: number }).day >= step.from && (item as { day: number }).day <= step.to)
        : v.slice(step.from - 1, step.to);
      v = step.from === step.to && picked.length === 1 ? picked[0] : picked;
    }
  }
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' ? x : x === null ? null : walk(x, [steps[0]], text))) as Value;
  if (v === null || typeof v === 'number') return v;
  throw new FigureError(`"${text}" is not a number in the results`);
}

function reduce(fn: (typeof FUNCTIONS)[number], v: Value, text: string): number | null {
  if (!Array.isArray(v)) return v as number | null;
  const xs = v.flat(Infinity as 1) as (number | null)[];
  if (xs.length === 0 || xs.some((x) => x === null)) return null;
  const nums = xs as number[];
  switch (fn) {
    case 'mean':
      return nums.reduce((a, b) => a + b, 0) / nums.length;
    case 'sum':
      return nums.reduce((a, b) => a + b, 0);
    case 'min':
      return Math.min(...nums);
    case 'max':
      return Math.max(...nums);
  }
  throw new FigureError(`"${text}": unknown function`);
}

/** The figure's value on these results (null where the results hold no number for it). */
export function evaluateFigure(node: Node, results: ResultsJson, text = ''): number | null {
  const value = (n: Node): Value => {
    switch (n.kind) {
      case 'number':
        return n.value;
      case 'call':
        return reduce(n.fn, n.args.length === 1 ? value(n.args[0]) : n.args.map(value), text);
      case 'path': {
        const head = (n.steps[0] as { key: string }).key;
        const root = head === 'scenario' ? results.scenario : results.schemes.find((s) => s.id === head);
        if (!root) throw new FigureError(`"${text}": no scheme "${head}" in the results`);
        return walk(root, n.steps, text);
      }
      case 'binary': {
        const a = value(n.left);
        const b = value(n.right);
        if (Array.isArray(a) || Array.isArray(b)) throw new FigureError(`"${text}": reduce a list with mean, min, max or sum first`);
        if (a === null || b === null) return null;
        const r = n.op === '+' ? a + b : n.op === '-' ? a - b : n.op === '*' ? a * b : b === 0 ? null : a / b;
        return r === null || Number.isFinite(r) ? r : null;
      }
    }
  };
  const v = value(node);
  if (Array.isArray(v)) throw new FigureError(`"${text}" is a list: reduce it with mean, min, max or sum`);
  return v;
}

/** The scheme ids an expression reads. */
export function schemesOf(node: Node): string[] {
  switch (node.kind) {
    case 'number':
      return [];
    case 'call':
      return [...new Set(node.args.flatMap(schemesOf))];
    case 'path': {
      const head = (node.steps[0] as { key: string }).key;
      return head === 'scenario' ? [] : [head];
    }
    case 'binary':
      return [...new Set([...schemesOf(node.left), ...schemesOf(node.right)])];
  }
}

export type Figure = Node;
