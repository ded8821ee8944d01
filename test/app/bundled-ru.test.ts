import { describe, expect, it } from 'vitest';
import { BUNDLED, bundledIn, bundledNamed } from '../../src/app/bundled.ts';
import { BUNDLED_RU } from '../../src/app/bundled-ru.ts';
import { parseScenario } from '../../src/engine/scenario/parse.ts';

const withoutNames = (s: ReturnType<typeof bundledIn>) => ({
  ...s,
  name: '',
  schemes: s.schemes.map((x) => ({ ...x, name: '' })),
  staff: s.staff.map((x) => ({ ...x, name: '' })),
});

describe('the bundled scenarios in Russian', () => {
  it('name every bundled scenario, scheme and person, and nothing else', () => {
    expect(Object.keys(BUNDLED_RU).sort()).toEqual(BUNDLED.map((b) => b.id).sort());
    for (const b of BUNDLED) {
      const names = BUNDLED_RU[b.id];
      expect(Object.keys(names.schemes).sort(), b.id).toEqual(b.scenario.schemes.map((s) => s.id).sort());
      expect(Object.keys(names.staff).sort(), b.id).toEqual(b.scenario.staff.map((s) => s.id).sort());
    }
  });

  it('change the names only: the same numbers, a valid scenario, and found again by its Russian name', () => {
    for (const b of BUNDLED) {
      const ru = bundledIn(b, 'ru');
      expect(ru.name).toBe(BUNDLED_RU[b.id].name);
      expect(ru.schemes.every((s) => /[а-яё]/i.test(s.name)), b.id).toBe(true);
      expect(withoutNames(ru)).toEqual(withoutNames(b.scenario));
      expect(parseScenario(JSON.parse(JSON.stringify(ru))).ok).toBe(true);
      expect(bundledNamed(ru.name)?.id).toBe(b.id);
      expect(bundledIn(b, 'en')).toBe(b.scenario);
    }
  });
});
