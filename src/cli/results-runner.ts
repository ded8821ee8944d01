/**
 * One runner for a command that runs many scenarios in turn (a search, a sweep): threads
 * started once, each scenario's results summarised to the contract, a progress line.
 */
import type { ParsedArgs } from './args.ts';
import type { CliIo } from './io.ts';
import { commandProgress } from './progress.ts';
import type { Lang } from './format.ts';
import { GENERATOR, buildResultsJson } from '../engine/index.ts';
import type { ResultsJson, Scenario } from '../engine/index.ts';
import { NodeWorkerRunner } from '../workers/node-worker-runner.ts';
import { SizedRunner } from '../workers/sized-runner.ts';
import type { Runner } from '../workers/runner.ts';

/**
 * A command's runner on `workers` threads: a batch with work for one thread only runs on the
 * command's own (all of them, with one). The threads are kept for the command's many batches,
 * or (`keepWorkers` false: one batch) each ends once its summaries are in.
 */
export function batchesRunner(workers: number, keepWorkers = true): Runner {
  return new SizedRunner(new NodeWorkerRunner({ workers, keepWorkers }));
}

export function resultsRunner(io: CliIo, args: ParsedArgs, workers: number, lang: Lang) {
  const progress = commandProgress(io, args, lang);
  const runner = batchesRunner(workers);
  const run = async (scenario: Scenario): Promise<ResultsJson> =>
    buildResultsJson(scenario, await runner.run(scenario, { signal: io.signal }), { generator: GENERATOR });
  return { run, progress, dispose: () => runner.dispose() };
}
