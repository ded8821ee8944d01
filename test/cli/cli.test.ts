import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/main.ts';

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
    const one = fakeIo();
    const two = fakeIo();
    expect(await main([...args, '--workers', '1', '--json', 'out.json'], one.io)).toBe(0);
    expect(await main([...args, '--workers', '2', '--json', 'out.json'], two.io)).toBe(0);
    const a = one.written[root + 'out.json'];
    expect(a).toBeTruthy();
    expect(two.written[root + 'out.json']).toBe(a);
    const json = JSON.parse(a);
    expect(json.format).toBe('paybench-results');
    expect(json.scenario.runs).toBe(6);
    expect(json.scenario.months).toBe(2);
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
  });

  it('shows sparse progress when stderr is a log', async () => {
    const t = fakeIo();
    expect(await main(['run', SCENARIO, '--runs', '4', '--months', '1', '--workers', '1'], t.io)).toBe(0);
    expect(t.stderr()).toMatch(/12\/12 runs \(100%\)/);
    expect(t.stderr()).toMatch(/done in/);
  });
});
