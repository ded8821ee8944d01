/**
 * The cost of folding runs into summaries, apart from simulating them; prints, asserts
 * nothing. Simulates the client department once (FOLD_RUNS runs, default 1,000, every
 * scheme), keeps the RunResults, then:
 * - folds them into a fresh accumulator several times (CPU ms, median of FOLD_REPS = 5);
 * - summarises (buildResultsJson + text) and hands the state over as a worker does
 *   (typed toState → fromState → merge), and as a shard does (plain state → JSON text);
 * - with --expose-gc: the heap an accumulator holds once FOLD_SCALE runs (default 100,000)
 *   are folded in, the kept results reused under new run indices.
 * Run with `node --expose-gc --import tsx test/bench/fold-bench.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compileModel } from '../../src/engine/model/model.ts';
import { simulateRun } from '../../src/engine/run/simulate.ts';
import type { RunResult } from '../../src/engine/run/run-result.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import { ResultsAccumulator } from '../../src/engine/results/accumulator.ts';
import { buildResultsJson, resultsJsonText } from '../../src/engine/results/summarize.ts';
import { median } from './figures.ts';

const parsed = parseScenarioText(readFileSync(new URL('../../scenarios/client-department.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('scenarios/client-department.json does not parse');
const runs = Number(process.env.FOLD_RUNS ?? 1000);
const reps = Number(process.env.FOLD_REPS ?? 5);
const scale = Number(process.env.FOLD_SCALE ?? 100_000);
const scenario = { ...parsed.scenario, simulation: { ...parsed.scenario.simulation, runs } };
const model = compileModel(scenario);

/** CPU time of this thread's work (ms): steadier than wall time on a shared machine. */
const timed = (f: () => void) => {
  const t0 = process.cpuUsage();
  f();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
};

let t0 = performance.now();
const results: RunResult[] = [];
for (let r = 0; r < runs; r++) for (let s = 0; s < scenario.schemes.length; s++) results.push(simulateRun(model, s, r));
console.log(`simulated ${results.length} runs in ${(performance.now() - t0).toFixed(0)} ms`);

let acc = new ResultsAccumulator(scenario);
const folds = Array.from({ length: reps }, () =>
  timed(() => {
    acc = new ResultsAccumulator(scenario);
    for (const r of results) acc.add(r);
  }),
);
let text = '';
const summaries = Array.from({ length: reps }, () => timed(() => (text = resultsJsonText(buildResultsJson(scenario, acc)))));
const handOvers = Array.from({ length: reps }, () =>
  timed(() => new ResultsAccumulator(scenario).merge(ResultsAccumulator.fromState(acc.toState(true)), { adopt: true })),
);
let shard = '';
const shards = Array.from({ length: reps }, () => timed(() => (shard = JSON.stringify(acc.toState()))));
const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const show = (xs: number[]) => `median ${median(xs).toFixed(1)} ms  (${xs.map((x) => x.toFixed(0)).join(', ')})`;
console.log(`fold ${results.length} runs      ${show(folds)}  = ${((median(folds) * 1000) / results.length).toFixed(1)} µs a run`);
console.log(`summary + JSON text   ${show(summaries)}  results ${hash(text)}`);
console.log(`hand-over (typed)     ${show(handOvers)}`);
console.log(`shard state as JSON   ${show(shards)}  ${(shard.length / 1024).toFixed(0)} KiB, state ${hash(shard)}`);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc && scale > 0) {
  const used = () => {
    gc();
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  acc = new ResultsAccumulator(scenario);
  text = shard = '';
  const before = used();
  const big = new ResultsAccumulator(scenario);
  t0 = performance.now();
  for (let k = 0; k * runs < scale; k++) {
    for (const r of results) big.add({ ...r, runIndex: r.runIndex + k * runs });
  }
  const foldMs = performance.now() - t0;
  const held = used() - before;
  console.log(`fold ${big.size} runs (reused)  ${foldMs.toFixed(0)} ms; the accumulator holds ${(held / 2 ** 20).toFixed(1)} MiB`);
  const state = big.toState(true);
  const withState = used() - before;
  console.log(`  + its typed state (a worker's hand-over)  ${((withState - held) / 2 ** 20).toFixed(1)} MiB`);
  for (const i of big.schemeIndices().slice(0, 1)) {
    const s = big.scheme(i)!;
    const parts: [string, number][] = [
      ['cashDaily', s.cashDaily.reduce((n, x) => n + x.footprint, 0)],
      ['byDay', Object.values(s.byDay).flat().reduce((n, x) => n + x.footprint, 0)],
      ['monthly', s.monthly.flatMap((m) => Object.values(m)).reduce((n, x) => n + x.footprint, 0)],
      ['staff', s.staff.flatMap((p) => [p.pay, p.bonus, p.payTotal]).reduce((n, x) => n + x.footprint, 0)],
      ['metrics + totals', [...Object.values(s.monthlyMetrics), ...Object.values(s.totals)].reduce((n, x) => n + x.footprint, 0)],
    ];
    console.log(`  scheme ${i}: footprint (numbers held) ${parts.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  void state;
}
