/**
 * A thread pool for commands that run many batches of any size (a search, a sweep): a batch
 * with work for one worker only runs on the calling thread instead, since sending it to a
 * worker costs a model's compile there and a hand-over of summaries (tens of milliseconds
 * whatever the batch's size), with no second worker to gain from. Larger batches go to
 * the pool. The results are the same either way.
 */
import { planShape } from '../engine/index.ts';
import type { ResultsAccumulator, Scenario } from '../engine/index.ts';
import { InlineRunner } from './inline-runner.ts';
import type { Runner, RunOptions } from './runner.ts';

export class SizedRunner implements Runner {
  constructor(
    private readonly pool: Runner & { workersFor(jobs: number, chunkSize?: number): number },
    private readonly here: Runner = new InlineRunner(),
  ) {}

  run(scenario: Scenario, options: RunOptions = {}): Promise<ResultsAccumulator> {
    const jobs = planShape(scenario, options).jobCount;
    return this.pool.workersFor(jobs, options.chunkSize) > 1 ? this.pool.run(scenario, options) : this.here.run(scenario, options);
  }

  dispose(): void | Promise<void> {
    return this.pool.dispose();
  }
}
