/**
 * `paybench optimise` in-process: the report, the files it writes, the same answer for any
 * number of workers, and clear errors for bad paths, ranges, metrics and limits. Small:
 * the client department cut to 3 months (1 of burn-in) with its gated scheme's threshold
 * at 72M (above anything collected), blocks of 4–5 runs.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import { ROOT, fakeIo } from './fake-io.ts';

async function small(): Promise<string> {
  const doc = JSON.parse(await readFile(ROOT + 'scenarios/client-department.json', 'utf8'));
  doc.simulation.months = 3;
  doc.simulation.burnInMonths = 1;
  doc.schemes.find((s: { id: string }) => s.id === 'tranches').formula.threshold = '72000000';
  return JSON.stringify(doc);
}

const FILE = ROOT + 'small.json';
const QUICK = ['--runs', '8', '--budget', '60', '--quiet'];

describe('paybench optimise', () => {
  it('prints the suggestion against the start and writes the report and the scenario with the scheme beside the others', async () => {
    const t = fakeIo({ [FILE]: await small() });
    const code = await main(['optimise', 'small.json', '--scheme', 'tranches', ...QUICK, '--workers', '1', '--json', 'out/suggestion.json', '--out', 'out/better.json'], t.io);
    expect(t.stderr()).toBe('');
    expect(code).toBe(0);
    const text = t.stdout();
    expect(text).toMatch(/^Suggest a better scheme than "tranches"/);
    expect(text).toMatch(/Maximise profitTotal\.p50; limits: maxCashGapMidMonth\.p90 <= start; staff\.head\.pay\.p50 >= start/);
    expect(text).toMatch(/Suggested: \(C − \d+M\) × [\d.]+%, ⅓ by the \d+(st|nd|rd|th) at \d+%/);
    expect(text).toMatch(/formula\.threshold\s+36M … 108M\s+72M/);
    expect(text).toMatch(/profitTotal\.p50 .*\[[−+][\d.]+M; \+[\d.]+M\]/);
    expect(text).toMatch(/Profit over the horizon, run by run on the re-check seed: median \+/);
    expect(text).toMatch(/limit\s+value\s+bound\s+room\s+binds/);
    expect(text).toMatch(/Trade-off: the best profitTotal\.p50 found at each limit on maxCashGapMidMonth\.p90/);
    expect(text).toMatch(/Check it on a seed the search never used: paybench run out\/better\.json --seed 7 --runs 1000 --scheme t\d+m-/);
    expect(text).toMatch(/wrote out\/better\.json/);

    const report = JSON.parse(t.written[ROOT + 'out/suggestion.json']);
    expect(report).toMatchObject({ format: 'paybench-suggestion', version: 1, verdict: 'better', start: { id: 'tranches' } });
    expect(report.generator).toMatch(/^paybench /);
    const written = parseScenarioText(t.written[ROOT + 'out/better.json']);
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    const ids = written.scenario.schemes.map((s) => s.id);
    expect(ids).toEqual(['linear', 'threshold', 'tranches', report.suggested.id]);
    expect(written.scenario.schemes[3]).toEqual(report.suggested);
    // The file keeps its own seed and runs; only the scheme was added.
    expect(written.scenario.simulation).toEqual(JSON.parse(await small()).simulation);
  }, 60_000);

  it('gives byte-identical reports for --workers 1 and 2', async () => {
    const files = { [FILE]: await small() };
    const one = fakeIo(files);
    const two = fakeIo(files);
    const args = ['optimise', 'small.json', '--scheme', 'tranches', '--runs', '6', '--budget', '60', '--quiet', '--json', 'r.json', '--seed', '11'];
    expect(await main([...args, '--workers', '1'], one.io)).toBe(0);
    expect(await main([...args, '--workers', '2'], two.io)).toBe(0);
    expect(two.written[ROOT + 'r.json']).toBe(one.written[ROOT + 'r.json']);
    expect(JSON.parse(one.written[ROOT + 'r.json']).seeds.search).toBe(11);
  }, 120_000);

  it('answers in Russian, with the scheme named in Russian', async () => {
    const t = fakeIo({ [FILE]: await small() });
    const vary = ['--vary', 'formula.threshold=30000000..56000000:2000000', '--constraint', 'bonusTotal.p50 <= 1M'];
    expect(await main(['optimise', 'small.json', '--scheme', 'tranches', ...vary, '--runs', '6', '--budget', '40', '--quiet', '--workers', '1', '--lang', 'ru'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/Поиск схемы лучше «tranches»/);
    expect(t.stdout()).toMatch(/Максимизировать profitTotal\.p50; ограничения: bonusTotal\.p50 <= 1M/);
    expect(t.stdout()).toMatch(/Предложение: \(C − \d+\sмлн\) × [\d,]+%/);
  }, 60_000);

  it('refuses bad paths, ranges, metrics and limits in the user’s words, before any run', async () => {
    const files = { [FILE]: await small() };
    const run = async (...extra: string[]) => {
      const t = fakeIo(files);
      const code = await main(['optimise', 'small.json', '--scheme', 'tranches', '--quiet', '--workers', '1', ...extra], t.io);
      return { code, err: t.stderr() };
    };
    expect(await run('--vary', 'clients.count=100..300')).toMatchObject({ code: 1, err: expect.stringMatching(/clients\.count is not part of the scheme/) });
    expect(await run('--vary', 'formula.rate=0.01..0.002')).toMatchObject({ code: 1, err: expect.stringMatching(/the low end must be below the high end/) });
    expect(await run('--vary', 'tranches[0].gate.byDay=10..40')).toMatchObject({ code: 1, err: expect.stringMatching(/40 is refused/) });
    expect(await run('--vary', 'formula.rate')).toMatchObject({ code: 1, err: expect.stringMatching(/write PATH=LO\.\.HI\[:STEP\]/) });
    expect(await run('--maximise', 'profit.p50')).toMatchObject({ code: 1, err: expect.stringMatching(/"profit\.p50" is not a metric of the results/) });
    expect(await run('--constraint', 'maxCashGapMidMonth.p90 < lots')).toMatchObject({ code: 1, err: expect.stringMatching(/the limit must be a number/) });
    expect(await run('--constraint', 'staff.misha.pay.p50 >= start')).toMatchObject({ code: 1, err: expect.stringMatching(/nobody with the id "misha"/) });
    expect(await run('--budget', '10')).toMatchObject({ code: 1, err: expect.stringMatching(/too small for 6 inputs: at least 56/) });
    expect(await run('--vary', 'clients.count=100..300', '--lang', 'ru')).toMatchObject({ code: 1, err: expect.stringMatching(/не часть схемы/) });
  }, 60_000);

  it('refuses --out for a file that already holds the most schemes a file can, before any run', async () => {
    const doc = JSON.parse(await small());
    while (doc.schemes.length < 12) doc.schemes.push({ ...doc.schemes[0], id: `copy-${doc.schemes.length}` });
    const t = fakeIo({ [FILE]: JSON.stringify(doc) });
    expect(await main(['optimise', 'small.json', '--scheme', 'tranches', '--out', 'x.json', '--quiet'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/already has 12 schemes, the most a file holds/);
    expect(t.written).toEqual({});
  });

  it('exit 2 for a missing or unknown scheme and a stray argument', async () => {
    const files = { [FILE]: await small() };
    let t = fakeIo(files);
    expect(await main(['optimise', 'small.json'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/optimise needs --scheme ID/);
    t = fakeIo(files);
    expect(await main(['optimise', 'small.json', '--scheme', 'nope'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/unknown scheme "nope" \(the scenario has linear, threshold, tranches\)/);
    t = fakeIo(files);
    expect(await main(['optimise', 'small.json', 'more.json', '--scheme', 'tranches'], t.io)).toBe(2);
  });

  it('is in the help', async () => {
    const t = fakeIo();
    expect(await main(['--help'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/paybench optimise FILE --scheme ID \[--vary PATH=LO\.\.HI\[:STEP\]\]\.\.\. \[--maximise METRIC\]/);
  });
});
