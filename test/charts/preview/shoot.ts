/**
 * Screenshots of the chart preview page in headless Chromium, for looking at the charts:
 *   npx tsx test/charts/preview/shoot.ts [en|ru] [only=cash,intra] [width=1280] [hover=x,y]
 * Writes test/output/charts-preview-<lang>.png (results from a 200-run CLI run, cached).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';

const root = new URL('../../../', import.meta.url).pathname;
const out = `${root}test/output`;
mkdirSync(out, { recursive: true });
if (!existsSync(`${out}/preview-results.json`)) {
  execFileSync('node', ['src/cli/bin.mjs', 'run', 'scenarios/client-department.json', '--runs', '200', '--quiet', '--json', `${out}/preview-results.json`], { cwd: root, stdio: 'inherit' });
}
const args = Object.fromEntries(process.argv.slice(2).map((a) => (a.includes('=') ? a.split('=', 2) : ['lang', a])));
const lang = args.lang ?? 'en';
const width = Number(args.width ?? 1280);
const server = await createServer({ root, configFile: `${root}vite.config.ts`, server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const port = (server.httpServer!.address() as { port: number }).port;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(`http://127.0.0.1:${port}/test/charts/preview/index.html?lang=${lang}&only=${args.only ?? ''}`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true, null, { timeout: 60_000 });
  await page.waitForTimeout(400);
  if (args.hover) {
    const [x, y] = args.hover.split(',').map(Number);
    await page.mouse.move(x, y);
    await page.waitForTimeout(200);
  }
  const name = args.name ?? `charts-preview-${lang}`;
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`${out}/${name}.png`);
} finally {
  await browser.close();
  await server.close();
}
