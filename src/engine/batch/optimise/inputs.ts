/**
 * What the optimiser may move: inputs of the one scheme it improves, each between a low
 * and a high end on a grid of steps (so a suggestion reads like a person's choice — 38M,
 * 0.6%, the 12th, 55% — and the search has finitely many places to look). Inputs an owner
 * cannot change (clients, the market, the company) are refused: only the scheme varies.
 *
 * Paths are the scenario file's (`schemes[tranches].formula.threshold`) or the scheme's
 * own (`formula.threshold`, `tranches[0].gate.byDay`).
 */
import { parseScenario } from '../../scenario/parse.ts';
import { formatIssue } from '../../scenario/issues.ts';
import type { Scenario, Scheme } from '../../scenario/types.ts';
import { getPath, isIntegerPath, parsePath, PathError, setPath } from '../scenario-path.ts';
import { fail, OptimiseError } from './errors.ts';

export interface SchemeInput {
  /** Within the scheme: `formula.threshold`, `tranches[0].gate.byDay`. */
  field: string;
  lo: number;
  hi: number;
  /** The grid: values lo, lo + step, … up to hi. */
  step: number;
  /** The start scheme's value. */
  start: number;
}

const SCENARIO_SECTIONS = new Set(['format', 'version', 'name', 'description', 'simulation', 'company', 'calendar', 'clients', 'staff', 'behaviour', 'sales', 'baseline']);
const SHARE_FIELDS = new Set(['minPlanShare', 'headShare']);

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The path within the scheme; refuses paths outside it (another scheme, the market, the company). */
export function schemeField(path: string, scenario: Scenario, schemeId: string): string {
  const text = path.trim();
  let steps;
  try {
    steps = parsePath(text);
  } catch (e) {
    fail((e as Error).message, `«${text}» — это не путь вида formula.threshold или tranches[0].gate.byDay`);
  }
  const head = steps[0];
  if ('key' in head && head.key === 'schemes') {
    const at = steps[1];
    const scheme = at && 'index' in at ? scenario.schemes[at.index] : at && 'id' in at ? scenario.schemes.find((s) => s.id === at.id) : undefined;
    if (!scheme) fail(`${text}: no such scheme in the scenario`, `${text}: такой схемы в сценарии нет`);
    if (scheme.id !== schemeId) {
      fail(
        `${text}: only the scheme being improved (${schemeId}) varies, not ${scheme.id}`,
        `${text}: меняется только улучшаемая схема (${schemeId}), а не ${scheme.id}`,
      );
    }
    return text.replace(/^schemes\s*\[[^\]]*\]\s*\.?/, '');
  }
  if ('key' in head && SCENARIO_SECTIONS.has(head.key)) {
    fail(
      `${text} is not part of the scheme: what an owner cannot change (clients, market, company, staff) stays fixed; vary the scheme's inputs, e.g. formula.threshold`,
      `${text} — не часть схемы: то, что собственник не меняет (клиенты, рынок, компания, сотрудники), остаётся как есть; меняйте параметры схемы, например formula.threshold`,
    );
  }
  return text;
}

const fullPath = (schemeId: string, field: string) => `schemes[${schemeId}].${field}`;

/** The largest of 1, 2, 5 × 10^k not above x. */
export function niceStep(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

const tidy = (x: number) => Number(x.toPrecision(12));

/** A step for a range: whole days for integer fields, 5 points for shares of plan, else about a fifteenth of the range. */
export function defaultStep(field: string, lo: number, hi: number): number {
  if (isIntegerPath(field)) return 1;
  const key = field.slice(field.lastIndexOf('.') + 1);
  if (SHARE_FIELDS.has(key)) return 0.05;
  return niceStep((hi - lo) / 15);
}

/** Reads `PATH=LO..HI[:STEP]` (as on the command line). */
export function parseInputText(text: string, scenario: Scenario, schemeId: string): SchemeInput {
  const m = /^([^=]+)=\s*([^.:\s][^:]*?)\s*\.\.\s*([^:]+?)\s*(?::\s*(.+?))?\s*$/.exec(text.trim());
  if (!m) fail(`"${text}": write PATH=LO..HI[:STEP], e.g. formula.threshold=30000000..50000000:1000000`, `«${text}»: пишите ПУТЬ=ОТ..ДО[:ШАГ], например formula.threshold=30000000..50000000:1000000`);
  const field = schemeField(m[1], scenario, schemeId);
  const lo = readNumber(m[2], text);
  const hi = readNumber(m[3], text);
  const step = m[4] === undefined ? undefined : readNumber(m[4], text);
  return checkedInput(scenario, schemeId, { field, lo, hi, step });
}

function readNumber(s: string, text: string): number {
  const x = Number(s.trim());
  if (s.trim() === '' || !Number.isFinite(x)) fail(`"${text}": "${s.trim()}" is not a number`, `«${text}»: «${s.trim()}» — не число`);
  return x;
}

/** An input checked against the scheme: the field exists and holds a number, the range and step make sense, both ends are allowed. */
export function checkedInput(scenario: Scenario, schemeId: string, spec: { field: string; lo: number; hi: number; step?: number }): SchemeInput {
  const { field, lo, hi } = spec;
  const scheme = scenario.schemes.find((s) => s.id === schemeId);
  if (!scheme) fail(`no scheme "${schemeId}" in the scenario`, `в сценарии нет схемы «${schemeId}»`);
  let start: number;
  try {
    start = Number(getPath(scenario, fullPath(schemeId, field)));
  } catch (e) {
    if (e instanceof PathError) fail(e.message.replace(/^schemes\[[^\]]*\]\./, ''), `${field}: в схеме нет такого числа`);
    throw e;
  }
  if (!Number.isFinite(start)) fail(`${field}: not a number in the scheme`, `${field}: в схеме это не число`);
  const what = `${field}=${lo}..${hi}`;
  if (!(lo < hi)) fail(`${what}: the low end must be below the high end`, `${what}: нижняя граница должна быть меньше верхней`);
  const integer = isIntegerPath(field);
  if (integer && (!Number.isInteger(lo) || !Number.isInteger(hi))) fail(`${what}: ${field} is a whole number of days or items`, `${what}: ${field} — целое число`);
  const step = spec.step ?? defaultStep(field, lo, hi);
  if (!(step > 0) || step > hi - lo) fail(`${what}: the step must be above 0 and at most the range (${tidy(hi - lo)})`, `${what}: шаг должен быть больше 0 и не больше диапазона (${tidy(hi - lo)})`);
  if (integer && !Number.isInteger(step)) fail(`${what}: ${field} moves in whole steps`, `${what}: ${field} меняется целыми шагами`);
  if ((hi - lo) / step > 10_000) fail(`${what}: more than 10,000 steps; take a larger step`, `${what}: больше 10 000 шагов; возьмите шаг крупнее`);
  const input = { field, lo, hi, step, start };
  for (const end of [lo, hi]) {
    const refused = refusal(scenario, scheme, [{ ...input, lo: end, hi: end + 1, step: 1 }], [0]);
    if (refused) fail(`${what}: ${end} is refused: ${refused.en}`, `${what}: значение ${end} не принимается: ${refused.ru}`);
  }
  return input;
}

/** Grid levels of an input. */
export function levels(input: SchemeInput): number {
  return Math.floor((input.hi - input.lo) / input.step + 1e-9) + 1;
}

/** The input's value at x ∈ [0, 1] (snapped to its grid). */
export function valueAt(input: SchemeInput, x: number): number {
  const n = levels(input);
  const k = n > 1 ? Math.round(Math.min(1, Math.max(0, x)) * (n - 1)) : 0;
  return tidy(input.lo + k * input.step);
}

/** Where the start's value lies on the input's grid, in [0, 1]. */
export function startPosition(input: SchemeInput): number {
  const n = levels(input);
  if (n <= 1) return 0;
  const k = Math.round((input.start - input.lo) / input.step);
  return Math.min(1, Math.max(0, k / (n - 1)));
}

/** The scheme with the inputs at x (plain data, as in a file), not yet checked. */
export function schemeAt(start: Scheme, inputs: readonly SchemeInput[], x: readonly number[], id = start.id): Scheme {
  const doc = { schemes: [{ ...clone(start), id: start.id }] };
  inputs.forEach((input, i) => setPath(doc, fullPath(start.id, input.field), valueAt(input, x[i])));
  return { ...doc.schemes[0], id };
}

/** Why the scenario's rules refuse the scheme at x, or null (a gate past the 31st, a rate above 100%…). */
export function refusal(scenario: Scenario, start: Scheme, inputs: readonly SchemeInput[], x: readonly number[]): { en: string; ru: string } | null {
  let scheme: Scheme;
  try {
    scheme = schemeAt(start, inputs, x);
  } catch (e) {
    if (e instanceof PathError || e instanceof OptimiseError) return { en: e.message, ru: e.message };
    throw e;
  }
  const parsed = parseScenario({ ...clone(scenario), schemes: [scheme], baseline: scheme.id });
  if (parsed.ok) return null;
  // The candidate stands alone in its scenario: its paths are the scheme's own.
  const words = (lang: 'en' | 'ru') => parsed.errors.map((e) => formatIssue(e, lang).replace(/^schemes\[0\]\./, '')).join('; ');
  return { en: words('en'), ru: words('ru') };
}

/**
 * The inputs varied when none are named: the formula's threshold and rate (or its amounts),
 * and each gated tranche's day and share of plan — what an owner asks to choose.
 */
export function defaultInputs(scenario: Scenario, schemeId: string): SchemeInput[] {
  const scheme = scenario.schemes.find((s) => s.id === schemeId);
  if (!scheme) fail(`no scheme "${schemeId}" in the scenario`, `в сценарии нет схемы «${schemeId}»`);
  const plan = Number(scheme.plan ?? scenario.company.plan);
  const specs: { field: string; lo: number; hi: number }[] = [];
  const around = (field: string, value: number, fallbackHi: number) =>
    specs.push(value > 0 ? { field, lo: value / 2, hi: value * 2 } : { field, lo: 0, hi: fallbackHi });
  const f = scheme.formula;
  switch (f.type) {
    case 'threshold': {
      const t = Number(f.threshold);
      specs.push(t > 0 ? { field: 'formula.threshold', lo: t / 2, hi: t * 1.5 } : { field: 'formula.threshold', lo: 0, hi: plan });
      around('formula.rate', Number(f.rate), 0.01);
      break;
    }
    case 'linear':
      around('formula.rate', Number(f.rate), 0.01);
      break;
    case 'tiers':
      f.tiers.forEach((t, i) => around(`formula.tiers[${i}].rate`, Number(t.rate), 0.01));
      break;
    case 'pieceRate':
      around('formula.rate', Number(f.rate), 1000);
      around('formula.premium', Number(f.premium), 1000);
      break;
    case 'fixed':
      around('formula.amount', Number(f.amount), 100_000);
      break;
  }
  scheme.tranches.forEach((t, i) => {
    if (!t.gate) return;
    const d = t.gate.byDay;
    specs.push({ field: `tranches[${i}].gate.byDay`, lo: Math.max(1, d - 10), hi: Math.max(Math.min(28, d + 10), d) });
    const s = Number(t.gate.minPlanShare);
    specs.push({ field: `tranches[${i}].gate.minPlanShare`, lo: Math.max(0, s - 0.3), hi: Math.min(Math.max(1, s), s + 0.3) });
  });
  return specs.flatMap((s) => {
    const step = defaultStep(s.field, s.lo, s.hi);
    // Ends on the grid through the start, so the start is one of the places the search can stand.
    const start = Number(getPath(scenario, fullPath(schemeId, s.field)));
    const lo = tidy(start - Math.floor((start - s.lo) / step + 1e-9) * step);
    const hi = tidy(start + Math.floor((s.hi - start) / step + 1e-9) * step);
    return lo < hi ? [checkedInput(scenario, schemeId, { field: s.field, lo, hi, step })] : [];
  });
}
