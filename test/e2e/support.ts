/**
 * Browser-test support: build the app once with Vite's JS API into a temporary folder,
 * serve it with `vite preview` on a free port, and drive Debian's Chromium through
 * playwright-core. Used by the e2e tests and the browser bench.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = process.env.PAYBENCH_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/** Builds the app (production mode) and serves it on 127.0.0.1. */
export async function buildAndServe(): Promise<ServedApp> {
  const { build, preview } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'paybench-app-'));
  const configFile = join(ROOT, 'vite.config.ts');
  await build({ root: ROOT, configFile, mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({
    root: ROOT,
    configFile,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** A fresh headless Chromium with its own profile. */
export async function launch(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'paybench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The app's test handle (src/main.ts). */
export const STATE = `globalThis.paybench.workbench`;

/** Waits until the workbench's latest run has ended (done, cancelled or error). */
export async function waitForRun(page: Page, status = 'done', timeout = 90_000): Promise<void> {
  await until(page, (s) => (globalThis as any).paybench?.workbench?.status === s, status, { timeout, polling: 100 });
}

/**
 * Waits until `predicate` holds in the page, looking again every 16 ms (or `polling` ms).
 * page.waitForFunction looks again on each animation frame unless told otherwise, and in a
 * page that paints no frames (see activate) a wait not yet met would never look again.
 */
export async function until<Arg>(page: Page, predicate: string | ((arg: Arg) => unknown), arg?: Arg, options: { timeout?: number; polling?: number } = {}): Promise<void> {
  await page.waitForFunction(predicate as string, arg, { polling: 16, ...options });
}

/**
 * Whether the page is painting: an animation frame comes within two seconds.
 * PAYBENCH_E2E_NO_FRAMES=1 answers no, to run every test's clicks the way they go when
 * the page paints nothing.
 */
export async function framesFlow(page: Page): Promise<boolean> {
  if (process.env.PAYBENCH_E2E_NO_FRAMES === '1') return false;
  return page.evaluate(
    () => new Promise<boolean>((resolve) => {
      requestAnimationFrame(() => resolve(true));
      setTimeout(() => resolve(false), 2000);
    }),
  );
}

/**
 * Clicks a control (a button, a tab, a summary, a switch). A pointer action first waits
 * for the control to stand still over two animation frames, and headless Chromium on a
 * loaded CI machine once stopped giving a page any frames while its scripts ran on: two
 * clicks each waited out their 30 s. While the page paints, this is a plain click, so a
 * control that a pointer cannot reach still fails; while it does not, it is Space on the
 * focused control, as a keyboard user would press it.
 */
export async function activate(control: Locator, options: { timeout?: number } = {}): Promise<void> {
  if (!(await byPointer(control.page(), () => control.click(options)))) await stalled(control, options);
}

/** Ticks or clears a checkbox (see activate): by pointer while the page paints, else by Space if it is not as asked yet. */
export async function setChecked(control: Locator, checked: boolean): Promise<void> {
  if (!(await byPointer(control.page(), () => control.setChecked(checked))) && (await control.isChecked()) !== checked) await stalled(control, {});
}

/** Does a pointer action while the page paints; false if it paints no frames, before it or while it waited. */
async function byPointer(page: Page, action: () => Promise<void>): Promise<boolean> {
  if (!(await framesFlow(page))) return false;
  try {
    await action();
    return true;
  } catch (error) {
    if (await framesFlow(page)) throw error;
    return false;
  }
}

async function stalled(control: Locator, options: { timeout?: number }): Promise<void> {
  if (process.env.PAYBENCH_E2E_NO_FRAMES !== '1') console.warn(`the page paints no frames: ${control} pressed by keyboard`);
  await control.press('Space', options);
}

/**
 * Saves a screenshot for people to look at (no test reads it). A screenshot needs a frame:
 * while the page paints none (see activate) it would wait out the test, so it is left out
 * with a warning.
 */
export async function shoot(page: Page, options: Parameters<Page['screenshot']>[0]): Promise<void> {
  if (await framesFlow(page)) await page.screenshot(options);
  else console.warn(`the page paints no frames: no screenshot ${options?.path ?? ''}`);
}
