/**
 * Runs the batch on the calling thread, one chunk at a time, yielding to the event loop
 * between chunks so progress can be drawn and a cancel can land. The reference runner:
 * every other runner must give byte-identical results.
 */
import { ResultsAccumulator, chunkRuns, compileModel, planRuns, runChunk } from '../engine/index.ts';
import type { Model, Scenario, SimulateFn } from '../engine/index.ts';
import { abortError } from './runner.ts';
import type { Runner, RunOptions } from './runner.ts';

export interface InlineRunnerOptions {
  /** For tests: replace the model compiler and the simulator. */
  compile?: (scenario: Scenario) => Model;
  simulate?: SimulateFn;
}

/**
 * Lets progress and a cancel in between chunks. Where the runtime has setImmediate (Node),
 * it, not setTimeout: a timer waits at least a millisecond, and a chunk of four runs takes
 * only five to eight, so timers left the thread idle for about a sixth of the batch.
 */
const yieldToEventLoop: () => Promise<void> =
  typeof setImmediate === 'function' ? () => new Promise<void>((resolve) => setImmediate(resolve)) : () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class InlineRunner implements Runner {
  readonly #compile: (scenario: Scenario) => Model;
  readonly #simulate: SimulateFn | undefined;

  constructor(options: InlineRunnerOptions = {}) {
    this.#compile = options.compile ?? compileModel;
    this.#simulate = options.simulate;
  }

  async run(scenario: Scenario, options: RunOptions = {}): Promise<ResultsAccumulator> {
    const { signal, onProgress, profits } = options;
    const acc = options.accumulator ?? new ResultsAccumulator(scenario);
    const plan = planRuns(scenario, options);
    const chunks = chunkRuns(plan, options.chunkSize ?? 4);
    if (signal?.aborted) throw abortError(signal);
    const model = this.#compile(scenario);
    const schemes = plan.schemeIndices.length;
    const stops = (options.checkpoints ?? []).filter((c) => c > plan.runsFrom && c < plan.runsTo);
    let done = 0;
    for (const whole of chunks) {
      // A chunk never crosses a checkpoint: cut it there.
      for (let jobs = whole; jobs.length > 0; ) {
        const stop = stops.find((c) => c > jobs[0].runIndex);
        const cut = stop === undefined ? jobs.length : Math.min(jobs.length, (stop - plan.runsFrom) * schemes - done);
        const chunk = jobs.slice(0, cut);
        acc.addAll(runChunk(model, chunk, this.#simulate));
        if (profits) for (const job of chunk) profits.record(job.schemeIndex, job.runIndex, acc.profit(job.schemeIndex, job.runIndex));
        done += cut;
        jobs = jobs.slice(cut);
        onProgress?.(done, plan.jobs.length);
        await yieldToEventLoop();
        if (signal?.aborted) throw abortError(signal);
        if (stop !== undefined && done === (stop - plan.runsFrom) * schemes && options.onCheckpoint && (await options.onCheckpoint(stop))) return acc;
      }
    }
    return acc;
  }

  dispose(): void {}
}
