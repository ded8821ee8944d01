/**
 * Counts in the workbench's progress lines, buttons and the history panel take the form of
 * the number they stand by, in both languages: «901 прогон», «из 21 прогона», "1 run". The
 * words format the number themselves (thousands apart by a narrow no-break space in Russian).
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/app/i18n-en.ts';
import { ru } from '../../src/app/i18n-ru.ts';
import { SUGGEST_WORDS } from '../../src/app/i18n-suggest.ts';
import { HISTORY_WORDS } from '../../src/app/i18n-history.ts';

describe('run counts in the progress lines', () => {
  it('agrees the Russian noun with the total', () => {
    expect([ru.runsDone(0, 900), ru.runsDone(12, 901), ru.runsDone(3, 22)]).toEqual(['0 / 900 прогонов', '12 / 901 прогон', '3 / 22 прогона']);
    expect(ru.sensitivityRun(5, 400)).toBe('Рассчитать (5 сравнений × 400 прогонов на схему)');
    expect(ru.sensitivityRun(3, 21)).toBe('Рассчитать (3 сравнения × 21 прогон на схему)');
    expect(ru.sensitivityProgress(1000, 2001)).toBe('1\u202F000 / 2\u202F001 прогон');
  });

  it('puts the noun after «из» and «около» in the genitive', () => {
    const w = SUGGEST_WORDS.ru;
    expect(w.running(5, 21)).toBe('5 из 21 прогона схем');
    expect(w.running(5, 12_000)).toBe('5 из 12\u202F000 прогонов схем');
    expect(w.size(3001)).toBe('около 3\u202F001 прогона схем, с проверкой');
    expect(w.size(Number.NaN)).toBe('около – прогонов схем, с проверкой');
  });

  it('says "1 run" and "2 runs" in English', () => {
    expect([en.runsDone(0, 1), en.runsDone(1, 2)]).toEqual(['0 / 1 run', '1 / 2 runs']);
    expect(en.sensitivityRun(1, 1)).toBe('Compute (1 comparison × 1 run per scheme)');
    expect(en.sensitivityProgress(1, 1)).toBe('1 / 1 run');
    expect(SUGGEST_WORDS.en.running(0, 1)).toBe('0 of 1 scheme-run');
    expect([en.attestationEvery(1), en.attestationEvery(6)]).toEqual(['re-attestation every month', 're-attestation every 6 months']);
  });

  it('counts payments, candidates and histories in the history panel', () => {
    const ru = HISTORY_WORDS.ru;
    expect(ru.summary(2375, '2027-01-11', '2027-12-31', 12, '647 млн ₽')).toMatch(/^2\u202F375 поступлений с/);
    expect(ru.summary(1001, 'a', 'b', 1, 'c')).toMatch(/^1\u202F001 поступление с/);
    expect(ru.summary(24, 'a', 'b', 1, 'c')).toMatch(/^24 поступления с/);
    expect(ru.fitting(3, 151)).toBe('3 / 151 вариант');
    expect(ru.fitIntro(24)).toContain('24 смоделированных истории на вариант');
    expect(ru.fitIntro(25)).toContain('25 смоделированных историй на вариант');
    expect(HISTORY_WORDS.en.summary(1, 'a', 'b', 1, 'c')).toMatch(/^1 incoming payment from/);
    expect(HISTORY_WORDS.en.fitting(0, 1)).toBe('0 / 1 candidate');
  });
});
