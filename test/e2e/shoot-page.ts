/**
 * Screenshots of the workbench as a user opens it, for looking at the page:
 *   npx tsx test/e2e/shoot-page.ts OUT_DIR [width=1366] [height=768] [full] [extra]
 * Builds and serves the app, opens it in English and in Russian (client department,
 * results complete) and writes OUT_DIR/glance-en.png and glance-ru.png; with `extra`, also
 * editing-<lang>.png (the editor beside the results) and stale-<lang>.png (out of date).
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
  for (const lang of ['en', 'ru'] as const) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.addInitScript((l) => { if (!sessionStorage.getItem("shot")) { localStorage.clear(); sessionStorage.setItem("shot", "1"); } localStorage.setItem("paybench.lang", l); }, lang);
    await page.goto(app.url);
    await until(page, () => (globalThis as any).paybench?.workbench?.results !== null, null, { timeout: 60_000 });
    await waitForRun(page, 'done', 300_000);
    await page.waitForTimeout(300);
    const path = `${out}/glance-${lang}${opt.suffix ?? ''}.png`;
    await page.screenshot({ path, fullPage: opt.full === '1' });
    console.log(path);
    if (opt.extra === '1') {
      // The editor beside the results, a gate moved so the name no longer fits.
      await page.locator('article[data-scheme="tranches"] [data-edit]').click();
      await page.locator('#scheme-editor-panel input[id$="gate-byDay"]').first().fill('12');
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${out}/editing-${lang}.png` });
      await page.locator('#scheme-editor-panel .primary').click();
      await waitForRun(page, 'done', 300_000);
      // Manual mode, an input changed: the results are marked out of date and dimmed.
      await page.getByRole('switch').first().uncheck({ force: true });
      await page.locator('#field-company-plan').fill('52000000');
      await page.locator('#field-company-breakEven').focus();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${out}/stale-${lang}.png` });
      console.log(`${out}/editing-${lang}.png ${out}/stale-${lang}.png`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
}
