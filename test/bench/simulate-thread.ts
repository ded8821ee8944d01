/**
 * One bench thread that only simulates: compiles the scenario it is given, warms up, then
 * times `runs` runs of its schemes in turn and posts the milliseconds per run. No folding,
 * no hand-over: what a worker's runs cost on this machine, alone or beside another.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileModel } from '../../src/engine/model/model.ts';
import { simulateRun } from '../../src/engine/run/simulate.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';

const { scenario, runs, warmUp } = workerData as { scenario: Scenario; runs: number; warmUp: number };
const model = compileModel(scenario);
const schemes = scenario.schemes.length;
for (let r = 0; r < warmUp; r++) simulateRun(model, r % schemes, 10_000 + r);
// Both threads start timing together (side-by-side.ts), so they overlap for the whole sample.
parentPort!.postMessage('warm');
parentPort!.once('message', () => {
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) simulateRun(model, r % schemes, r);
  parentPort!.postMessage((performance.now() - t0) / runs);
});
