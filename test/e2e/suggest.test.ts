/**
 * Suggest… in a real browser: the panel opens from a scheme card with the ranges
 * prefilled, a small search (blocks of 5 runs, 80 looks) runs through the web workers with
 * its progress moving on the page, Cancel stops it, the suggested scheme opens
 * as a new card right after its start (one undo step), the figures and the limits are
 * shown, and the trade-off chart exports as SVG and CSV. The scenario is the client
 * department cut to 3 months with its gated scheme's threshold at 72M, above anything collected (a better one exists).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activate, buildAndServe, hasChromium, launch, ROOT, until, waitForRun, type ServedApp } from './support.ts';
import { parseScenarioText, serializeScenario } from '../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { buildResultsJson } from '../../src/engine/results/summarize.ts';
import { optimise } from '../../src/engine/batch/optimise/optimise.ts';
import { InlineRunner } from '../../src/workers/inline-runner.ts';

function scenario(): Scenario {
  const doc = JSON.parse(readFileSync(`${ROOT}scenarios/client-department.json`, 'utf8'));
  doc.name = 'Suggest test';
  doc.simulation.runs = 20;
  doc.simulation.months = 3;
  doc.simulation.burnInMonths = 1;
  doc.schemes.find((s: { id: string }) => s.id === 'tranches').formula.threshold = '72000000';
  const parsed = parseScenarioText(JSON.stringify(doc));
  if (!parsed.ok) throw new Error('the test scenario does not parse');
  return parsed.scenario;
}

const state = <T>(page: Page, read: string): Promise<T> =>
  page.evaluate(`(() => { const wb = globalThis.paybench.workbench; return JSON.parse(JSON.stringify(${read})); })()`) as Promise<T>;

describe.skipIf(!hasChromium())('Suggest… in Chromium', () => {
  let app: ServedApp;
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([buildAndServe(), launch()]);
    page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(() => localStorage.setItem('paybench.lang', 'en'));
    await page.goto(app.url);
    await page.getByTestId('open-file').setInputFiles({ name: 'x.paybench.json', mimeType: 'application/json', buffer: Buffer.from(serializeScenario(scenario())) });
    await until(page, () => (globalThis as any).paybench.workbench.results?.scenario.name === 'Suggest test', null, { timeout: 60_000 });
    await waitForRun(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens from a scheme card with what may change, the goal and the limits prefilled', async () => {
    await activate(page.locator('article[data-scheme="tranches"] [data-suggest]'));
    const panel = page.getByTestId('suggest-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('h2').textContent()).toMatch(/Suggest a better scheme than “Threshold in thirds/);
    expect(await panel.locator('tr[data-input]').count()).toBe(6);
    expect(await panel.getByLabel('Threshold (deductible), ₽: from').inputValue()).toBe('36000000');
    expect(await panel.getByLabel('Rate, %: to').inputValue()).toBe('1');
    expect(await panel.getByRole('checkbox', { name: 'Nobody’s median pay falls' }).isChecked()).toBe(true);
    expect(await panel.getByRole('combobox', { name: 'Goal' }).inputValue()).toBe('profitTotal.p50');
  });

  it('cancels a search and adds nothing', async () => {
    const panel = page.getByTestId('suggest-panel');
    await panel.getByTestId('suggest-runs').fill('40');
    await panel.getByTestId('suggest-budget').fill('300');
    await activate(panel.getByRole('button', { name: 'Suggest', exact: true }));
    await until(page, () => (globalThis as any).paybench.workbench.suggest.done > 0, null, { timeout: 60_000 });
    expect(await panel.getByTestId('suggest-progress').textContent()).toMatch(/of 12,000 scheme-runs/);
    // The page keeps drawing while the workers search: the progress moves on.
    const first = await state<number>(page, 'wb.suggest.done');
    await until(page, (n) => (globalThis as any).paybench.workbench.suggest.done > n, first, { timeout: 60_000 });
    await activate(panel.getByRole('button', { name: 'Cancel' }));
    await until(page, () => (globalThis as any).paybench.workbench.suggest.status === 'cancelled', null, { timeout: 30_000 });
    expect(await state<number>(page, 'wb.draft.schemes.length')).toBe(3);
    expect(await panel.getByRole('status').textContent()).toMatch(/Cancelled: nothing was added/);
  });

  it('opens the suggestion as a new card beside its start, one undo step, with its figures, limits and trade-off', async () => {
    const panel = page.getByTestId('suggest-panel');
    await panel.getByTestId('suggest-runs').fill('10');
    await panel.getByTestId('suggest-budget').fill('80');
    await activate(panel.getByRole('button', { name: 'Suggest', exact: true }));
    await until(page, () => (globalThis as any).paybench.workbench.suggest.status === 'done', null, { timeout: 300_000 });
    const result = panel.getByTestId('suggest-result');
    expect(await result.getAttribute('data-verdict')).toBe('better');
    const suggested = await state<{ id: string; name: string }>(page, 'wb.suggest.result.suggested');
    expect(await result.getByRole('status').textContent()).toContain(`Added as a new scheme: ${suggested.name}`);
    expect(await state<string[]>(page, 'wb.draft.schemes.map((s) => s.id)')).toEqual(['linear', 'threshold', 'tranches', suggested.id]);
    await expect.poll(() => page.locator(`article[data-scheme="${suggested.id}"] h3`).textContent()).toBe(suggested.name);
    expect(await result.locator('tr[data-metric="profitTotal.p50"] td').count()).toBe(3);
    expect(await result.locator('li[data-limit]').count()).toBe(5);
    const chart = result.locator('[data-chart="trade-off"]');
    expect(await chart.locator('[data-mark="start"]').count()).toBe(1);
    expect(await chart.locator('[data-mark="suggested"]').count()).toBe(1);
    expect(await chart.locator('svg').first().innerHTML()).not.toMatch(/NaN|Infinity/);

    // The web workers' answer is the engine's, as paybench optimise gives it.
    const inline = await optimise(scenario(), { schemeId: 'tranches' }, async (s, range) => buildResultsJson(s, await new InlineRunner().run(s, range)), { runs: 10, budget: 80 });
    expect(await state(page, 'wb.suggest.result')).toEqual(JSON.parse(JSON.stringify(inline)));

    // The usual export: SVG and CSV of the chart.
    const [svg] = await Promise.all([page.waitForEvent('download'), activate(chart.locator('.pb-export').getByRole('button', { name: 'SVG', exact: true }))]);
    expect(svg.suggestedFilename()).toMatch(/trade-off\.svg$/);
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const [csv] = await Promise.all([page.waitForEvent('download'), activate(chart.locator('.pb-export').getByRole('button', { name: 'CSV', exact: true }))]);
    const rows = readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(rows[0]).toMatch(/^max_cash_gap_mid_month_p90_at_most,profit_total_p50,formula_threshold,formula_rate,tranches_0_gate_byDay/);
    expect(rows.length).toBeGreaterThan(1);

    // One undo takes the new scheme away, and only it.
    await waitForRun(page);
    await activate(page.getByRole('button', { name: 'Undo', exact: true }));
    expect(await state<string[]>(page, 'wb.draft.schemes.map((s) => s.id)')).toEqual(['linear', 'threshold', 'tranches']);
    expect(errors).toEqual([]);
  });
});
