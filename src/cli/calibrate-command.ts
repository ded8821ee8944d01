/**
 * `paybench calibrate FILE --vary PATH=LO..HI … [--targets T]`: the method of simulated
 * moments — a search (CMA-ES, common random numbers) for the inputs at which the targets
 * hold. Prints every target against the model before and after, the inputs it moved, and
 * writes the fitted scenario (inputs only) where asked.
 */
import { resolve } from 'node:path';
import type { ParsedArgs } from './args.ts';
import { integerFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { InputError, UsageError } from './io.ts';
import { table, type Lang } from './format.ts';
import { loadScenario } from './scenario-file.ts';
import { figureText, loadTargets, targetsTable } from './target-files.ts';
import { resultsRunner } from './results-runner.ts';
import { GENERATOR, PathError, calibrate, parseVary, serializeScenario } from '../engine/index.ts';
import type { Vary } from '../engine/index.ts';
import { candidateWordRu } from '../charts/plural.ts';

const WORDS = {
  en: { before: 'At the start', after: 'Calibrated', input: 'input', range: 'range', from: 'start', to: 'calibrated', distance: (a: string, b: string, n: number) => `distance to the targets ${a} → ${b} after ${n} candidates`, wrote: (f: string) => `wrote ${f}` },
  ru: { before: 'До калибровки', after: 'После калибровки', input: 'параметр', range: 'диапазон', from: 'было', to: 'стало', distance: (a: string, b: string, n: number) => `расстояние до целей ${a} → ${b} за ${n} ${candidateWordRu(n)}`, wrote: (f: string) => `записан ${f}` },
} as const;

export async function calibrateCommand(args: ParsedArgs, io: CliIo, lang: Lang): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('calibrate needs a scenario FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const texts = args.lists.vary ?? [];
  if (texts.length === 0) throw new UsageError('calibrate needs at least one --vary PATH=LO..HI, e.g. --vary behaviour.effort.costFactor=0.2..0.8');
  let vary: Vary[];
  try {
    vary = texts.map(parseVary);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const runs = integerFlag(args, 'runs', 1, 100_000) ?? 100;
  const budget = integerFlag(args, 'budget', 1, 100_000) ?? 200;
  const seed = integerFlag(args, 'seed', 0, 2 ** 31 - 1);
  const marginText = args.values.margin;
  const margin = marginText === undefined ? 0 : Number(marginText);
  if (!(margin >= 0 && margin < 0.5)) throw new UsageError(`--margin must be a share from 0 to 0.5, e.g. 0.25, not "${marginText}"`);
  const robustText = args.values.robust;
  const robustInputs = args.values['robust-inputs']?.split(',').map((x) => x.trim()).filter(Boolean);
  const robustVariants = robustText === undefined ? 0 : Number(robustText);
  if (robustText !== undefined && !(Number.isInteger(robustVariants) && robustVariants >= 1 && robustVariants <= 50)) {
    throw new UsageError(`--robust takes how many ±20% variants to score each candidate on, 1 to 50, not "${robustText}"`);
  }
  const workers = integerFlag(args, 'workers', 1, 256) ?? Math.max(1, io.cpus);
  const { targets } = await loadTargets(io, file, args.values.targets);
  const base = await loadScenario(io, file, lang, seed === undefined ? {} : { seed });

  const { run, progress, dispose } = resultsRunner(io, args, workers, lang);
  let result;
  try {
    result = await calibrate(base, targets, vary, run, {
      runs,
      budget,
      margin,
      ...(robustText !== undefined || robustInputs ? { robust: { variants: robustVariants, swing: 0.2, ...(robustInputs ? { inputs: robustInputs } : {}) } } : {}),
      signal: io.signal,
      onProgress: (done, total) => progress.update(done, total, 'candidates'),
    });
  } catch (e) {
    if (e instanceof PathError) throw new InputError(e.message);
    throw e;
  } finally {
    await dispose();
  }
  progress.finish();

  const w = WORDS[lang];
  const json = args.values.json;
  const report = {
    format: 'paybench-calibration',
    generator: GENERATOR,
    scenario: base.name,
    seed: base.simulation.seed,
    runs,
    evaluations: result.evaluations,
    distance: result.distance,
    inputs: result.inputs,
    targets: result.best.map((r, i) => ({ ...r.target, start: result.start[i]?.value ?? null, value: r.value, pass: r.pass })),
  };
  if (json === '-') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else {
    io.stdout(`${w.before}\n${targetsTable(result.start, lang)}\n${w.after}\n${targetsTable(result.best, lang)}\n`);
    io.stdout(table([w.input, w.range, w.from, w.to], result.inputs.map((v) => [v.path, `${figureText(v.lo, lang)} … ${figureText(v.hi, lang)}`, figureText(v.start, lang), figureText(v.value, lang)])));
    io.stdout(w.distance(result.distance.start.toFixed(3), result.distance.best.toFixed(3), result.evaluations) + '\n');
    if (json !== undefined) await io.writeFile(resolve(io.cwd, json), JSON.stringify(report, null, 2) + '\n');
  }
  const out = args.values.out;
  if (out !== undefined) {
    await io.writeFile(resolve(io.cwd, out), serializeScenario(result.scenario));
    if (json !== '-') io.stdout(w.wrote(out) + '\n');
  }
  return 0;
}
