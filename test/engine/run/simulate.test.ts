/** Determinism and common random numbers of single runs. */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../src/engine/model/model.ts';
import { settleShapes, simulateRun } from '../../../src/engine/run/simulate.ts';
import { loadScenario } from '../../phenomena/measure.ts';

const scenario = loadScenario('client-department.json', (s) => {
  s.simulation.months = 3;
});

describe('simulateRun', () => {
  it('gives identical results for the same scenario, scheme and run, even from a fresh model', () => {
    const a = simulateRun(compileModel(scenario), 1, 7);
    simulateRun(compileModel(scenario), 0, 3); // other work in between must not leak
    const b = simulateRun(compileModel(scenario), 1, 7);
    expect(Array.from(b.collections)).toEqual(Array.from(a.collections));
    expect(Array.from(b.cashDaily)).toEqual(Array.from(a.cashDaily));
    expect(Array.from(b.staffPay)).toEqual(Array.from(a.staffPay));
  });

  it('is unchanged by settling the engine\'s shapes on a spare model, whatever that model', () => {
    const model = compileModel(scenario);
    const a = simulateRun(model, 2, 5);
    const before = { collections: Array.from(a.collections), cash: Array.from(a.cashDaily), pay: Array.from(a.staffPay) };
    settleShapes(loadScenario('sales-stagnation.json', (s) => (s.simulation.months = 2)));
    settleShapes(scenario);
    const b = simulateRun(model, 2, 5);
    expect({ collections: Array.from(b.collections), cash: Array.from(b.cashDaily), pay: Array.from(b.staffPay) }).toEqual(before);
  });

  it('differs between runs', () => {
    const model = compileModel(scenario);
    expect(Array.from(simulateRun(model, 0, 1).collections)).not.toEqual(Array.from(simulateRun(model, 0, 2).collections));
  });

  it('run i of every scheme starts from the same clients and luck (common random numbers)', () => {
    const fresh = loadScenario('client-department.json', (s) => {
      s.simulation.months = 1;
      s.simulation.burnInMonths = 0;
    });
    const model = compileModel(fresh);
    // The first month's bills depend on the clients and their luck only, never on the scheme.
    const billed = model.schemes.map((_, s) => simulateRun(model, s, 5).billed[0]);
    expect(new Set(billed).size).toBe(1);
    expect(simulateRun(model, 0, 6).billed[0]).not.toBe(billed[0]);
  });

  it('settles staff pay to the kopeck and keeps the bonus equal to the sum of people’s bonuses', () => {
    const r = simulateRun(compileModel(scenario), 2, 0);
    for (let m = 0; m < r.months; m++) {
      let sum = 0;
      for (let j = 0; j < r.staff; j++) {
        const bonus = r.staffBonus[j * r.months + m];
        expect(Math.abs(bonus * 100 - Math.round(bonus * 100))).toBeLessThan(1e-6);
        sum += Math.round(bonus * 100);
      }
      expect(sum).toBe(Math.round(r.bonus[m] * 100));
    }
  });
});
