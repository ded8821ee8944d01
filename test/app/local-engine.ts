/**
 * The workbench's run engine on this thread: the inline runner folding into an in-thread
 * summary. Like the web pool, it keeps a copy of the last batches asked to be held once each
 * ended with every run and a full summary was asked for, and a later batch may keep schemes
 * from one of those copies (options.keep, keepFrom), whatever ran or was cancelled in between.
 */
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { ResultsAccumulator } from '../../src/engine/results/accumulator.ts';
import { buildResultsJson } from '../../src/engine/results/summarize.ts';
import { GENERATOR } from '../../src/engine/batch/generator.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import type { AccumulatorState } from '../../src/engine/results/accumulator.ts';
import type { RunEngine } from '../../src/app/workbench.svelte.ts';
import type { HeldBatch, SummarizingRunOptions } from '../../src/workers/runner.ts';
import { HELD_COMPARISONS, keptRuns } from '../../src/workers/kept-runs.ts';

export function localEngine(): RunEngine & { summaries: number; jobs: number } {
  const runner = new InlineRunner();
  let latest: { scenario: Scenario; acc: ResultsAccumulator; ended: number | null } | null = null;
  /** Newest first, as many as the web pool holds. */
  let held: (HeldBatch & { state: AccumulatorState })[] = [];
  const find = (scenario?: Scenario) => (scenario ? held.find((h) => h.scenario === scenario) : held[0]) ?? null;
  const engine = {
    summaries: 0,
    /** Scheme-runs simulated in all. */
    jobs: 0,
    holds(): HeldBatch[] {
      return held.map((h) => ({ scenario: h.scenario, runs: h.runs }));
    },
    async run(scenario: Scenario, options: SummarizingRunOptions = {}) {
      const from = find(options.keepFrom);
      const kept = keptRuns(from && { scenario: from.scenario, runs: from.runs }, from?.state ?? null, scenario, options);
      if (kept instanceof Error) throw kept;
      const acc = kept ? ResultsAccumulator.fromState(kept.state) : new ResultsAccumulator(scenario);
      const mine = { scenario, acc, ended: null as number | null };
      latest = mine;
      let stoppedAt: number | null = null;
      const ask = options.onCheckpoint;
      const onCheckpoint =
        ask &&
        (async (runs: number) => {
          const stop = await ask(runs);
          if (stop) stoppedAt = runs;
          return stop;
        });
      const schemeIds = kept ? kept.run : options.schemeIds;
      let done = 0;
      await runner.run(scenario, {
        ...options,
        ...(schemeIds ? { schemeIds } : {}),
        ...(onCheckpoint ? { onCheckpoint } : {}),
        accumulator: acc,
        onProgress: (d, total) => {
          engine.jobs += d - done;
          done = d;
          options.onProgress?.(d, total);
        },
      });
      const everyScheme = kept !== null || schemeIds === undefined || schemeIds.length === scenario.schemes.length;
      const runs = stoppedAt ?? scenario.simulation.runs;
      if (options.hold && !options.runsFrom && options.runsTo === undefined && everyScheme && (!kept || runs === scenario.simulation.runs)) mine.ended = runs;
    },
    async summarize(options: { glimpse?: boolean } = {}) {
      if (!latest) return null;
      engine.summaries++;
      if (!options.glimpse && latest.ended !== null) {
        const copy = { scenario: latest.scenario, runs: latest.ended, state: latest.acc.toState() };
        held = [copy, ...held.filter((h) => h.scenario !== copy.scenario)].slice(0, HELD_COMPARISONS);
      }
      return buildResultsJson(latest.scenario, latest.acc, { generator: GENERATOR });
    },
    dispose() {},
  };
  return engine;
}
