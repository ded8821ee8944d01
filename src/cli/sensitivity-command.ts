/**
 * `paybench sensitivity FILE …`: which inputs move each scheme's advantage over the
 * baseline most (engine/batch/sensitivity.ts). Runs the base and every input 20% lower and
 * higher on the same seed, prints a tornado table per scheme (widest swing first), and
 * writes the tornado as JSON where asked.
 */
import { resolve } from 'node:path';
import type { ParsedArgs } from './args.ts';
import { checkOutputs, integerFlag, workersFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './io.ts';
import { millions, table, type Lang } from './format.ts';
import { loadScenario } from './scenario-file.ts';
import { commandProgress } from './progress.ts';
import { DEFAULT_SWING, GENERATOR, SCENARIO_LIMITS, buildResultsJson, planSensitivity, runSensitivity } from '../engine/index.ts';
import type { Tornado } from '../engine/index.ts';
import { batchesRunner } from './results-runner.ts';

const WORDS = {
  en: { input: 'input', low: 'low', high: 'high', swing: 'swing', advantage: (id: string, base: string, v: string) => `${id} vs ${base}: median profit difference ${v} over the horizon`, skipped: 'not swept' },
  ru: { input: 'параметр', low: 'ниже', high: 'выше', swing: 'размах', advantage: (id: string, base: string, v: string) => `${id} против ${base}: медианная разница прибыли ${v} за период`, skipped: 'не варьировались' },
} as const;

export async function sensitivityCommand(args: ParsedArgs, io: CliIo, lang: Lang): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('sensitivity needs a scenario FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const swingText = args.values.swing;
  const swing = swingText === undefined ? DEFAULT_SWING : Number(swingText);
  if (!(swing > 0 && swing < 1)) throw new UsageError(`--swing must be a share between 0 and 1, e.g. 0.2, not "${swingText}"`);
  const runs = integerFlag(args, 'runs', SCENARIO_LIMITS.minRuns, SCENARIO_LIMITS.maxRuns);
  const workers = workersFlag(args, io);
  await checkOutputs(io, [{ flag: '--json', path: args.values.json, kind: 'file' }]);
  const scenario = await loadScenario(io, file, lang, {});
  const plan = planSensitivity(scenario, { swing, runs });

  const progress = commandProgress(io, args, lang);
  const runner = batchesRunner(workers);
  let result: Tornado;
  try {
    result = await runSensitivity(
      plan,
      async (s, onRuns) => buildResultsJson(s, await runner.run(s, { signal: io.signal, onProgress: onRuns }), { generator: GENERATOR }),
      (done, total) => progress.update(done, total),
    );
  } finally {
    await runner.dispose();
  }
  progress.finish();

  const json = args.values.json;
  const text = JSON.stringify({ format: 'paybench-sensitivity', generator: GENERATOR, ...result }, null, 2) + '\n';
  if (json === '-') {
    io.stdout(text);
    return 0;
  }
  io.stdout(tornadoText(result, plan.skipped.map((s) => s.input.path), lang));
  if (json !== undefined) await io.writeFile(resolve(io.cwd, json), text);
  return 0;
}

export function tornadoText(t: Tornado, skipped: string[], lang: Lang): string {
  const w = WORDS[lang];
  const pct = `${Math.round(t.swing * 100)}%`;
  const parts = t.schemes.map((s) => {
    const rows = s.bars.map((b) => [b.path, millions(b.low, lang, true), millions(b.high, lang, true), millions(b.swing, lang)]);
    return `${w.advantage(s.id, t.baseline, millions(s.base, lang, true))}\n${table([w.input, `${w.low} −${pct}`, `${w.high} +${pct}`, w.swing], rows).trimEnd()}`;
  });
  if (skipped.length > 0) parts.push(`${w.skipped}: ${skipped.join(', ')}`);
  return parts.join('\n\n') + '\n';
}
