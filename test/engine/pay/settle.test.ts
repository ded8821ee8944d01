import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Scheme, Split, StaffMember } from '../../../src/engine/scenario/types.ts';
import { compileSchemePay, settlePeriod, type PeriodInput } from '../../../src/engine/pay/settle.ts';
import { parseKopecks } from '../../../src/engine/money/kopecks.ts';
import { articleContributions, articleStaff, linearScheme, thresholdScheme, trancheScheme } from './fixtures.ts';
import { anyFormula, rate, roubles } from './arbitraries.ts';

const SEED = 2002;
const PLAN = '50000000';
const K = parseKopecks;

function input(measure: string, extra: Partial<PeriodInput> = {}): PeriodInput {
  return {
    measureKopecks: K(measure),
    collectedByDayKopecks: () => 0,
    contributions: articleContributions,
    normals: new Float64Array(articleStaff.length),
    discretionNoise: 0,
    favouritism: 0,
    directorCorrection: 0,
    ...extra,
  };
}

function settle(scheme: Scheme, inp: PeriodInput, staff: StaffMember[] = articleStaff) {
  const out = new Float64Array(staff.length).fill(NaN);
  const result = settlePeriod(compileSchemePay(scheme, staff, PLAN), inp, out);
  return { ...result, bonus: Array.from(out) };
}

const withSplit = (split: Split, scheme: Scheme = thresholdScheme): Scheme => ({ ...scheme, split });

describe('article 002 in kopecks', () => {
  it('at 55M: pool 75,000; head 30,000; Masha 27,000, Vasya 6,000, Olya 12,000 (awards by rule)', () => {
    const r = settle(thresholdScheme, input('55000000'));
    expect(r).toEqual({
      poolKopecks: K('75000'),
      paidKopecks: K('75000'),
      tranchesPassed: 1,
      bonus: [K('30000'), K('27000'), K('6000'), K('12000')],
    });
  });
  it('pays 25,000 at 45M, 50,000 at 50M, nothing at 40M; linear 0.1% pays 40,000 at 40M', () => {
    expect(settle(thresholdScheme, input('45000000')).poolKopecks).toBe(K('25000'));
    expect(settle(thresholdScheme, input('50000000')).poolKopecks).toBe(K('50000'));
    expect(settle(thresholdScheme, input('40000000')).bonus).toEqual([0, 0, 0, 0]);
    const linear = settle(linearScheme, input('40000000'));
    expect(linear.paidKopecks).toBe(K('40000'));
    expect(linear.bonus).toEqual([K('16000'), K('8000'), K('8000'), K('8000')]);
    expect(settle(linearScheme, input('50000000')).paidKopecks).toBe(K('50000'));
  });
  it('tranches in thirds: 30M by the 15th passes, 44M by the 25th misses → 50,000 paid', () => {
    const byDay = (day: number) => (day <= 15 ? K('30000000') : K('44000000'));
    const r = settle(trancheScheme, input('55000000', { collectedByDayKopecks: byDay }));
    expect(r.poolKopecks).toBe(K('75000'));
    expect(r.paidKopecks).toBe(K('50000'));
    expect(r.tranchesPassed).toBe(2);
    expect(r.bonus.reduce((a, b) => a + b, 0)).toBe(K('50000'));
    // the same with an array indexed by tranche
    const byTranche = settle(trancheScheme, input('55000000', { collectedByDayKopecks: [K('30000000'), K('44000000'), 0] }));
    expect(byTranche.bonus).toEqual(r.bonus);
    // 45M by the 25th is exactly 90 % of plan: passes
    const all = settle(trancheScheme, input('55000000', { collectedByDayKopecks: [K('25000000'), K('45000000'), 0] }));
    expect(all.paidKopecks).toBe(K('75000'));
  });
});

describe('splits', () => {
  it('equal: everyone, head included', () => {
    expect(settle(withSplit({ type: 'equal' }), input('55000000')).bonus).toEqual([K('18750'), K('18750'), K('18750'), K('18750')]);
  });
  it('headShareEqual without a head: the head share stays with the staff', () => {
    const staff = articleStaff.slice(1);
    const r = settle(withSplit({ type: 'headShareEqual', headShare: '0.4' }), { ...input('55000000'), contributions: [1, 1, 1], normals: [0, 0, 0] }, staff);
    expect(r.bonus).toEqual([K('25000'), K('25000'), K('25000')]);
  });
  it('proportional: the rest in proportion to contributions; all zero → equal', () => {
    const r = settle(withSplit({ type: 'proportional', headShare: '0.4' }), input('55000000'));
    expect(r.bonus).toEqual([K('30000'), K('21000'), K('9000'), K('15000')]); // 45,000 × 140/300, 60/300, 100/300
    const zero = settle(withSplit({ type: 'proportional', headShare: '0.4' }), input('55000000', { contributions: new Float64Array(4) }));
    expect(zero.bonus).toEqual([K('30000'), K('15000'), K('15000'), K('15000')]);
  });
  it('discretion without noise or favouritism is proportional; favouritism tilts it; the director halves it', () => {
    const proportional = settle(withSplit({ type: 'proportional', headShare: '0.4' }), input('55000000')).bonus;
    expect(settle(withSplit({ type: 'discretion', headShare: '0.4' }), input('55000000')).bonus).toEqual(proportional);
    const favour = { favouritism: 0.5 };
    const single = settle(withSplit({ type: 'discretion', headShare: '0.4' }), input('55000000', favour)).bonus;
    const double = settle(withSplit({ type: 'doubleDiscretion', headShare: '0.4' }), input('55000000', { ...favour, directorCorrection: 0.5 })).bonus;
    const corrected = settle(withSplit({ type: 'doubleDiscretion', headShare: '0.4' }), input('55000000', { ...favour, directorCorrection: 1 })).bonus;
    expect(single[1]).toBeGreaterThan(double[1]); // Masha is the head's favourite
    expect(double[1]).toBeGreaterThan(proportional[1]);
    expect(corrected).toEqual(proportional);
  });
  it('judgement noise comes only from the injected normals', () => {
    const noisy = input('55000000', { discretionNoise: 0.3, normals: Float64Array.from([0, -1, 2, 0]) });
    const a = settle(withSplit({ type: 'discretion', headShare: '0.4' }), noisy).bonus;
    const b = settle(withSplit({ type: 'discretion', headShare: '0.4' }), noisy).bonus;
    expect(a).toEqual(b);
    expect(a[2]).toBeGreaterThan(K('9000')); // Vasya drew a lucky +2σ
  });
});

// ---------------------------------------------------------------- properties

const staffArb = fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }).map((heads) =>
  heads.map(
    (isHead, i): StaffMember => ({
      id: `s${i}`,
      name: `S${i}`,
      role: isHead && i === 0 ? 'head' : 'collector',
      salary: '20000',
      skill: 1,
      workShare: 1,
      effortCost: 1,
      favour: (i % 3) - 1,
    }),
  ),
);

const splitArb: fc.Arbitrary<Split> = fc.oneof(
  fc.constant<Split>({ type: 'equal' }),
  ...(['headShareEqual', 'discretion', 'doubleDiscretion', 'proportional'] as const).map((type) =>
    rate(1).map((headShare): Split => ({ type, headShare })),
  ),
  fc
    .record({
      headShare: rate(1),
      awards: fc.array(
        fc.record({
          to: fc.constantFrom('topContributor' as const, 'bottomContributor' as const),
          amount: roubles(-30000, 30000),
          minDeviation: rate(0.5),
        }),
        { maxLength: 3 },
      ),
    })
    .map(({ headShare, awards }): Split => ({ type: 'awardsEqual', headShare, awards })),
);

describe('settlement properties', () => {
  it('every split pays out exactly the paid pool, nobody below zero', () => {
    fc.assert(
      fc.property(
        anyFormula,
        splitArb,
        staffArb,
        fc.integer({ min: 0, max: 100e8 }),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 200, noNaN: true })), { minLength: 7, maxLength: 7 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 7, maxLength: 7 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (formula, split, staff, measure, contributions, normals, noise) => {
          const scheme: Scheme = { ...trancheScheme, formula, split };
          const out = new Float64Array(staff.length).fill(NaN);
          const r = settlePeriod(
            compileSchemePay(scheme, staff, PLAN),
            {
              measureKopecks: measure,
              collectedByDayKopecks: (day) => (day * measure) / 31,
              contributions,
              normals,
              discretionNoise: noise,
              favouritism: noise,
              directorCorrection: 0.5,
            },
            out,
          );
          expect(out.reduce((a, b) => a + b, 0)).toBe(r.paidKopecks);
          out.forEach((b) => {
            expect(b).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(b)).toBe(true);
          });
          expect(r.paidKopecks).toBeLessThanOrEqual(r.poolKopecks);
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
