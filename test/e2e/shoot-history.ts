/**
 * Screenshots of the History tab, for looking at it and for the README:
 *   npx tsx test/e2e/shoot-history.ts OUT_DIR [lang=en|ru|both] [readme=PATH]
 * Builds and serves the app, opens the Library's "fit to a history" (the client
 * department and the bundled example statement), shoots what the history says, presses
 * Fit, shoots the fit, and (readme=PATH) writes the fit chart alone to PATH.
 */
import { mkdirSync } from 'node:fs';
import { buildAndServe, launch, STATE, until, waitForRun } from './support.ts';

const [out = 'test/output', ...rest] = process.argv.slice(2);
const opt = Object.fromEntries(rest.map((a) => (a.includes('=') ? a.split('=', 2) : [a, '1'])));
const langs = opt.lang === 'both' || !opt.lang ? (['en', 'ru'] as const) : ([opt.lang] as ('en' | 'ru')[]);
mkdirSync(out, { recursive: true });
const app = await buildAndServe();
const browser = await launch();
try {
  for (const lang of langs) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.addInitScript((l) => {
      if (!sessionStorage.getItem('shot')) {
        localStorage.clear();
        sessionStorage.setItem('shot', '1');
      }
      localStorage.setItem('paybench.lang', l);
    }, lang);
    await page.goto(app.url);
    await waitForRun(page, 'done', 300_000);
    await page.locator('.topbar-wrap button', { hasText: lang === 'ru' ? 'Библиотека' : 'Library' }).click();
    await page.locator('li[data-bundled="fit-to-history"] button').click();
    await until(page, (s) => eval(s)?.payments?.view !== null, STATE, { timeout: 60_000 });
    await page.locator('#results-title').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/history-${lang}.png`, fullPage: true });
    await page.locator('.history-panel').screenshot({ path: `${out}/history-panel-${lang}.png` });
    await page.getByTestId('fit').click();
    const started = Date.now();
    await until(page, (s) => eval(s)?.payments?.status === 'done', STATE, { timeout: 600_000, polling: 500 });
    console.log(`fit in the browser (${lang}): ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await page.waitForTimeout(800);
    await page.locator('[data-chart="fit-profile"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/fit-${lang}.png`, fullPage: true });
    await page.locator('section.fit').screenshot({ path: `${out}/fit-section-${lang}.png` });
    if (opt.readme && lang === 'en') {
      // Both fit charts in one picture, without the sticky top bar over them.
      await page.addStyleTag({ content: '.topbar-wrap, .pb-export { display: none !important; }' });
      await page.setViewportSize({ width: 1366, height: 1200 });
      await page.locator('[data-chart="fit-profile"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(400);
      const a = (await page.locator('[data-chart="fit-profile"] .pb-chart').boundingBox())!;
      const b = (await page.locator('[data-chart="fit-months"] .pb-chart').boundingBox())!;
      await page.screenshot({ path: opt.readme, clip: { x: a.x - 8, y: a.y - 8, width: a.width + 16, height: b.y + b.height - a.y + 16 } });
    }
    console.log(`${out}/history-${lang}.png ${out}/fit-${lang}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
}
