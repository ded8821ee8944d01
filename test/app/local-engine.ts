/** The workbench's run engine on this thread: the inline runner and an in-thread summary. */
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { ResultsAccumulator } from '../../src/engine/accumulator.ts';
import { buildResultsJson } from '../../src/engine/summarize.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import type { RunEngine } from '../../src/app/workbench.svelte.ts';

export function localEngine(): RunEngine & { summaries: number } {
  let batch = 0;
  let held: { scenario: Scenario; acc: ResultsAccumulator } | null = null;
  const engine = {
    summaries: 0,
    runner: new InlineRunner(),
    summary: {
      reset(scenario: Scenario) {
        held = { scenario, acc: new ResultsAccumulator(scenario) };
        return ++batch;
      },
      accumulatorFor(b: number) {
        return b === batch && held ? held.acc : new ResultsAccumulator(held?.scenario);
      },
      async summarize(b: number) {
        if (b !== batch || !held) return null;
        engine.summaries++;
        return buildResultsJson(held.scenario, held.acc, { generator: 'paybench 0.1.0' });
      },
      restart() {},
    },
  };
  return engine;
}
