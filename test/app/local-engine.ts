/**
 * The workbench's run engine on this thread: the inline runner folding into an in-thread
 * summary. Like the web pool, it holds the last batch whole once a full summary was asked
 * after it ended, and a new batch may keep schemes from it (options.keep).
 */
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { ResultsAccumulator } from '../../src/engine/results/accumulator.ts';
import { buildResultsJson } from '../../src/engine/results/summarize.ts';
import { GENERATOR } from '../../src/engine/batch/generator.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import type { RunEngine } from '../../src/app/workbench.svelte.ts';
import type { HeldBatch, SummarizingRunOptions } from '../../src/workers/runner.ts';

export function localEngine(): RunEngine & { summaries: number; jobs: number } {
  const runner = new InlineRunner();
  let held: { scenario: Scenario; acc: ResultsAccumulator; ended: number | null } | null = null;
  let whole: HeldBatch | null = null;
  const engine = {
    summaries: 0,
    /** Scheme-runs simulated in all. */
    jobs: 0,
    holds(): HeldBatch | null {
      return whole && held && whole.scenario === held.scenario ? whole : null;
    },
    async run(scenario: Scenario, options: SummarizingRunOptions = {}) {
      const keep = options.keep?.some((p) => p >= 0) ? options.keep : [];
      const h = engine.holds();
      if (keep.length > 0 && (!h || h.runs !== scenario.simulation.runs || options.runsFrom || options.runsTo)) throw new Error('nothing held to keep');
      const acc = keep.length > 0 ? held!.acc.moveTo(keep) : new ResultsAccumulator(scenario);
      const mine = { scenario, acc, ended: null as number | null };
      held = mine;
      whole = null;
      let stoppedAt: number | null = null;
      const ask = options.onCheckpoint;
      const onCheckpoint =
        ask &&
        (async (runs: number) => {
          const stop = await ask(runs);
          if (stop) stoppedAt = runs;
          return stop;
        });
      const schemeIds = keep.length > 0 ? scenario.schemes.filter((_, i) => keep[i] < 0).map((s) => s.id) : options.schemeIds;
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
      const everyScheme = schemeIds === undefined || keep.length > 0 || schemeIds.length === scenario.schemes.length;
      if (!options.runsFrom && options.runsTo === undefined && everyScheme) mine.ended = stoppedAt ?? scenario.simulation.runs;
    },
    async summarize(options: { glimpse?: boolean } = {}) {
      if (!held) return null;
      engine.summaries++;
      if (!options.glimpse && held.ended !== null) whole = { scenario: held.scenario, runs: held.ended };
      return buildResultsJson(held.scenario, held.acc, { generator: GENERATOR });
    },
    dispose() {},
  };
  return engine;
}
