import { describe, expect, it } from 'vitest';
import { normalCdf, normalPdf } from '../../../src/engine/numeric/normal.ts';

// Reference values of Φ to 16 digits (R: pnorm).
const PHI: [number, number][] = [
  [0, 0.5],
  [1, 0.8413447460685429],
  [-1, 0.15865525393145707],
  [2, 0.9772498680518208],
  [-3, 0.0013498980316300946],
  [-5, 2.866515718791939e-7],
  [-8, 6.22096057427178e-16],
  [-10, 7.61985302416047e-24],
  [6, 0.9999999990134124],
];

describe('normal CDF and PDF', () => {
  it.each(PHI)('Φ(%d) has relative error below 1.2e-7', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1.2e-7);
  });
  it('φ is the standard normal density', () => {
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
    expect(normalPdf(1)).toBeCloseTo(0.24197072451914337, 15);
    expect(normalPdf(-1)).toBe(normalPdf(1));
  });
  it('Φ(x) + Φ(−x) = 1 and Φ is non-decreasing', () => {
    let prev = 0;
    for (let x = -9; x <= 9; x += 0.01) {
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-15);
      expect(normalCdf(x)).toBeGreaterThanOrEqual(prev);
      prev = normalCdf(x);
    }
  });
});
