/**
 * `npm run bench`: prints the engine's speed; asserts nothing (PRODUCT.md "Bars").
 * - single thread: ns per client-day (clients × simulated days incl. burn-in) and runs/s;
 * - the bundled client department, 4 schemes × 1,000 runs × 12 months, wall time with
 *   1 and 2 Node worker threads and the scaling (a 3-scheme scenario gets a copy of its
 *   last scheme), and the machine's own ceiling for that scaling: threads that only
 *   simulate, one alone and two at once (side-by-side.ts);
 * - scale (scale-bench.ts): the large fixture's throughput, the cost of merging shards,
 *   and `paybench run` at 10,000 and 100,000 runs with --workers 2: wall time, peak RSS.
 * - every bundled scenario and scheme: ms per run and ns per client-day (scenario-throughput.ts).
 * - the browser (browser-bench.ts): the same job in the workbench, and the client
 *   department at 100,000 runs there: the tab's memory, progress, Cancel.
 * Options: BENCH_RUNS (default 1000) to shorten the job; BENCH_SCALING_PAIRS (default 3):
 * 1- and 2-worker timings taken in turn; BENCH_CLI_RUNS (default
 * "10000,100000"; "0" skips); BENCH_BROWSER=0 skips the browser; BENCH_BROWSER_RUNS
 * (default 100000; "0" skips the big browser run).
 */
import { readFileSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { compileModel } from '../../src/engine/model/model.ts';
import { simulateRun } from '../../src/engine/run/simulate.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import { defaultScenario } from '../../src/engine/scenario/defaults.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { buildResultsJson, resultsJsonText } from '../../src/engine/results/summarize.ts';
import { NodeWorkerRunner } from '../../src/workers/node-worker-runner.ts';
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { MIN_JOBS_PER_WORKER } from '../../src/workers/runner.ts';
import { browserBench } from './browser-bench.ts';
import { scaleBench } from './scale-bench.ts';
import { sideBySide } from './side-by-side.ts';
import { scenarioThroughput, throughputTable } from './scenario-throughput.ts';
import { median, spread } from './figures.ts';

function loadScenario(): { scenario: Scenario; source: string } {
  const file = new URL('../../scenarios/client-department.json', import.meta.url);
  if (existsSync(file)) {
    const parsed = parseScenarioText(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error('scenarios/client-department.json does not parse');
    return { scenario: parsed.scenario, source: 'scenarios/client-department.json' };
  }
  return { scenario: defaultScenario(), source: 'defaultScenario()' };
}

function withFourSchemes(s: Scenario, runs: number): Scenario {
  const schemes = [...s.schemes];
  while (schemes.length < 4) {
    const last = schemes[schemes.length - 1];
    schemes.push({ ...last, id: `${last.id}-copy${schemes.length}`, name: `${last.name} (copy)` });
  }
  return { ...s, schemes: schemes.slice(0, 4), simulation: { ...s.simulation, runs, months: 12 } };
}

const ms = (t: number) => `${t.toFixed(0)} ms`;
/** Runs of each scheme in each of the pools' two warm-up batches (under a tenth of the timed job's work). */
const WARM_UP_RUNS = 200;

async function main() {
  const { scenario: base, source } = loadScenario();
  const runs = Number(process.env.BENCH_RUNS ?? 1000);
  const scenario = withFourSchemes(base, runs);
  const model = compileModel(scenario);
  const simulatedDays = model.calendar.days;
  const clients = scenario.clients.count;

  // Single thread: warm up, then time every scheme in turn. The optimising compiler takes
  // a few dozen runs to settle (a fresh thread's first 32 runs take 5–9 ms each, against
  // under 2 ms after): 5 runs of warm-up read about 1.6 times the warm figure.
  for (let r = 0; r < 80; r++) simulateRun(model, r % 4, 10_000 + r);
  const sample = 200;
  let t0 = performance.now();
  for (let r = 0; r < sample; r++) simulateRun(model, r % 4, r);
  const single = performance.now() - t0;
  const perRun = single / sample;
  const nsPerClientDay = (perRun * 1e6) / (clients * simulatedDays);

  const rows: [string, string][] = [
    ['scenario', `${source}: ${clients} clients, ${scenario.staff.length} staff, ${scenario.schemes.length} schemes`],
    ['simulated days per run', `${simulatedDays} (${scenario.simulation.burnInMonths} burn-in + 12 months)`],
    ['single thread, per run', `${perRun.toFixed(2)} ms`],
    ['single thread, runs/s', (1000 / perRun).toFixed(0)],
    ['single thread, ns per client-day', nsPerClientDay.toFixed(1)],
    ['client-days per second per core', `${((1e9 / nsPerClientDay) / 1e6).toFixed(1)} M`],
  ];

  const job = `4 schemes × ${runs} runs × 12 months`;
  t0 = performance.now();
  const inlineAcc = await new InlineRunner().run(scenario, { chunkSize: 16 });
  const inlineTime = performance.now() - t0;
  t0 = performance.now();
  const reference = resultsJsonText(buildResultsJson(scenario, inlineAcc));
  const summaryTime = performance.now() - t0;
  rows.push([`${job}, inline (this thread)`, ms(inlineTime)]);
  rows.push(['  summary + JSON', `${ms(summaryTime)} (${(reference.length / 1024).toFixed(0)} KiB)`]);

  // 1 and 2 workers in turn, BENCH_SCALING_PAIRS times (default 3): on a shared machine one
  // pair's ratio moved between 1.65× and 2.0× within minutes, so the median pair is the figure.
  const pairs = Math.max(1, Number(process.env.BENCH_SCALING_PAIRS ?? 3));
  const walls: [number[], number[]] = [[], []];
  const differs = [false, false];
  const pools = [1, 2].map((workers) => new NodeWorkerRunner({ workers }));
  try {
    for (const runner of pools) {
      // Start every thread (tsx, compile, the first runs' warm-up) outside the timing: two
      // batches of WARM_UP_RUNS runs of each scheme. With a batch of 16–32 runs (the least that
      // takes both workers), the first timed batch of two workers still paid for the optimising
      // compiler: V8's helper threads used about 0.9 s of CPU in it, against 0.35 s in the
      // next, on cores the two workers needed (one worker leaves them a free core).
      for (let k = 0; k < 2; k++) await runner.run(scenario, { runsTo: Math.max(WARM_UP_RUNS, Math.ceil((MIN_JOBS_PER_WORKER * runner.size) / scenario.schemes.length)) });
    }
    for (let p = 0; p < pairs; p++) {
      for (const [i, runner] of pools.entries()) {
        t0 = performance.now();
        const acc = await runner.run(scenario);
        walls[i].push(performance.now() - t0);
        if (resultsJsonText(buildResultsJson(scenario, acc)) !== reference) differs[i] = true;
      }
    }
  } finally {
    for (const runner of pools) await runner.dispose();
  }
  for (const i of [0, 1]) rows.push([`${job}, ${i + 1} node worker${i ? 's' : ''}, median of ${pairs}`, `${ms(median(walls[i]))}${spread(walls[i], ms)}${differs[i] ? '  (JSON DIFFERS from inline!)' : ''}`]);
  const ratios = walls[0].map((w, p) => w / walls[1][p]);
  const times = (x: number) => `${x.toFixed(2)}×`;
  rows.push([`  scaling 1 → 2 workers, median pair`, `${times(median(ratios))}${spread(ratios, times)}`]);
  rows.push(...(await sideBySide(scenario, pairs)));
  t0 = performance.now();
  const cold = new NodeWorkerRunner({ workers: 2 });
  await cold.run(scenario, { runsTo: 1 });
  // A batch this small takes one worker (MIN_JOBS_PER_WORKER): the pool's start-up to a first answer.
  rows.push(['node worker pool, start-up (tsx + compile + one run of each scheme)', ms(performance.now() - t0)]);
  await cold.dispose();

  rows.push(...(await scaleBench(scenario)));

  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`paybench bench · node ${process.version} · ${availableParallelism()} cores`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log('\nevery bundled scenario, single thread (modules on as the files have them):');
  console.log(throughputTable(scenarioThroughput()));
  if (process.env.BENCH_BROWSER !== '0') await browserBench(scenario, reference);
}

await main();
