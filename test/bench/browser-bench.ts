/**
 * The browser half of `npm run bench` (called at the end of bench.ts; runs alone too:
 * `npx tsx test/bench/browser-bench.ts`). Builds the app, opens it in headless Chromium
 * and prints, asserting nothing:
 * - page open → first visible result and → complete, on the bundled scenario as it opens;
 * - the 4 schemes × N runs × 12 months comparison run in the page (Web Worker pool +
 *   summaries folded in the workers): first visible result and complete, and whether its JSON is the same
 *   as the inline runner's in Node;
 * - after edits: the CPU each took by kind of thread (workers, the page's main thread,
 *   compositing, the rest: /proc, Linux), as the page's own work takes cores from the runs;
 * - the longest main-thread long task seen;
 * - the client department at BENCH_BROWSER_RUNS runs (default 100,000; "0" skips) as the
 *   workbench runs it: wall time, the tab's peak memory (the renderer process's resident
 *   memory from /proc — the page and its workers are threads of it — and the page's JS
 *   heap from CDP Performance.getMetrics), whether progress moved and the page answered
 *   while it ran, the longest long task, and how long Cancel takes on a second run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import { resultsJsonText, type ResultsJson } from '../../src/engine/results/summarize.ts';
import { buildAndServe, hasChromium, launch, ROOT } from '../e2e/support.ts';
import type { Page } from 'playwright-core';
import { median } from './figures.ts';

const ms = (t: number | null) => (t === null ? '–' : `${t.toFixed(0)} ms`);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/**
 * /proc/PID/status in bytes (Linux), or null: resident memory (shared library pages
 * included), its peak, and the private part (RssAnon: heaps, close to what Chrome's task
 * manager calls the memory footprint).
 */
function procStatus(pid: number): { rss: number; hwm: number; anon: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
    return { rss: kib('VmRSS'), hwm: kib('VmHWM'), anon: kib('RssAnon') };
  } catch {
    return null;
  }
}

/** Chromium's renderer processes started from this process (Linux /proc; [] elsewhere). */
function renderers(): number[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return [];
  }
  const parent = new Map<number, number>();
  const renderer = new Set<number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) renderer.add(pid);
    } catch {
      // gone meanwhile
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid), hops = 0; p !== undefined && p > 1 && hops < 8; p = parent.get(p), hops++) if (p === process.pid) return true;
    return false;
  };
  return [...renderer].filter(ours);
}

/** CPU milliseconds by kind of thread, in the Chromium processes this process started. */
interface ThreadCpu {
  /** The web workers: the runs and their summaries. */
  workers: number;
  /** The page's main thread: Svelte, the charts, layout and paint. */
  page: number;
  /** Turning painted layers into frames: the renderer's compositor and the GPU process's. */
  compositing: number;
  /** The rest: V8's compiler and collector threads, raster, I/O. */
  other: number;
}

/** Per-thread CPU time from /proc (Linux; zeros elsewhere), summed by kind. */
function threadCpu(): ThreadCpu {
  const cpu: ThreadCpu = { workers: 0, page: 0, compositing: 0, other: 0 };
  const tick = 1000 / 100; // USER_HZ: 100 on Linux
  const tabs = renderers();
  const ours = [...tabs, ...chromiumChildren('gpu-process', tabs)];
  for (const pid of ours) {
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ms = (Number(fields[11]) + Number(fields[12])) * tick;
        const kind: keyof ThreadCpu = name.startsWith('DedicatedWorker') ? 'workers' : Number(tid) === pid && tabs.includes(pid) ? 'page' : /Compositor/.test(name) ? 'compositing' : 'other';
        cpu[kind] += ms;
      } catch {
        // gone meanwhile
      }
    }
  }
  return cpu;
}

/** Chromium processes of a --type (gpu-process, utility, …) started from this process. */
function chromiumChildren(type: string, tabs: number[]): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--type=${type}`)) continue;
      // The GPU process shares the browser process with the renderers: ours if a renderer of ours is its sibling.
      const parentOf = (p: number) => Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      const browser = parentOf(pid);
      if (tabs.some((r) => parentOf(r) === browser || parentOf(parentOf(r)) === browser)) out.push(pid);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Median CPU per edit by kind of thread, "workers 2,190 ms · page 250 ms · …". */
function cpuText(edits: ThreadCpu[]): string {
  if (edits.length === 0 || edits.every((e) => e.workers + e.page === 0)) return 'not measurable here (no /proc)';
  const kinds: (keyof ThreadCpu)[] = ['workers', 'page', 'compositing', 'other'];
  return kinds.map((k) => `${k} ${median(edits.map((e) => e[k])).toFixed(0)} ms`).join(' · ');
}

/**
 * The client department at `runs` runs in the workbench (its Run button's path): memory,
 * progress and responsiveness while it runs, then a second run cancelled mid-way.
 */
async function bigRun(page: Page, scenario: Scenario, runs: number): Promise<[string, string][]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  };
  // The tab: the renderer holding this page (the largest of ours).
  const tab = () => {
    let best: { rss: number; hwm: number; anon: number } | null = null;
    for (const pid of renderers()) {
      const s = procStatus(pid);
      if (s && (!best || s.rss > best.rss)) best = s;
    }
    return best;
  };
  const big = { ...scenario, simulation: { ...scenario.simulation, runs } };
  const before = tab();
  await page.evaluate(() => ((globalThis as unknown as { longTasks: number[] }).longTasks.length = 0));
  await page.evaluate((s) => {
    const wb = (globalThis as any).paybench.workbench;
    wb.load(s);
    void wb.run(); // the Run button: a batch this large never starts on an edit
  }, JSON.parse(JSON.stringify(big)));
  const t0 = performance.now();
  let peakRss = 0;
  let peakAnon = 0;
  let peakHeap = 0;
  let slowestAnswer = 0;
  const seen = new Set<number>();
  let status = 'running';
  let total = 0;
  while (status === 'running') {
    await new Promise((r) => setTimeout(r, 1000));
    const asked = performance.now();
    const now = (await page.evaluate(() => {
      const wb = (globalThis as any).paybench.workbench;
      return { done: wb.done as number, total: wb.total as number, status: wb.status as string };
    })) as { done: number; total: number; status: string };
    slowestAnswer = Math.max(slowestAnswer, performance.now() - asked);
    seen.add(now.done);
    status = now.status;
    total = now.total;
    peakHeap = Math.max(peakHeap, await heap());
    const now2 = tab();
    peakRss = Math.max(peakRss, now2?.rss ?? 0);
    peakAnon = Math.max(peakAnon, now2?.anon ?? 0);
  }
  const wall = performance.now() - t0;
  const after = tab();
  const longest = await page.evaluate(() => Math.max(0, ...(globalThis as unknown as { longTasks: number[] }).longTasks));

  // Cancel: a second run of the same size, cancelled once it is under way.
  await page.evaluate(() => void (globalThis as any).paybench.workbench.run());
  await page.waitForFunction(() => (globalThis as any).paybench.workbench.done > 0, null, { polling: 100, timeout: 120_000 });
  await new Promise((r) => setTimeout(r, 2000));
  const cancel = (await page.evaluate(async () => {
    const wb = (globalThis as any).paybench.workbench;
    const doneAt = wb.done as number;
    const t = performance.now();
    wb.cancel();
    while (wb.status === 'running') await new Promise((r) => setTimeout(r, 5));
    return { ms: performance.now() - t, status: wb.status as string, doneAt };
  })) as { ms: number; status: string; doneAt: number };
  await cdp.detach();

  const job = `client department, ${scenario.schemes.length} schemes × ${runs} runs, browser`;
  return [
    [job, `${(wall / 1000).toFixed(0)} s (${status}), ${total} scheme-runs`],
    [
      '  tab memory (renderer process: page + workers)',
      after
        ? `private ${mib(peakAnon)} peak (${before ? mib(before.anon) : '–'} before the run); resident ${mib(peakRss)} peak sampled each second, ${mib(after.hwm)} since the tab opened (shared libraries included)`
        : 'not measurable here (no /proc)',
    ],
    ['  page JS heap, peak sampled', mib(peakHeap)],
    ['  progress while running', `${seen.size} different counts in ${seen.size} one-second samples; slowest page answer ${ms(slowestAnswer)}; longest long task ${ms(longest)}`],
    ['  Cancel on a second run', `${cancel.status} ${ms(cancel.ms)} after the click (at ${cancel.doneAt} scheme-runs)`],
  ];
}

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

    // After an edit, as an owner makes them (the default settings: stop when settled within 2%
    // of profit, re-run on edits): one to what every scheme shares, one to a single scheme,
    // which keeps the others' runs.
    const shared = await afterEdits(page, 'shared', 3);
    const oneScheme = await afterEdits(page, 'scheme', 3);
    // The same edits at the stricter precision an owner may ask beside "Stop when settled":
    // 1% of profit (values further away: none tried before at either precision).
    const loose = await page.evaluate(() => (globalThis as any).paybench.workbench.tolerance as number);
    await precision(page, 0.01);
    const sharedStrict = await afterEdits(page, 'shared', 3, 2);
    const schemeStrict = await afterEdits(page, 'scheme', 3, 2);
    await precision(page, loose);

    const run = (await page.evaluate(async (s) => {
      const wb = (globalThis as any).paybench.workbench;
      wb.untilSettled = false; // every run, to compare with the inline JSON
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
    const workers = Math.min(8, opening.cores <= 2 ? opening.cores : opening.cores - 1); // defaultWorkerCount() in the page
    const rows: [string, string][] = [
      [`headless Chromium, ${opening.cores} cores`, `${workers} web worker${workers > 1 ? 's' : ''}, each folding its own runs`],
      [`page open → first visible result (${opening.schemes} schemes × ${opening.runs} runs)`, ms(openFirst)],
      ['page open → complete', ms(openDone)],
      [`after an edit of what every scheme shares (invoice hours ±1–2%, values not tried before): first visible result / complete`, shared.text],
      ['  CPU per shared edit, median, by kind of thread', cpuText(shared.cpu)],
      [`after an edit of one scheme (a tranche's gate day ±1–2, values not tried before): first visible result / complete`, oneScheme.text],
      ['  CPU per one-scheme edit, median', cpuText(oneScheme.cpu)],
      [`the shared edit (±3–4%) at a precision of 1% of profit instead of ${loose * 100}%: first visible result / complete`, sharedStrict.text],
      [`the one-scheme edit (±3–4 days) at 1%: first visible result / complete`, schemeStrict.text],
      [`${job}, browser: first visible result`, ms(run.first)],
      [`${job}, browser: complete`, `${ms(run.complete)}${run.status === 'done' ? '' : ` (${run.status})`}${same}`],
      ['longest main-thread task', ms(longest)],
    ];
    const bigRuns = Number(process.env.BENCH_BROWSER_RUNS ?? 100_000);
    if (bigRuns > 0) rows.push(...(await bigRun(page, clientDepartment(), bigRuns)));
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  } finally {
    await browser.close();
    await app.close();
  }
}

/**
 * `times` edits of the scenario open in the page, each timed from the run's start (after the
 * edit's pause) to its first visible result and to complete: "first / complete" each, and
 * how many schemes the last kept. Each edit is to a value not tried before (−1, +1, −2, …
 * from where the draft stood): going back to a comparison the page holds runs nothing.
 */
async function afterEdits(page: Page, kind: 'shared' | 'scheme', times: number, further = 0): Promise<{ text: string; cpu: ThreadCpu[] }> {
  const out: string[] = [];
  const cpu: ThreadCpu[] = [];
  let kept = 0;
  const base = await page.evaluate(() => JSON.parse(JSON.stringify((globalThis as any).paybench.workbench.draft)));
  for (let k = 0; k < times; k++) {
    const step = (k % 2 ? 1 : -1) * (Math.floor(k / 2) + 1 + further);
    const before = threadCpu();
    const r = (await page.evaluate(
      async ({ kind, step, base }) => {
        const wb = (globalThis as any).paybench.workbench;
        const s = JSON.parse(JSON.stringify(base));
        if (kind === 'shared') s.clients.invoiceHours = s.clients.invoiceHours * (1 + step / 100);
        else {
          const gated = s.schemes.find((x: any) => x.tranches?.some((t: any) => t.gate));
          const gate = gated.tranches.find((t: any) => t.gate).gate;
          gate.byDay += step;
        }
        wb.load(s);
        const t0 = performance.now();
        while (wb.status === 'done' && performance.now() - t0 < 3000) await new Promise((r) => setTimeout(r, 10));
        while (wb.status !== 'done') await new Promise((r) => setTimeout(r, 20));
        return { first: wb.firstResultMs, complete: wb.completeMs, kept: wb.keptSchemes, settled: wb.settled?.runs ?? null };
      },
      { kind, step, base },
    )) as { first: number | null; complete: number | null; kept: number; settled: number | null };
    const after = threadCpu();
    cpu.push({ workers: after.workers - before.workers, page: after.page - before.page, compositing: after.compositing - before.compositing, other: after.other - before.other });
    out.push(`${ms(r.first)} / ${ms(r.complete)}${r.settled === null ? '' : ` (settled at ${r.settled})`}`);
    kept = r.kept;
  }
  return { text: `${out.join(', ')}${kind === 'scheme' ? ` (runs of ${kept} schemes kept)` : ''}`, cpu };
}

/** Asks "Stop when settled" for `share` of profit, and waits for the run that asks. */
async function precision(page: Page, share: number): Promise<void> {
  await page.evaluate(async (share) => {
    const wb = (globalThis as any).paybench.workbench;
    wb.tolerance = share;
    const t0 = performance.now();
    while (wb.status === 'done' && performance.now() - t0 < 3000) await new Promise((r) => setTimeout(r, 10));
    while (wb.status !== 'done') await new Promise((r) => setTimeout(r, 20));
  }, share);
}

function clientDepartment(): Scenario {
  const parsed = parseScenarioText(readFileSync(`${ROOT}scenarios/client-department.json`, 'utf8'));
  if (!parsed.ok) throw new Error('scenarios/client-department.json does not parse');
  return parsed.scenario;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const s = clientDepartment();
  const schemes = [...s.schemes];
  while (schemes.length < 4) {
    const last = schemes[schemes.length - 1];
    schemes.push({ ...last, id: `${last.id}-copy${schemes.length}`, name: `${last.name} (copy)` });
  }
  const runs = Number(process.env.BENCH_RUNS ?? 1000);
  await browserBench({ ...s, schemes: schemes.slice(0, 4), simulation: { ...s.simulation, runs, months: 12 } });
}
