import { describe, expect, it } from 'vitest';
import { PayoutError, calculatePayout, defaultScenario } from '../../../src/engine/index.ts';

describe('the payout calculator', () => {
  it('refuses collections below zero, on the collected field (the workbench and the CLI alike)', () => {
    const s = defaultScenario();
    const error = (() => {
      try {
        calculatePayout(s, 'threshold', { collected: '-5000000', collectedBy: {}, adjustments: {} });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PayoutError);
    expect((error as PayoutError).path).toBe('collected');
    expect(calculatePayout(s, 'threshold', { collected: '0', collectedBy: {}, adjustments: {} }).pool).toBe('0.00');
  });
});
