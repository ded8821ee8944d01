/**
 * Screenshots of Suggest… (the optimiser in the workbench), for looking at the page:
 *   npx tsx test/e2e/shoot-suggest.ts OUT_DIR [runs=10] [budget=80] [width=1366] [height=768]
 * Opens the client department in English and in Russian, runs a small search for the gated
 * scheme and writes OUT_DIR/suggest-form-<lang>.png (the form), suggest-<lang>.png (the
 * answer beside it) and suggest-card-<lang>.png (the new card among the others).
 */
import { mkdirSync } from 'node:fs';
import { buildAndServe, launch, until, waitForRun } from './support.ts';

const [out = 'test/output', ...rest] = process.argv.slice(2);
const opt = Object.fromEntries(rest.map((a) => (a.includes('=') ? a.split('=', 2) : [a, '1'])));
const width = Number(opt.width ?? 1366);
const height = Number(opt.height ?? 768);
mkdirSync(out, { recursive: true });
const app = await buildAndServe();
const browser = await launch();
try {
  for (const lang of (opt.lang ? [opt.lang] : ['en', 'ru']) as ('en' | 'ru')[]) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.addInitScript((l) => { if (!sessionStorage.getItem('shot')) { localStorage.clear(); sessionStorage.setItem('shot', '1'); } localStorage.setItem('paybench.lang', l); }, lang);
    await page.goto(app.url);
    await waitForRun(page, 'done', 300_000);
    await page.locator('article[data-scheme="tranches"] [data-suggest]').click();
    const panel = page.getByTestId('suggest-panel');
    await panel.getByTestId('suggest-runs').fill(opt.runs ?? '10');
    await panel.getByTestId('suggest-budget').fill(opt.budget ?? '80');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/suggest-form-${lang}.png` });
    const t0 = Date.now();
    await panel.locator('button[type=submit]').click();
    await until(page, () => (globalThis as any).paybench.workbench.suggest.status !== 'running', null, { timeout: 900_000, polling: 200 });
    console.log(lang, 'search took', (Date.now() - t0) / 1000, 's', await page.evaluate(() => (globalThis as any).paybench.workbench.suggest.status));
    await page.getByTestId('suggest-result').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/suggest-${lang}.png` });
    await page.getByTestId('suggest-result').screenshot({ path: `${out}/suggest-result-${lang}.png` });
    await waitForRun(page, 'done', 300_000);
    await page.locator('#schemes-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/suggest-card-${lang}.png` });
    console.log(`${out}/suggest-form-${lang}.png ${out}/suggest-${lang}.png ${out}/suggest-card-${lang}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
}
