/**
 * Gates on personal pools: each person's pool pays only the tranches whose gates their
 * own result passed, by the same tranche rule as the team pool; a clawback never takes
 * back what the gates withheld.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileModel } from '../../../src/engine/model/model.ts';
import { PersonalGates } from '../../../src/engine/run/personal-gates.ts';
import { simulateRun } from '../../../src/engine/run/simulate.ts';
import { loadScenario } from '../../phenomena/measure.ts';

const model = compileModel(loadScenario('star-inbound-sector.json'));
const decades = model.schemes.findIndex((s) => s.scheme.id === 'decades');

describe('personal gates (plan by decades, per person 180,000 ₽: 30% by the 10th, 65% by the 20th, 100% by the 31st)', () => {
  it('pays each person the thirds their own result earned, to the kopeck', () => {
    const gates = new PersonalGates(model.schemes[decades], 3);
    gates.startMonth();
    const by: Record<number, number[]> = { 10: [6_000_000, 3_000_000, 9_000_000], 20: [12_000_000, 12_000_000, 9_000_000], 31: [18_000_000, 12_000_000, 20_000_000] };
    for (const day of [10, 20, 31]) gates.closeDay(day, 31, (j) => by[day][j]);
    expect(gates.paid(0, 100)).toBe(100); // all three
    expect(gates.paid(1, 100)).toBe(33); // only the second (largest remainder gives the first third the extra kopeck)
    expect(gates.paid(2, 100)).toBe(67); // first and last
  });

  it('a short month closes the last decade on its last day', () => {
    const gates = new PersonalGates(model.schemes[decades], 1);
    gates.startMonth();
    for (const day of [10, 20, 28]) gates.closeDay(day, 28, () => 18_000_000);
    expect(gates.paid(0, 300)).toBe(300);
  });

  it('never pays more than the pool, and nothing is gated away without gates', () => {
    const flat = new PersonalGates(model.schemes[0], 2);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 3e7 }), (pool, result) => {
        expect(flat.paid(1, pool)).toBe(pool);
        const gates = new PersonalGates(model.schemes[decades], 1);
        gates.startMonth();
        for (const day of [10, 20, 31]) gates.closeDay(day, 31, () => result);
        const paid = gates.paid(0, pool);
        expect(paid).toBeGreaterThanOrEqual(0);
        expect(paid).toBeLessThanOrEqual(pool);
      }),
    );
  });

  it('in real runs the gates withhold part of the pool in some months and pay it all in others', () => {
    const shares: number[] = [];
    for (let run = 0; run < 4; run++) shares.push(...simulateRun(model, decades, run).tranchePaid);
    expect(shares.some((x) => x < 1)).toBe(true);
    expect(shares.some((x) => x === 1)).toBe(true);
    expect(shares.every((x) => x >= 0 && x <= 1)).toBe(true);
  });
});
