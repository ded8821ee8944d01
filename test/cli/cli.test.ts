import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/main.ts';
import { MIN_JOBS_PER_WORKER } from '../../src/workers/runner.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIO = 'scenarios/client-department.json';

function fakeIo(files: Record<string, string> = {}, extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIo = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: async (path) => (path in files ? files[path] : readFile(path, 'utf8')),
    writeFile: async (path, data) => {
      written[path] = data;
    },
    cwd: root,
    cpus: 2,
    isTTY: false,
    ...extra,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written };
}

describe('paybench validate', () => {
  it('accepts the bundled scenario', async () => {
    const t = fakeIo();
    expect(await main(['validate', SCENARIO], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/OK/);
  });

  it('counts what the file holds in words that agree with the numbers', async () => {
    const doc = JSON.parse(await readFile(root + SCENARIO, 'utf8'));
    doc.schemes = doc.schemes.slice(0, 1);
    doc.clients.count = 21;
    const t = fakeIo({ [root + 'one.json']: JSON.stringify(doc) });
    expect(await main(['validate', 'one.json'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/OK — ".+", 1 scheme, \d+ staff, 21 clients\n$/);
    const ru = fakeIo({ [root + 'one.json']: JSON.stringify(doc) });
    expect(await main(['validate', 'one.json', '--lang', 'ru'], ru.io)).toBe(0);
    expect(ru.stdout()).toMatch(/OK — «.+», 1 схема, 4 сотрудника, 21 клиент\n$/);
  });

  it('lists errors one per line with their paths, exit 1', async () => {
    const text = await readFile(root + SCENARIO, 'utf8');
    const doc = JSON.parse(text);
    doc.simulation.months = 99;
    doc.schemes[0].id = 'bad id!';
    const t = fakeIo({ [root + 'broken.json']: JSON.stringify(doc) });
    expect(await main(['validate', 'broken.json'], t.io)).toBe(1);
    const lines = t.stdout().trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.startsWith('simulation.months'))).toBe(true);
    expect(lines.some((l) => l.startsWith('schemes[0].id'))).toBe(true);
  });

  it('says so when the file cannot be read or is not JSON', async () => {
    const t = fakeIo({ [root + 'junk.json']: '{ nope' });
    expect(await main(['validate', 'missing.json'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/cannot read missing\.json/);
    expect(await main(['validate', 'junk.json'], t.io)).toBe(1);
  });
});

describe('command line mistakes', () => {
  it('exit 2 with a message for unknown commands and flags', async () => {
    let t = fakeIo();
    expect(await main(['frobnicate'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/unknown command "frobnicate"/);
    t = fakeIo();
    expect(await main(['run', SCENARIO, '--turbo'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/unknown option --turbo/);
    t = fakeIo();
    expect(await main(['run', SCENARIO, '--runs', 'many'], t.io)).toBe(2);
    t = fakeIo();
    expect(await main(['run', SCENARIO, '--scheme', 'nope', '--runs', '1'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/unknown scheme "nope"/);
    t = fakeIo();
    expect(await main(['payout', SCENARIO, '--scheme', 'threshold'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/--collected/);
  });

  it('prints help', async () => {
    const t = fakeIo();
    expect(await main(['--help'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/paybench run FILE/);
  });
});

describe('paybench payout', () => {
  it('asks whether the key-client plan was met, and pays its tranche only if so', async () => {
    const base = ['payout', 'scenarios/team-split.json', '--scheme', 'keyClients', '--collected', '55000000'];
    const missing = fakeIo();
    expect(await main(base, missing.io)).toBe(1);
    expect(missing.stderr()).toMatch(/keyPlanMet\.20: .*5 largest clients/);
    const met = fakeIo();
    const missed = fakeIo();
    expect(await main([...base, '--key-plan-met', '20=yes', '--json'], met.io)).toBe(0);
    expect(await main([...base, '--key-plan-met', '20=no', '--json'], missed.io)).toBe(0);
    const paid = (t: ReturnType<typeof fakeIo>) => JSON.parse(t.stdout()).poolPaid;
    expect(paid(met)).toBe('75000.00');
    expect(paid(missed)).toBe('50000.00'); // two thirds: the key-client third withheld
  });

  it('reproduces the worked example of article 002 to the kopeck', async () => {
    const t = fakeIo();
    const code = await main(
      ['payout', SCENARIO, '--scheme', 'threshold', '--collected', '55000000', '--adjust', 'masha=15000', '--adjust', 'vasya=-6000'],
      t.io,
    );
    expect(t.stderr()).toBe('');
    expect(code).toBe(0);
    const out = t.stdout();
    expect(out).toMatch(/Pool: 75 000\.00/);
    const person = (id: string) => out.split('\n').find((l) => l.includes(`(${id})`))!.trim().split(/\s{2,}/).at(-1);
    expect(person('head')).toBe('30 000.00');
    expect(person('masha')).toBe('27 000.00');
    expect(person('vasya')).toBe('6 000.00');
    expect(person('olya')).toBe('12 000.00');
  });

  it('gives exact decimal strings as JSON', async () => {
    const t = fakeIo();
    const args = ['payout', SCENARIO, '--scheme', 'threshold', '--collected', '55000000', '--adjust', 'masha=15000', '--adjust', 'vasya=-6000', '--json'];
    expect(await main(args, t.io)).toBe(0);
    const r = JSON.parse(t.stdout());
    expect(r.pool).toBe('75000.00');
    expect(Object.fromEntries(r.people.map((p: { id: string; bonus: string }) => [p.id, p.bonus]))).toEqual({
      head: '30000.00', masha: '27000.00', vasya: '6000.00', olya: '12000.00',
    });
  });

  it('reports a bad amount with its place, exit 1', async () => {
    const t = fakeIo();
    expect(await main(['payout', SCENARIO, '--scheme', 'threshold', '--collected', '55 millions'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/collected/);
  });
});

describe('paybench run', () => {
  const args = ['run', SCENARIO, '--runs', '6', '--months', '2', '--quiet'];

  it('writes byte-identical JSON for --workers 1 and 2', async () => {
    // Enough runs for two threads (MIN_JOBS_PER_WORKER scheme-runs each): fewer run on this one.
    const runs = String(Math.ceil((2 * MIN_JOBS_PER_WORKER) / 3));
    const enough = ['run', SCENARIO, '--runs', runs, '--months', '1', '--quiet'];
    const one = fakeIo();
    const two = fakeIo();
    expect(await main([...enough, '--workers', '1', '--json', 'out.json'], one.io)).toBe(0);
    expect(await main([...enough, '--workers', '2', '--json', 'out.json'], two.io)).toBe(0);
    const a = one.written[root + 'out.json'];
    expect(a).toBeTruthy();
    expect(two.written[root + 'out.json']).toBe(a);
    const json = JSON.parse(a);
    expect(json.format).toBe('paybench-results');
    expect(json.scenario.runs).toBe(Number(runs));
    expect(json.scenario.months).toBe(1);
    expect(one.stdout()).toBe(two.stdout());
  });

  it('prints the summary table and the month story', async () => {
    const t = fakeIo();
    expect(await main([...args, '--workers', '1'], t.io)).toBe(0);
    const out = t.stdout();
    expect(out).toMatch(/Collections\/mo \(median\)/);
    expect(out).toMatch(/by day 15/);
    expect(out).toMatch(/26–31/);
    expect(out).toMatch(/\(baseline\)/);
    // The worst-day gap over the whole month beside the mid-month one.
    expect(out).toMatch(/Plan met  Gap: month \(median\)  mid-month \(median\)/);
  });

  it('prints growth, the inbound flow and people by year only where a scheme has them', async () => {
    const dept = fakeIo();
    expect(await main([...args, '--workers', '1'], dept.io)).toBe(0);
    expect(dept.stdout()).not.toMatch(/Growth by year|Inbound flow|People:/);
    const sales = fakeIo();
    expect(await main(['run', 'scenarios/sales-stagnation.json', '--runs', '2', '--months', '14', '--quiet', '--workers', '1'], sales.io)).toBe(0);
    expect(sales.stdout()).toMatch(/Growth by year[^]*year 1 +year 2/);
    expect(sales.stdout()).toMatch(/Inbound flow by year: share of requests signed \(mean\)\n/); // the marketing scheme's routed requests, no star module
    const people = fakeIo();
    expect(await main(['run', 'scenarios/absence-and-departures.json', '--runs', '3', '--quiet', '--workers', '1', '--lang', 'ru'], people.io)).toBe(0);
    expect(people.stdout()).toMatch(/Люди: [^]*personal +[\d,]+ +0 ?%/);
  });

  it('writes JSON to stdout with --json - and nothing else there', async () => {
    const t = fakeIo();
    expect(await main([...args, '--workers', '1', '--scheme', 'tranches', '--json', '-'], t.io)).toBe(0);
    const json = JSON.parse(t.stdout());
    // the baseline always runs along
    expect(json.schemes.map((s: { id: string }) => s.id)).toEqual(['linear', 'tranches']);
    expect(json.schemes[1].vsBaseline.runs).toBe(6);
  });

  it('writes CSV files with a BOM and no formula cells', async () => {
    const t = fakeIo();
    expect(await main([...args, '--workers', '1', '--csv', 'out'], t.io)).toBe(0);
    const names = Object.keys(t.written).map((p) => p.slice((root + 'out/').length)).sort();
    expect(names).toEqual(['cash-daily.csv', 'intra-month.csv', 'monthly.csv', 'staff.csv', 'summary.csv']);
    const summary = t.written[root + 'out/summary.csv'];
    expect(summary.startsWith('\uFEFFscheme,')).toBe(true);
    expect(summary.split('\r\n')).toHaveLength(3 + 2); // header, 3 schemes, final newline
    const header = summary.slice(1).split('\r\n')[0].split(',');
    expect(header.indexOf('max_cash_gap_monthly_p95') + 1).toBe(header.indexOf('max_cash_gap_mid_month_mean'));
  });

  it('shows sparse progress when stderr is a log', async () => {
    const t = fakeIo();
    expect(await main(['run', SCENARIO, '--runs', '4', '--months', '1', '--workers', '1'], t.io)).toBe(0);
    expect(t.stderr()).toMatch(/12\/12 runs \(100%\)/);
    expect(t.stderr()).toMatch(/\/12 runs \(\d+%\) · [\d.]+ s left/);
    expect(t.stderr()).not.toMatch(/up to/);
    expect(t.stderr()).toMatch(/done in/);
  });

  it('says "up to" the time left when the runs stop once the answer is settled', async () => {
    const t = fakeIo();
    expect(await main(['run', SCENARIO, '--runs', '4', '--months', '1', '--workers', '1', '--until-converged'], t.io)).toBe(0);
    expect(t.stderr()).toMatch(/\/12 runs \(\d+%\) · up to [\d.]+ s left/);
  });

  it('shows its progress in Russian with --lang ru, as the rest of its output', async () => {
    const t = fakeIo();
    expect(await main(['run', SCENARIO, '--runs', '4', '--months', '1', '--workers', '1', '--lang', 'ru'], t.io)).toBe(0);
    expect(t.stderr()).toMatch(/\/12 прогонов \(\d+%\) · осталось [\d.]+ с/);
    expect(t.stderr()).toMatch(/готово за [\d.]+ с/);
    expect(t.stderr()).not.toMatch(/runs|left|done in/);
  });

  it('says "about" the time to the step where the answer likely settles, once the first step is read', async () => {
    const t = fakeIo();
    expect(await main(['run', SCENARIO, '--runs', '200', '--months', '1', '--workers', '1', '--until-converged'], t.io)).toBe(0);
    // A quarter of the 600 runs: no step read yet; three quarters: the step of 100 read.
    expect(t.stderr()).toMatch(/\d+\/600 runs \(25%\) · up to [\d.]+ s left/);
    expect(t.stderr()).toMatch(/\d+\/600 runs \(75%\) · about [\d.]+ s left \(likely (settled at 200 runs|every run)\)/);
  });
});

describe('paybench run --runs-from/--runs-to and paybench merge', () => {
  // 9 runs × 2 months of the bundled scenario, cut into three uneven shards.
  const base = ['run', SCENARIO, '--runs', '9', '--months', '2', '--quiet'];
  const shards: Record<string, string> = {};
  const whole = async () => {
    const t = fakeIo();
    expect(await main([...base, '--workers', '2', '--json', 'whole.json'], t.io)).toBe(0);
    return t.written[root + 'whole.json'];
  };
  const shard = async (name: string, from: number, to: number, extra: string[] = []) => {
    const t = fakeIo();
    const code = await main([...base, '--workers', '1', '--runs-from', String(from), '--runs-to', String(to), '--json', name, ...extra], t.io);
    shards[root + name] = t.written[root + name];
    return { code, t };
  };
  const merge = async (...names: string[]) => {
    const t = fakeIo(shards);
    const code = await main(['merge', ...names, '--json', 'all.json'], t.io);
    return { code, t, json: t.written[root + 'all.json'] };
  };

  it('writes shards that merge, in any order, into exactly the whole run', async () => {
    const reference = await whole();
    const { code, t } = await shard('a.json', 0, 2);
    expect(code).toBe(0);
    expect(t.stderr()).toMatch(/shard: runs 0–1 of 9 → a\.json/);
    const a = JSON.parse(shards[root + 'a.json']);
    expect(a).toMatchObject({ format: 'paybench-shard', version: 1, ranges: [[0, 2]], schemes: ['linear', 'threshold', 'tranches'] });
    await shard('b.json', 2, 7);
    await shard('c.json', 7, 9);
    for (const order of [['a.json', 'b.json', 'c.json'], ['c.json', 'a.json', 'b.json']]) {
      const m = await merge(...order);
      expect(m.code).toBe(0);
      expect(m.t.stderr()).toBe('');
      expect(m.json).toBe(reference);
    }
    // In stages: (c + a) → ca.json, then ca + b.
    const staged = fakeIo(shards);
    expect(await main(['merge', 'c.json', 'a.json', '--shard', 'ca.json', '--json', '-'], staged.io)).toBe(0);
    shards[root + 'ca.json'] = staged.written[root + 'ca.json'];
    expect(JSON.parse(staged.stdout()).scenario.runs).toBe(4);
    expect((await merge('b.json', 'ca.json')).json).toBe(reference);
  });

  it('names the runs no shard covered', async () => {
    await shard('a.json', 0, 2);
    await shard('c.json', 7, 9);
    const m = await merge('a.json', 'c.json');
    expect(m.code).toBe(0);
    expect(m.t.stderr()).toMatch(/no shard holds runs 2–6 of 9; the results cover runs 0–1, 7–8/);
    expect(JSON.parse(m.json).scenario.runs).toBe(4);
  });

  it('refuses overlapping shards, other seeds, other scenarios, other schemes and non-shards', async () => {
    await shard('a.json', 0, 5);
    await shard('b.json', 3, 9);
    let m = await merge('a.json', 'b.json');
    expect(m.code).toBe(1);
    expect(m.t.stderr()).toMatch(/a\.json \(runs 0–4\) and b\.json \(runs 3–8\) overlap/);

    await shard('seed.json', 5, 9, ['--seed', '99']);
    m = await merge('a.json', 'seed.json');
    expect(m.t.stderr()).toMatch(/seed\.json has seed 99, a\.json seed 20260/);

    await shard('d.json', 5, 9);
    const other = JSON.parse(shards[root + 'd.json']);
    other.scenario.company.fixedCosts = '31000000';
    shards[root + 'other.json'] = JSON.stringify(other);
    m = await merge('a.json', 'other.json');
    expect(m.code).toBe(1);
    expect(m.t.stderr()).toMatch(/come from different scenarios \(they differ at company\.fixedCosts\)/);

    await shard('some.json', 5, 9, ['--scheme', 'tranches']);
    m = await merge('a.json', 'some.json');
    expect(m.t.stderr()).toMatch(/ran schemes linear, tranches, a\.json ran linear, threshold, tranches/);

    shards[root + 'results.json'] = await whole();
    m = await merge('results.json');
    expect(m.code).toBe(1);
    expect(m.t.stderr()).toMatch(/results\.json: not a paybench shard \(a results file/);
  });

  it('checks the run range against the batch', async () => {
    let t = fakeIo();
    expect(await main([...base, '--runs-from', '3', '--runs-to', '12', '--json', 'x.json'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/--runs-to 12 is past the scenario's 9 runs/);
    t = fakeIo();
    expect(await main([...base, '--runs-from', '5', '--runs-to', '5'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/--runs-from 5 must be below --runs-to 5/);
  });
});

describe('paybench sensitivity', () => {
  it('prints a tornado table per scheme against the baseline and writes it as JSON', async () => {
    const t = fakeIo();
    expect(await main(['sensitivity', SCENARIO, '--runs', '8', '--workers', '1', '--json', 'tornado.json', '--quiet'], t.io)).toBe(0);
    const text = t.stdout();
    expect(text).toMatch(/threshold vs linear: median profit difference/);
    expect(text).toMatch(/clients\.monthlyVolume/);
    expect(text).toMatch(/low −20%\s+high \+20%\s+swing/);
    const doc = JSON.parse(t.written[root + 'tornado.json']);
    expect(doc).toMatchObject({ format: 'paybench-sensitivity', baseline: 'linear', runs: 8, swing: 0.2 });
    expect(doc.schemes.map((s: { id: string }) => s.id)).toEqual(['threshold', 'tranches']);
    const swings = doc.schemes[0].bars.map((b: { swing: number }) => b.swing);
    expect(swings).toEqual([...swings].sort((a: number, b: number) => b - a));
  }, 60_000);

  it('refuses a swing that is not a share', async () => {
    const t = fakeIo();
    expect(await main(['sensitivity', SCENARIO, '--swing', '20'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/--swing must be a share between 0 and 1/);
  });
});
