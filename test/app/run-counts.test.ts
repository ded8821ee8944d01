/**
 * Counts of runs in the workbench's progress lines and buttons take the form of the number
 * they stand by, in both languages: «901 прогон», «из 21 прогона», "1 run".
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/app/i18n-en.ts';
import { ru } from '../../src/app/i18n-ru.ts';
import { SUGGEST_WORDS } from '../../src/app/i18n-suggest.ts';

describe('run counts in the progress lines', () => {
  it('agrees the Russian noun with the total', () => {
    expect([ru.runsDone(0, 900), ru.runsDone(12, 901), ru.runsDone(3, 22)]).toEqual(['0 / 900 прогонов', '12 / 901 прогон', '3 / 22 прогона']);
    expect(ru.sensitivityRun(5, 400)).toBe('Рассчитать (5 сравнений × 400 прогонов на схему)');
    expect(ru.sensitivityRun(3, 21)).toBe('Рассчитать (3 сравнения × 21 прогон на схему)');
    expect(ru.sensitivityProgress('1 000', '2 001', 2001)).toBe('1 000 / 2 001 прогон');
  });

  it('puts the noun after «из» and «около» in the genitive', () => {
    const w = SUGGEST_WORDS.ru;
    expect(w.running('5', '21', 21)).toBe('5 из 21 прогона схем');
    expect(w.running('5', '12 000', 12_000)).toBe('5 из 12 000 прогонов схем');
    expect(w.size('3 001', 3001)).toBe('около 3 001 прогона схем, с проверкой');
    expect(w.size('–', Number.NaN)).toBe('около – прогонов схем, с проверкой');
  });

  it('says "1 run" and "2 runs" in English', () => {
    expect([en.runsDone(0, 1), en.runsDone(1, 2)]).toEqual(['0 / 1 run', '1 / 2 runs']);
    expect(en.sensitivityRun(1, 1)).toBe('Compute (1 comparison × 1 run per scheme)');
    expect(en.sensitivityProgress('1', '1', 1)).toBe('1 / 1 run');
    expect(SUGGEST_WORDS.en.running('0', '1', 1)).toBe('0 of 1 scheme-run');
  });
});
