/**
 * The summary worker: folds the batch's runs into its ResultsAccumulator as they arrive
 * (bounded summaries: the runs themselves are dropped) and turns it into the results
 * contract (`buildResultsJson`, the same function the CLI prints from), so neither the
 * memory nor the time of summarising 100,000 runs lands on the page.
 */
import * as Comlink from 'comlink';
import { ResultsAccumulator } from '../engine/accumulator.ts';
import type { RunResult } from '../engine/run-result.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import { buildResultsJson } from '../engine/summarize.ts';
import type { ResultsJson } from '../engine/summarize.ts';

export const GENERATOR = 'paybench 0.1.0';

let scenario: Scenario | null = null;
let batch = -1;
let acc = new ResultsAccumulator();

const api = {
  reset(nextBatch: number, next: Scenario): void {
    batch = nextBatch;
    scenario = next;
    acc = new ResultsAccumulator(next);
  },
  add(forBatch: number, results: RunResult[]): void {
    if (forBatch === batch) acc.addAll(results);
  },
  /** The summary of what is held now; null if the batch moved on. */
  summarize(forBatch: number): ResultsJson | null {
    if (forBatch !== batch || !scenario) return null;
    return buildResultsJson(scenario, acc, { generator: GENERATOR });
  },
};

export type SummaryWorkerApi = typeof api;

Comlink.expose(api);
