import { describe, expect, it } from 'vitest';
import { formatIssue, parseScenarioText, serializeScenario } from '../../../src/engine/scenario/parse.ts';
import { defaultScenario } from '../../../src/engine/scenario/defaults.ts';
import { SCENARIO_LIMITS } from '../../../src/engine/scenario/limits.ts';
import { errorsOf } from './helpers.ts';

describe('the text door', () => {
  it('reads a serialized scenario, with or without a byte-order mark', () => {
    const text = serializeScenario(defaultScenario());
    for (const t of [text, `\ufeff${text}`]) {
      const r = parseScenarioText(t);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.scenario).toEqual(defaultScenario());
    }
  });

  it('refuses a 6 MB text before parsing', () => {
    const text = `{"format":"paybench-scenario","pad":"${'x'.repeat(6 * 1024 * 1024)}"}`;
    const r = parseScenarioText(text);
    const [e] = errorsOf(r);
    expect(e).toMatchObject({ path: '', code: 'text.tooLarge' });
    expect(formatIssue(e, 'en')).toBe('the file is too large (6.0 MB); at most 5.0 MB is accepted');
    expect(formatIssue(e, 'ru')).toBe('файл слишком большой (6.0 MB); допускается не более 5.0 MB');
  });

  it('counts UTF-8 bytes, not characters', () => {
    const max = SCENARIO_LIMITS.maxTextBytes;
    const cyrillic = 'ж'.repeat(Math.floor(max / 2) + 10); // 2 bytes each
    const [e] = errorsOf(parseScenarioText(`"${cyrillic}"`));
    expect(e.code).toBe('text.tooLarge');
  });

  it('reports invalid JSON at the root with the parser\'s reason', () => {
    const [e] = errorsOf(parseScenarioText('{"format": "paybench-scenario",}'));
    expect(e.path).toBe('');
    expect(e.code).toBe('text.invalidJson');
    expect(String(e.params.reason).length).toBeGreaterThan(0);
    expect(formatIssue(e, 'en')).toBe(`not valid JSON: ${e.params.reason}`);
    expect(formatIssue(e, 'ru')).toBe(`это не корректный JSON: ${e.params.reason}`);
    expect(errorsOf(parseScenarioText(''))[0].code).toBe('text.invalidJson');
  });

  it('survives a 100,000-level nested array', () => {
    const depth = 100_000;
    const r = parseScenarioText('['.repeat(depth) + ']'.repeat(depth));
    const [e] = errorsOf(r);
    expect(e.path).toBe('');
    expect(['type.object', 'text.tooDeep']).toContain(e.code);
  });

  it('survives a deeply nested 5 MB text inside a valid scenario', () => {
    const depth = 2_000_000;
    const text = serializeScenario(defaultScenario()).replace('{', `{"deep": ${'['.repeat(depth)}${']'.repeat(depth)},`);
    expect(text.length).toBeLessThan(SCENARIO_LIMITS.maxTextBytes);
    const r = parseScenarioText(text);
    if (r.ok) expect(r.warnings.map((w) => w.path)).toEqual(['deep']);
    else expect(r.errors[0].code).toBe('text.tooDeep');
  });

  it('refuses a non-string argument without throwing', () => {
    expect(errorsOf(parseScenarioText(42 as unknown as string))[0].code).toBe('type.string');
  });
});
