/**
 * `paybench run FILE …`: the batch, a summary table, JSON and CSV where asked. With
 * --runs-from/--runs-to it runs a slice of the batch and --json writes a shard
 * (`paybench-shard`, shard.ts) for `paybench merge`.
 */
import { DEFAULT_TOLERANCE, GENERATOR, ProfitLedger, SCENARIO_LIMITS, buildResultsJson, buildShard, checkpoints, likelySettling, profitFigures, resultsJsonText, settling, settlingOf, shardText } from '../engine/index.ts';
import type { ResultsJson, Settling } from '../engine/index.ts';
import { resolve, join } from 'node:path';
import type { ParsedArgs } from './args.ts';
import { checkOutputs, integerFlag, workersFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './io.ts';
import type { Lang } from './format.ts';
import { checkScheme, loadScenario } from './scenario-file.ts';
import { commandProgress } from './progress.ts';
import { summaryText } from './report.ts';
import { resultsCsvFiles } from './results-csv.ts';
import type { Runner } from '../workers/runner.ts';
import { batchesRunner } from './results-runner.ts';
import { onRunsRu, runsEn } from '../charts/plural.ts';

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
  let runsFrom = integerFlag(args, 'runs-from', 0, SCENARIO_LIMITS.maxRuns);
  let runsTo = integerFlag(args, 'runs-to', 1, SCENARIO_LIMITS.maxRuns);
  const shard = shardFlag(args.values.shard, io.env ?? {});
  if (shard) {
    if (runsFrom !== undefined || runsTo !== undefined) throw new UsageError('give --shard or --runs-from/--runs-to, not both');
    if (shard.count > runs) throw new UsageError(`--shard: ${shard.count} shards of ${runs} runs would leave some empty`);
    runsFrom = Math.floor((shard.index * runs) / shard.count);
    runsTo = Math.floor(((shard.index + 1) * runs) / shard.count);
  }
  const sharded = runsFrom !== undefined || runsTo !== undefined;
  const range = { runsFrom: runsFrom ?? 0, runsTo: runsTo ?? runs };
  if (range.runsTo > runs) throw new UsageError(`--runs-to ${range.runsTo} is past the scenario's ${runs} runs (set --runs to the whole batch)`);
  if (range.runsFrom >= range.runsTo) throw new UsageError(`--runs-from ${range.runsFrom} must be below --runs-to ${range.runsTo}`);

  const wanted = args.lists.scheme;
  let schemeIds: string[] | undefined;
  if (wanted) {
    for (const id of wanted) checkScheme(scenario, id);
    // The baseline always runs: every other scheme is reported against it.
    schemeIds = [...new Set([scenario.baseline, ...wanted])];
  }

  const converge = args.booleans.has('until-converged');
  const progress = commandProgress(io, args, lang, { mayStopSooner: converge });
  const toleranceText = args.values.tolerance;
  const tolerance = toleranceText === undefined ? DEFAULT_TOLERANCE : Number(toleranceText);
  if (!(tolerance > 0 && tolerance < 1)) throw new UsageError(`--tolerance must be a share between 0 and 1, e.g. 0.01, not "${toleranceText}"`);
  if (converge && sharded) throw new UsageError('--until-converged runs the whole batch in steps; it does not take a shard');
  // Work for one thread only (one worker, or a small batch): run on this thread, with no
  // thread to start; the results are the same either way. One batch: each worker ends once
  // its summaries are in, freeing its heap before the merge.
  const runner: Runner = batchesRunner(workers, false);
  let acc;
  let settledAt = null as Settling | null;
  let previous: Settling['precision'] | null = null;
  try {
    if (converge) {
      // One batch read at steps of 100 runs (checkpoints) from the runs' profit totals alone:
      // where it stops depends on nothing but the numbers of the runs below each step.
      const profits = new ProfitLedger();
      acc = await runner.run(scenario, {
        schemeIds,
        signal: io.signal,
        profits,
        checkpoints: checkpoints(runs),
        onCheckpoint: async (step) => {
          settledAt = settlingOf(profitFigures(scenario, profits), step, previous, tolerance);
          previous = settledAt.precision;
          progress.likely(likelySettling(settledAt, runs, schemeIds?.length ?? scenario.schemes.length, tolerance));
          return settledAt.settled;
        },
        onProgress: (done, total) => progress.update(done, total),
      });
    } else {
      acc = await runner.run(scenario, {
        ...range,
        schemeIds,
        signal: io.signal,
        onProgress: (done, total) => progress.update(done, total),
      });
    }
  } finally {
    await runner.dispose();
  }
  progress.finish();
  const results = buildResultsJson(scenario, acc!, { generator: GENERATOR });
  // Every run made (it did not stop at a step): the answer is read once more, at the maximum.
  if (converge && !settledAt?.settled) settledAt = settling(results, previous, tolerance);
  if (settledAt) io.stderr(settledText(settledAt, tolerance, runs, lang));
  if (sharded) {
    // A slice: the summary of its runs for the eye, the mergeable shard for `paybench merge`.
    const shard = jsonTarget !== undefined ? shardText(buildShard(scenario, acc!, { ranges: [[range.runsFrom, range.runsTo]], generator: GENERATOR })) : null;
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

/** "settled at 300 runs: …" or "not settled at 1000 runs (the maximum): …", on stderr. */
export function settledText(s: Settling, tolerance: number, max: number, lang: Lang): string {
  const widest = s.precision.widest === null ? '–' : `${(s.precision.widest * 100).toFixed(2)}%`;
  const tol = `${(tolerance * 100).toFixed(1)}%`;
  if (lang === 'ru') {
    return s.settled
      ? `устоялось на ${onRunsRu(s.runs)}: 90%-интервалы парных разниц прибыли уже ${tol} прибыли (самый широкий ${widest}), порядок схем не меняется\n`
      : `не устоялось и на ${onRunsRu(s.runs)} (максимум ${max}): самый широкий 90%-интервал парной разницы прибыли ${widest} прибыли при допуске ${tol}\n`;
  }
  return s.settled
    ? `settled at ${runsEn(s.runs)}: the 90% intervals of the paired profit differences are within ${tol} of profit (widest ${widest}) and the ranking holds\n`
    : `not settled at ${runsEn(s.runs)} (the maximum, ${max}): the widest 90% interval of a paired profit difference is ${widest} of profit, the tolerance ${tol}\n`;
}

/** Environment variables that batch engines set to a job's index in an array of jobs. */
export const SHARD_INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;

/**
 * `--shard I/K`: the I-th of K equal slices of the runs (I from 0). `--shard K` takes I
 * from the batch engine's environment: a Kubernetes indexed Job's JOB_COMPLETION_INDEX or
 * an AWS Batch array job's AWS_BATCH_JOB_ARRAY_INDEX.
 */
export function shardFlag(text: string | undefined, env: Readonly<Record<string, string | undefined>>): { index: number; count: number } | null {
  if (text === undefined) return null;
  const m = /^\s*(?:(\d+)\s*\/\s*)?(\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`--shard takes I/K (the I-th of K slices, from 0) or K with the index from ${SHARD_INDEX_VARIABLES.join(' or ')}, not "${text}"`);
  const count = Number(m[2]);
  let index: number;
  if (m[1] !== undefined) index = Number(m[1]);
  else {
    const from = SHARD_INDEX_VARIABLES.find((v) => env[v] !== undefined && env[v] !== '');
    if (!from) throw new UsageError(`--shard ${count}: no shard index: set ${SHARD_INDEX_VARIABLES.join(' or ')}, or write --shard I/${count}`);
    if (!/^\d+$/.test(env[from]!.trim())) throw new UsageError(`${from}="${env[from]}" is not a whole number`);
    index = Number(env[from]);
  }
  if (!(count >= 1 && count <= SCENARIO_LIMITS.maxRuns)) throw new UsageError(`--shard: the number of shards must be from 1 to ${SCENARIO_LIMITS.maxRuns}, not ${count}`);
  if (index >= count) throw new UsageError(`--shard: index ${index} is not below the ${count} shards (they count from 0)`);
  return { index, count };
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
