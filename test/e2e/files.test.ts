/**
 * Files, links, undo, the kept workspace and languages in a real browser (Debian's
 * Chromium through playwright-core): open by the file picker and by drop, save and re-open
 * to the same numbers, a share link round trip, a broken file or link reported with
 * path + reason while the open workspace stays exactly as it was, a reload that keeps the
 * workspace, undo/redo by keyboard and buttons, the language switch, and a hostile scenario
 * (markup and script in every string, deep nesting, huge arrays) that runs nothing and
 * freezes nothing. Scenarios are cut to 20 runs so each re-run takes well under a second.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import LZString from 'lz-string';
import { activate, buildAndServe, hasChromium, launch, ROOT, until, waitForRun, type ServedApp } from './support.ts';
import { formatIssue, parseScenarioText, serializeScenario } from '../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { resultsJsonText, type ResultsJson } from '../../src/engine/results/summarize.ts';

const RUNS = 20;

function bundled(file: string, runs = RUNS): Scenario {
  const parsed = parseScenarioText(readFileSync(`${ROOT}scenarios/${file}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return { ...parsed.scenario, simulation: { ...parsed.scenario.simulation, runs } };
}

const state = <T>(page: Page, read: string): Promise<T> =>
  page.evaluate(`(() => { const wb = globalThis.paybench.workbench; return JSON.parse(JSON.stringify(${read})); })()`) as Promise<T>;

/** Waits until the results shown are the complete ones of the scenario named so. */
async function waitForResultsOf(page: Page, name: string, timeout = 60_000): Promise<void> {
  await until(
    page,
    (n) => {
      const wb = (globalThis as any).paybench?.workbench;
      return wb?.status === 'done' && wb.results?.scenario.name === n && !wb.stale;
    },
    name,
    { timeout, polling: 100 },
  );
}

/** Drops a file on the page, as a user dragging it from the desktop would. */
async function drop(page: Page, text: string, name: string): Promise<void> {
  await page.evaluate(
    ({ text, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    { text, name },
  );
}

async function pick(page: Page, text: string, name: string): Promise<void> {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** What must not change when something fails to open. */
const workspace = (page: Page) =>
  state<{ draft: Scenario; results: ResultsJson; status: string }>(page, '({ draft: wb.draft, results: wb.results, status: wb.status })');

const HOSTILE = `<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=1</script>"'&amp;`;

function hostileScenario(): Scenario {
  const s = bundled('client-department');
  s.name = `=HYPERLINK("http://evil")${HOSTILE}`;
  s.description = `${HOSTILE} {@html x} \${alert(1)} javascript:alert(1)`;
  s.schemes.forEach((scheme, i) => (scheme.name = i === 0 ? `=cmd|' /C calc'!A0 ${HOSTILE}` : `${HOSTILE}<svg onload=alert(${i})>`));
  s.staff.forEach((person) => (person.name = `@SUM(1+1)${HOSTILE}`));
  return s;
}

describe.skipIf(!hasChromium())('files, links, undo and languages in Chromium', () => {
  let app: ServedApp;
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;
  const consoleErrors: string[] = [];
  let saved = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([buildAndServe(), launch()]);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url.replace(/\/$/, '') });
    page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('dialog', (d) => {
      consoleErrors.push(`a dialog opened: ${d.message()}`);
      void d.dismiss();
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens by the file picker and by drop; a saved file re-opens to the same numbers', async () => {
    await page.goto(app.url);
    await until(page, () => (globalThis as any).paybench?.workbench?.results !== null, null, { timeout: 60_000 });
    await page.locator('#field-simulation-runs').fill(String(RUNS));
    await waitForResultsOf(page, bundled('client-department').name);
    await until(page, (r) => (globalThis as any).paybench.workbench.results.scenario.runs === r, RUNS);
    await waitForRun(page);
    const before = await state<ResultsJson>(page, 'wb.results');

    const [download] = await Promise.all([page.waitForEvent('download'), activate(page.getByRole('button', { name: 'Save', exact: true }))]);
    expect(download.suggestedFilename()).toBe('Client-department-article-002.paybench.json');
    saved = readFileSync((await download.path())!, 'utf8');
    const reread = parseScenarioText(saved);
    expect(reread.ok && reread.scenario).toEqual(await state<Scenario>(page, 'wb.scenario'));

    const teamSplit = bundled('team-split');
    await pick(page, serializeScenario(teamSplit), 'team-split.paybench.json');
    await waitForResultsOf(page, teamSplit.name);
    expect(await page.getByTestId('scenario-name').textContent()).toBe(teamSplit.name);
    expect(await state<number>(page, 'wb.results.schemes.length')).toBe(teamSplit.schemes.length);

    await drop(page, saved, 'Client-department-article-002.paybench.json');
    await waitForResultsOf(page, before.scenario.name);
    expect(resultsJsonText(await state<ResultsJson>(page, 'wb.results'))).toBe(resultsJsonText(before));
  }, 90_000);

  it('shares a link that opens the same scenario to the same numbers', async () => {
    await activate(page.getByRole('button', { name: 'Share link' }));
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#s=[A-Za-z0-9+\-$]+$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const results = await state<ResultsJson>(page, 'wb.results');

    const other = await browser.context.newPage();
    await other.addInitScript(() => localStorage.clear()); // the link alone, not the kept workspace
    await other.goto(link);
    await waitForResultsOf(other, results.scenario.name);
    expect(await state<Scenario>(other, 'wb.scenario')).toEqual(await state<Scenario>(page, 'wb.scenario'));
    expect(resultsJsonText(await state<ResultsJson>(other, 'wb.results'))).toBe(resultsJsonText(results));
    await other.close();
  }, 60_000);

  it('reports a broken file or link with path and reason, and keeps the open workspace exactly as it was', async () => {
    const before = await workspace(page);
    const broken = JSON.parse(saved);
    broken.schemes[1].formula.threshold = 'forty million';
    broken.staff[0].salary = '-5';
    broken.simulation.months = 99;
    const text = JSON.stringify(broken);
    const parsed = parseScenarioText(text);
    expect(parsed.ok).toBe(false);
    const expected = parsed.ok ? [] : parsed.errors.map((i) => formatIssue(i, 'en'));

    await pick(page, text, 'broken.paybench.json');
    const errors = page.getByTestId('open-errors');
    await errors.waitFor();
    expect(await errors.getByRole('heading').textContent()).toBe('Could not open the file “broken.paybench.json”');
    expect(await errors.locator('li').allTextContents()).toEqual(expected);
    expect(expected.join('\n')).toMatch(/schemes\[1\]\.formula\.threshold: /);
    await page.waitForTimeout(600); // past the re-run debounce: nothing may start
    expect(await workspace(page)).toEqual(before);
    expect(await page.locator('[data-chart="cash-fan"] svg path[data-series]').count()).toBeGreaterThan(0);

    // Too large: refused from its size, before reading.
    await pick(page, ' '.repeat(6 * 1024 * 1024), 'huge.paybench.json');
    await expect.poll(() => errors.locator('li').first().textContent()).toMatch(/too large \(6\.0 MB\); at most 5\.0 MB/);

    // A link cut short when copied, pasted into the address bar.
    const code = LZString.compressToEncodedURIComponent(saved);
    await page.evaluate((c) => (location.hash = `#s=${c}`), code.slice(0, code.length / 2));
    await expect.poll(() => errors.getByRole('heading').textContent()).toBe('Could not open the link');
    expect(await errors.locator('li').first().textContent()).toMatch(/link is damaged|not valid JSON/);
    expect(await workspace(page)).toEqual(before);
    await activate(errors.getByRole('button', { name: 'Close' }));
    expect(await errors.count()).toBe(0);
  }, 60_000);

  it('keeps the workspace across a reload', async () => {
    const name = page.locator('#field-name');
    await name.fill('Kept across reloads');
    await waitForResultsOf(page, 'Kept across reloads');
    await page.waitForTimeout(800); // the workspace is saved half a second after the last edit
    await page.goto(app.url); // no link in the address: from browser storage
    await waitForResultsOf(page, 'Kept across reloads');
    expect(await state<number>(page, 'wb.scenario.simulation.runs')).toBe(RUNS);
  }, 60_000);

  it('undoes and redoes edits by keyboard and by buttons', async () => {
    const seed = page.locator('#field-simulation-seed');
    const read = () => state<number>(page, 'wb.draft.simulation.seed');
    const original = await read();
    await seed.fill('777');
    expect(await read()).toBe(777);
    await page.getByRole('tab', { name: 'Cash' }).focus();
    await page.keyboard.press('Control+z');
    expect(await read()).toBe(original);
    expect(await seed.inputValue()).toBe(String(original));
    await page.keyboard.press('Control+Shift+z');
    expect(await read()).toBe(777);
    await activate(page.getByRole('button', { name: /Undo/ }));
    expect(await read()).toBe(original);
    await activate(page.getByRole('button', { name: /Redo/ }));
    expect(await read()).toBe(777);
    // A scheme added, then undone: structural edits too.
    const schemes = await state<number>(page, 'wb.draft.schemes.length');
    await activate(page.getByRole('button', { name: 'Add a scheme' }));
    expect(await state<number>(page, 'wb.draft.schemes.length')).toBe(schemes + 1);
    await page.keyboard.press('Control+z');
    expect(await state<number>(page, 'wb.draft.schemes.length')).toBe(schemes);
    await activate(page.getByRole('button', { name: /Undo/ }));
    expect(await read()).toBe(original);
    await waitForRun(page);
  }, 60_000);

  it('switches to Russian: labels, numbers, errors; the choice is remembered', async () => {
    await activate(page.getByRole('button', { name: 'RU', exact: true }));
    expect(await page.getByRole('tab', { name: 'Деньги' }).count()).toBe(1);
    expect(await page.getByTestId('results-n').textContent()).toContain(`N = ${RUNS} прогонов`);
    await activate(page.getByRole('tab', { name: 'Итоги' }));
    const cell = await page.locator('[data-chart="summary-table"] tbody td').first().textContent();
    expect(cell).toMatch(/^\d+,\d\d\u00A0млн\u00A0₽$/);
    await activate(page.getByRole('button', { name: 'EN', exact: true }));
    expect(await page.locator('[data-chart="summary-table"] tbody td').first().textContent()).toMatch(/^\d+\.\d\dM\u00A0₽$/);
    await activate(page.getByRole('button', { name: 'RU', exact: true }));

    await page.reload();
    await until(page, () => (globalThis as any).paybench?.workbench?.results !== null, null, { timeout: 60_000 });
    expect(await page.getByRole('button', { name: 'Открыть…' }).count()).toBe(1);
    const broken = JSON.parse(saved);
    broken.company.plan = 'много';
    const parsed = parseScenarioText(JSON.stringify(broken));
    await pick(page, JSON.stringify(broken), 'плохой.json');
    await page.getByTestId('open-errors').waitFor();
    expect(await page.getByTestId('open-errors').getByRole('heading').textContent()).toBe('Не удалось открыть файл «плохой.json»');
    expect(await page.getByTestId('open-errors').locator('li').allTextContents()).toEqual(parsed.ok ? [] : parsed.errors.map((i) => formatIssue(i, 'ru')));
    await activate(page.getByRole('button', { name: 'Закрыть' }).first());
    await activate(page.getByRole('button', { name: 'EN', exact: true }));
  }, 60_000);

  it('lists the bundled scenarios with their one-line stories, and opens one as an undoable step', async () => {
    await activate(page.getByRole('button', { name: 'Library' }));
    const library = page.getByRole('dialog', { name: 'Scenario library' });
    const items = library.locator('li[data-bundled]');
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    for (const item of await items.all()) expect((await item.locator('.story').textContent())!.length).toBeGreaterThan(20);
    expect(await library.locator('li[data-bundled="team-split"] .story').textContent()).toMatch(/split/);
    const before = await state<string>(page, 'wb.draft.name');
    await activate(library.locator('li[data-bundled="team-split"]').getByRole('button'));
    expect(await library.isVisible()).toBe(false);
    expect(await state<string>(page, 'wb.draft.name')).toBe(bundled('team-split').name);
    await activate(page.getByRole('button', { name: /Undo/ }));
    expect(await state<string>(page, 'wb.draft.name')).toBe(before);
  }, 30_000);

  it('opens a hostile scenario as plain text: nothing runs, nothing freezes', async () => {
    const hostile = hostileScenario();
    await drop(page, serializeScenario(hostile), 'hostile.paybench.json');
    await waitForResultsOf(page, hostile.name);
    expect(await page.getByTestId('scenario-name').textContent()).toBe(hostile.name);
    expect(await page.locator('article[data-scheme]').first().textContent()).toContain(HOSTILE);
    for (const tab of ['Cash', 'Pay', 'Summary']) {
      await activate(page.getByRole('tab', { name: tab }));
      await page.waitForTimeout(100);
    }
    expect(await page.evaluate(() => (globalThis as any).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], svg svg[onload], script:not([type="module"])').count()).toBe(0);

    // Deep nesting (by link), huge arrays (by file), a link too long: refused at once, page alive.
    const base = JSON.parse(serializeScenario(hostile));
    const attacks: { how: 'link' | 'file'; text: string; reason: RegExp }[] = [
      { how: 'link', text: '['.repeat(50_000) + ']'.repeat(50_000), reason: /expected an object|object/ },
      { how: 'file', text: JSON.stringify({ ...base, calendar: { ...base.calendar, extraHolidays: Array(350_000).fill('2027-01-01') } }), reason: /extraHolidays/ },
      { how: 'file', text: JSON.stringify({ ...base, staff: Array(300_000).fill(0) }), reason: /staff/ },
      { how: 'file', text: '{"a":'.repeat(400_000) + '1' + '}'.repeat(400_000), reason: /./ },
    ];
    const before = await workspace(page);
    for (const attack of attacks) {
      if (attack.how === 'link') {
        const code = LZString.compressToEncodedURIComponent(attack.text);
        await page.evaluate((c) => (location.hash = `#s=${c}`), code);
      } else {
        await drop(page, attack.text, 'attack.json');
      }
      await page.getByTestId('open-errors').waitFor({ timeout: 5_000 });
      expect(await page.getByTestId('open-errors').textContent()).toMatch(attack.reason);
      // The page still answers: a frame is drawn within a moment.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      await activate(page.getByTestId('open-errors').getByRole('button', { name: 'Close' }));
    }
    await page.evaluate(() => (location.hash = `#s=${'A'.repeat(25_000)}`));
    await expect.poll(() => page.getByTestId('open-errors').textContent()).toMatch(/the link is too long \(25,000 characters; at most 20,000\)/);
    expect(await workspace(page)).toEqual(before);
    expect(await page.evaluate(() => (globalThis as any).__pwned)).toBeUndefined();
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
