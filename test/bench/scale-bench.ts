/**
 * The scale half of `npm run bench` (issue 6), printing figures and asserting nothing:
 * - `paybench run` as a child process, client-department × BENCH_CLI_RUNS runs (default
 *   10,000 and 100,000), --workers 2: wall time and peak RSS (the child's own, read by
 *   max-rss.mjs; worker threads included);
 * - the large fixture (5,000 clients × 36 months × 20 staff): ns per client-day, runs/s;
 * - merging: K shards of a 4 × 1,000-run batch — writing, reading and merging them, and
 *   whether the merge equals the whole run's JSON.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileModel } from '../../src/engine/model/model.ts';
import { simulateRun } from '../../src/engine/run/simulate.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { planRuns, runChunk } from '../../src/engine/batch/montecarlo.ts';
import { ResultsAccumulator, buildResultsJson, resultsJsonText } from '../../src/engine/results/summarize.ts';
import { buildShard, readShard, shardText, ShardMerger } from '../../src/engine/batch/shard.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
type Row = [string, string];

function load(path: string): Scenario {
  const parsed = parseScenarioText(readFileSync(ROOT + path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path} does not parse`);
  return parsed.scenario;
}

/** `paybench run` in a child process: wall time and peak RSS. */
function cliRun(runs: number, workers: number): Promise<{ wallMs: number; maxRssMiB: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', ROOT + 'test/bench/max-rss.mjs', ROOT + 'src/cli/bin.mjs', 'run', ROOT + 'scenarios/client-department.json',
        '--runs', String(runs), '--workers', String(workers), '--quiet', '--json', '-'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const kib = Number(/maxrss-kib (\d+)/.exec(err)?.[1] ?? NaN);
      resolve({ wallMs: performance.now() - t0, maxRssMiB: kib / 1024, code });
    });
  });
}

export async function scaleBench(fourSchemes: Scenario): Promise<Row[]> {
  const rows: Row[] = [];

  // Large fixture, single thread.
  const large = load('test/fixtures/large-department.json');
  const model = compileModel(large);
  simulateRun(model, 0, 999);
  const sample = 6;
  let t0 = performance.now();
  for (let r = 0; r < sample; r++) simulateRun(model, r % large.schemes.length, r);
  const perRun = (performance.now() - t0) / sample;
  const clientDays = large.clients.count * model.calendar.days;
  rows.push([`large fixture: ${large.clients.count} clients × ${large.simulation.months} months × ${large.staff.length} staff`, `${perRun.toFixed(0)} ms per run, ${(1000 / perRun).toFixed(1)} runs/s, ${((perRun * 1e6) / clientDays).toFixed(1)} ns per client-day (one thread)`]);

  // Merging K shards of the 4 × runs batch.
  const K = 8;
  const runs = fourSchemes.simulation.runs;
  const whole = new ResultsAccumulator(fourSchemes).addAll(runChunk(compileModel(fourSchemes), planRuns(fourSchemes).jobs));
  const reference = resultsJsonText(buildResultsJson(fourSchemes, whole));
  const cuts = Array.from({ length: K + 1 }, (_, k) => Math.round((k * runs) / K));
  const parts = cuts.slice(0, -1).map((from, k) => {
    const acc = new ResultsAccumulator(fourSchemes);
    acc.addAll(runChunk(compileModel(fourSchemes), planRuns(fourSchemes, { runsFrom: from, runsTo: cuts[k + 1] }).jobs));
    return { from, to: cuts[k + 1], acc };
  });
  t0 = performance.now();
  const texts = parts.map((p) => shardText(buildShard(fourSchemes, p.acc, { ranges: [[p.from, p.to]], generator: 'bench' })));
  const writeMs = performance.now() - t0;
  t0 = performance.now();
  const read = texts.map((t, k) => readShard(t, `part${k}.json`));
  const readMs = performance.now() - t0;
  t0 = performance.now();
  const merger = new ShardMerger();
  for (const s of read.reverse()) merger.add(s);
  const merged = merger.result();
  const mergeMs = performance.now() - t0;
  t0 = performance.now();
  const same = resultsJsonText(buildResultsJson(fourSchemes, merged.acc)) === reference;
  const summaryMs = performance.now() - t0;
  const mib = texts.reduce((n, t) => n + t.length, 0) / 2 ** 20;
  rows.push([`merge ${K} shards of 4 schemes × ${runs} runs`, `write ${writeMs.toFixed(0)} ms, read ${readMs.toFixed(0)} ms (${mib.toFixed(1)} MiB of shards), merge ${mergeMs.toFixed(0)} ms, summary ${summaryMs.toFixed(0)} ms${same ? ', = the whole run' : '  (DIFFERS from the whole run!)'}`]);

  // The CLI at scale, in a child process.
  const cliRuns = (process.env.BENCH_CLI_RUNS ?? '10000,100000').split(',').map(Number).filter((n) => n > 0);
  for (const n of cliRuns) {
    const r = await cliRun(n, 2);
    const schemes = load('scenarios/client-department.json').schemes.length;
    rows.push([`paybench run, ${schemes} schemes × ${n} runs, --workers 2`, `${(r.wallMs / 1000).toFixed(1)} s wall, peak RSS ${r.maxRssMiB.toFixed(0)} MiB, ${((n * schemes) / (r.wallMs / 1000)).toFixed(0)} scheme-runs/s${r.code === 0 ? '' : ` (exit ${r.code})`}`]);
    console.error(`  … ${rows.at(-1)![0]}: ${rows.at(-1)![1]}`);
  }
  return rows;
}
