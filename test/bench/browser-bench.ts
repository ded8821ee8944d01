/**
 * The browser half of `npm run bench` (called at the end of bench.ts; runs alone too:
 * `npx tsx test/bench/browser-bench.ts`). Builds the app, opens it in headless Chromium
 * and prints, asserting nothing:
 * - page open → first visible result and → complete, on the bundled scenario as it opens;
 * - the 4 schemes × N runs × 12 months comparison run in the page (Web Worker pool +
 *   summary worker): first visible result and complete, and whether its JSON is the same
 *   as the inline runner's in Node;
 * - the longest main-thread long task seen.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import { resultsJsonText, type ResultsJson } from '../../src/engine/summarize.ts';
import { buildAndServe, hasChromium, launch, ROOT } from '../e2e/support.ts';

const ms = (t: number | null) => (t === null ? '–' : `${t.toFixed(0)} ms`);

/** Prints the browser figures for `scenario`; `reference` is the inline runner's results JSON text. */
export async function browserBench(scenario: Scenario, reference?: string): Promise<void> {
  if (!hasChromium()) {
    console.log('headless Chromium: not installed (/usr/bin/chromium), browser figures skipped');
    return;
  }
  const app = await buildAndServe();
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const g = globalThis as unknown as { longTasks: number[] };
      g.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) g.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(app.url);
    // performance.now() counts from navigation start; 'raf' polling sees the first painted frame.
    await page.waitForFunction(() => (globalThis as any).paybench?.workbench?.results !== null, null, { polling: 'raf', timeout: 120_000 });
    const openFirst = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => (globalThis as any).paybench.workbench.status === 'done', null, { polling: 'raf', timeout: 300_000 });
    const openDone = await page.evaluate(() => performance.now());
    const opening = await page.evaluate(() => {
      const wb = (globalThis as any).paybench.workbench;
      return { schemes: wb.draft.schemes.length as number, runs: wb.draft.simulation.runs as number, cores: navigator.hardwareConcurrency };
    });

    const run = (await page.evaluate(async (s) => {
      const wb = (globalThis as any).paybench.workbench;
      wb.load(s);
      await new Promise((r) => setTimeout(r, 50)); // let the edit's effect schedule; run() replaces it
      await wb.run();
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return { first: wb.firstResultMs, complete: wb.completeMs, status: wb.status, results: JSON.parse(JSON.stringify(wb.results)) };
    }, JSON.parse(JSON.stringify(scenario)))) as { first: number | null; complete: number | null; status: string; results: ResultsJson };
    const longest = await page.evaluate(() => Math.max(0, ...(globalThis as unknown as { longTasks: number[] }).longTasks));

    let same = '';
    if (reference !== undefined) {
      const text = resultsJsonText({ ...run.results, generator: JSON.parse(reference).generator });
      same = text === reference ? '  (JSON same as inline)' : '  (JSON DIFFERS from inline!)';
    }
    const job = `${scenario.schemes.length} schemes × ${scenario.simulation.runs} runs × ${scenario.simulation.months} months`;
    const workers = Math.max(1, opening.cores - 1);
    const rows: [string, string][] = [
      [`headless Chromium, ${opening.cores} cores`, `${workers} web worker${workers > 1 ? 's' : ''} + summary worker`],
      [`page open → first visible result (${opening.schemes} schemes × ${opening.runs} runs)`, ms(openFirst)],
      ['page open → complete', ms(openDone)],
      [`${job}, browser: first visible result`, ms(run.first)],
      [`${job}, browser: complete`, `${ms(run.complete)}${run.status === 'done' ? '' : ` (${run.status})`}${same}`],
      ['longest main-thread task', ms(longest)],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  } finally {
    await browser.close();
    await app.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const parsed = parseScenarioText(readFileSync(`${ROOT}scenarios/client-department.json`, 'utf8'));
  if (!parsed.ok) throw new Error('scenarios/client-department.json does not parse');
  const s = parsed.scenario;
  const schemes = [...s.schemes];
  while (schemes.length < 4) {
    const last = schemes[schemes.length - 1];
    schemes.push({ ...last, id: `${last.id}-copy${schemes.length}`, name: `${last.name} (copy)` });
  }
  const runs = Number(process.env.BENCH_RUNS ?? 1000);
  await browserBench({ ...s, schemes: schemes.slice(0, 4), simulation: { ...s.simulation, runs, months: 12 } });
}
