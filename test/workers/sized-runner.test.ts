/**
 * The command's runner for many batches: a batch with work for one thread only runs on the
 * calling thread, a larger one on the pool, and both give the same results.
 */
import { describe, expect, it } from 'vitest';
import { SizedRunner } from '../../src/workers/sized-runner.ts';
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { MIN_JOBS_PER_WORKER, batchWorkers, type Runner, type RunOptions } from '../../src/workers/runner.ts';
import { GENERATOR, buildResultsJson, defaultScenario, resultsJsonText, type Scenario } from '../../src/engine/index.ts';

/** A runner that says where each batch went (the inline runner doing the work). */
function recording(name: string, log: string[], size = 2): Runner & { workersFor(jobs: number): number } {
  const inline = new InlineRunner();
  return {
    workersFor: (jobs: number) => batchWorkers(size, jobs),
    run: (scenario: Scenario, options?: RunOptions) => (log.push(name), inline.run(scenario, options)),
    dispose: () => void log.push(`${name} disposed`),
  };
}

describe('SizedRunner', () => {
  it('runs a batch too small for two workers here, a larger one on the pool, with the same results', async () => {
    const scenario = defaultScenario();
    const schemes = scenario.schemes.length;
    const log: string[] = [];
    const runner = new SizedRunner(recording('pool', log), recording('here', log));
    const text = async (runsTo: number) =>
      resultsJsonText(buildResultsJson(scenario, await runner.run(scenario, { runsTo }), { generator: GENERATOR }));
    const small = Math.floor((2 * MIN_JOBS_PER_WORKER - 1) / schemes);
    const large = Math.ceil((2 * MIN_JOBS_PER_WORKER) / schemes);
    const reference = async (runsTo: number) =>
      resultsJsonText(buildResultsJson(scenario, await new InlineRunner().run(scenario, { runsTo }), { generator: GENERATOR }));
    expect(await text(small)).toBe(await reference(small));
    expect(await text(large)).toBe(await reference(large));
    // A scheme filter counts too: one scheme of the large range is a small batch.
    await runner.run(scenario, { runsTo: large, schemeIds: [scenario.schemes[0].id] });
    await runner.dispose();
    expect(log).toEqual(['here', 'pool', 'here', 'pool disposed']);
  });

  it('never uses a pool of one thread', async () => {
    const log: string[] = [];
    const runner = new SizedRunner(recording('pool', log, 1), recording('here', log));
    const scenario = defaultScenario();
    await runner.run(scenario, { runsTo: Math.ceil((2 * MIN_JOBS_PER_WORKER) / scenario.schemes.length) });
    expect(log).toEqual(['here']);
  });
});
