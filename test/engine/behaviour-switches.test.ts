/** Switching a behaviour module off removes its effect (seed 20260, a few runs). */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/model/model.ts';
import { simulateRun } from '../../src/engine/run/simulate.ts';
import { loadScenario } from '../phenomena/measure.ts';

describe('behaviour switches', () => {
  it('with effort choice off, every scheme collects exactly the same (pay no longer moves anyone)', () => {
    const model = compileModel(
      loadScenario('client-department.json', (s) => {
        s.behaviour.effort.enabled = false;
        s.simulation.months = 4;
      }),
    );
    for (const run of [0, 1, 2]) {
      const collections = model.schemes.map((_, i) => Array.from(simulateRun(model, i, run).collections));
      expect(collections[1]).toEqual(collections[0]);
      expect(collections[2]).toEqual(collections[0]);
    }
  });

  it('with effort choice on, the schemes differ', () => {
    const model = compileModel(loadScenario('client-department.json', (s) => (s.simulation.months = 4)));
    const a = Array.from(simulateRun(model, 0, 0).collections);
    const b = Array.from(simulateRun(model, 2, 0).collections);
    expect(b).not.toEqual(a);
  });

  it('with split perception off, discretion and double discretion behave alike', () => {
    const model = compileModel(
      loadScenario('team-split.json', (s) => {
        s.behaviour.splitPerception.enabled = false;
        s.simulation.months = 3;
      }),
    );
    const single = model.schemes.findIndex((s) => s.scheme.id === 'discretion');
    const double = model.schemes.findIndex((s) => s.scheme.id === 'doubleDiscretion');
    expect(Array.from(simulateRun(model, double, 1).collections)).toEqual(Array.from(simulateRun(model, single, 1).collections));
  });
});

describe('quarterly period', () => {
  it('settles the pool only at quarter ends', () => {
    const model = compileModel(
      loadScenario('client-department.json', (s) => {
        s.simulation.months = 6;
        s.schemes = [
          {
            id: 'quarterly',
            name: 'Quarterly threshold',
            organisation: 'team',
            measure: 'teamCollections',
            attestationMonths: 0,
            deputyHead: false,
            period: 'quarter',
            formula: { type: 'threshold', threshold: '90000000', rate: '0.005' },
            tranches: [],
            split: { type: 'headShareEqual', headShare: '0.4' },
          },
        ];
        s.baseline = 'quarterly';
      }),
    );
    const r = simulateRun(model, 0, 0);
    const paidMonths = Array.from(r.bonus, (b, m) => (b > 0 ? m : -1)).filter((m) => m >= 0);
    // 2027-01 … 2027-06: quarters end in March (2) and June (5).
    expect(paidMonths.every((m) => m === 2 || m === 5)).toBe(true);
    expect(paidMonths.length).toBeGreaterThan(0);
  });
});
