import { describe, expect, it } from 'vitest';
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { buildResultsJson, resultsJsonText } from '../../src/engine/results/summarize.ts';
import { fakeRun, fakeScenario } from '../support/fake-run.ts';

const inline = new InlineRunner({ compile: (s) => ({ name: s.name }) as never, simulate: (_m, s, r) => fakeRun(s, r) });

describe('inline runner', () => {
  it('runs the plan with progress, whatever the chunk size', async () => {
    const scenario = fakeScenario(3);
    const progress: [number, number][] = [];
    const a = await inline.run(scenario, { chunkSize: 1, onProgress: (d, t) => progress.push([d, t]) });
    const b = await inline.run(scenario, { chunkSize: 13 });
    expect(progress.at(-1)).toEqual([60, 60]);
    expect(resultsJsonText(buildResultsJson(scenario, a))).toBe(resultsJsonText(buildResultsJson(scenario, b)));
  });

  it('cancels between chunks', async () => {
    const controller = new AbortController();
    const run = inline.run(fakeScenario(3), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toThrow(/abort/i);
  });
});
