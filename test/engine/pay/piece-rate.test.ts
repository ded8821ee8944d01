/**
 * The piece rate per business-process norm (article 001): roubles per unit up to the
 * norm, a premium per unit above it. Properties (fast-check, fixed seed): the three
 * evaluations agree to the kopeck; pay never falls as units grow; a higher premium never
 * pays less; above the norm each extra unit pays the premium; and the pace a person
 * chooses never falls as the premium rises.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PayoutFormula } from '../../../src/engine/scenario/types.ts';
import { compileCurve, compileFormulaKopecks, poolDecimal, poolKopecks } from '../../../src/engine/pay/formula.ts';
import { parseKopecks, formatKopecks } from '../../../src/engine/money/kopecks.ts';
import { chooseProcessPace } from '../../../src/engine/agents/sales-month.ts';
import { pieceRateFormula, roubles } from './arbitraries.ts';

type PieceRate = Extract<PayoutFormula, { type: 'pieceRate' }>;
const units = roubles(0, 600);
const payKopecks = (f: PayoutFormula, u: string) => poolKopecks(compileFormulaKopecks(f), parseKopecks(u));

describe('piece rate per process norm', () => {
  it('100 ₽ a unit up to 150, 180 ₽ above: 212.5 units pay 15,000 + 62.5 × 180 = 26,250.00', () => {
    const f: PayoutFormula = { type: 'pieceRate', rate: '100', norm: '150', premium: '180' };
    expect(poolDecimal(f, '212.5').toFixed(2)).toBe('26250.00');
    expect(payKopecks(f, '212.5')).toBe(2_625_000);
    expect(payKopecks(f, '150')).toBe(1_500_000);
  });

  it('the kopeck path equals decimal.js', () => {
    fc.assert(
      fc.property(pieceRateFormula, units, (f, u) => {
        expect(formatKopecks(payKopecks(f, u))).toBe(poolDecimal(f, u).toFixed(2));
      }),
    );
  });

  it('pay never falls as units grow', () => {
    fc.assert(
      fc.property(pieceRateFormula, units, units, (f, a, b) => {
        const [lo, hi] = parseKopecks(a) <= parseKopecks(b) ? [a, b] : [b, a];
        expect(payKopecks(f, hi)).toBeGreaterThanOrEqual(payKopecks(f, lo));
      }),
    );
  });

  it('a higher premium never pays less, and above the norm (no cap) each unit adds exactly the premium', () => {
    fc.assert(
      fc.property(pieceRateFormula, roubles(0, 500), units, (f, extra, u) => {
        const richer: PieceRate = { ...f, premium: formatKopecks(parseKopecks(f.premium) + parseKopecks(extra)) };
        expect(payKopecks(richer, u)).toBeGreaterThanOrEqual(payKopecks(f, u));
        const open: PieceRate = { ...f, cap: undefined };
        const above = formatKopecks(parseKopecks(f.norm) + parseKopecks(u));
        const oneMore = formatKopecks(parseKopecks(above) + 100);
        expect(payKopecks(open, oneMore) - payKopecks(open, above)).toBe(parseKopecks(f.premium));
      }),
    );
  });

  it('the pace people choose never falls as the premium rises, and stays at the norm without one', () => {
    const pace = (premium: string) =>
      chooseProcessPace(compileCurve({ type: 'pieceRate', rate: '100', norm: '150', premium }), 0, 168, Infinity, 143, 1.75);
    expect(pace('100')).toBe(1);
    let last = 1;
    for (const premium of ['100', '150', '180', '220', '300', '1000']) {
      const e = pace(premium);
      expect(e).toBeGreaterThanOrEqual(last);
      last = e;
    }
    expect(pace('180')).toBeGreaterThan(1.1);
    expect(last).toBeLessThanOrEqual(1.75 + 1e-9);
  });

  it('nobody speeds up for work that is not there', () => {
    const curve = compileCurve({ type: 'pieceRate', rate: '100', norm: '150', premium: '400' });
    expect(chooseProcessPace(curve, 0, 168, 160, 143, 1.75)).toBe(1);
  });
});
