// @vitest-environment jsdom
/**
 * Every chart renders the real engine's results (client-department scenario, 5 runs ×
 * 2 months, seed 20260): an SVG with a title, one series or box per scheme, non-empty
 * paths, axis labels in the chosen language, and a keyboard read-out of every scheme.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render } from '@testing-library/svelte';
import { tick } from 'svelte';
import { CashFan, IntraMonth, EffortByDay, Distributions, PayPerPerson, Growth, SummaryTable, PayoutCurve } from '../../src/charts/index.ts';
import { METRIC_KEYS, type ResultsJson } from '../../src/engine/results/summarize.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { stubResizeObserver, tinyResults } from './fixture.ts';

let results: ResultsJson;
let scenario: Scenario;
const ids = () => results.schemes.map((s) => s.id);
/** Text with no-break spaces read as spaces. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00A0\u202F]/g, ' ');

beforeAll(() => {
  stubResizeObserver();
  ({ results, scenario } = tinyResults(5, 2));
});

function svgOf(container: HTMLElement): SVGSVGElement {
  const svg = container.querySelector('svg');
  expect(svg).not.toBeNull();
  return svg!;
}

function seriesIds(svg: SVGSVGElement, selector = '[data-series]'): string[] {
  return [...new Set([...svg.querySelectorAll(selector)].map((e) => e.getAttribute('data-series')!))];
}

function expectNonEmptyPaths(svg: SVGSVGElement) {
  const paths = [...svg.querySelectorAll('path[data-series]')];
  expect(paths.length).toBeGreaterThan(0);
  for (const p of paths) expect(p.getAttribute('d') ?? '').toMatch(/^M[\d.-]+,[\d.-]+L/);
}

async function readoutRows(container: HTMLElement): Promise<string[]> {
  const group = container.querySelector('[role="group"]') as HTMLElement;
  await fireEvent.keyDown(group, { key: 'ArrowRight' });
  await tick();
  const box = container.querySelector('.pb-readout');
  expect(box).not.toBeNull();
  return [...box!.querySelectorAll('tr')].map((tr) => plain(tr.textContent));
}

describe('CashFan', () => {
  it('draws one median per scheme in small multiples, money axis in English', async () => {
    const { container } = render(CashFan, { results, lang: 'en' });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toBe('Cash balance by day');
    expect(seriesIds(svg)).toEqual(ids());
    expect(svg.querySelectorAll('path[data-band="p90"]')).toHaveLength(3);
    expectNonEmptyPaths(svg);
    expect(plain(svg.querySelector('.axis-y')?.textContent)).toMatch(/M ₽/);
    const rows = await readoutRows(container);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain(results.schemes[0].name);
  });

  it('draws the typical month by day of month, in Russian, overlaid', () => {
    const { container } = render(CashFan, { results, lang: 'ru', mode: 'typicalMonth', layout: 'overlay', reserve: 1e6 });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toBe('Остаток денег в типичном месяце');
    expect(seriesIds(svg)).toEqual(ids());
    expect(svg.querySelectorAll('path[data-band="p90"]')).toHaveLength(1);
    expect(plain(svg.textContent)).toMatch(/млн ₽/);
    expect(svg.textContent).toContain('день месяца');
    expect(svg.textContent).toContain('резерв');
  });
});

describe('IntraMonth', () => {
  it('draws a median per scheme, the plan line and the tranches gates', async () => {
    const { container } = render(IntraMonth, { results, scenario, lang: 'en' });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toBe('Collected by day of month, share of plan');
    expect(seriesIds(svg)).toEqual(ids());
    expectNonEmptyPaths(svg);
    expect(svg.textContent).toContain('100% plan');
    expect(svg.textContent).toContain('≥50%');
    expect(svg.textContent).toContain('≥90%');
    expect(await readoutRows(container)).toHaveLength(3);
  });
  it('adds dashed means and Russian percentages', () => {
    const { container } = render(IntraMonth, { results, scenario, lang: 'ru', showMean: true });
    const svg = svgOf(container);
    expect(seriesIds(svg)).toHaveLength(6);
    expect(plain(svg.querySelector('.axis-y')?.textContent)).toMatch(/100 %/);
  });
});

describe('EffortByDay', () => {
  it('draws mean effort per scheme with the effort axis', async () => {
    const { container } = render(EffortByDay, { results, lang: 'en' });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toBe('Effort by day of month');
    expect(seriesIds(svg)).toEqual(ids());
    expectNonEmptyPaths(svg);
    expect(plain(svg.textContent)).toContain('effort (1 = 8-hour day)');
    expect(await readoutRows(container)).toHaveLength(3);
  });
});

describe('Distributions', () => {
  it.each(METRIC_KEYS.map((k) => [k]))('draws one box per scheme for %s', (metric) => {
    const { container } = render(Distributions, { results, metric, lang: 'en' });
    const svg = svgOf(container);
    expect(seriesIds(svg)).toEqual(ids());
    for (const box of svg.querySelectorAll('rect[data-series]')) expect(Number(box.getAttribute('width'))).toBeGreaterThan(0);
  });
  it('labels money in roubles and shares in percent, per language', async () => {
    const money = render(Distributions, { results, metric: 'profitTotal', lang: 'ru' });
    const svg = svgOf(money.container);
    expect(svg.querySelector('title')?.textContent).toBe('Прибыль за период: разброс по прогонам');
    expect(plain(svg.querySelector('.axis-x')?.textContent)).toMatch(/млн ₽/);
    expect(await readoutRows(money.container)).toHaveLength(6);
    money.unmount();
    const share = render(Distributions, { results, metric: 'planFulfilmentMonthly', lang: 'en' });
    expect(svgOf(share.container).querySelector('.axis-x')?.textContent).toMatch(/\d+%/);
  });
});

describe('PayPerPerson', () => {
  it('draws a bar per person and scheme, salary and bonus, in thousands', async () => {
    const { container } = render(PayPerPerson, { results, lang: 'ru' });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toBe('Оплата в месяц по сотрудникам');
    const bars = svg.querySelectorAll('rect[data-series]');
    expect(bars).toHaveLength(scenario.staff.length * results.schemes.length);
    expect(seriesIds(svg)).toEqual(ids());
    expect(plain(svg.textContent)).toMatch(/тыс\. ₽/);
    for (const person of scenario.staff) expect(svg.textContent).toContain(person.name);
    const rows = await readoutRows(container);
    expect(rows).toHaveLength(3);
  });
});

describe('Growth', () => {
  it('draws median collections per scheme by month, with plan and clients', async () => {
    const { container } = render(Growth, { results, lang: 'en', plan: 50e6, breakEven: 40e6 });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toBe('Collections and clients by month');
    expect(seriesIds(svg)).toEqual(ids());
    expectNonEmptyPaths(svg);
    expect(svg.textContent).toContain('plan');
    expect(svg.textContent).toContain('Jan');
    expect(plain(svg.querySelector('.axis-y')?.textContent)).toMatch(/M ₽/);
    expect(await readoutRows(container)).toHaveLength(3);
  });
});

describe('SummaryTable', () => {
  it('is a table with a row per scheme, the baseline marked and N runs shown', () => {
    const { container } = render(SummaryTable, { results, lang: 'en' });
    const table = container.querySelector('table')!;
    expect(table.querySelector('caption')?.textContent).toContain('N = 5 runs');
    expect(table.querySelectorAll('thead th[scope="col"]')).toHaveLength(9);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-scheme'))).toEqual(ids());
    expect(rows[0].classList.contains('baseline')).toBe(true);
    expect(rows[0].querySelector('th[scope="row"]')?.textContent).toContain('baseline');
    expect(plain(rows[1].textContent)).toMatch(/[+−]\d+\.\d\dM ₽/);
    for (const r of rows) expect(r.lastElementChild?.textContent).toBe('5');
  });
  it('speaks Russian', () => {
    const { container } = render(SummaryTable, { results, lang: 'ru' });
    expect(container.querySelector('caption')?.textContent).toContain('прогонов');
    expect(plain(container.querySelector('tbody')?.textContent)).toMatch(/млн ₽/);
  });
});

describe('PayoutCurve', () => {
  it('draws the pool with the plan, break-even and the gates written out', async () => {
    const tranches = scenario.schemes.find((s) => s.id === 'tranches')!;
    const { container } = render(PayoutCurve, { scheme: tranches, plan: scenario.company.plan, breakEven: scenario.company.breakEven, colour: '#009E73', lang: 'en' });
    const svg = svgOf(container);
    expect(svg.querySelector('title')?.textContent).toContain(tranches.name);
    expectNonEmptyPaths(svg);
    expect(svg.querySelector('path[data-series]')?.getAttribute('stroke')).toBe('#009E73');
    expect(svg.textContent).toContain('⅓ if ≥50% by the 15th');
    expect(svg.textContent).toContain('⅓ always');
    expect(svg.textContent).toContain('break-even');
    const rows = await readoutRows(container);
    expect(rows[0]).toMatch(/bonus pool/);
  });
  it('writes the gates in Russian', () => {
    const tranches = scenario.schemes.find((s) => s.id === 'tranches')!;
    const { container } = render(PayoutCurve, { scheme: tranches, plan: 50e6, lang: 'ru' });
    expect(plain(svgOf(container).textContent)).toContain('⅓, если ≥50 % к 15-му');
  });
});
