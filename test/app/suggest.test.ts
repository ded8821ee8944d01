/**
 * Suggest… in the workbench's state (the engine inline): the form opens with the scheme's
 * inputs and ranges prefilled, typed text is read in the user's locale and refused in
 * their words, the search runs through the workbench's engine and gives the same answer
 * as the engine called directly, the suggested scheme opens beside its start as one undo
 * step, and Cancel adds nothing. Small: 3 months after 1 of burn-in, blocks of 4 runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../../src/app/workbench.svelte.ts';
import { FieldError, requestOf, typed } from '../../src/app/suggest.svelte.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import { buildResultsJson } from '../../src/engine/results/summarize.ts';
import { optimise } from '../../src/engine/batch/optimise/optimise.ts';
import { parseGoal } from '../../src/engine/batch/optimise/goal.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { localEngine } from './local-engine.ts';

function small(): Scenario {
  const doc = JSON.parse(readFileSync(new URL('../../scenarios/client-department.json', import.meta.url), 'utf8'));
  doc.simulation.months = 3;
  doc.simulation.burnInMonths = 1;
  doc.simulation.runs = 4;
  // A threshold above anything collected: the pool never pays and nobody pushes, so better exists.
  doc.schemes.find((s: { id: string }) => s.id === 'tranches').formula.threshold = '72000000';
  const parsed = parseScenarioText(JSON.stringify(doc));
  if (!parsed.ok) throw new Error('the test scenario does not parse');
  return parsed.scenario;
}

describe('Suggest… in the workbench', () => {
  it('opens with the scheme’s inputs and their ranges prefilled, rates and shares in percent', () => {
    const wb = new Workbench(small(), localEngine(), 'en');
    wb.suggest.open(wb.scenario!, 'tranches');
    const rows = wb.suggest.form!.inputs;
    expect(rows.map((r) => r.field)).toEqual(['formula.threshold', 'formula.rate', 'tranches[0].gate.byDay', 'tranches[0].gate.minPlanShare', 'tranches[1].gate.byDay', 'tranches[1].gate.minPlanShare']);
    expect(rows[0]).toMatchObject({ unit: 'money', lo: '36000000', hi: '108000000', use: true });
    expect(rows[1]).toMatchObject({ unit: 'percent', lo: '0.25', hi: '1', step: '0.05' });
    expect(rows[3]).toMatchObject({ unit: 'percent', lo: '20', hi: '80', step: '5' });
    expect(wb.suggest.form).toMatchObject({ goal: 'profitTotal.p50', gapLimit: true, payLimit: true, bonusLimit: false });
  });

  it('reads what was typed in the user’s locale and refuses what it cannot use in their words', () => {
    expect(typed('0,35', 'percent', 'ru')).toBe(0.0035);
    expect(typed('40 000 000', 'money', 'ru')).toBe(40e6);
    expect(typed('40,000,000', 'money', 'en')).toBe(40e6);
    expect(typed('lots', 'money', 'en')).toBeNull();
    const wb = new Workbench(small(), localEngine(), 'ru');
    wb.suggest.open(wb.scenario!, 'tranches');
    const form = wb.suggest.form!;
    form.inputs[2].hi = '40';
    expect(() => requestOf(form, wb.scenario!, 'tranches', 'ru')).toThrow(FieldError);
    void wb.suggest.start(wb.scenario!, 'ru');
    expect(wb.suggest.error).toMatch(/^Транш 1: день проверки — tranches\[0\]\.gate\.byDay=5\.\.40: значение 40 не принимается/);
    form.inputs[2].hi = '25';
    form.bonusLimit = true;
    form.bonusAtMost = '1 000 000';
    expect(requestOf(form, wb.scenario!, 'tranches', 'ru').limits).toEqual(['maxCashGapMidMonth.p90 <= start', 'staff.*.pay.p50 >= start', 'bonusTotal.p50 <= 1000000']);
  });

  it('says what is wrong with the form without running anything', async () => {
    const engine = localEngine();
    const wb = new Workbench(small(), engine, 'en');
    wb.suggest.open(wb.scenario!, 'tranches');
    wb.suggest.form!.inputs[1].lo = 'abc';
    await wb.suggest.start(wb.scenario!, 'en');
    expect(wb.suggest.status).toBe('error');
    expect(wb.suggest.error).toMatch(/formula\.rate: “abc” is not a number/);
    expect(engine.summaries).toBe(0);
  });

  it('finds the engine’s own answer and opens it beside its start as one undo step', async () => {
    const scenario = small();
    const wb = new Workbench(scenario, localEngine(), 'en');
    const before = JSON.stringify(wb.draft);
    wb.suggest.open(wb.scenario!, 'tranches');
    Object.assign(wb.suggest.form!, { runs: '8', budget: '60' });
    await wb.suggest.start(wb.scenario!, 'en');
    expect(wb.suggest.status).toBe('done');
    const result = wb.suggest.result!;
    expect(result.verdict).toBe('better');

    const direct = await optimise(
      scenario,
      { schemeId: 'tranches', goal: parseGoal('profitTotal.p50', ['maxCashGapMidMonth.p90 <= start', 'staff.*.pay.p50 >= start'], scenario.staff.map((p) => p.id)) },
      async (s, range) => buildResultsJson(s, await new InlineRunner().run(s, range)),
      { runs: 8, budget: 60 },
    );
    expect(JSON.stringify(result)).toBe(JSON.stringify(direct));

    expect(wb.suggest.added).toBe(true);
    expect(wb.draft.schemes.map((s) => s.id)).toEqual(['linear', 'threshold', 'tranches', result.suggested!.id]);
    expect(wb.draft.schemes[3].name).toBe(result.suggested!.name);
    expect(wb.scenario).not.toBeNull();
    wb.undo();
    expect(JSON.stringify(wb.draft)).toBe(before);
    wb.redo();
    expect(wb.draft.schemes).toHaveLength(4);
  }, 60_000);

  it('Cancel stops the search and adds nothing', async () => {
    const wb = new Workbench(small(), localEngine(), 'en');
    wb.suggest.open(wb.scenario!, 'tranches');
    Object.assign(wb.suggest.form!, { runs: '8', budget: '60' });
    const running = wb.suggest.start(wb.scenario!, 'en');
    await new Promise((r) => setTimeout(r, 50));
    expect(wb.suggest.status).toBe('running');
    wb.suggest.cancel();
    await running;
    expect(wb.suggest.status).toBe('cancelled');
    expect(wb.suggest.result).toBeNull();
    expect(wb.draft.schemes).toHaveLength(3);
  }, 60_000);
});
