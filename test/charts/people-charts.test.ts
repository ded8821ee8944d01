// @vitest-environment jsdom
/**
 * The growth-and-people charts on the real engine's results of the three bundled
 * scenarios of issue 5 (3 runs, a few months, seed from the file): one line per scheme
 * in each panel, words in the chosen language, a read-out per scheme — and nothing at
 * all for a scenario whose modules are off (the client department).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render } from '@testing-library/svelte';
import { tick } from 'svelte';
import { AbsenceCover, Activity, ClientsByMonth, CoverMatrix, Inbound, Workforce } from '../../src/charts/index.ts';
import type { ResultsJson } from '../../src/engine/results/summarize.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { compileModel } from '../../src/engine/model/model.ts';
import { planRuns, runChunk } from '../../src/engine/batch/montecarlo.ts';
import { ResultsAccumulator, buildResultsJson } from '../../src/engine/results/summarize.ts';
import { loadScenario, stubResizeObserver, tinyResults } from './fixture.ts';

function run(file: string, months: number): ResultsJson {
  const base = loadScenario(`scenarios/${file}.json`);
  const scenario: Scenario = { ...base, simulation: { ...base.simulation, runs: 3, months, burnInMonths: Math.min(1, base.simulation.burnInMonths) } };
  const acc = new ResultsAccumulator(scenario).addAll(runChunk(compileModel(scenario), planRuns(scenario).jobs));
  return buildResultsJson(scenario, acc);
}

let stagnation: ResultsJson;
let star: ResultsJson;
let absence: ResultsJson;
let clientDept: ResultsJson;
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00A0\u202F]/g, ' ');

beforeAll(() => {
  stubResizeObserver();
  stagnation = run('sales-stagnation', 6);
  star = run('star-inbound-sector', 8);
  absence = run('absence-and-departures', 8);
  clientDept = tinyResults(3, 2).results;
});

function svgOf(container: HTMLElement): SVGSVGElement {
  const svg = container.querySelector('svg');
  expect(svg).not.toBeNull();
  return svg!;
}
const ids = (r: ResultsJson) => r.schemes.map((s) => s.id);
/** Scheme ids with a drawn line in a panel. */
function linesIn(svg: SVGSVGElement, panel: string): string[] {
  const paths = [...svg.querySelectorAll(`path[data-panel="${panel}"]`)];
  for (const p of paths) expect(p.getAttribute('d') ?? '').toMatch(/^M[\d.-]+,[\d.-]+L/);
  return paths.map((p) => p.getAttribute('data-series')!);
}
async function readoutRows(container: HTMLElement): Promise<string[]> {
  const group = container.querySelector('[role="group"]') as HTMLElement;
  await fireEvent.keyDown(group, { key: 'ArrowRight' });
  await tick();
  return [...container.querySelectorAll('.pb-readout tr')].map((tr) => plain(tr.textContent));
}

describe('Activity', () => {
  it('draws prospecting and serving hours per scheme (sales stagnation)', async () => {
    const { container } = render(Activity, { results: stagnation, lang: 'en' });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toBe("Sellers' hours by month");
    expect(linesIn(svg, 'prospecting')).toEqual(ids(stagnation));
    expect(linesIn(svg, 'serving')).toEqual(ids(stagnation));
  });
  it('leaves out a panel with nothing in it (the star sector does not serve a book)', () => {
    const svg = svgOf(render(Activity, { results: star, lang: 'en' }).container);
    expect(linesIn(svg, 'prospecting')).toEqual(ids(star));
    expect(svg.querySelectorAll('path[data-panel="serving"]')).toHaveLength(0);
  });
  it('reads out both panels', async () => {
    const { container } = render(Activity, { results: stagnation, lang: 'en' });
    expect(svgOf(container).textContent).toContain('new clients: prospecting and the inbound flow, hours');
    const rows = await readoutRows(container);
    expect(rows).toHaveLength(stagnation.schemes.length);
    expect(rows[0]).toMatch(/new-client work \d[\d ]*(\.\d)? h · serving \d/);
  });
  it('speaks Russian', () => {
    const { container } = render(Activity, { results: stagnation, lang: 'ru' });
    expect(svgOf(container).querySelector('title')?.textContent).toBe('Часы продавцов по месяцам');
  });
  it('draws nothing for a department without sales', () => {
    const { container } = render(Activity, { results: clientDept, lang: 'en' });
    expect(container.querySelector('svg')).toBeNull();
  });
});

describe('ClientsByMonth', () => {
  it('draws active clients per scheme', () => {
    const { container } = render(ClientsByMonth, { results: stagnation, lang: 'en' });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toBe('Active clients by month');
    expect(linesIn(svg, 'activeClients')).toEqual(ids(stagnation));
  });
  it('draws nothing for the client department', () => {
    expect(render(ClientsByMonth, { results: clientDept }).container.querySelector('svg')).toBeNull();
  });
});

describe('Inbound', () => {
  it('draws inbound conversion and star level per scheme (star syndrome)', async () => {
    const { container } = render(Inbound, { results: star, lang: 'en' });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toBe('Inbound conversion and star syndrome by month');
    expect(linesIn(svg, 'conversion')).toEqual(ids(star));
    expect(linesIn(svg, 'star')).toEqual(ids(star));
    expect(plain(svg.textContent)).toMatch(/\d+ ?%/);
    const rows = await readoutRows(container);
    expect(rows).toHaveLength(star.schemes.length);
    expect(rows[0]).toMatch(/conversion \d+(\.\d)? ?% · star level/);
  });
  it('draws nothing without an inbound flow', () => {
    expect(render(Inbound, { results: stagnation, schemes: ['ownClients', 'hunterFarmer', 'tickets', 'process'] }).container.querySelector('svg') === null).toBe(true);
    // Automated marketing brings a flow of requests a dispatcher routes: its conversion is drawn.
    const routed = render(Inbound, { results: stagnation, schemes: ['marketing'] }).container.querySelector('svg');
    expect(routed === null).toBe(false);
    // no star syndrome module: no star panel of zeros
    expect(linesIn(routed!, 'conversion')).toEqual(['marketing']);
    expect(linesIn(routed!, 'star')).toEqual([]);
    expect(render(Inbound, { results: clientDept }).container.querySelector('svg') === null).toBe(true);
  });
});

describe('Workforce', () => {
  it('draws absent days and departures per scheme, with clients taken per departure', () => {
    const { container } = render(Workforce, { results: absence, lang: 'en' });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toBe('Absences and departures by month');
    expect(linesIn(svg, 'absent')).toEqual(ids(absence));
    expect(linesIn(svg, 'departures')).toEqual(ids(absence));
    const bars = svg.querySelector('[data-bars]')!;
    expect(plain(bars.textContent)).toContain('per departure');
    const withDepartures = absence.schemes.filter((s) => (s.clientsTakenPerDeparture ?? 0) > 0).map((s) => s.id);
    expect([...bars.querySelectorAll('rect[data-series]')].map((r) => r.getAttribute('data-series'))).toEqual(withDepartures);
    for (const s of absence.schemes) expect(plain(bars.textContent)).toContain(s.name.slice(0, 10));
  });
  it('speaks Russian and draws nothing when nobody is away', () => {
    const { container } = render(Workforce, { results: absence, lang: 'ru' });
    expect(svgOf(container).querySelector('title')?.textContent).toBe('Отсутствия и уходы по месяцам');
    expect(render(Workforce, { results: clientDept }).container.querySelector('svg')).toBeNull();
  });
});

describe('AbsenceCover', () => {
  it('draws cover and undone hours per scheme, with the covered share as bars', async () => {
    const { container } = render(AbsenceCover, { results: absence, lang: 'en' });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toBe('Absence cover by month');
    expect(linesIn(svg, 'cover')).toEqual(ids(absence));
    expect(linesIn(svg, 'uncovered')).toEqual(ids(absence));
    const bars = svg.querySelector('[data-bars]')!;
    expect(plain(bars.textContent)).toContain('colleagues did');
    const covering = absence.schemes.filter((s) => (s.coverShare ?? 0) > 0).map((s) => s.id);
    expect(covering).toEqual(['team', 'conveyor']);
    expect([...bars.querySelectorAll('rect[data-series]')].map((r) => r.getAttribute('data-series'))).toEqual(covering);
    expect(plain(bars.textContent)).toMatch(/\d+ ?%/);
    const rows = await readoutRows(container);
    expect(rows).toHaveLength(absence.schemes.length);
    expect(rows[0]).toMatch(/covered \d[\d ]*(\.\d)? h · undone -?\d/);
  });
  it('speaks Russian and draws nothing when nobody is away', () => {
    const { container } = render(AbsenceCover, { results: absence, lang: 'ru' });
    expect(svgOf(container).querySelector('title')?.textContent).toBe('Замещение отсутствующих по месяцам');
    expect(render(AbsenceCover, { results: clientDept }).container.querySelector('svg')).toBeNull();
  });
});

describe('CoverMatrix', () => {
  it('draws a table per scheme: who was away by who covered, nobody for themselves', async () => {
    const { container } = render(CoverMatrix, { results: absence, lang: 'en' });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toBe('Who covered whom');
    expect([...svg.querySelectorAll('g[data-scheme]')].map((g) => g.getAttribute('data-scheme'))).toEqual(ids(absence));
    const table = (id: string) => svg.querySelector(`g[data-scheme="${id}"]`)!;
    expect(table('personal').querySelector('[data-none]')?.textContent).toBe('nobody covered anyone');
    expect(table('personal').querySelectorAll('[data-cell]')).toHaveLength(0);
    const cells = [...table('team').querySelectorAll('[data-cell]')];
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c.getAttribute('data-away')).not.toBe(c.getAttribute('data-by'));
    const rows = await readoutRows(container);
    expect(rows).toHaveLength(absence.schemes.length);
    expect(rows[0]).toContain('nobody covered anyone');
    expect(rows[1]).toMatch(/total \d[\d ]*(\.\d)? h$/);
  });
  it('speaks Russian and draws nothing without cover', () => {
    const { container } = render(CoverMatrix, { results: absence, lang: 'ru' });
    expect(svgOf(container).querySelector('title')?.textContent).toBe('Кто кого замещал');
    expect(render(CoverMatrix, { results: clientDept }).container.querySelector('svg')).toBeNull();
    expect(render(CoverMatrix, { results: absence, schemes: ['personal'] }).container.querySelector('svg')).toBeNull();
  });
});
