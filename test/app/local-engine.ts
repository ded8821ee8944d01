/** The workbench's run engine on this thread: the inline runner folding into an in-thread summary. */
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { ResultsAccumulator } from '../../src/engine/results/accumulator.ts';
import { buildResultsJson } from '../../src/engine/results/summarize.ts';
import { GENERATOR } from '../../src/engine/batch/generator.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import type { RunEngine } from '../../src/app/workbench.svelte.ts';
import type { RunOptions } from '../../src/workers/runner.ts';

export function localEngine(): RunEngine & { summaries: number } {
  const runner = new InlineRunner();
  let held: { scenario: Scenario; acc: ResultsAccumulator } | null = null;
  const engine = {
    summaries: 0,
    async run(scenario: Scenario, options: Omit<RunOptions, 'accumulator'> = {}) {
      const mine = { scenario, acc: new ResultsAccumulator(scenario) };
      held = mine;
      await runner.run(scenario, { ...options, accumulator: mine.acc });
    },
    async summarize() {
      if (!held) return null;
      engine.summaries++;
      return buildResultsJson(held.scenario, held.acc, { generator: GENERATOR });
    },
    dispose() {},
  };
  return engine;
}
