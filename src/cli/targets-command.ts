/**
 * `paybench targets FILE [--targets T]`: runs the scenario (with the targets file's extra
 * schemes) and prints every target against the model, held or missed, with its source.
 */
import { resolve } from 'node:path';
import type { ParsedArgs } from './args.ts';
import { checkOutputs, integerFlag, workersFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './io.ts';
import type { Lang } from './format.ts';
import { loadScenario } from './scenario-file.ts';
import { loadTargets, targetsTable } from './target-files.ts';
import { commandProgress } from './progress.ts';
import { GENERATOR, SCENARIO_LIMITS, buildResultsJson, checkTargets, targetScenario } from '../engine/index.ts';
import { batchesRunner } from './results-runner.ts';

export async function targetsCommand(args: ParsedArgs, io: CliIo, lang: Lang): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('targets needs a scenario FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const runs = integerFlag(args, 'runs', SCENARIO_LIMITS.minRuns, SCENARIO_LIMITS.maxRuns);
  const seed = integerFlag(args, 'seed', 0, 2 ** 31 - 1);
  const workers = workersFlag(args, io);
  await checkOutputs(io, [{ flag: '--json', path: args.values.json, kind: 'file' }]);
  const { targets } = await loadTargets(io, file, args.values.targets);
  const base = await loadScenario(io, file, lang, seed === undefined ? {} : { seed });
  const scenario = targetScenario(base, targets, runs ?? targets.runs);

  const progress = commandProgress(io, args, lang);
  const runner = batchesRunner(workers);
  let acc;
  try {
    acc = await runner.run(scenario, { signal: io.signal, onProgress: (done, total) => progress.update(done, total) });
  } finally {
    await runner.dispose();
  }
  progress.finish();
  const results = buildResultsJson(scenario, acc, { generator: GENERATOR });
  const checked = checkTargets(targets.targets, results);
  const json = args.values.json;
  const text =
    JSON.stringify(
      { format: 'paybench-target-check', generator: GENERATOR, scenario: scenario.name, seed: scenario.simulation.seed, runs: scenario.simulation.runs, targets: checked.map((c) => ({ ...c.target, value: c.value, pass: c.pass })) },
      null,
      2,
    ) + '\n';
  if (json === '-') io.stdout(text);
  else {
    io.stdout(targetsTable(checked, lang));
    if (json !== undefined) await io.writeFile(resolve(io.cwd, json), text);
  }
  return checked.every((c) => c.pass) ? 0 : 1;
}
