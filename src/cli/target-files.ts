/**
 * Reading a targets file for a scenario (the file beside it by default:
 * `client-department.targets.json` for `client-department.json`), and the table of
 * targets against the model that `targets`, `calibrate` and `robustness` print.
 */
import { dirname, join, resolve } from 'node:path';
import { parseTargets, TargetsError } from '../engine/index.ts';
import type { TargetResult, Targets } from '../engine/index.ts';
import type { CliIo } from './io.ts';
import { InputError } from './io.ts';
import { SCENARIO_BYTES, readText } from './scenario-file.ts';
import { table, type Lang } from './format.ts';

/** The targets file beside a scenario file. */
export function targetsBeside(file: string): string {
  return join(dirname(file), file.replace(/^.*[\\/]/, '').replace(/(\.paybench)?\.json$/i, '') + '.targets.json');
}

export async function loadTargets(io: CliIo, scenarioFile: string, targetsFile: string | undefined): Promise<{ file: string; targets: Targets }> {
  const file = targetsFile ?? targetsBeside(scenarioFile);
  let text: string;
  try {
    text = await io.readFile(resolve(io.cwd, file), SCENARIO_BYTES);
  } catch {
    throw new InputError(targetsFile ? `cannot read ${file}` : `no targets for ${scenarioFile}: ${file} does not exist (give one with --targets)`);
  }
  try {
    return { file, targets: parseTargets(text) };
  } catch (e) {
    if (e instanceof TargetsError) throw new InputError(`${file}: ${e.message}`);
    throw e;
  }
}

export { readText };

/** A figure for people: millions for money-sized values, else three significant digits. */
export function figureText(x: number | null, lang: Lang): string {
  if (x === null || !Number.isFinite(x)) return '–';
  const text = Math.abs(x) >= 1e5 ? `${(x / 1e6).toFixed(2)}${lang === 'ru' ? ' млн' : 'M'}` : Number(x.toPrecision(3)).toString();
  return (lang === 'ru' ? text.replace('.', ',') : text).replace(/^-/, '−');
}

function rangeText(min: number | undefined, max: number | undefined, lang: Lang): string {
  if (min !== undefined && max !== undefined) return `${figureText(min, lang)} … ${figureText(max, lang)}`;
  return min !== undefined ? `≥ ${figureText(min, lang)}` : `≤ ${figureText(max!, lang)}`;
}

const WORDS = {
  en: { target: 'target', value: 'model', range: 'range', ok: 'holds', fail: 'MISSED', source: 'source', held: (n: number, of: number) => `${n} of ${of} targets hold` },
  ru: { target: 'цель', value: 'модель', range: 'диапазон', ok: 'да', fail: 'НЕТ', source: 'источник', held: (n: number, of: number) => `выполнено целей: ${n} из ${of}` },
} as const;

export function targetsTable(results: readonly TargetResult[], lang: Lang): string {
  const w = WORDS[lang];
  const rows = results.map((r) => [
    `${r.target.phenomenon} ${r.target.label}`,
    figureText(r.value, lang),
    rangeText(r.target.min, r.target.max, lang),
    r.pass ? w.ok : w.fail,
    r.target.source,
  ]);
  const held = results.filter((r) => r.pass).length;
  return table([w.target, w.value, w.range, '', w.source], rows) + w.held(held, results.length) + '\n';
}
