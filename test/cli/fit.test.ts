/**
 * `paybench history` and `paybench fit` in-process: a simulated statement written and
 * fitted back; the report and the fitted scenario written and readable; the same fit on
 * one thread or two; and broken statements refused with the line and the reason, exit 1,
 * nothing written.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { readBytesAtMost } from '../../src/cli/read-bounded.ts';
import { fakeIo, ROOT } from './fake-io.ts';
import { parseScenarioText } from '../../src/engine/index.ts';

const SCENARIO = 'scenarios/client-department.json';
const dir = mkdtempSync(join(tmpdir(), 'paybench-fit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An io that reads real files as bytes (a history may be Windows-1251), with files given as text. */
function io(files: Record<string, string> = {}) {
  return fakeIo(files, {
    readBytes: async (path, max) => (path in files ? new TextEncoder().encode(files[path]) : readBytesAtMost(path, max)),
  });
}

async function statement(months: number, style: 'en' | 'ru' = 'en'): Promise<string> {
  const t = io();
  expect(await main(['history', SCENARIO, '--scheme', 'threshold', '--months', String(months), '--seed', '11', '--style', style, '--csv', 'h.csv'], t.io)).toBe(0);
  return t.written[join(ROOT, 'h.csv')];
}

describe('paybench history', () => {
  it('writes one simulated run as a bank statement', async () => {
    const t = io();
    expect(await main(['history', SCENARIO, '--scheme', 'tranches', '--months', '2', '--runs-index', '3', '--csv', 'out/h.csv'], t.io)).toBe(0);
    const csv = t.written[join(ROOT, 'out/h.csv')];
    expect(csv.split('\r\n')[0]).toBe('Date,Amount,Payer');
    expect(csv.split('\r\n')[1]).toMatch(/^2027-01-\d\d,\d+\.\d\d,Client \d{3}$/);
    expect(t.stdout()).toMatch(/wrote out\/h\.csv: \d+ payments from 2027-01-\d\d to 2027-02-\d\d.*simulated, not a real statement/);
    const ru = await statement(1, 'ru');
    expect(ru.startsWith('\ufeffДата;Сумма;Плательщик\r\n')).toBe(true);
    expect(ru.split('\r\n')[1]).toMatch(/^\d\d\.01\.2027;[\d\u00a0]+,\d\d;ООО «Клиент \d{3}»$/);
  });
  it('wrote the bundled example: the README\'s command, byte for byte', async () => {
    // A change to the model or to the client department changes the example: write it again
    // with the command below when this fails.
    const t = io();
    const command = ['history', SCENARIO, '--scheme', 'threshold', '--months', '12', '--seed', '2025', '--style', 'ru', '--csv', 'example.csv'];
    expect(await main(command, t.io)).toBe(0);
    const bundled = readFileSync(join(ROOT, 'scenarios/history-example.csv'), 'utf8');
    expect(t.written[join(ROOT, 'example.csv')] === bundled, `scenarios/history-example.csv is not what paybench ${command.join(' ')} writes`).toBe(true);
  });
  it('needs a scheme the scenario has and a file to write', async () => {
    let t = io();
    expect(await main(['history', SCENARIO, '--csv', 'h.csv'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/--scheme/);
    t = io();
    expect(await main(['history', SCENARIO, '--scheme', 'threshold'], t.io)).toBe(2);
    t = io();
    expect(await main(['history', SCENARIO, '--scheme', 'nope', '--csv', 'h.csv'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/unknown scheme "nope" \(the scenario has linear, threshold, tranches\)/);
    expect(t.written).toEqual({});
  });
});

describe('paybench fit', () => {
  const SMALL = ['--runs', '3', '--budget', '4', '--vary', 'clients.monthlyVolume=30000000..90000000', '--vary', 'behaviour.effort.costFactor=0.2..2'];

  it('says what the history says, fits it, and writes the report and the fitted scenario', async () => {
    const csv = await statement(4, 'ru');
    const t = io({ [join(ROOT, 'h.csv')]: csv });
    const code = await main(['fit', SCENARIO, '--history', 'h.csv', '--scheme', 'threshold', ...SMALL, '--workers', '1', '--json', 'r.json', '--out', 'fitted.json'], t.io);
    expect(t.stderr()).not.toMatch(/paybench:/);
    expect(code).toBe(0);
    const out = t.stdout();
    expect(out).toMatch(/h\.csv: \d+ payments from 2027-01-\d\d to 2027-04-\d\d; 4 whole months from 2027-01/);
    expect(out).toMatch(/read as: utf-8, delimiter ";", decimal mark ",", dates DD\.MM\.YYYY; columns date="Дата", amount="Сумма", client="Плательщик"/);
    expect(out).toMatch(/collections a month, mean/);
    expect(out).toMatch(/client volume a month .* … /);
    expect(out).toMatch(/What the history cannot say:\n- /);
    expect(out).toMatch(/Only 4 whole months/);
    const report = JSON.parse(t.written[join(ROOT, 'r.json')]);
    expect(report).toMatchObject({ format: 'paybench-fit', scheme: 'threshold', horizon: { start: '2027-01', months: 4 }, history: { payments: expect.any(Number) } });
    expect(report.inputs.map((i: { path: string }) => i.path)).toEqual(['clients.monthlyVolume', 'behaviour.effort.costFactor']);
    const fitted = parseScenarioText(t.written[join(ROOT, 'fitted.json')]);
    expect(fitted.ok).toBe(true);
    if (fitted.ok) expect(fitted.scenario.schemes).toHaveLength(3);
  });

  it('is the same on one thread or two', async () => {
    const csv = await statement(3);
    const run = async (workers: string) => {
      const t = io({ [join(ROOT, 'h.csv')]: csv });
      expect(await main(['fit', SCENARIO, '--history', 'h.csv', '--scheme', 'threshold', ...SMALL, '--workers', workers, '--json', '-', '--quiet'], t.io)).toBe(0);
      const { generator: _, ...report } = JSON.parse(t.stdout());
      return report;
    };
    expect(await run('2')).toEqual(await run('1'));
  });

  it('speaks Russian', async () => {
    const t = io({ [join(ROOT, 'h.csv')]: await statement(2) });
    expect(await main(['fit', SCENARIO, '--history', 'h.csv', ...SMALL, '--workers', '1', '--lang', 'ru'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/Чего история сказать не может:/);
    expect(t.stdout()).toMatch(/объём клиентов в месяц/);
  });

  describe('refuses a broken statement with the line and the reason, and writes nothing', () => {
    const cases: [string, string, RegExp][] = [
      ['no amount column', 'Дата;Плательщик\n09.01.2027;ООО Ромашка\n', /h\.csv: line 1: no amount column: the header has "Дата", "Плательщик"/],
      ['text in an amount', 'Дата;Сумма\n09.01.2027;100,00\n10.01.2027;сто рублей\n', /h\.csv: line 3: the amount "сто рублей" is not a number/],
      ['dates out of order', 'Дата;Сумма\n09.01.2027;1\n12.01.2027;1\n10.01.2027;1\n', /h\.csv: line 4: 10\.01\.2027 comes after 12\.01\.2027 \(line 3\)/],
      ['an empty file', '', /h\.csv: the file is empty/],
    ];
    for (const [what, text, message] of cases) {
      it(what, async () => {
        const t = io({ [join(ROOT, 'h.csv')]: text });
        expect(await main(['fit', SCENARIO, '--history', 'h.csv', '--out', 'fitted.json', '--json', 'r.json'], t.io)).toBe(1);
        expect(t.stderr()).toMatch(message);
        expect(t.written).toEqual({});
      });
    }
    it('a file of 50 MB, refused before it is read', async () => {
      const big = join(dir, 'big.csv');
      writeFileSync(big, 'Дата;Сумма\n');
      truncateSync(big, 50 * 1024 * 1024);
      const t = io();
      expect(await main(['fit', SCENARIO, '--history', big, '--out', 'fitted.json'], t.io)).toBe(1);
      expect(t.stderr()).toMatch(/the file is too large \(50\.0 MB\); a payment history of at most 40\.0 MB is read/);
      expect(t.written).toEqual({});
    });
    it('in Russian', async () => {
      const t = io({ [join(ROOT, 'h.csv')]: 'Дата;Сумма\n09.01.2027;abc\n' });
      expect(await main(['fit', SCENARIO, '--history', 'h.csv', '--lang', 'ru'], t.io)).toBe(1);
      expect(t.stderr()).toMatch(/строка 2: сумма «abc» — не число/);
    });
  });

  it('names its mistakes on the command line', async () => {
    let t = io();
    expect(await main(['fit', SCENARIO], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/--history FILE/);
    t = io();
    expect(await main(['fit', SCENARIO, '--history', 'h.csv', '--map', 'when=1'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/--map: "when" is not a column role/);
    t = io();
    expect(await main(['fit', SCENARIO, '--history', 'h.csv', '--date-format', 'soon'], t.io)).toBe(2);
    t = io();
    expect(await main(['fit', SCENARIO, '--history', 'h.csv', '--scheme', 'nope'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/unknown scheme "nope" \(the scenario has linear, threshold, tranches\)/);
  });
});
