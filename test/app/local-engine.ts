/**
 * The workbench's run engine on this thread: the inline runner folding into an in-thread
 * summary. Like the web pool (and with its HeldRuns), it keeps a copy of the last batches asked
 * to be held once each ended with every run and a full summary was asked for, and a later batch
 * may keep schemes from one of those copies (options.keep, keepFrom), whatever ran or was
 * cancelled in between.
 */
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { ResultsAccumulator } from '../../src/engine/results/accumulator.ts';
import { buildResultsJson } from '../../src/engine/results/summarize.ts';
import { GENERATOR } from '../../src/engine/batch/generator.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import type { RunEngine } from '../../src/app/workbench.svelte.ts';
import type { HeldBatch, SummarizingRunOptions } from '../../src/workers/runner.ts';
import { HeldRuns, keptFrom } from '../../src/workers/kept-runs.ts';

export function localEngine(): RunEngine & { summaries: number; jobs: number; afterStep: ((step: number) => void) | null } {
  const runner = new InlineRunner();
  let latest: { scenario: Scenario; acc: ResultsAccumulator; batch: number } | null = null;
  /** The pool's own record of the batches held. */
  const held = new HeldRuns();
  let batches = 0;
  const engine = {
    summaries: 0,
    /** Scheme-runs simulated in all. */
    jobs: 0,
    /** Called once the caller has read a checkpoint (what it decided is then in its state). */
    afterStep: null as ((step: number) => void) | null,
    holds(): HeldBatch[] {
      return held.holds();
    },
    async run(scenario: Scenario, options: SummarizingRunOptions = {}) {
      const kept = await keptFrom(held, scenario, options);
      if (kept instanceof Error) throw kept;
      const acc = kept ? ResultsAccumulator.fromState(kept.state) : new ResultsAccumulator(scenario);
      const mine = { scenario, acc, batch: ++batches };
      latest = mine;
      let stoppedAt: number | null = null;
      const ask = options.onCheckpoint;
      const onCheckpoint =
        ask &&
        (async (runs: number) => {
          const stop = await ask(runs);
          if (stop) stoppedAt = runs;
          engine.afterStep?.(runs);
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
      const runsTo = options.runsTo ?? scenario.simulation.runs;
      const runs = stoppedAt ?? runsTo;
      if (options.hold && !options.runsFrom && everyScheme && (!kept || runs === runsTo)) held.end(mine.batch, scenario, runs);
    },
    async summarize(options: { glimpse?: boolean } = {}) {
      if (!latest) return null;
      engine.summaries++;
      const whole = options.glimpse ? null : held.ended(latest.batch);
      if (whole) held.gathered(whole, Promise.resolve(latest.acc.toState()));
      return buildResultsJson(latest.scenario, latest.acc, { generator: GENERATOR });
    },
    dispose() {},
  };
  return engine;
}
