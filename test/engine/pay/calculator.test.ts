import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Scheme, Split, StaffMember } from '../../../src/engine/scenario/types.ts';
import { calculatePayout, PayoutError, type PayoutInput } from '../../../src/engine/pay/calculator.ts';
import { compileSchemePay, settlePeriod } from '../../../src/engine/pay/settle.ts';
import { formatKopecks, parseKopecks } from '../../../src/engine/money/kopecks.ts';
import { articleScenario, articleStaff, thresholdScheme, trancheScheme } from './fixtures.ts';
import { anyFormula, rate, roubles } from './arbitraries.ts';

const SEED = 2002;
const scenario = articleScenario();
const payout = (schemeId: string, collected: string, more: Partial<PayoutInput> = {}) =>
  calculatePayout(scenario, schemeId, { collected, collectedBy: {}, adjustments: {}, ...more });
const bonuses = (r: ReturnType<typeof payout>) => Object.fromEntries(r.people.map((p) => [p.id, p.bonus]));

function errorOf(f: () => unknown): PayoutError {
  try {
    f();
  } catch (e) {
    if (e instanceof PayoutError) return e;
    throw e;
  }
  throw new Error('expected a PayoutError');
}

describe('payout calculator: article 002, to the kopeck', () => {
  it('at 55M: pool 75,000; head 30,000; Masha +15,000 → 27,000, Vasya −6,000 → 6,000, Olya 12,000', () => {
    const r = payout('threshold', '55000000', { adjustments: { masha: '15000', vasya: '-6000' } });
    expect(r.schemeId).toBe('threshold');
    expect(r.collected).toBe('55000000.00');
    expect(r.pool).toBe('75000.00');
    expect(r.poolPaid).toBe('75000.00');
    expect(r.tranches).toEqual([{ weight: '1', amount: '75000.00', paid: true, gate: null }]);
    expect(r.people).toEqual([
      { id: 'head', name: 'Начальник отдела', role: 'head', bonus: '30000.00', adjustment: '0.00' },
      { id: 'masha', name: 'Маша', role: 'collector', bonus: '27000.00', adjustment: '15000.00' },
      { id: 'vasya', name: 'Вася', role: 'collector', bonus: '6000.00', adjustment: '-6000.00' },
      { id: 'olya', name: 'Оля', role: 'collector', bonus: '12000.00', adjustment: '0.00' },
    ]);
  });
  it('pools at 45M, 50M, 40M; linear 0.1% at 40M and 50M', () => {
    expect(payout('threshold', '45000000').pool).toBe('25000.00');
    expect(payout('threshold', '50000000').pool).toBe('50000.00');
    expect(payout('threshold', '40000000').pool).toBe('0.00');
    expect(payout('linear', '40000000').poolPaid).toBe('40000.00');
    expect(bonuses(payout('linear', '50000000'))).toEqual({ head: '20000.00', masha: '10000.00', vasya: '10000.00', olya: '10000.00' });
  });
  it('tranches in thirds: 30M by the 15th, 44M by the 25th → 50,000 paid', () => {
    const r = payout('tranches', '55000000', { collectedBy: { 15: '30000000', 25: '44000000' } });
    expect(r.poolPaid).toBe('50000.00');
    expect(r.tranches).toEqual([
      { weight: '1', amount: '25000.00', paid: true, gate: { byDay: 15, minPlanShare: '0.5', required: '25000000.00', collectedBy: '30000000.00', passed: true } },
      { weight: '1', amount: '25000.00', paid: false, gate: { byDay: 25, minPlanShare: '0.9', required: '45000000.00', collectedBy: '44000000.00', passed: false } },
      { weight: '1', amount: '25000.00', paid: true, gate: null },
    ]);
    expect(bonuses(r)).toEqual({ head: '20000.00', masha: '10000.00', vasya: '10000.00', olya: '10000.00' });
  });
  it('discretion and double discretion take hand-entered awards as the article does', () => {
    const s = articleScenario([{ ...thresholdScheme, id: 'd', split: { type: 'doubleDiscretion', headShare: '0.4' } }]);
    const r = calculatePayout(s, 'd', { collected: '55000000', collectedBy: {}, adjustments: { masha: '15000', vasya: '-6000' } });
    expect(bonuses(r)).toEqual({ head: '30000.00', masha: '27000.00', vasya: '6000.00', olya: '12000.00' });
  });
  it('a penalty larger than the equal part leaves the person at 0.00', () => {
    const r = payout('threshold', '55000000', { adjustments: { vasya: '-30000' } });
    expect(bonuses(r)).toEqual({ head: '30000.00', masha: '22500.00', vasya: '0.00', olya: '22500.00' });
  });
});

describe('payout calculator: what it tells the user', () => {
  it('a gate without its collected-by day: fails if the total is short, else asks for the day', () => {
    const short = payout('tranches', '44000000', { collectedBy: { 15: '30000000' } });
    expect(short.tranches[1].gate).toMatchObject({ collectedBy: null, passed: false });
    const e = errorOf(() => payout('tranches', '55000000', { collectedBy: { 25: '50000000' } }));
    expect(e.path).toBe('collectedBy.15');
    expect(e.message).toMatch(/day 15/);
  });
  it('names the bad field', () => {
    expect(errorOf(() => payout('nope', '1')).path).toBe('schemeId');
    expect(errorOf(() => payout('threshold', '55,000,000')).path).toBe('collected');
    expect(errorOf(() => payout('threshold', '55000000.001')).path).toBe('collected');
    expect(errorOf(() => payout('threshold', '1', { adjustments: { petya: '100' } })).path).toBe('adjustments.petya');
    expect(errorOf(() => payout('threshold', '1', { adjustments: { masha: 'lots' } })).path).toBe('adjustments.masha');
    expect(errorOf(() => payout('threshold', '1', { adjustments: { head: '100' } })).message).toMatch(/head's share is fixed/);
    expect(errorOf(() => payout('tranches', '55000000', { collectedBy: { 15: '60000000', 25: '1' } })).path).toBe('collectedBy.15');
  });
  it('equal, headShareEqual and proportional refuse personal awards', () => {
    const e = errorOf(() => payout('linear', '50000000', { adjustments: { masha: '1000' } }));
    expect(e.path).toBe('adjustments.masha');
    expect(e.message).toMatch(/"headShareEqual" has no personal awards/);
    expect(payout('linear', '50000000', { adjustments: { masha: '0' } }).poolPaid).toBe('50000.00');
  });
  it('reports a broken formula with its path', () => {
    const s = articleScenario([{ ...thresholdScheme, formula: { type: 'linear', rate: 'x' } }]);
    const e = errorOf(() => calculatePayout(s, 'threshold', { collected: '1', collectedBy: {}, adjustments: {} }));
    expect(e.path).toBe('schemes[0].formula');
  });
});

// ---------------------------------------------------------------- kopecks = decimal.js

/** Reference award rules: top/bottom contributor (first on ties) among the collectors. */
function ruleAdjustments(split: Split, staff: StaffMember[], members: number[], c: number[]): Record<string, string> {
  const adj: Record<string, number> = {};
  if (split.type !== 'awardsEqual') return {};
  const mc = members.map((i) => c[i]);
  const mean = mc.reduce((a, b) => a + b, 0) / mc.length;
  if (!(mean > 0)) return {};
  const top = members[mc.indexOf(Math.max(...mc))];
  const bottom = members[mc.indexOf(Math.min(...mc))];
  for (const r of split.awards) {
    const fires = r.to === 'topContributor' ? c[top] >= mean * (1 + Number(r.minDeviation)) : c[bottom] <= mean * (1 - Number(r.minDeviation));
    const who = staff[r.to === 'topContributor' ? top : bottom].id;
    if (fires) adj[who] = (adj[who] ?? 0) + parseKopecks(r.amount);
  }
  return Object.fromEntries(Object.entries(adj).map(([id, k]) => [id, formatKopecks(k)]));
}

const splitArb: fc.Arbitrary<Split> = fc.oneof(
  fc.constant<Split>({ type: 'equal' }),
  rate(1).map((headShare): Split => ({ type: 'headShareEqual', headShare })),
  rate(1).map((headShare): Split => ({ type: 'proportional', headShare })),
  fc
    .record({
      headShare: rate(1),
      awards: fc.array(
        fc.record({ to: fc.constantFrom('topContributor' as const, 'bottomContributor' as const), amount: roubles(-40000, 40000), minDeviation: rate(0.5) }),
        { maxLength: 3 },
      ),
    })
    .map(({ headShare, awards }): Split => ({ type: 'awardsEqual', headShare, awards })),
);

const trancheArb = fc.array(
  fc.record({
    weight: fc.constantFrom('1', '0.5', '0.25', '2', '0.333', '0'),
    gate: fc.option(
      fc.record({
        byDay: fc.integer({ min: 1, max: 31 }),
        // 0.33333333333 × 50M = 16,666,666.6666…: the gate needs 16,666,666.67
        minPlanShare: fc.oneof(rate(1.2), fc.constantFrom('0.5', '0.9', '0.33333333333')),
      }),
      { nil: undefined },
    ),
  }),
  { maxLength: 4 },
).filter((ts) => ts.length === 0 || ts.some((t) => t.weight !== '0'));

describe('the kopeck settlement equals the decimal.js calculator to the kopeck (property)', () => {
  it('for random formulas, tranches, gates, splits and awards', () => {
    fc.assert(
      fc.property(
        anyFormula,
        splitArb,
        trancheArb,
        fc.oneof(roubles(0, 100e6), fc.constant('55000000')),
        fc.array(fc.oneof(roubles(0, 100e6), fc.constantFrom('25000000', '24999999.99', '45000000', '16666666.67', '16666666.66')), {
          minLength: 31,
          maxLength: 31,
        }),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        (formula, split, tranches, collected, byDayText, contributions, withHead) => {
          const staff = withHead ? articleStaff : articleStaff.slice(1);
          const c = withHead ? contributions : contributions.slice(1);
          const scheme: Scheme = { ...trancheScheme, id: 'x', formula, split, tranches };
          const s = articleScenario([scheme]);
          s.staff = staff;
          // Proportional in the calculator has no contributions: compare with equal ones.
          const contrib = split.type === 'proportional' ? c.map(() => 1) : c;
          const members = staff.map((_, i) => i).filter((i) => !(withHead && i === 0 && split.type !== 'equal'));
          const byDay = byDayText.map((t) => formatKopecks(Math.min(parseKopecks(t), parseKopecks(collected))));
          const collectedBy = Object.fromEntries(byDay.map((t, d) => [d + 1, t]));
          const calc = calculatePayout(s, 'x', { collected, collectedBy, adjustments: ruleAdjustments(split, staff, members, contrib) });
          const out = new Float64Array(staff.length);
          const r = settlePeriod(
            compileSchemePay(scheme, staff, s.company.plan),
            {
              measureKopecks: parseKopecks(collected),
              collectedByDayKopecks: (day) => parseKopecks(byDay[day - 1]),
              contributions: contrib,
              normals: new Float64Array(staff.length),
              discretionNoise: 0,
              favouritism: 0,
              directorCorrection: 0,
            },
            out,
          );
          expect(formatKopecks(r.poolKopecks)).toBe(calc.pool);
          expect(formatKopecks(r.paidKopecks)).toBe(calc.poolPaid);
          expect(r.tranchesPassed).toBe(calc.tranches.filter((t) => t.paid).length);
          expect(Array.from(out, formatKopecks)).toEqual(calc.people.map((p) => p.bonus));
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('payout calculator: personal measures pay one person, whole', () => {
  const personal = { ...scenario, schemes: [{ ...scenario.schemes[0], id: 'own', organisation: 'personal' as const, measure: 'personalCollections' as const, tranches: [] }] };
  const own = (more: Partial<PayoutInput> = {}) => calculatePayout(personal, 'own', { collected: '20000000', collectedBy: {}, adjustments: {}, ...more });

  it('the pool is the person’s own, nobody else is listed', () => {
    const whole = payout(scenario.schemes[0].id, '20000000');
    const r = own({ person: 'vasya' });
    expect(r.personal).toBe(true);
    expect(r.people.map((p) => p.id)).toEqual(['vasya']);
    expect(r.people[0].bonus).toBe(r.poolPaid);
    expect(r.pool).toBe(whole.pool);
    expect(own().people.map((p) => p.id)).toEqual(['masha']);
  });

  it('refuses the head and awards, naming the field', () => {
    expect(errorOf(() => own({ person: 'head' })).path).toBe('person');
    expect(errorOf(() => own({ adjustments: { masha: '1000' } })).path).toBe('adjustments.masha');
  });
});
