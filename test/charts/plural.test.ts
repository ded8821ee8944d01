/**
 * Counts in words: the Russian form goes by the last two digits (1, 21, 101 прогон; 2–4,
 * 22–24 прогона; 0, 5–20, 25–30 прогонов), whatever the count a run in progress shows.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { candidateWordRu, onRunsRu, paymentWordRu, pluralRu, runWordRu, runsEn, runsOfRu, runsRu, wordEn } from '../../src/charts/plural.ts';

describe('counts in words', () => {
  it('takes the Russian form from the last digits', () => {
    const form = (n: number) => pluralRu(n, 'one', 'few', 'many');
    expect([1, 21, 101, 1001, 100_001].map(form)).toEqual(['one', 'one', 'one', 'one', 'one']);
    expect([2, 3, 4, 22, 34, 102, 1004].map(form)).toEqual(Array(7).fill('few'));
    expect([0, 5, 10, 11, 12, 13, 14, 15, 20, 100, 111, 112, 114, 400, 1000].map(form)).toEqual(Array(15).fill('many'));
  });

  it('reads only the last two digits', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => pluralRu(n, 'a', 'b', 'c') === pluralRu(n % 100, 'a', 'b', 'c')));
  });

  it('writes a count of runs in both languages', () => {
    expect([runsEn(1), runsEn(2), runsEn(400)]).toEqual(['1 run', '2 runs', '400 runs']);
    expect([runsRu(1), runsRu(21), runsRu(32), runsRu(142), runsRu(400)]).toEqual(['1 прогон', '21 прогон', '32 прогона', '142 прогона', '400 прогонов']);
    expect([onRunsRu(1), onRunsRu(101), onRunsRu(400)]).toEqual(['1 прогоне', '101 прогоне', '400 прогонах']);
    expect([runsOfRu(1), runsOfRu(21), runsOfRu(22), runsOfRu(111), runsOfRu(400)]).toEqual(['прогона', 'прогона', 'прогонов', 'прогонов', 'прогонов']);
    expect([runWordRu(22), paymentWordRu(1001), candidateWordRu(25)]).toEqual(['прогона', 'поступление', 'вариантов']);
    expect([wordEn(1, 'payment'), wordEn(0, 'payment'), wordEn(2, 'person', 'people')]).toEqual(['payment', 'payments', 'people']);
  });
});
