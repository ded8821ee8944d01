import { expect } from 'vitest';
import type { ParseResult, ScenarioIssue } from '../../../src/engine/scenario/parse.ts';

export function minimalFile(): Record<string, unknown> {
  return {
    format: 'paybench-scenario',
    version: 2,
    name: 'Minimal',
    staff: [
      { id: 'boss', role: 'head', salary: 40000 },
      { id: 'ann', role: 'collector', salary: '20000' },
    ],
    schemes: [
      { id: 'flat', formula: { type: 'fixed', amount: '10000' }, split: { type: 'equal' } },
      { id: 'lin', formula: { type: 'linear', rate: 0.001 }, split: { type: 'headShareEqual', headShare: '0.4' } },
    ],
  };
}

export function errorsOf(r: ParseResult): ScenarioIssue[] {
  if (r.ok) throw new Error('expected errors, got a scenario');
  return r.errors;
}

/** The error at `path` (exactly one expected), with its code. */
export function expectError(r: ParseResult, path: string, code: string): ScenarioIssue {
  const errors = errorsOf(r);
  const found = errors.filter((e) => e.path === path && e.code === code);
  expect(found, `errors: ${JSON.stringify(errors.map((e) => [e.path, e.code]))}`).toHaveLength(1);
  return found[0];
}
