/**
 * The command line against hostile and boundary input (issue 15): overrides through the
 * one door, workers capped at the cores, outputs checked before a run, control characters
 * escaped, and the small ones (prototype keys, negative amounts, days beyond the month).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { printable } from '../../src/cli/printable.ts';
import { writeProblem } from '../../src/cli/writable.ts';
import { TooLargeError, readTextAtMost } from '../../src/cli/read-bounded.ts';
import { ROOT, fakeIo } from './fake-io.ts';

const SCENARIO = 'scenarios/client-department.json';
const minimal = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'paybench-scenario',
    version: 2,
    name: 'Minimal',
    staff: [{ id: 'boss', role: 'head', salary: 40000 }, { id: 'ann', role: 'collector', salary: '20000' }],
    schemes: [{ id: 'lin', formula: { type: 'linear', rate: '0.001' }, split: { type: 'headShareEqual', headShare: '0.4' } }],
    ...extra,
  });

describe('--runs, --seed and --months go through the one door', () => {
  it('keep the 5 MB limit', async () => {
    const big = minimal({ description: 'x'.repeat(1000), padding: 'y'.repeat(6 * 1024 * 1024) });
    const t = fakeIo({ [ROOT + 'big.json']: big });
    expect(await main(['run', 'big.json', '--runs', '2', '--quiet'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/too large \(6\.0 MB\); at most 5\.0 MB/);
  });

  it('do not turn a simulation that is not an object into one', async () => {
    const t = fakeIo({ [ROOT + 'sim.json']: minimal({ simulation: 5 }) });
    expect(await main(['run', 'sim.json', '--runs', '2', '--months', '1', '--quiet'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/^simulation: must be an object/m);
  });

  it('apply to a file without a simulation section, with the defaults for the rest', async () => {
    const t = fakeIo({ [ROOT + 'min.json']: minimal() });
    expect(await main(['run', 'min.json', '--runs', '3', '--months', '1', '--seed', '9', '--json', '-', '--quiet', '--workers', '1'], t.io)).toBe(0);
    expect(JSON.parse(t.stdout()).scenario).toMatchObject({ runs: 3, months: 1, seed: 9 });
  });
});

describe('--workers', () => {
  it('is capped at the cores there are, with a warning', async () => {
    const t = fakeIo({}, { cpus: 1 });
    expect(await main(['run', SCENARIO, '--runs', '2', '--months', '1', '--workers', '256', '--quiet', '--json', '-'], t.io)).toBe(0);
    expect(t.stderr()).toMatch(/warning: --workers 256 is more than the 1 cores here; using 1/);
    const one = fakeIo({}, { cpus: 1 });
    expect(await main(['run', SCENARIO, '--runs', '2', '--months', '1', '--workers', '1', '--quiet', '--json', '-'], one.io)).toBe(0);
    expect(one.stderr()).not.toMatch(/warning/);
    expect(t.stdout()).toBe(one.stdout());
  });
});

describe('output paths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paybench-out-'));
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  mkdirSync(join(dir, 'a-folder'));

  it('are judged without creating anything', async () => {
    expect(await writeProblem(join(file, 'results.json'), 'file')).toBe(`${file} is a file, not a folder`);
    expect(await writeProblem(join(dir, 'a-folder'), 'file')).toBe(`${join(dir, 'a-folder')} is a folder, not a file`);
    expect(await writeProblem(file, 'dir')).toBe(`${file} is a file, not a folder`);
    expect(await writeProblem(join(dir, 'new', 'deeper', 'results.json'), 'file')).toBeNull();
    expect(await writeProblem(join(dir, 'csv'), 'dir')).toBeNull();
    expect(await writeProblem(file, 'file')).toBeNull();
  });

  it('that cannot be written are reported before simulating', async () => {
    let simulated = false;
    const t = fakeIo({}, { writeProblem, now: () => ((simulated = true), 0) });
    expect(await main(['run', SCENARIO, '--runs', '100', '--json', join(file, 'results.json')], t.io)).toBe(1);
    expect(t.stderr()).toBe(`paybench: cannot write --json ${join(file, 'results.json')}: ${file} is a file, not a folder\n`);
    expect(simulated).toBe(false);
    const csv = fakeIo({}, { writeProblem });
    expect(await main(['run', SCENARIO, '--runs', '100', '--csv', file], csv.io)).toBe(1);
    expect(csv.stderr()).toMatch(/cannot write --csv .*a-file: .*a-file is a file, not a folder/);
    const merge = fakeIo({}, { writeProblem });
    expect(await main(['merge', 'nowhere.json', '--shard', join(dir, 'a-folder')], merge.io)).toBe(1);
    expect(merge.stderr()).toMatch(/cannot write --shard .*a-folder is a folder, not a file/);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));
});

describe('control characters from input', () => {
  it('are escaped in what is printed: a parse-error snippet cannot set the terminal title', async () => {
    const t = fakeIo({ [ROOT + 'evil.json']: '\u001b]0;pwned\u0007 not json' });
    expect(await main(['validate', 'evil.json'], t.io)).toBe(1);
    const printed = t.stdout() + t.stderr();
    expect(printed).toMatch(/not valid JSON/);
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(printed).toMatch(/\\u001b\]0;pwned\\u0007/);
  });

  it('are escaped in file names and unknown-scheme echoes', async () => {
    const t = fakeIo();
    expect(await main(['run', SCENARIO, '--scheme', 'x\u001b[2J', '--runs', '1'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/unknown scheme "x\\u001b\[2J"/);
    const missing = fakeIo();
    expect(await main(['validate', 'no\u009bfile.json'], missing.io)).toBe(1);
    expect(missing.stderr()).toMatch(/cannot read no\\u009bfile\.json/);
  });

  it('keeps JSON the same JSON, and line feeds and tabs as they are', () => {
    const value = { name: 'a\u009bb\u202ec', list: [1, 2] };
    const text = JSON.stringify(value, null, 2);
    expect(JSON.parse(printable(text))).toEqual(value);
    expect(printable('a\tb\nc')).toBe('a\tb\nc');
    expect(printable('\r\u001b[2K')).toBe('\\u000d\\u001b[2K');
  });
});

describe('the small ones', () => {
  const payout = (...extra: string[]) => ['payout', SCENARIO, '--scheme', 'threshold', '--collected', '55000000', ...extra];

  it('--adjust __proto__=5 is an unknown person, like any other', async () => {
    const t = fakeIo();
    expect(await main(payout('--adjust', '__proto__=5'), t.io)).toBe(1);
    expect(t.stderr()).toMatch(/adjustments\.__proto__: no staff member "__proto__"/);
  });

  it('--collected below zero is refused', async () => {
    const t = fakeIo();
    expect(await main(['payout', SCENARIO, '--scheme', 'threshold', '--collected', '-5000000'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/--collected must be an amount of 0 or more, got "-5000000"/);
  });

  it('--collected-by and --key-plan-met name a day beyond the month as such', async () => {
    let t = fakeIo();
    expect(await main(payout('--collected-by', '40=100'), t.io)).toBe(2);
    expect(t.stderr()).toMatch(/--collected-by: "40" is not a day of month \(1–31\)/);
    t = fakeIo();
    expect(await main(payout('--key-plan-met', '0=yes'), t.io)).toBe(2);
    expect(t.stderr()).toMatch(/--key-plan-met: "0" is not a day of month/);
  });

  it('--constructor, --__proto__ and --toString are unknown options', async () => {
    for (const flag of ['--constructor', '--__proto__', '--toString', '--hasOwnProperty']) {
      const t = fakeIo();
      expect(await main(['run', SCENARIO, flag, 'x'], t.io)).toBe(2);
      expect(t.stderr()).toMatch(new RegExp(`unknown option ${flag}`));
    }
    const t = fakeIo();
    expect(await main(['constructor'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/unknown command "constructor"/);
  });
});

describe('files too large to read', () => {
  it('are refused after at most the limit, whatever their size or kind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paybench-big-'));
    try {
      const big = join(dir, 'big.json');
      writeFileSync(big, ' '.repeat(6 * 1024 * 1024));
      await expect(readTextAtMost(big, 1024)).rejects.toBeInstanceOf(TooLargeError);
      expect(await readTextAtMost(big, 7 * 1024 * 1024)).toHaveLength(6 * 1024 * 1024);
      // A device that never ends: refused after the limit, not read until memory runs out.
      const endless = await readTextAtMost('/dev/zero', 1 << 20).catch((e: unknown) => e);
      expect(endless).toBeInstanceOf(TooLargeError);
      expect((endless as TooLargeError).bytes).toBeLessThanOrEqual((1 << 20) + (1 << 16));
      const t = fakeIo({}, { readFile: (path, max) => readTextAtMost(path, max ?? Infinity) });
      expect(await main(['validate', '/dev/zero'], t.io)).toBe(1);
      expect(t.stderr()).toMatch(/^\/dev\/zero: the file is too large \(5\.\d MB\); at most 5\.0 MB is accepted/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
