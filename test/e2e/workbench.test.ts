/**
 * The workbench in a real browser (Debian's Chromium through playwright-core): the built
 * app opens on the client department with results already running, every chart has data
 * for every scheme, an edit re-runs to the same numbers as `paybench run`, cancel works,
 * a worker that throws or dies is reported and the app recovers, the payout calculator
 * reproduces the worked example, the page has no long freezes and no console errors.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activate, buildAndServe, hasChromium, launch, ROOT, shoot, until, waitForRun, type ServedApp } from './support.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { buildResultsJson, resultsJsonText, type ResultsJson } from '../../src/engine/results/summarize.ts';
import { GENERATOR } from '../../src/engine/batch/generator.ts';
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { schemeColors } from '../../src/charts/palette.ts';

const OUTPUT = `${ROOT}test/output`;

function bundled(): Scenario {
  const parsed = parseScenarioText(readFileSync(`${ROOT}scenarios/client-department.json`, 'utf8'));
  if (!parsed.ok) throw new Error('the bundled scenario does not parse');
  return parsed.scenario;
}

const hexToRgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

const state = <T>(page: Page, read: string): Promise<T> =>
  page.evaluate(`(() => { const wb = globalThis.paybench.workbench; return JSON.parse(JSON.stringify(${read})); })()`) as Promise<T>;

/** Waits until the page's run is done and shows the results of a scenario that `shown` accepts (an expression of `s` and `wb`, read in the page). */
const doneShowing = (p: Page, shown: string) =>
  until(p, `(() => { const wb = globalThis.paybench.workbench; const s = wb.resultsScenario; return wb.status === 'done' && s !== null && (${shown}); })()`, null, { timeout: 60_000 });

/** Loads a scenario into the page's workbench (its edit pause, then its run, follow). */
const loadInPage = (p: Page, s: Scenario) => p.evaluate((s) => (globalThis as any).paybench.workbench.load(s), JSON.parse(JSON.stringify(s)));

/** Loads a scenario and starts its run at once, not after the edit's pause. */
const runInPage = (p: Page, s: Scenario) =>
  p.evaluate((s) => {
    const wb = (globalThis as any).paybench.workbench;
    wb.load(s);
    void wb.run();
  }, JSON.parse(JSON.stringify(s)));

/** Loads a scenario and starts the edit's re-run at once, not after the pause (`wb.run('edited')`). */
const editInPage = (p: Page, s: Scenario) =>
  p.evaluate((s) => {
    const wb = (globalThis as any).paybench.workbench;
    wb.load(s);
    void wb.run('edited');
  }, JSON.parse(JSON.stringify(s)));

/** Starts a run of `s` at once and waits until it is under way: its runs done and in all then. */
async function underWay(p: Page, s: Scenario): Promise<{ done: number; total: number }> {
  await runInPage(p, s);
  await until(p, () => (globalThis as any).paybench.workbench.done > 0, null, { polling: 5, timeout: 10_000 });
  return state(p, '({ done: wb.done, total: wb.total })');
}

/** `s` with its third scheme's first gate on `day`. */
function gateOn(s: Scenario, day: number): Scenario {
  const out = structuredClone(s);
  out.schemes[2].tranches[0].gate!.byDay = day;
  return out;
}

/** How many schemes the page's run kept, and how many runs it made. */
const keptAndDone = (p: Page) => state<{ kept: number; done: number }>(p, '({ kept: wb.keptSchemes, done: wb.done })');

/** The page shows exactly the results JSON the inline runner gives for `s`. */
async function showsInline(p: Page, s: Scenario): Promise<void> {
  const inline = buildResultsJson(s, await new InlineRunner().run(s), { generator: GENERATOR });
  expect(resultsJsonText(await state<ResultsJson>(p, 'wb.results'))).toBe(resultsJsonText(inline));
}

/** For each chart drawn in the open tab: which schemes' colours its marks lack, and any NaN. */
function chartsInPage({ colours, within }: { colours: string[]; within: string }) {
  const marks = 'path, line, rect, circle, polyline, polygon';
  return [...document.querySelectorAll<HTMLElement>(`${within} [data-chart]`)].map((chart) => {
    const elements = [...chart.querySelectorAll<SVGElement | HTMLElement>(`svg ${marks}, [data-scheme-colour], td, th, span`)];
    const painted = (el: Element, colour: string) => {
      const style = getComputedStyle(el);
      return [style.stroke, style.fill, style.backgroundColor, style.color, style.borderColor].includes(colour);
    };
    const missing = colours.filter((c) => elements.filter((el) => painted(el, c)).length < 1);
    const nan = [...chart.querySelectorAll('svg *')].some((el) =>
      ['d', 'x', 'y', 'width', 'height', 'cx', 'cy', 'x1', 'x2', 'y1', 'y2', 'points', 'transform'].some((a) => /NaN|Infinity/.test(el.getAttribute(a) ?? '')),
    );
    return { chart: chart.dataset.chart, missing, nan, marks: chart.querySelectorAll(`svg ${marks}`).length, text: chart.textContent?.length ?? 0 };
  });
}

describe.skipIf(!hasChromium())('the workbench in Chromium', () => {
  let app: ServedApp;
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([buildAndServe(), launch()]);
    page = await browser.context.newPage();
    await page.addInitScript(() => {
      const g = globalThis as unknown as { longTasks: number[] };
      g.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) g.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const expected = /injected fault/;
    page.on('console', (m) => {
      if (m.type() === 'error' && !expected.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => {
      if (!expected.test(e.message)) consoleErrors.push(e.message);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens on the client department with results already running, then complete', async () => {
    await page.goto(app.url);
    await until(page, () => (globalThis as any).paybench?.workbench?.results !== null, null, { timeout: 60_000 });
    const first = await state<{ runs: number; status: string }>(page, '({ runs: wb.results.scenario.runs, status: wb.status })');
    expect(first.runs).toBeGreaterThan(0);
    expect(await page.getByRole('progressbar').isVisible()).toBe(true);
    await waitForRun(page);
    const done = await state<{ runs: number; n: number; name: string; settled: number | null; widest: number | null }>(
      page,
      '({ runs: wb.results.scenario.runs, n: wb.done, name: wb.draft.name, settled: wb.settled?.runs ?? null, widest: (wb.settled ?? wb.unsettled)?.widest ?? null })',
    );
    expect(done.name).toBe(bundled().name);
    // "Stop when settled" is on by default: all the scenario's runs, or fewer once settled;
    // either way the status line says how wide the widest interval is against the 2% asked.
    const width = `${Number((done.widest! * 100).toFixed(done.widest! >= 0.1 ? 1 : 2))}%`;
    if (done.settled === null) {
      expect(done.runs).toBe(bundled().simulation.runs);
      const said = done.widest! <= 0.02 ? `not settled: interval ${width} of profit, the ranking unconfirmed` : `not settled: interval ${width} of profit, 2% asked`;
      expect((await page.getByTestId('not-settled').textContent())!.trim()).toBe(said);
    } else {
      expect(done.runs).toBe(done.settled);
      expect(done.runs).toBeLessThanOrEqual(bundled().simulation.runs);
      expect(await page.getByTestId('settled').textContent()).toBe(`settled at ${done.runs} runs (interval ${width} of profit)`);
    }
    expect(await page.getByTestId('results-n').textContent()).toContain(`N = ${done.runs}`);
  }, 120_000);

  it('settles at the default precision, runs every run at 1%, and reads the held runs again back at 2%', async () => {
    const all = bundled().simulation.runs;
    const precision = page.getByLabel('Precision asked');
    // The page opened at the default, within 2% of profit: the client department settles sooner.
    expect(await precision.inputValue()).toBe('0.02');
    const settled = await state<{ runs: number; widest: number }>(page, '({ runs: wb.settled.runs, widest: wb.settled.widest })');
    expect(settled.runs).toBeLessThan(all);
    expect(settled.widest).toBeLessThanOrEqual(0.02);
    const width = `${Number((settled.widest * 100).toFixed(settled.widest >= 0.1 ? 1 : 2))}%`;
    expect(await page.getByTestId('settled').textContent()).toBe(`settled at ${settled.runs} runs (interval ${width} of profit)`);
    expect(await page.getByTestId('settled').getAttribute('title')).toContain('narrower than 2% of profit');
    // The numbers of `paybench run --until-converged`: those of its first runs.
    await showsInline(page, { ...bundled(), simulation: { ...bundled().simulation, runs: settled.runs } });

    // Stricter than the runs held settled at: every scheme runs, up to all the runs.
    await precision.selectOption({ label: 'within 1%' });
    await doneShowing(page, `wb.results.scenario.runs === ${all}`);
    expect(await state(page, 'wb.keptSchemes')).toBe(0);
    await showsInline(page, bundled());
    // Back at 2%: the runs held that settled there are read again, and nothing runs.
    await precision.selectOption({ label: 'within 2%' });
    await doneShowing(page, `wb.settled?.runs === ${settled.runs}`);
    expect(await keptAndDone(page)).toEqual({ kept: 3, done: 0 });

    // The switch by keyboard: off runs every run (those held) and disables the precision.
    await page.getByRole('switch', { name: 'Stop when settled' }).focus();
    await page.keyboard.press('Space');
    expect(await precision.isDisabled()).toBe(true);
    await doneShowing(page, `wb.settled === null && wb.unsettled === null && wb.results.scenario.runs === ${all}`);
    await page.keyboard.press('Space');
    await doneShowing(page, `wb.settled?.runs === ${settled.runs}`);

    // The choice is kept for the next visit, as the language is: the page opens at 1% and runs every run.
    await precision.selectOption({ label: 'within 1%' });
    await page.reload();
    await doneShowing(page, `wb.results.scenario.runs === ${all}`);
    expect(await page.getByLabel('Precision asked').inputValue()).toBe('0.01');
    await page.getByLabel('Precision asked').selectOption({ label: 'within 2%' });
    await doneShowing(page, `wb.settled?.runs === ${settled.runs}`);
  }, 180_000);

  it('draws every chart with data for every scheme, in every tab', async () => {
    const results = await state<ResultsJson>(page, 'wb.results');
    const colours = Object.values(schemeColors(results.schemes, results.baseline)).map(hexToRgb);
    const seen: string[] = [];
    for (const tab of await page.getByRole('tab').all()) {
      await activate(tab);
      for (const chart of await page.evaluate(chartsInPage, { colours, within: '[role=tabpanel]' })) {
        seen.push(chart.chart!);
        expect(chart, `${chart.chart}`).toMatchObject({ missing: [], nan: false });
        expect(chart.marks + chart.text, `${chart.chart} is empty`).toBeGreaterThan(10);
      }
    }
    expect(seen).toEqual(
      expect.arrayContaining(['cash-fan', 'cash-typical', 'intra-month', 'effort-by-day', 'distribution-profitTotal', 'pay-per-person', 'growth', 'summary-table']),
    );
    // Each scheme card draws its payout curve in the scheme's colour.
    const colourOf = schemeColors(results.schemes, results.baseline);
    for (const scheme of results.schemes) {
      const [curve] = await page.evaluate(chartsInPage, { colours: [hexToRgb(colourOf[scheme.id])], within: `article[data-scheme="${scheme.id}"]` });
      expect(curve, `payout curve of ${scheme.id}`).toMatchObject({ chart: 'payout-curve', missing: [], nan: false });
    }
    await activate(page.getByRole('tab').first());
    mkdirSync(OUTPUT, { recursive: true });
    await shoot(page, { path: `${OUTPUT}/workbench.png`, fullPage: true });
  }, 60_000);

  it('re-runs after an edit to exactly the numbers `paybench run` prints for the same scenario, seed and runs', async () => {
    await page.locator('#field-simulation-runs').fill('40');
    await until(page, () => (globalThis as any).paybench.workbench.results?.scenario.runs === 40, null, { timeout: 30_000 });
    await waitForRun(page);
    const scenario = await state<Scenario>(page, 'wb.scenario');
    const reference = bundled();
    reference.simulation.runs = 40;
    expect(scenario).toEqual(reference);
    await showsInline(page, reference);
  }, 60_000);

  it('gives the same numbers with three workers, whose summaries meet in the first, when they run on past a checkpoint', async () => {
    // A machine with four cores: three run workers, each folding its own runs. Stopping when
    // settled reads the answer at 100 and 200 runs; meanwhile the workers run ahead.
    const wide = await browser.context.newPage();
    try {
      await wide.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }));
      await wide.goto(app.url);
      await waitForRun(wide);
      // At 1% of profit, where these 250 runs do not settle (at 2% the two schemes left after
      // the removal below would settle at 200: the page would read them again at that step).
      await wide.evaluate(() => void ((globalThis as any).paybench.workbench.comparison.tolerance = 0.01));
      const reference = bundled();
      reference.simulation.runs = 250;
      await loadInPage(wide, reference);
      // Done with this scenario: its results stop at a checkpoint (100, 200) or at 250 — the
      // page may have opened on another run count kept from an earlier visit.
      await doneShowing(wide, 's.simulation.runs === 250 && wb.results.scenario.runs >= 100');
      expect(await state<boolean>(wide, 'wb.untilSettled')).toBe(true);
      // Settled at a checkpoint or not, the numbers are those of every run below where it ended.
      reference.simulation.runs = (await state<ResultsJson>(wide, 'wb.results')).scenario.runs;
      await showsInline(wide, reference);
      expect(wide.workers().filter((w) => w.url().includes('web-worker')).length).toBe(3);

      // Not settled, so every run was made. An edit of one scheme keeps the other two, whose
      // runs the first worker gathered from all three; the two workers this scheme's runs need meet there too.
      expect(reference.simulation.runs).toBe(250);
      const edited = gateOn(reference, 14);
      await loadInPage(wide, edited);
      await doneShowing(wide, 's.schemes[2].tranches[0].gate.byDay === 14');
      expect(await keptAndDone(wide)).toEqual({ kept: 2, done: 250 });
      await showsInline(wide, edited);

      // Two edits in a row, the second while the first one's run is under way: the run it
      // cancels loses nothing of the runs held, so the second keeps the other two as well.
      const cut = await underWay(wide, gateOn(edited, 13));
      const second = gateOn(edited, 12);
      await runInPage(wide, second);
      expect(cut.done).toBeLessThan(cut.total);
      await doneShowing(wide, 's.schemes[2].tranches[0].gate.byDay === 12');
      expect(await state<number>(wide, 'wb.keptSchemes')).toBe(2);
      await showsInline(wide, second);

      // Back to the comparison whose runs are held (an Undo) while the next edit's run is under
      // way: the edit's re-run runs nothing and reads the runs held again.
      const under = await underWay(wide, gateOn(second, 11));
      await editInPage(wide, second);
      expect(under.done).toBeLessThan(under.total);
      await doneShowing(wide, 's.schemes[2].tranches[0].gate.byDay === 12');
      expect(await keptAndDone(wide)).toEqual({ kept: 3, done: 0 });
      await showsInline(wide, second);
      // The status line leaves out the run count (none ran): a dot goes between the parts shown, not before the first.
      const dots = await wide.getByTestId('run-counts').evaluate((el) => [...el.querySelectorAll(':scope > .part')].map((p) => getComputedStyle(p, '::before').content));
      expect(dots.length).toBeGreaterThan(1);
      expect(dots).toEqual(dots.map((_, i) => (i === 0 ? 'none' : '"· "')));
      expect(await wide.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('kept the runs of 3 unchanged schemes');

      // A scheme removed: nothing runs, the first worker hands over the other two as they stand.
      const removed = structuredClone(second);
      removed.schemes.splice(1, 1);
      await loadInPage(wide, removed);
      await doneShowing(wide, 's.schemes.length === 2');
      expect(await keptAndDone(wide)).toEqual({ kept: 2, done: 0 });
      await showsInline(wide, removed);

      // And back (an Undo of the removal): the comparison before it is held too, so nothing runs.
      await editInPage(wide, second);
      await doneShowing(wide, 's.schemes.length === 3');
      expect(await keptAndDone(wide)).toEqual({ kept: 3, done: 0 });
      await showsInline(wide, second);
    } finally {
      await wide.close();
    }
  }, 120_000);

  it('moves the results when the threshold changes, and words a bad input as the form does', async () => {
    const bonus = () => state<number>(page, `wb.results.schemes.find((s) => s.id === 'threshold').metrics.bonusTotal.p50`);
    const before = await bonus();
    const card = page.locator('article[data-scheme="threshold"]');
    await activate(card.getByRole('button', { name: 'Edit' }));
    // The editor opens beside the results, not inside the card.
    const editor = page.locator('#scheme-editor-panel');
    const threshold = editor.getByLabel('Threshold', { exact: true });
    await threshold.fill('45 000 000');
    await until(page, () => (globalThis as any).paybench.workbench.status === 'running', null, { timeout: 10_000 });
    await waitForRun(page);
    const after = await bonus();
    expect(after).toBeLessThan(before);
    expect(await state(page, 'wb.draft.schemes[1].formula.threshold')).toBe('45000000');
    // The other two schemes did not change: their runs were kept, only this one ran, and the
    // numbers are those of a run of every scheme.
    expect(await page.getByTestId('kept').textContent()).toBe('kept the runs of 2 unchanged schemes');
    await showsInline(page, await state<Scenario>(page, 'wb.scenario'));

    await threshold.fill('forty');
    await expect.poll(() => editor.getByRole('alert').first().textContent()).toBe('Threshold: “forty” is not a number; type it like 40,000,000');
    await threshold.fill('40000000');
    await waitForRun(page);
    await activate(editor.getByRole('button', { name: 'Done' }));
  }, 60_000);

  it('switches a large configuration to the Run button, and cancels a long run', async () => {
    await page.locator('#field-simulation-runs').fill('20000');
    await expect.poll(() => state<boolean>(page, 'wb.autoRun')).toBe(false);
    // Said why it waits: the size, not a switch the user turned off.
    expect(await page.locator('.run-note').textContent()).toBe('Inputs changed since these results. Large configuration: press Run when ready.');
    // Within 0.5%, the client department's interval (3.2% of profit at 100 runs) narrows to it
    // at about 4,100 runs: the step of 4,200 of the 20,000. Every time left shown is noted.
    const precision = page.getByLabel('Precision asked');
    await precision.selectOption({ label: 'within 0.5%' });
    await page.evaluate(() => {
      const seen: string[] = ((globalThis as any).timeLeftSeen = []);
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="time-left"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await activate(page.getByRole('button', { name: 'Run', exact: true }));
    await until(page, () => (globalThis as any).paybench.workbench.done > 0, null, { timeout: 20_000 });
    // Stopping when settled, the time left is what every run would take (the most it takes)
    // until the first step is read; then the time to where the answer likely settles, marked on the bar.
    const timeLeft = page.getByTestId('time-left');
    await expect.poll(() => timeLeft.textContent(), { timeout: 20_000 }).toMatch(/^about \d+(\.\d)?\u00A0s left$/);
    expect(await timeLeft.getAttribute('title')).toContain('likely settles at 4200 runs of each scheme');
    const bar = page.getByRole('progressbar');
    expect(await bar.getAttribute('title')).toBe('likely settles here (4200 runs of each scheme)');
    expect(Number(await bar.getAttribute('data-likely-at'))).toBeCloseTo(21, 5);
    expect(await bar.evaluate((e) => getComputedStyle(e).backgroundImage)).toContain('linear-gradient');
    const seen = await page.evaluate(() => (globalThis as any).timeLeftSeen as string[]);
    expect(seen[0]).toMatch(/^up to \d+(\.\d)?\u00A0s left$/);
    await activate(page.getByRole('button', { name: 'Cancel' }));
    await waitForRun(page, 'cancelled', 5_000);
    const stopped = await state<number>(page, 'wb.done');
    await page.waitForTimeout(500);
    expect(await state<number>(page, 'wb.done')).toBe(stopped);
    expect(stopped).toBeLessThan(60_000);
    await precision.selectOption({ label: 'within 2%' });
    await page.locator('#field-simulation-runs').fill('40');
    await page.getByRole('switch', { name: /Re-run/ }).check({ force: true });
    await waitForRun(page);
  }, 60_000);

  it('runs 100,000 runs with live progress and refreshing bands, then cancels', async () => {
    // Scale (issue 6): summaries are folded in the run workers, so the page neither
    // grows nor freezes however many runs are asked for; long tasks are checked at the end.
    await page.locator('#field-simulation-runs').fill('100000');
    await expect.poll(() => state<boolean>(page, 'wb.autoRun')).toBe(false);
    await activate(page.getByRole('button', { name: 'Run', exact: true }));
    await until(page, () => (globalThis as any).paybench.workbench.results?.scenario.runs > 0 && (globalThis as any).paybench.workbench.status === 'running', null, { timeout: 30_000 });
    const first = await state<{ done: number; runs: number }>(page, '({ done: wb.done, runs: wb.results.scenario.runs })');
    // Progress moves and the bands refresh while the run goes on.
    await until(page, (n) => (globalThis as any).paybench.workbench.results.scenario.runs > n, first.runs, { timeout: 20_000 });
    const later = await state<{ done: number; total: number; runs: number; bar: string }>(
      page,
      `({ done: wb.done, total: wb.total, runs: wb.results.scenario.runs, bar: document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') ?? '' })`,
    );
    expect(later.total).toBe(100_000 * 3);
    expect(later.done).toBeGreaterThan(first.done);
    expect(later.runs).toBeGreaterThan(first.runs);
    expect(later.bar).not.toBe('');
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    console.log(`100,000 runs: ${later.done} scheme-runs done when cancelled, page JS heap ${(heap / 2 ** 20).toFixed(0)} MiB`);
    await activate(page.getByRole('button', { name: 'Cancel' }));
    await waitForRun(page, 'cancelled', 5_000);
    await page.locator('#field-simulation-runs').fill('40');
    await activate(page.getByRole('button', { name: 'Run', exact: true }));
    await waitForRun(page);
  }, 60_000);

  it('reports a worker that throws or dies, then runs again', async () => {
    for (const [fault, words] of [['throw', /failed: injected fault/], ['crash', /crashed/]] as const) {
      await page.evaluate((f) => (globalThis as any).paybench.workbench.injectFault(f), fault);
      await activate(page.getByRole('button', { name: 'Run', exact: true }));
      await waitForRun(page, 'error', 20_000);
      const alert = page.locator('.run-error');
      expect(await alert.textContent()).toMatch(words);
      await activate(page.getByRole('button', { name: 'Run again' }));
      await waitForRun(page);
      expect(await state<number>(page, 'wb.results.scenario.runs')).toBe(40);
    }
  }, 60_000);

  it('names every control and moves between result tabs with the keyboard', async () => {
    await activate(page.locator('article[data-scheme="tranches"]').getByRole('button', { name: 'Edit' }));
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
        .filter((el) => {
          const labels = (el as HTMLInputElement).labels;
          const named = (labels && labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
          return !named && !(el.tagName === 'BUTTON' && el.textContent!.trim() !== '');
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
    await page.getByRole('tab', { name: 'Cash' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Collections & effort');
    expect(await page.getByRole('tab', { name: 'Collections & effort' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
    await activate(page.locator('#scheme-editor-panel').getByRole('button', { name: 'Done' }));
  });

  it('reproduces the worked example in the payout calculator, to the kopeck', async () => {
    await page.getByLabel('Scheme', { exact: true }).selectOption('threshold');
    await page.getByLabel('Collected in the month').fill('55 000 000');
    await page.getByLabel('Award (+) / penalty (−) for Masha').focus();
    expect(await page.getByLabel('Collected in the month').inputValue()).toBe('55,000,000'); // grouped once typed
    await page.getByLabel('Award (+) / penalty (−) for Masha').fill('15000');
    await page.getByLabel('Award (+) / penalty (−) for Vasya').fill('-6000');
    await expect.poll(() => page.getByTestId('calc-pool').textContent()).toBe('75,000.00\u00A0₽');
    const bonus = (id: string) => page.locator(`tr[data-person="${id}"] td`).textContent();
    expect(await bonus('head')).toBe('30,000.00\u00A0₽');
    expect(await bonus('masha')).toBe('27,000.00\u00A0₽');
    expect(await bonus('vasya')).toBe('6,000.00\u00A0₽');
    expect(await bonus('olya')).toBe('12,000.00\u00A0₽');
  }, 30_000);

  it('computes on request which inputs move each advantage most, draws the tornado, and drops it after an edit', async () => {
    await page.locator('#field-simulation-runs').fill('12');
    await activate(page.getByRole('button', { name: 'Run', exact: true })); // earlier tests may have left auto-run off
    await until(page, () => (globalThis as any).paybench.workbench.results?.scenario.runs === 12, null, { timeout: 30_000 });
    await waitForRun(page);
    await activate(page.getByRole('tab', { name: 'Sensitivity' }));
    await activate(page.getByRole('button', { name: /^Compute \(19 comparisons × 12 runs per scheme\)/ }));
    await until(page, () => (globalThis as any).paybench.workbench.sensitivity.status === 'done', null, { timeout: 90_000 });
    const tornado = page.locator('[data-chart="tornado"]');
    // Two schemes against the baseline, nine inputs each, a bar end either side of the centre.
    for (const scheme of ['threshold', 'tranches']) {
      expect(await tornado.locator(`rect[data-scheme="${scheme}"][data-end="high"]`).count()).toBe(9);
    }
    const first = await tornado.locator('rect[data-scheme="threshold"]').first().getAttribute('data-input');
    const result = await state<{ schemes: { id: string; bars: { input: string; swing: number }[] }[] }>(page, 'wb.sensitivity.result');
    expect(first).toBe(result.schemes[0].bars[0].input); // widest on top
    expect(await tornado.textContent()).toContain('Client volume per month');
    await shoot(page, { path: `${OUTPUT}/sensitivity.png`, fullPage: true });
    // An edit changes the inputs the tornado was computed from: it goes.
    await page.locator('#field-simulation-runs').fill('13');
    await expect.poll(() => tornado.count()).toBe(0);
    await activate(page.getByRole('tab', { name: 'Cash' }));
    await waitForRun(page);
  }, 120_000);

  it('keeps the unchanged schemes\' runs in a crowded pool, whose second worker starts after the first glimpse', async () => {
    // Two workers on two cores: a batch starts on the first alone. 300 runs of one scheme
    // give both work; the first starts from the kept schemes' summaries.
    expect(await state(page, '({ size: globalThis.paybench.runner.size, crowded: globalThis.paybench.runner.crowded })')).toEqual({ size: 2, crowded: true });
    const s = bundled();
    s.simulation.runs = 300;
    await runInPage(page, s);
    await doneShowing(page, "s.simulation.runs === 300 && s.schemes[1].formula.threshold !== '42000000'");
    s.schemes[1].formula = { ...s.schemes[1].formula, threshold: '42000000' } as typeof s.schemes[1]['formula'];
    await runInPage(page, s);
    await doneShowing(page, "s.simulation.runs === 300 && s.schemes[1].formula.threshold === '42000000'");
    const edited = await state<{ kept: number; done: number; runs: number }>(page, '({ kept: wb.keptSchemes, done: wb.done, runs: wb.results.scenario.runs })');
    expect({ kept: edited.kept, done: edited.done }).toEqual({ kept: 2, done: 300 });
    await showsInline(page, { ...s, simulation: { ...s.simulation, runs: edited.runs } });
  }, 120_000);

  it('never froze the page for long and logged no errors', async () => {
    const longTasks = await page.evaluate(() => (globalThis as unknown as { longTasks: number[] }).longTasks);
    const longest = Math.max(0, ...longTasks);
    console.log(`long tasks: ${longTasks.length}, longest ${longest.toFixed(0)} ms`);
    // Measured and printed (npm run bench reports it too), not asserted: a timing depends on the machine's load.
    expect(consoleErrors).toEqual([]);
  });
});
