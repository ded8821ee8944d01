/**
 * Names and parameters: derived names follow a scheme's edits and the language, bundled
 * names switch language, names the user gave stay — and are flagged when they cite a
 * figure the scheme no longer has.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED, bundledIn, bundledNamesIn } from '../../src/app/bundled.ts';
import { figuresNotInScheme, isDerivedName } from '../../src/app/scheme-names.ts';
import { NameKeeper } from '../../src/app/name-keeper.ts';
import { parseScenario } from '../../src/engine/scenario/parse.ts';
import { schemeName } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/index.ts';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const valid = (s: Scenario) => {
  const p = parseScenario(clone(s));
  if (!p.ok) throw new Error('invalid');
  return p.scenario;
};
const department = () => clone(BUNDLED[0].scenario);

describe('figures a name cites', () => {
  it('finds none missing in any bundled scheme name, in either language', () => {
    for (const b of BUNDLED) {
      for (const lang of ['en', 'ru'] as const) {
        const s = bundledIn(b, lang);
        for (const scheme of s.schemes) expect(figuresNotInScheme(scheme.name, scheme, s.company), `${b.id} ${lang}: ${scheme.name}`).toEqual([]);
      }
    }
  });

  it('flags the gate day and share a name still cites after the gate moved', () => {
    const s = department();
    const tranches = s.schemes[2];
    tranches.tranches[0].gate!.byDay = 12;
    expect(figuresNotInScheme(tranches.name, tranches, s.company)).toEqual(['15th']);
    const ru = bundledIn(BUNDLED[0], 'ru').schemes[2];
    ru.tranches[0].gate!.byDay = 12;
    ru.tranches[1].gate!.minPlanShare = '0.8';
    expect(figuresNotInScheme(ru.name, ru, s.company)).toEqual(['90%', '15-му']);
  });

  it('flags an amount: the threshold moved from 40M to 48M', () => {
    const s = department();
    const threshold = s.schemes[1];
    (threshold.formula as { threshold: string }).threshold = '48000000';
    expect(figuresNotInScheme(threshold.name, threshold, { plan: s.company.plan })).toEqual(['40M']);
    expect(figuresNotInScheme('(C − 48 млн) × 0,5%', threshold, s.company)).toEqual([]);
  });
});

describe('bundled names in the other language', () => {
  it('switch the scenario, schemes and people, both ways, and leave a renamed scheme alone', () => {
    const en = department();
    en.schemes[1].name = 'My own threshold';
    const ru = bundledNamesIn(en, 'ru');
    expect(ru.name).toBe('Клиентский отдел (статья 002)');
    expect(ru.schemes).toEqual(['0,1% от оборота', 'My own threshold', 'Порог траншами по третям: 50% к 15-му, 90% к 25-му']);
    expect(ru.staff).toContain('Маша');
    const back = bundledNamesIn({ ...en, name: ru.name, schemes: en.schemes.map((s, i) => ({ ...s, name: ru.schemes[i] })), staff: en.staff.map((p, i) => ({ ...p, name: ru.staff[i] })) }, 'en');
    expect(back.schemes).toEqual(en.schemes.map((s) => s.name));
    expect(back.staff).toEqual(en.staff.map((p) => p.name));
  });
});

describe('NameKeeper', () => {
  it('renames a scheme named from its parameters as they change and with the language; a given name stays', () => {
    const draft = department();
    const plan = draft.company.plan;
    draft.schemes[0].name = schemeName(valid(draft).schemes[0], 'en', plan);
    const keeper = new NameKeeper();
    keeper.follow(draft, valid(draft), 'en');
    expect(isDerivedName(valid(draft).schemes[0], plan)).toBe(true);
    (draft.schemes[0].formula as { rate: string }).rate = '0.002';
    draft.schemes[1].name = 'Threshold (mine)';
    keeper.follow(draft, valid(draft), 'en');
    expect(draft.schemes[0].name).toMatch(/^0\.2% of collections/);
    expect(draft.schemes[1].name).toBe('Threshold (mine)');
    keeper.switchTo(draft, valid(draft), 'ru');
    expect(draft.schemes[0].name).toMatch(/^0,2% от оборота/);
    expect(draft.schemes[1].name).toBe('Threshold (mine)');
    expect(draft.schemes[2].name).toBe('Порог траншами по третям: 50% к 15-му, 90% к 25-му');
    expect(draft.name).toBe('Клиентский отдел (статья 002)');
    // The user types a name of their own: it stays through the next edits.
    draft.schemes[0].name = 'Flat';
    keeper.follow(draft, valid(draft), 'ru');
    (draft.schemes[0].formula as { rate: string }).rate = '0.003';
    keeper.follow(draft, valid(draft), 'ru');
    expect(draft.schemes[0].name).toBe('Flat');
  });
});
