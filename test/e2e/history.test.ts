/**
 * A payment history in a real browser (Debian's Chromium through playwright-core): drop a
 * broken statement and see its lines and reasons while the workspace stays as it was;
 * drop a Russian statement in Windows-1251 and see what it says; change how a column is
 * read; press Fit, Cancel, Fit again and watch the progress; the fitted scenario replaces
 * the current one as one undo step and the fit charts export their data; Undo goes back.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activate, buildAndServe, hasChromium, launch, ROOT, until, type ServedApp } from './support.ts';
import { parseScenario, parseScenarioText, serializeScenario, simulatedClientName, simulatedPayments, statementCsv } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/index.ts';
import { cp1251 } from '../engine/history/cp1251.ts';

const RUNS = 20;

function bundled(): Scenario {
  const parsed = parseScenarioText(readFileSync(`${ROOT}scenarios/client-department.json`, 'utf8'));
  if (!parsed.ok) throw new Error('client-department does not parse');
  return { ...parsed.scenario, simulation: { ...parsed.scenario.simulation, runs: RUNS } };
}

/** Two months of the threshold scheme's payments as a Russian bank writes them, in Windows-1251. */
function russianStatement(): Uint8Array {
  const s = parseScenario({ ...bundled(), simulation: { ...bundled().simulation, months: 2, seed: 5 } });
  if (!s.ok) throw new Error('no scenario');
  return cp1251(statementCsv(simulatedPayments(s.scenario, 'threshold', 0), (c) => simulatedClientName(c, 'ru'), 'ru'));
}

async function drop(page: Page, bytes: Uint8Array | string, name: string, type: string): Promise<void> {
  await page.evaluate(
    ({ data, name, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type }));
      for (const kind of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { data: Array.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes), name, type },
  );
}

const state = <T>(page: Page, read: string): Promise<T> =>
  page.evaluate(`(() => { const wb = globalThis.paybench.workbench; return JSON.parse(JSON.stringify(${read})); })()`) as Promise<T>;

describe.skipIf(!hasChromium())('a payment history in Chromium', () => {
  let app: ServedApp;
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([buildAndServe(), launch()]);
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(app.url);
    await drop(page, serializeScenario(bundled()), 'client-department.paybench.json', 'application/json');
    await until(page, (r) => (globalThis as any).paybench.workbench.results?.scenario.runs === r && (globalThis as any).paybench.workbench.status === 'done', RUNS, { timeout: 90_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('refuses a broken statement with the line and the reason and changes nothing', async () => {
    const before = await state<Scenario>(page, 'wb.draft');
    await drop(page, 'Дата;Сумма;Плательщик\n09.01.2027;100,00;А\n10.01.2027;сто рублей;Б\n', 'broken.csv', 'text/csv');
    const errors = page.getByTestId('history-errors');
    await errors.waitFor();
    expect(await page.locator('.tabs [aria-selected=true]').textContent()).toBe('History');
    expect(await errors.textContent()).toMatch(/The statement “broken\.csv” did not open\s+Nothing was changed\./);
    expect(await errors.locator('li').allTextContents()).toEqual(['line 3: the amount "сто рублей" is not a number']);
    expect(await state<Scenario>(page, 'wb.draft')).toEqual(before);
    expect(await state<unknown>(page, 'wb.payments.view')).toBeNull();

    // Each broken file of the issue, in turn: its reason, and nothing changed.
    const cases: [string, string, RegExp][] = [
      ['no-amount.csv', 'Дата;Плательщик\n09.01.2027;А\n', /^line 1: no amount column/],
      ['out-of-order.csv', 'Дата;Сумма\n09.01.2027;1\n12.01.2027;1\n10.01.2027;1\n', /^line 4: 10\.01\.2027 comes after 12\.01\.2027 \(line 3\)/],
      ['empty.csv', '', /^the file is empty/],
    ];
    for (const [name, text, reason] of cases) {
      await drop(page, text, name, 'text/csv');
      await until(page, (n) => (globalThis as any).paybench.workbench.payments.failure?.name === n, name);
      expect((await errors.locator('li').allTextContents())[0]).toMatch(reason);
    }
    // 50 MB, refused by its size before it is read.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(50 * 1024 * 1024)], 'big.csv', { type: 'text/csv' }));
      for (const kind of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await until(page, () => (globalThis as any).paybench.workbench.payments.failure?.name === 'big.csv');
    expect(await errors.locator('li').allTextContents()).toEqual(['the file is too large (50.0 MB); a payment history of at most 40.0 MB is read']);
    expect(await state<Scenario>(page, 'wb.draft')).toEqual(before);
    expect(await state<unknown>(page, 'wb.payments.view')).toBeNull();
  });

  it('reads a Russian statement in Windows-1251 and says what it says', async () => {
    await drop(page, russianStatement(), 'выписка.csv', 'text/csv');
    await page.getByTestId('history-summary').waitFor();
    expect(await page.getByTestId('history-errors').count()).toBe(0);
    expect(await page.getByTestId('history-summary').textContent()).toMatch(/incoming payments from 2027-01-\d\d to 2027-02-\d\d; 2 whole months/);
    expect(await page.locator('.history-read select').first().inputValue()).toBe('windows-1251');
    for (const chart of ['history-months', 'history-profile', 'history-weekdays', 'history-largest']) {
      expect(await page.locator(`[data-chart="${chart}"] .pb-chart svg`).count(), chart).toBe(1);
    }
    expect(await page.locator('[data-chart="history-largest"] text').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^ООО «Клиент \d{3}»$/)]));
    // The client column dropped: the same bytes read again, without the largest clients.
    await page.locator('select[data-role="client"]').selectOption('-1');
    await until(page, () => (globalThis as any).paybench.workbench.payments.history?.hasClients === false);
    expect(await page.locator('[data-chart="history-largest"]').count()).toBe(0);
    await page.locator('select[data-role="client"]').selectOption('2');
    await until(page, () => (globalThis as any).paybench.workbench.payments.history?.hasClients === true);
  });

  it('fits with progress and Cancel; the fit replaces the scenario as one undo step', async () => {
    const before = await state<Scenario>(page, 'wb.draft');
    await page.getByTestId('fit-scheme').selectOption('threshold');
    await activate(page.getByTestId('fit'));
    await page.getByTestId('fit-progress').waitFor();
    await until(page, () => (globalThis as any).paybench.workbench.payments.done > 0, null, { timeout: 60_000 });
    await activate(page.getByRole('button', { name: 'Cancel', exact: true }).first());
    await until(page, () => (globalThis as any).paybench.workbench.payments.status === 'cancelled');
    expect(await state<Scenario>(page, 'wb.draft')).toEqual(before);

    await activate(page.getByTestId('fit'));
    const seen: number[] = [];
    await until(
      page,
      () => {
        const p = (globalThis as any).paybench.workbench.payments;
        ((globalThis as any).__seen ??= []).push(p.done);
        return p.status === 'done';
      },
      null,
      { timeout: 300_000, polling: 200 },
    );
    seen.push(...(await page.evaluate(() => (globalThis as any).__seen as number[])));
    expect(new Set(seen).size).toBeGreaterThan(3); // the progress moved
    await page.getByTestId('fit-adopted').waitFor();
    const fitted = await state<Scenario>(page, 'wb.draft');
    expect(fitted.name).toBe(`${before.name} (fitted)`);
    expect(fitted.clients).not.toEqual(before.clients);
    expect(await page.locator('.tabs [aria-selected=true]').textContent()).toBe('History');
    for (const chart of ['fit-profile', 'fit-months']) expect(await page.locator(`[data-chart="${chart}"] .pb-chart svg`).count(), chart).toBe(1);
    expect(await page.locator('[data-chart="fit-profile"] [data-series="model"]').count()).toBe(1);
    expect(await page.getByTestId('fit-inputs').locator('tbody tr').count()).toBe(7);

    const [download] = await Promise.all([page.waitForEvent('download'), activate(page.locator('[data-chart="fit-months"] .pb-export button', { hasText: 'CSV' }))]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffmonth,history,model_median,model_p10,model_p90,before_median,before_p10,before_p90');
    expect(csv.split('\r\n')[1]).toMatch(/^2027-01,\d+(\.\d+)?,\d/);

    await activate(page.getByRole('button', { name: 'Undo' }));
    expect(await state<Scenario>(page, 'wb.draft')).toEqual(before);
    expect(pageErrors).toEqual([]);
  }, 360_000);
});
