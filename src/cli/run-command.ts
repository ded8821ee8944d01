/**
 * `paybench run FILE …`: the batch, a summary table, JSON and CSV where asked. With
 * --runs-from/--runs-to it runs a slice of the batch and --json writes a shard
 * (`paybench-shard`, shard.ts) for `paybench merge`.
 */
import { GENERATOR, SCENARIO_LIMITS, buildResultsJson, buildShard, resultsJsonText, shardText } from '../engine/index.ts';
import type { ResultsJson } from '../engine/index.ts';
import { resolve, join } from 'node:path';
import type { ParsedArgs } from './args.ts';
import { checkOutputs, integerFlag, workersFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './io.ts';
import type { Lang } from './format.ts';
import { loadScenario } from './scenario-file.ts';
import { createProgress } from './progress.ts';
import { summaryText } from './report.ts';
import { resultsCsvFiles } from './results-csv.ts';
import type { Runner } from '../workers/runner.ts';
import { InlineRunner } from '../workers/inline-runner.ts';
import { NodeWorkerRunner } from '../workers/node-worker-runner.ts';

export { GENERATOR };

export async function runCommand(args: ParsedArgs, io: CliIo, lang: Lang): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('run needs a scenario FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const overrides = {
    runs: integerFlag(args, 'runs', SCENARIO_LIMITS.minRuns, SCENARIO_LIMITS.maxRuns),
    seed: integerFlag(args, 'seed', 0, SCENARIO_LIMITS.maxSeed),
    months: integerFlag(args, 'months', SCENARIO_LIMITS.minMonths, SCENARIO_LIMITS.maxMonths),
  };
  const workers = workersFlag(args, io);
  const jsonTarget = args.values.json;
  await checkOutputs(io, [{ flag: '--json', path: jsonTarget, kind: 'file' }, { flag: '--csv', path: args.values.csv, kind: 'dir' }]);
  const scenario = await loadScenario(io, file, lang, overrides);
  const runs = scenario.simulation.runs;
  const runsFrom = integerFlag(args, 'runs-from', 0, SCENARIO_LIMITS.maxRuns);
  const runsTo = integerFlag(args, 'runs-to', 1, SCENARIO_LIMITS.maxRuns);
  const sharded = runsFrom !== undefined || runsTo !== undefined;
  const range = { runsFrom: runsFrom ?? 0, runsTo: runsTo ?? runs };
  if (range.runsTo > runs) throw new UsageError(`--runs-to ${range.runsTo} is past the scenario's ${runs} runs (set --runs to the whole batch)`);
  if (range.runsFrom >= range.runsTo) throw new UsageError(`--runs-from ${range.runsFrom} must be below --runs-to ${range.runsTo}`);

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

  const quiet = args.booleans.has('quiet');
  const now = io.now ?? Date.now;
  const progress = createProgress(io.rawStderr ?? io.stderr, quiet ? 'quiet' : io.isTTY ? 'tty' : 'log', now);
  // One worker: run on this thread (no start-up cost); the results are the same either way.
  // One batch: each worker ends once its summaries are in, freeing its heap before the merge.
  const runner: Runner = workers === 1 ? new InlineRunner() : new NodeWorkerRunner({ workers, keepWorkers: false });
  let acc;
  try {
    acc = await runner.run(scenario, {
      ...range,
      schemeIds,
      signal: io.signal,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    await runner.dispose();
  }
  progress.finish();

  const results = buildResultsJson(scenario, acc, { generator: GENERATOR });
  if (sharded) {
    // A slice: the summary of its runs for the eye, the mergeable shard for `paybench merge`.
    const shard = jsonTarget !== undefined ? shardText(buildShard(scenario, acc, { ranges: [[range.runsFrom, range.runsTo]], generator: GENERATOR })) : null;
    if (jsonTarget === '-') io.stdout(shard!);
    else {
      io.stdout(summaryText(results, lang));
      if (shard !== null) {
        await io.writeFile(resolve(io.cwd, jsonTarget!), shard);
        io.stderr(`shard: runs ${range.runsFrom}–${range.runsTo - 1} of ${runs} → ${jsonTarget}\n`);
      }
    }
    await writeCsv(io, args.values.csv, results);
    return 0;
  }
  await writeResults(io, results, { json: jsonTarget, csv: args.values.csv, lang });
  return 0;
}

/** The summary table on stdout (or the JSON with `--json -`), the JSON file and CSV where asked. */
export async function writeResults(io: CliIo, results: ResultsJson, to: { json?: string; csv?: string; lang: Lang }): Promise<void> {
  if (to.json === '-') io.stdout(resultsJsonText(results));
  else {
    io.stdout(summaryText(results, to.lang));
    if (to.json !== undefined) await io.writeFile(resolve(io.cwd, to.json), resultsJsonText(results));
  }
  await writeCsv(io, to.csv, results);
}

async function writeCsv(io: CliIo, dir: string | undefined, results: ResultsJson): Promise<void> {
  if (dir === undefined) return;
  for (const [name, text] of Object.entries(resultsCsvFiles(results))) await io.writeFile(join(resolve(io.cwd, dir), name), text);
}
