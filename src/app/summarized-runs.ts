/**
 * How the sensitivity sweep and the optimiser's search ask the workbench's engine for one
 * scenario's results: run it (a block of its runs, when given), then summarise. The engine
 * holds one batch at a time, so a job cancelled meanwhile throws instead of taking another
 * batch's summary (or none) for its answer.
 */
import type { ResultsJson, Scenario } from '../engine/index.ts';
import { abortError, type SummarizingRunner } from '../workers/runner.ts';

export type SummarizedRun = (scenario: Scenario, range?: { runsFrom: number; runsTo: number }, onRuns?: (done: number) => void) => Promise<ResultsJson>;

export function summarizedRuns(engine: SummarizingRunner, signal: AbortSignal): SummarizedRun {
  return async (scenario, range, onRuns) => {
    await engine.run(scenario, { ...range, signal, onProgress: (done) => onRuns?.(done) });
    const results = await engine.summarize();
    if (!results || signal.aborted) throw abortError(signal);
    return results;
  };
}
