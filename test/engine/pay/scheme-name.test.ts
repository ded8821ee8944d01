/**
 * Scheme names from parameters (en/ru): the formula, the gated tranches and the split in
 * words, exact to the decimal string; the same parameters always give the same name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemeName, moneyName, percentName } from '../../../src/engine/index.ts';
import { parseScenarioText } from '../../../src/engine/scenario/parse.ts';
import type { PayoutFormula, Scenario, Scheme } from '../../../src/engine/scenario/types.ts';
import { formulaWords } from '../../../src/engine/pay/formulas/index.ts';

function bundled(id: string): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL(`../../../scenarios/${id}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  return parsed.scenario;
}
const scheme = (s: Scenario, id: string): Scheme => s.schemes.find((x) => x.id === id)!;

describe('schemeName', () => {
  const cd = bundled('client-department');

  it('names the threshold in thirds with its gates and split, in English and Russian', () => {
    const tranches = scheme(cd, 'tranches');
    expect(schemeName(tranches, 'en', cd.company.plan)).toBe(
      '(C − 40M) × 0.5%, ⅓ by the 15th at 50%, ⅓ by the 25th at 90%; head 40%, awards and penalties, the rest equally',
    );
    expect(schemeName(tranches, 'ru', cd.company.plan)).toBe(
      '(C − 40\u00A0млн) × 0,5%, ⅓ к\u00A015-му при 50%, ⅓ к\u00A025-му при 90%; начальнику 40%, премии и удержания, остальным поровну',
    );
  });

  it('follows the parameters: a gate moved to the 12th is named so', () => {
    const moved = structuredClone(scheme(cd, 'tranches'));
    moved.tranches[0].gate!.byDay = 12;
    moved.tranches[0].gate!.minPlanShare = '0.45';
    expect(schemeName(moved, 'en')).toContain('⅓ by the 12th at 45%, ⅓ by the 25th at 90%');
    expect(schemeName(moved, 'en')).not.toBe(schemeName(scheme(cd, 'tranches'), 'en'));
  });

  it('reads rates exactly from their decimal strings', () => {
    expect(percentName('0.007', 'en')).toBe('0.7%'); // 0.007 × 100 is 0.7000000000000001 in floats
    expect(percentName('0.0015', 'ru')).toBe('0,15%');
    expect(percentName('1', 'en')).toBe('100%');
    expect(schemeName(scheme(cd, 'linear'), 'en')).toMatch(/^0\.1% of collections;/);
  });

  it('writes amounts compactly in each language', () => {
    expect(moneyName('40000000', 'en')).toBe('40M');
    expect(moneyName('13333333.33', 'en')).toBe('13.33M');
    expect(moneyName('13333333.33', 'ru')).toBe('13,33\u00A0млн');
    expect(moneyName('15000', 'ru')).toBe('15\u00A0тыс.');
    expect(moneyName('-6000', 'en')).toBe('−6k');
    expect(moneyName('100', 'en')).toBe('100\u00A0₽');
  });

  it('names the organisation, a personal measure, a piece rate, a key-client gate and an own plan', () => {
    const sales = bundled('sales-stagnation');
    expect(schemeName(scheme(sales, 'ownClients'), 'en')).toBe('Own clients: 5% of own clients’ payments');
    expect(schemeName(scheme(sales, 'process'), 'ru')).toBe('Процессинговый центр: 100\u00A0₽ за нормо-час, 180\u00A0₽ сверх 150');
    const team = bundled('team-split');
    expect(schemeName(scheme(team, 'keyClients'), 'en')).toContain('⅓ if the 5 largest clients pay 50% by the 20th');
    expect(schemeName(scheme(team, 'equal'), 'en')).toBe('(C − 40M) × 0.5%; equal split');
    const star = bundled('star-inbound-sector');
    expect(schemeName(scheme(star, 'decades'), 'en', star.company.plan)).toContain('plan 180k, ⅓ by the 10th at 30%, ⅓ by the 20th at 65%, ⅓ by the 31st at 100%');
    expect(schemeName(scheme(star, 'both'), 'en')).toContain('re-attestation every 6 months; deputy head');
  });

  it('gives different names to the schemes of every bundled story, in both languages', () => {
    for (const id of ['client-department', 'team-split', 'sales-stagnation', 'star-inbound-sector', 'absence-and-departures']) {
      const s = bundled(id);
      for (const lang of ['en', 'ru'] as const) {
        const names = s.schemes.map((x) => schemeName(x, lang, s.company.plan));
        expect(new Set(names).size, `${id} ${lang}: ${names.join(' | ')}`).toBe(names.length);
        for (const n of names) expect(n).not.toMatch(/undefined|NaN/);
      }
    }
  });
});

describe('a formula in words (each formula type names itself: pay/formulas/)', () => {
  const nb = '\u00A0';
  const cases: [PayoutFormula, Scheme['measure'], string, string][] = [
    [{ type: 'fixed', amount: '50000' }, 'teamCollections', '50k fixed', `50${nb}тыс. фиксированно`],
    [{ type: 'linear', rate: '0.005', cap: '1000000' }, 'personalCollections', '0.5% of own clients’ payments, at most 1M', `0,5% от платежей своих клиентов, не больше 1${nb}млн`],
    [{ type: 'threshold', threshold: '40000000', rate: '0.005' }, 'personalCollections', '(own − 40M) × 0.5%', `(свой оборот − 40${nb}млн) × 0,5%`],
    [
      { type: 'tiers', mode: 'marginal', tiers: [{ from: '0', rate: '0.001' }, { from: '40000000', rate: '0.005' }], cap: '2000000' },
      'teamCollections',
      `0.1% from 0${nb}₽, 0.5% from 40M (marginal), at most 2M`,
      `0,1% от 0${nb}₽, 0,5% от 40${nb}млн (по ступеням), не больше 2${nb}млн`,
    ],
    [{ type: 'tiers', mode: 'retroactive', tiers: [{ from: '30000000', rate: '0.004' }] }, 'teamCollections', '0.4% from 30M (on the whole)', `0,4% от 30${nb}млн (на весь оборот)`],
    [{ type: 'pieceRate', rate: '100', premium: '180', norm: '150', cap: '60000' }, 'processUnits', `100${nb}₽ a norm-hour, 180${nb}₽ above 150, at most 60k`, `100${nb}₽ за нормо-час, 180${nb}₽ сверх 150, не больше 60${nb}тыс.`],
  ];

  it.each(cases)('%o under %s', (formula, measure, en, ru) => {
    expect(formulaWords(formula, measure, 'en')).toBe(en);
    expect(formulaWords(formula, measure, 'ru')).toBe(ru);
  });

  it('refuses a formula type it does not know, naming it', () => {
    expect(() => formulaWords({ type: 'bonusPot' } as unknown as PayoutFormula, 'teamCollections', 'en')).toThrow('unknown payout formula "bonusPot"');
  });
});
