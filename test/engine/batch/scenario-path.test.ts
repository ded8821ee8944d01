/** Inputs of a scenario named by path (batch/scenario-path.ts), as searches set them. */
import { describe, expect, it } from 'vitest';
import { decimalText, getPath, PathError, setPath } from '../../../src/engine/batch/scenario-path.ts';
import { defaultScenario } from '../../../src/engine/index.ts';

describe('scenario paths', () => {
  it('reads fields, list items by index and by id', () => {
    const s = defaultScenario();
    expect(getPath(s, 'behaviour.effort.costFactor')).toBe(s.behaviour.effort.costFactor);
    expect(getPath(s, 'clients.habits[stretcher].medianDays')).toBe(s.clients.habits.find((h) => h.id === 'stretcher')!.medianDays);
    expect(getPath(s, 'staff[1].salary')).toBe(s.staff[1].salary);
  });
  it('writes a decimal string as a decimal string and a day count as a whole number', () => {
    const s = defaultScenario();
    setPath(s, 'clients.monthlyVolume', 44_000_000.4);
    expect(s.clients.monthlyVolume).toBe('44000000');
    setPath(s, 'clients.suspendAfterDays', 22.6);
    expect(s.clients.suspendAfterDays).toBe(23);
    setPath(s, 'schemes[threshold].formula.rate', 0.0061234567);
    expect((s.schemes[1].formula as { rate: string }).rate).toBe('0.00612346');
  });
  it('names what is wrong with a path', () => {
    const s = defaultScenario();
    expect(() => getPath(s, 'clients.nothing')).toThrow(PathError);
    expect(() => getPath(s, 'clients.habits[nobody].medianDays')).toThrow(/no item \[nobody\]/);
    expect(() => setPath(s, 'clients', 1)).toThrow(/not a number/);
    expect(() => getPath(s, 'clients..count')).toThrow(PathError);
  });
  it('writes decimals without exponents', () => {
    expect(decimalText(1e-7)).toBe('0.0000001');
    expect(decimalText(55e6)).toBe('55000000');
  });
});
