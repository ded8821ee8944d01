/**
 * A shard's slice from its index: `--shard I/K`, or `--shard K` with the index a batch
 * engine sets (Kubernetes JOB_COMPLETION_INDEX, AWS Batch AWS_BATCH_JOB_ARRAY_INDEX), so a
 * job needs no shell arithmetic; and the README's GNU parallel recipe, run for real where
 * GNU parallel is installed.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.ts';
import { shardFlag } from '../../src/cli/run-command.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIO = 'scenarios/client-department.json';

function fakeIo(env: Record<string, string> = {}, files: Record<string, string> = {}) {
  const written: Record<string, string> = {};
  const err: string[] = [];
  const io: CliIo = {
    stdout: () => {},
    stderr: (s) => err.push(s),
    readFile: async (path) => files[path] ?? readFileSync(path, 'utf8'),
    writeFile: async (path, data) => void (written[path] = data),
    cwd: root,
    cpus: 2,
    isTTY: false,
    env,
  };
  return { io, written, stderr: () => err.join('') };
}

describe('--shard', () => {
  it('reads I/K, or K with the index from the batch engine', () => {
    expect(shardFlag('2/5', {})).toEqual({ index: 2, count: 5 });
    expect(shardFlag('5', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 3, count: 5 });
    expect(shardFlag('5', { AWS_BATCH_JOB_ARRAY_INDEX: '4' })).toEqual({ index: 4, count: 5 });
    expect(() => shardFlag('5', {})).toThrow(/JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX/);
    expect(() => shardFlag('5/5', {})).toThrow(/not below the 5 shards/);
    expect(() => shardFlag('x', {})).toThrow(/I\/K/);
    expect(() => shardFlag('5', { JOB_COMPLETION_INDEX: 'two' })).toThrow(/not a whole number/);
  });

  it('writes the same shard as the runs it stands for, and the shards merge into the whole', async () => {
    const base = ['run', SCENARIO, '--runs', '8', '--months', '1', '--workers', '1', '--quiet'];
    const byRange = fakeIo();
    expect(await main([...base, '--runs-from', '2', '--runs-to', '4', '--json', 'r.json'], byRange.io)).toBe(0);
    const byIndex = fakeIo({ JOB_COMPLETION_INDEX: '1' });
    expect(await main([...base, '--shard', '4', '--json', 's.json'], byIndex.io)).toBe(0);
    expect(byIndex.written[root + 's.json']).toBe(byRange.written[root + 'r.json']);

    const files: Record<string, string> = {};
    for (let i = 0; i < 4; i++) {
      const t = fakeIo();
      expect(await main([...base, '--shard', `${i}/4`, '--json', `p${i}.json`], t.io)).toBe(0);
      files[root + `p${i}.json`] = t.written[root + `p${i}.json`];
    }
    const whole = fakeIo();
    expect(await main([...base, '--json', 'whole.json'], whole.io)).toBe(0);
    const merged = fakeIo({}, files);
    expect(await main(['merge', 'p0.json', 'p1.json', 'p2.json', 'p3.json', '--json', 'all.json'], merged.io)).toBe(0);
    expect(merged.written[root + 'all.json']).toBe(whole.written[root + 'whole.json']);
  });

  it('refuses a shard flag together with a run range', async () => {
    const t = fakeIo();
    expect(await main(['run', SCENARIO, '--runs', '8', '--shard', '0/2', '--runs-from', '0', '--quiet'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/not both/);
  });
});

const hasParallel = (() => {
  try {
    return /GNU parallel/.test(execSync('parallel --version', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false;
  }
})();

describe.skipIf(!hasParallel)('the README’s GNU parallel recipe', () => {
  it('runs K shards through parallel -S : and merges them into the whole run, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paybench-parallel-'));
    try {
      const bin = join(root, 'src/cli/bin.mjs');
      const scenario = join(root, SCENARIO);
      const N = 12;
      const K = 3;
      execSync(
        `seq 0 ${K - 1} | parallel -S : -j2 "node ${bin} run ${scenario} --runs ${N} --months 2 --shard {}/${K} --workers 1 --quiet --json ${dir}/part-{}.json > /dev/null"`,
        { cwd: dir, stdio: 'pipe', env: { ...process.env, PARALLEL_HOME: dir } },
      );
      execFileSync('node', [bin, 'merge', ...Array.from({ length: K }, (_, i) => `${dir}/part-${i}.json`), '--json', `${dir}/merged.json`], { stdio: 'pipe' });
      execFileSync('node', [bin, 'run', scenario, '--runs', String(N), '--months', '2', '--workers', '2', '--quiet', '--json', `${dir}/whole.json`], { stdio: 'pipe' });
      expect(readFileSync(`${dir}/merged.json`, 'utf8')).toBe(readFileSync(`${dir}/whole.json`, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
