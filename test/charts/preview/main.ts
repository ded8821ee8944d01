import { mount } from 'svelte';
import Preview from './Preview.svelte';
import scenarioJson from '../../../scenarios/client-department.json';
import { parseScenario } from '../../../src/engine/scenario/index.ts';
import type { ResultsJson } from '../../../src/engine/results/summarize.ts';
import type { Lang } from '../../../src/charts/format.ts';

const params = new URLSearchParams(location.search);
const lang = (params.get('lang') ?? 'en') as Lang;
const only = params.get('only') ?? '';
const parsed = parseScenario(scenarioJson);
if (!parsed.ok) throw new Error('scenario');
const results = (await (await fetch('/test/output/preview-results.json')).json()) as ResultsJson;
mount(Preview, { target: document.getElementById('app')!, props: { results, scenario: parsed.scenario, lang, only } });
(window as unknown as { ready: boolean }).ready = true;
