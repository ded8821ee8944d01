/** `paybench run FILE …`: the batch, a summary table, JSON and CSV where asked. */
import { resolve, join } from 'node:path';
import type { ParsedArgs } from './args.ts';
import { integerFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './io.ts';
import type { Lang } from './format.ts';
import { loadScenario } from './scenario-file.ts';
import { createProgress } from './progress.ts';
import { summaryText } from './report.ts';
import { resultsCsvFiles } from './results-csv.ts';
import { buildResultsJson, resultsJsonText } from '../engine/summarize.ts';
import type { Runner } from '../workers/runner.ts';
import { InlineRunner } from '../workers/inline-runner.ts';
import { NodeWorkerRunner } from '../workers/node-worker-runner.ts';
import { SCENARIO_LIMITS } from '../engine/scenario/limits.ts';

export const GENERATOR = 'paybench 0.1.0';

export async function runCommand(args: ParsedArgs, io: CliIo, lang: Lang): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('run needs a scenario FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const overrides = {
    runs: integerFlag(args, 'runs', SCENARIO_LIMITS.minRuns, SCENARIO_LIMITS.maxRuns),
    seed: integerFlag(args, 'seed', 0, SCENARIO_LIMITS.maxSeed),
    months: integerFlag(args, 'months', SCENARIO_LIMITS.minMonths, SCENARIO_LIMITS.maxMonths),
  };
  const workers = integerFlag(args, 'workers', 1, 256) ?? Math.max(1, io.cpus);
  const scenario = await loadScenario(io, file, lang, overrides);

  const wanted = args.lists.scheme;
  let schemeIds: string[] | undefined;
  if (wanted) {
    for (const id of wanted) {
      if (!scenario.schemes.some((s) => s.id === id)) {
        throw new UsageError(`unknown scheme "${id}" (the scenario has ${scenario.schemes.map((s) => s.id).join(', ')})`);
      }
    }
    // The baseline always runs: every other scheme is reported against it.
    schemeIds = [...new Set([scenario.baseline, ...wanted])];
  }

  const jsonTarget = args.values.json;
  const quiet = args.booleans.has('quiet');
  const now = io.now ?? Date.now;
  const progress = createProgress(io.stderr, quiet ? 'quiet' : io.isTTY ? 'tty' : 'log', now);
  // One worker: run on this thread (no start-up cost); the results are the same either way.
  const runner: Runner = workers === 1 ? new InlineRunner() : new NodeWorkerRunner({ workers });
  let acc;
  try {
    acc = await runner.run(scenario, {
      schemeIds,
      signal: io.signal,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    await runner.dispose();
  }
  progress.finish();

  const results = buildResultsJson(scenario, acc, { generator: GENERATOR });
  if (jsonTarget === '-') io.stdout(resultsJsonText(results));
  else {
    io.stdout(summaryText(results, lang));
    if (jsonTarget !== undefined) await io.writeFile(resolve(io.cwd, jsonTarget), resultsJsonText(results));
  }
  const csvDir = args.values.csv;
  if (csvDir !== undefined) {
    for (const [name, text] of Object.entries(resultsCsvFiles(results))) {
      await io.writeFile(join(resolve(io.cwd, csvDir), name), text);
    }
  }
  return 0;
}
