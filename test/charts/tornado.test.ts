// @vitest-environment jsdom
/**
 * The tornado chart (sensitivity): a row per input for each scheme against the baseline,
 * in the order given (widest first), the pale end at the low value and the solid end at
 * the high one, both from the dashed centre line; words in the chosen language; no NaN.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import Tornado from '../../src/charts/Tornado.svelte';
import type { Tornado as TornadoData } from '../../src/engine/batch/sensitivity.ts';
import { stubResizeObserver } from './fixture.ts';

const data: TornadoData = {
  baseline: 'linear',
  runs: 40,
  swing: 0.2,
  schemes: [
    {
      id: 'threshold',
      name: 'Threshold',
      base: 40e6,
      bars: [
        { input: 'monthlyVolume', path: 'clients.monthlyVolume', low: -10e6, high: 60e6, swing: 70e6 },
        { input: 'fixedCosts', path: 'company.fixedCosts', low: 42e6, high: 38e6, swing: 4e6 },
        { input: 'overdraftRate', path: 'company.overdraftRate', low: 41e6, high: 39e6, swing: 2e6 },
        { input: 'openingCash', path: 'company.openingCash', low: 40e6, high: 40e6, swing: 0 },
      ],
    },
    { id: 'tranches', name: 'Tranches', base: 80e6, bars: [{ input: 'clientCount', path: 'clients.count', low: 60e6, high: 100e6, swing: 40e6 }] },
  ],
};
const names = { linear: '0.1%', threshold: 'Threshold', tranches: 'Tranches' };
const colours = { linear: '#0072b2', threshold: '#e69f00', tranches: '#009e73' };

beforeAll(() => stubResizeObserver());

describe('Tornado', () => {
  it('draws each input of each scheme from the centre to its low and high ends', () => {
    const { container } = render(Tornado, { tornado: data, names, colours, lang: 'en', width: 800 });
    const svg = container.querySelector('svg')!;
    const ends = (scheme: string, end: string) => [...svg.querySelectorAll(`rect[data-scheme="${scheme}"][data-end="${end}"]`)];
    expect(ends('threshold', 'low').map((r) => r.getAttribute('data-input'))).toEqual(['monthlyVolume', 'fixedCosts', 'overdraftRate', 'openingCash']);
    expect(ends('tranches', 'high')).toHaveLength(1);
    // Volume: low end to the left of the centre and longer than the high end (−50M vs +20M).
    const [low] = ends('threshold', 'low');
    const [high] = ends('threshold', 'high');
    const lowW = Number(low.getAttribute('width'));
    const highW = Number(high.getAttribute('width'));
    expect(Number(low.getAttribute('x')) + lowW).toBeCloseTo(Number(high.getAttribute('x')), 6);
    expect(lowW / highW).toBeCloseTo(2.5, 6);
    // Rows never overlap: each row sits below the one before it.
    const ys = [...svg.querySelectorAll('rect[data-end="high"]')].map((r) => Number(r.getAttribute('y')));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(ys.length);
    expect(svg.textContent).toContain('Client volume per month');
    expect(svg.textContent).toContain('Threshold vs 0.1%');
    expect(svg.innerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('speaks Russian', () => {
    const { container } = render(Tornado, { tornado: data, names, colours, lang: 'ru', width: 800 });
    expect(container.querySelector('svg')!.textContent).toContain('Объём клиентов в месяц');
  });
});
