/**
 * The browser workbench: opens on a share link if the address has one, else on the
 * workspace kept from the last visit, else on the bundled client department (article
 * 002), and starts running at once. The language is the one chosen last, else the
 * browser's, and so are "stop when settled" and its precision. Runs go to a Web Worker pool (one per core but one) and are summarised
 * there, so the page stays responsive and never holds a run.
 */
import { mount } from 'svelte';
import App from './app/App.svelte';
import { Workbench } from './app/workbench.svelte.ts';
import { startingScenario } from './app/startup.ts';
import { storedLang, storedSettling } from './app/storage.ts';
import { TOLERANCES } from './app/comparison.svelte.ts';
import { browserLang } from './app/i18n.ts';
import { WebWorkerRunner } from './workers/web-worker-runner.ts';
import { createFitWebPool } from './workers/fit-web-pool.ts';
import './app/app.css';

const lang = storedLang() ?? browserLang();
const start = startingScenario(location.hash, lang);
const runner = new WebWorkerRunner();
// A fit's candidates run on web workers of their own, side by side; the page drives the search.
const workbench = new Workbench(start.scenario, runner, lang, { fitPool: (signal) => createFitWebPool({ signal }) });
workbench.openFailure = start.failure;
// Before the first run: "stop when settled" and its precision as chosen last.
const settling = storedSettling(TOLERANCES);
if (settling) {
  workbench.untilSettled = settling.untilSettled;
  workbench.tolerance = settling.tolerance;
}

// A handle for browser tests and the browser bench (read the state, inject a worker fault, shorten the watchdog).
(globalThis as { paybench?: unknown }).paybench = { workbench, runner };

mount(App, { target: document.getElementById('app')!, props: { wb: workbench } });
