/**
 * The machine's own ceiling for 1 → 2 workers: threads that only simulate (no folding, no
 * hand-over, no main-thread work), one alone and then two at once, in turn `pairs` times.
 * On a shared two-core machine two busy cores each run slower than one (shared cache,
 * clock, the host's other jobs). A pool hands chunks to whichever worker is free, so it
 * makes runs at the sum of the two threads' paces at most: alone × (1 / first + 1 / second)
 * times one thread's.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { median, spread } from './figures.ts';

const ENTRY = new URL('./simulate-thread.mjs', import.meta.url);
/** Runs before the timing: at 80 the optimising compiler was still at work in some threads. */
const WARM_UP = 200;

/** Milliseconds per run of each of `threads` threads that warm up apart and then run at once. */
async function together(scenario: Scenario, threads: number, runs: number): Promise<number[]> {
  const workers = Array.from({ length: threads }, () => new Worker(ENTRY, { workerData: { scenario, runs, warmUp: WARM_UP } }));
  try {
    const next = (w: Worker) =>
      new Promise<unknown>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
      });
    await Promise.all(workers.map(next));
    const timed = workers.map(next);
    for (const w of workers) w.postMessage('go');
    return (await Promise.all(timed)) as number[];
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export async function sideBySide(scenario: Scenario, pairs: number, runs = 600): Promise<[string, string][]> {
  const alone: number[] = [];
  const both: number[] = [];
  const ceilings: number[] = [];
  for (let p = 0; p < pairs; p++) {
    const a = (await together(scenario, 1, runs))[0];
    const two = await together(scenario, 2, runs);
    alone.push(a);
    both.push(two.reduce((s, x) => s + x, 0) / two.length);
    ceilings.push(a * two.reduce((s, x) => s + 1 / x, 0));
  }
  const perRun = (x: number) => `${x.toFixed(2)} ms`;
  return [
    [`threads that only simulate, ${runs} runs each: one alone / two at once (their mean), median of ${pairs}`, `${perRun(median(alone))} / ${perRun(median(both))} a run`],
    ['  the machine\'s ceiling for 1 → 2 workers (alone × the two paces summed), median pair', `${median(ceilings).toFixed(2)}×${spread(ceilings, (x) => `${x.toFixed(2)}×`)}`],
  ];
}
