/**
 * The browser workbench: opens on the bundled client department (article 002) and starts
 * running at once. Runs go to a Web Worker pool (one per core but one) and are summarised
 * in a summary worker, so the page stays responsive.
 */
import { mount } from 'svelte';
import App from './app/App.svelte';
import { Workbench } from './app/workbench.svelte.ts';
import { BUNDLED } from './app/bundled.ts';
import { WebWorkerRunner } from './workers/web-worker-runner.ts';
import { SummaryClient } from './workers/web-worker-summary-client.ts';
import './app/app.css';

const workbench = new Workbench(BUNDLED[0].scenario, { runner: new WebWorkerRunner(), summary: new SummaryClient() });

// A handle for browser tests and the browser bench (read the state, inject a worker fault).
(globalThis as { paybench?: unknown }).paybench = { workbench };

mount(App, { target: document.getElementById('app')!, props: { wb: workbench } });
