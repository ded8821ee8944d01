/**
 * Field errors in the form's own words: the label, the reason and an example typed the way
 * the field takes it in the user's locale — no paths, no file syntax; rates in percent.
 */
import { describe, expect, it } from 'vitest';
import { fieldMessage } from '../../src/app/field-message.ts';
import { parseScenario } from '../../src/engine/scenario/parse.ts';
import { BUNDLED } from '../../src/app/bundled.ts';
import type { ScenarioIssue } from '../../src/engine/index.ts';

function issueAt(edit: (s: any) => void, path: string): ScenarioIssue {
  const draft = JSON.parse(JSON.stringify(BUNDLED[0].scenario));
  edit(draft);
  const parsed = parseScenario(draft);
  if (parsed.ok) throw new Error('still valid');
  const issue = parsed.errors.find((i) => i.path === path);
  if (!issue) throw new Error(`no issue at ${path}: ${parsed.errors.map((i) => i.path).join(', ')}`);
  return issue;
}

describe('fieldMessage', () => {
  const threshold = issueAt((s) => (s.schemes[1].formula.threshold = 'abc'), 'schemes[1].formula.threshold');

  it('names the field by its label and shows an example in the locale, not a path', () => {
    expect(fieldMessage(threshold, 'Threshold', 'money', 'en', 'abc')).toBe('Threshold: “abc” is not a number; type it like 40,000,000');
    const ru = fieldMessage(threshold, 'Порог', 'money', 'ru', 'abc');
    expect(ru).toBe('Порог: «abc» — не число; введите, например, 40 000 000');
    expect(ru).not.toMatch(/schemes\[|"0\.005"/);
  });

  it('speaks in percent for a rate, with a decimal comma in Russian', () => {
    const share = issueAt((s) => (s.schemes[0].split.headShare = '1.5'), 'schemes[0].split.headShare');
    expect(share.code).toBe('range.between');
    expect(fieldMessage(share, 'Head’s share, %', 'percent', 'en', '150')).toBe('Head’s share, %: must be from 0% to 100%; for example 50');
    expect(fieldMessage(share, 'Доля начальника, %', 'percent', 'ru', '150')).toBe('Доля начальника, %: должно быть от 0\u00A0% до 100\u00A0%; например, 50');
    const conversion = issueAt((s) => (s.clients.count = 0), 'clients.count');
    expect(fieldMessage(conversion, 'Number of clients', 'number', 'en', '0')).toMatch(/^Number of clients: a whole number from 1 to 20,000/);
    const gate = issueAt((s) => (s.schemes[2].tranches[0].gate.minPlanShare = '3'), 'schemes[2].tranches[0].gate.minPlanShare');
    expect(fieldMessage(gate, '% of plan', 'percent', 'en', '300')).toBe('% of plan: must be above 0% and at most 200%');
  });

  it('words a day out of range and a number typed as text', () => {
    const day = issueAt((s) => (s.schemes[2].tranches[0].gate.byDay = 40), 'schemes[2].tranches[0].gate.byDay');
    expect(fieldMessage(day, 'By day', 'number', 'en')).toBe('By day: a whole number from 1 to 31, please');
    const runs = issueAt((s) => (s.simulation.runs = 'many'), 'simulation.runs');
    expect(fieldMessage(runs, 'Прогонов на схему', 'number', 'ru', 'many')).toBe('Прогонов на схему: «many» — не число; введите, например, 15');
  });

  it('falls back to the engine’s reason for the rest, still under the label', () => {
    const name = issueAt((s) => (s.schemes[0].name = ''), 'schemes[0].name');
    expect(fieldMessage(name, 'Scheme name', 'text', 'en')).toBe('Scheme name: must not be empty');
  });
});
