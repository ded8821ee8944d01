import { describe, expect, it } from 'vitest';
import { CashLedger } from '../../../src/engine/world/cash.ts';
import { compileModel } from '../../../src/engine/model/model.ts';
import { loadScenario } from '../../phenomena/measure.ts';

function ledger(patch: (s: ReturnType<typeof loadScenario>) => void = () => {}) {
  const model = compileModel(loadScenario('client-department.json', patch));
  return { cash: new CashLedger(model), model };
}

describe('CashLedger', () => {
  it('pays obligations evenly: fixed costs plus last month’s variable share, spread over the month', () => {
    const { cash } = ledger((s) => {
      s.company.openingCash = '0';
      s.company.overdraftRate = '0';
    });
    cash.reset();
    cash.startMonth(50_000_000, 30);
    for (let d = 1; d <= 10; d++) cash.endDay(d, 30, 0);
    // (31.85M + 0.2 × 50M) / 30 a day
    expect(cash.balance).toBeCloseTo(-10 * (31_850_000 + 10_000_000) / 30, 2);
    expect(cash.daysInDeficit).toBe(10);
    expect(cash.maxGapMid).toBe(0); // days 11–25 not reached yet
    cash.endDay(11, 30, 0);
    expect(cash.maxGapMid).toBeCloseTo(-cash.balance, 6);
  });

  it('charges overdraft interest on the shortfall and counts it as financing cost', () => {
    const { cash, model } = ledger((s) => {
      s.company.openingCash = '-1000000';
      s.company.fixedCosts = '0';
      s.company.variableCostRatio = '0';
    });
    cash.reset();
    cash.startMonth(0, 30);
    cash.endDay(1, 30, 0);
    expect(cash.financingCost).toBeCloseTo(1_000_000 * model.overdraftDaily, 6);
    expect(cash.balance).toBeCloseTo(-1_000_000 * (1 + model.overdraftDaily), 6);
  });

  it('pays the advance on its day and moves a pay day past the month end to the last day', () => {
    const { cash } = ledger((s) => {
      s.company.openingCash = '0';
      s.company.fixedCosts = '0';
      s.company.variableCostRatio = '0';
      s.company.overdraftRate = '0';
      s.company.advanceDay = 31;
    });
    cash.reset();
    cash.startMonth(0, 28);
    for (let d = 1; d <= 27; d++) cash.endDay(d, 28, 100_000);
    expect(cash.balance).toBe(0);
    cash.endDay(28, 28, 100_000);
    expect(cash.balance).toBeCloseTo(-40_000, 6); // 40% advance
  });

  it('lets the owners take the cash above the set level at month end', () => {
    const { cash } = ledger((s) => (s.company.ownerDrawAbove = '2000000'));
    cash.reset();
    cash.receive(10_000_000);
    cash.ownerDraw();
    expect(cash.balance).toBe(2_000_000);
  });
});
