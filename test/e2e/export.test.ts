/**
 * Every chart's export in a real browser: the SVG parses, is the chart on screen without
 * its hover marks and carries its fonts and colours; the PNG is the chart at 2× (read from
 * the PNG header); the slide is 1920 × 1080 with the title, scenario name, seed and N; the
 * CSV has its BOM, its columns and a row per scheme and position; the summary table as
 * CSV. Names with markup and spreadsheet formulas stay text in SVG and CSV. The slide PNGs
 * are written to test/output/ to be looked at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { activate, buildAndServe, framesFlow, hasChromium, launch, ROOT, until, waitForRun, type ServedApp } from './support.ts';
import { parseScenarioText, serializeScenario } from '../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import type { ResultsJson } from '../../src/engine/results/summarize.ts';

const OUTPUT = `${ROOT}test/output`;
const RUNS = 20;

function scenario(): Scenario {
  const parsed = parseScenarioText(readFileSync(`${ROOT}scenarios/client-department.json`, 'utf8'));
  if (!parsed.ok) throw new Error('the bundled scenario does not parse');
  return { ...parsed.scenario, simulation: { ...parsed.scenario.simulation, runs: RUNS } };
}

const state = <T>(page: Page, read: string): Promise<T> =>
  page.evaluate(`(() => { const wb = globalThis.paybench.workbench; return JSON.parse(JSON.stringify(${read})); })()`) as Promise<T>;

async function open(page: Page, s: Scenario): Promise<void> {
  await page.getByTestId('open-file').setInputFiles({ name: 'x.paybench.json', mimeType: 'application/json', buffer: Buffer.from(serializeScenario(s)) });
  await until(page, (n) => (globalThis as any).paybench.workbench.results?.scenario.name === n, s.name, { timeout: 30_000 });
  await waitForRun(page);
}

/**
 * Clicks an export button and returns the file's name and bytes. Headless Chromium now and
 * then drops one of many downloads started in quick succession (the page's anchor click
 * happens, no download follows): a click that brings nothing within a few seconds is
 * repeated, twice at most; an export that never downloads still fails.
 */
async function exported(page: Page, chart: Locator, button: string, { keepHover = false } = {}): Promise<{ name: string; bytes: Buffer }> {
  const target = chart.locator('.pb-export').getByRole('button', { name: button, exact: true });
  for (let attempt = 1; ; attempt++) {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 4_000 }).catch(async (e) => {
        if (attempt < 3) return null;
        throw new Error(`${await chart.getAttribute('data-chart')} ${button}: ${await chart.locator('.pb-export').textContent()} (${e})`);
      }),
      // keepHover: a click without moving the pointer, so the chart's hover marks stay drawn.
      keepHover ? target.dispatchEvent('click') : activate(target),
    ]);
    if (download) return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  }
}

/** PNG width and height from the IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The SVG file read back by the browser's XML parser. */
function parseSvg(page: Page, text: string) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      font: root.getAttribute('font-family'),
      hover: doc.querySelectorAll('[data-hover]').length,
      markup: doc.querySelectorAll('script, img, foreignObject, [onload], [onerror]').length,
      marks: doc.querySelectorAll('path, line, rect, circle').length,
      text: root.textContent ?? '',
    };
  }, text);
}

/** RFC 4180: cells split on commas outside quotes, rows on CRLF outside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

function csvRows(bytes: Buffer): { bom: boolean; header: string[]; rows: string[][] } {
  const text = bytes.toString('utf8');
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  return { bom: text.startsWith('\uFEFF'), header, rows };
}

describe.skipIf(!hasChromium())('exports in Chromium', () => {
  let app: ServedApp;
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([buildAndServe(), launch()]);
    page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(app.url);
    await until(page, () => (globalThis as any).paybench?.workbench?.results !== null, null, { timeout: 60_000 });
    await open(page, scenario());
    mkdirSync(OUTPUT, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('exports the cash chart as it is on screen: SVG without hover marks, PNG at 2×, a 16:9 slide, CSV', async () => {
    const chart = page.locator('[data-chart="cash-fan"]');
    const screen = chart.locator('.pb-chart svg');
    // The pointer waits for animation frames; while the page paints none (see activate), the
    // same move reaches the chart as a dispatched event.
    const painting = await framesFlow(page);
    if (painting) await screen.scrollIntoViewIfNeeded();
    else await screen.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await screen.boundingBox())!;
    const at = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.6 };
    if (painting) await page.mouse.move(at.x, at.y);
    else await screen.dispatchEvent('pointermove', { clientX: at.x, clientY: at.y, bubbles: true });
    expect(await screen.locator('[data-hover]').count()).toBeGreaterThan(0);
    const width = Number(await screen.getAttribute('width'));
    const height = Number(await screen.getAttribute('height'));

    const svg = await exported(page, chart, 'SVG', { keepHover: true });
    expect(await screen.locator('[data-hover]').count()).toBeGreaterThan(0);
    expect(svg.name).toBe('Client-department-article-002-cash-fan.svg');
    const read = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(read).toMatchObject({ error: null, root: 'svg', ns: 'http://www.w3.org/2000/svg', width, height, hover: 0, markup: 0 });
    expect(read.font).toMatch(/Liberation Sans/);
    expect(read.marks).toBeGreaterThan(50);
    expect(read.text).toContain('Cash balance by day');
    // Colours travel as attributes, not as the page's CSS.
    expect(svg.bytes.toString('utf8')).toMatch(/stroke="#0072B2"/);

    const png = await exported(page, chart, 'PNG');
    expect(pngSize(png.bytes)).toEqual({ width: 2 * width, height: 2 * height });

    const slide = await exported(page, chart, 'Slide');
    expect(slide.name).toBe('Client-department-article-002-cash-fan-slide.png');
    expect(pngSize(slide.bytes)).toEqual({ width: 1920, height: 1080 });
    writeFileSync(`${OUTPUT}/slide-cash-fan.png`, slide.bytes);

    const slideSvg = await parseSvg(page, (await exported(page, chart, 'Slide SVG')).bytes.toString('utf8'));
    expect(slideSvg).toMatchObject({ error: null, width: 1920, height: 1080, hover: 0, markup: 0 });
    expect(slideSvg.text).toContain('Cash balance by day');
    expect(slideSvg.text).toContain(`Client department (article 002) · seed 20260 · N = ${RUNS} runs per scheme`);
    expect(slideSvg.text).toContain('P5–P95'); // the chart's legend came along

    const csv = csvRows((await exported(page, chart, 'CSV')).bytes);
    expect(csv.bom).toBe(true);
    expect(csv.header).toEqual(['scheme', 'scheme_name', 'day', 'date', 'cash_p5', 'cash_p10', 'cash_p25', 'cash_p50', 'cash_p75', 'cash_p90', 'cash_p95']);
    const results = await state<ResultsJson>(page, 'wb.results');
    expect(csv.rows).toHaveLength(results.schemes.length * results.schemes[0].cashDaily.p50.length);
    expect(csv.rows[0].slice(0, 4)).toEqual(['linear', '0.1% of collections', '1', '2027-01-01']);
    expect(csv.rows[0][7]).toMatch(/^-?\d+(\.\d+)?$/);
  }, 60_000);

  it('exports every chart of every tab as a valid SVG and CSV, and the summary table as CSV', async () => {
    const results = await state<ResultsJson>(page, 'wb.results');
    const seen: string[] = [];
    for (const tab of await page.getByRole('tab').all()) {
      await activate(tab);
      for (const chart of await page.locator('[role=tabpanel] [data-chart]').all()) {
        const id = (await chart.getAttribute('data-chart'))!;
        seen.push(id);
        const csv = csvRows((await exported(page, chart, 'CSV')).bytes);
        expect(csv.bom, id).toBe(true);
        expect(csv.header.slice(0, 2), id).toEqual(['scheme', 'scheme_name']);
        expect(new Set(csv.rows.map((r) => r[0])), id).toEqual(new Set(results.schemes.map((s) => s.id)));
        for (const row of csv.rows) expect(row.length, `${id}: ${row}`).toBe(csv.header.length);
        if (id === 'summary-table') {
          expect(csv.header).toContain('profit_diff_median');
          continue;
        }
        const svg = await parseSvg(page, (await exported(page, chart, 'SVG')).bytes.toString('utf8'));
        expect(svg, id).toMatchObject({ error: null, root: 'svg', hover: 0, markup: 0 });
        expect(svg.marks, id).toBeGreaterThan(10);
      }
    }
    expect(seen).toEqual(expect.arrayContaining(['cash-fan', 'cash-typical', 'intra-month', 'effort-by-day', 'distribution-profitTotal', 'pay-per-person', 'growth', 'summary-table']));

    await activate(page.getByRole('tab', { name: 'Pay' }));
    const pay = page.locator('[data-chart="pay-per-person"]');
    const slide = await exported(page, pay, 'Slide');
    expect(pngSize(slide.bytes)).toEqual({ width: 1920, height: 1080 });
    writeFileSync(`${OUTPUT}/slide-pay-per-person.png`, slide.bytes);
  }, 90_000);

  it('keeps names from a file as text in SVG and CSV: no markup, no spreadsheet formulas', async () => {
    const hostile = scenario();
    hostile.name = '=HYPERLINK("http://evil","x")';
    hostile.schemes[0].name = `=cmd|' /C calc'!A0`;
    hostile.schemes[1].name = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    hostile.schemes[2].name = '+1&amp;"quoted", -2 @SUM(A1)';
    await open(page, hostile);
    await activate(page.getByRole('tab', { name: 'Cash' }));
    const chart = page.locator('[data-chart="cash-fan"]');
    const svgText = (await exported(page, chart, 'SVG')).bytes.toString('utf8');
    const svg = await parseSvg(page, svgText);
    expect(svg).toMatchObject({ error: null, markup: 0 });
    expect(svg.text).toContain('<script>alert(1)</script>');
    expect(svgText).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const slide = await parseSvg(page, (await exported(page, chart, 'Slide SVG')).bytes.toString('utf8'));
    expect(slide).toMatchObject({ error: null, markup: 0 });
    expect(slide.text).toContain('=HYPERLINK("http://evil","x") · seed');

    await activate(page.getByRole('tab', { name: 'Summary' }));
    const csv = csvRows((await exported(page, page.locator('[data-chart="summary-table"]'), 'CSV')).bytes);
    expect(csv.rows.map((r) => r[1])).toEqual([`'=cmd|' /C calc'!A0`, '<script>alert(1)</script><img src=x onerror=alert(1)>', `'+1&amp;"quoted", -2 @SUM(A1)`]);
    expect(await page.evaluate(() => (globalThis as any).__pwned)).toBeUndefined();
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
