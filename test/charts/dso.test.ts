// @vitest-environment jsdom
/**
 * Days sales outstanding by month (a registry row, run/metrics.ts, and its chart): the real
 * engine's results of the client department (3 runs × 3 months): one line per scheme, the
 * words in the chosen language, and the slack linear team's receivables outstanding longer
 * than the gated team's in every month.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import { Dso } from '../../src/charts/index.ts';
import type { ResultsJson, Scenario } from '../../src/engine/index.ts';
import { ResultsAccumulator, buildResultsJson, compileModel, planRuns, runChunk } from '../../src/engine/index.ts';
import { loadScenario, stubResizeObserver } from './fixture.ts';

let results: ResultsJson;

beforeAll(() => {
  stubResizeObserver();
  const base = loadScenario('scenarios/client-department.json');
  const scenario: Scenario = { ...base, simulation: { ...base.simulation, runs: 3, months: 3, burnInMonths: 1 } };
  const acc = new ResultsAccumulator(scenario).addAll(runChunk(compileModel(scenario), planRuns(scenario).jobs));
  results = buildResultsJson(scenario, acc);
});

describe('days sales outstanding', () => {
  it('is in the results for every month and scheme, longer under the slack scheme than under the gated one', () => {
    const dso = (id: string) => results.schemes.find((s) => s.id === id)!.monthly.map((m) => m.dso.median!);
    expect(dso('linear')).toHaveLength(3);
    for (let m = 0; m < 3; m++) {
      expect(dso('tranches')[m]).toBeGreaterThan(0);
      expect(dso('linear')[m]).toBeGreaterThan(dso('tranches')[m]);
    }
  });

  it('draws a line per scheme, in English and in Russian', () => {
    for (const [lang, title] of [['en', 'Days sales outstanding by month'], ['ru', 'Оборачиваемость дебиторской задолженности по месяцам']] as const) {
      const { container, unmount } = render(Dso, { results, lang, width: 720 });
      expect(container.textContent).toContain(title);
      const lines = [...container.querySelectorAll('path[data-panel="dso"]')].map((p) => p.getAttribute('data-series'));
      expect(lines).toEqual(results.schemes.map((s) => s.id));
      unmount();
    }
  });
});
