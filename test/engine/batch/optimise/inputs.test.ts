/** What the optimiser may move: the scheme's own inputs, on a grid through the start, each end allowed by the scenario's rules. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultInputs, levels, parseInputText, refusal, schemeAt, startPosition, valueAt } from '../../../../src/engine/batch/optimise/inputs.ts';
import { parseScenarioText } from '../../../../src/engine/scenario/parse.ts';

const parsed = parseScenarioText(readFileSync(new URL('../../../../scenarios/client-department.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('the bundled scenario does not parse');
const scenario = parsed.scenario;

describe('inputs of the scheme', () => {
  it('by default: the threshold and rate, each gate’s day and share of plan, on a grid through the start', () => {
    const inputs = defaultInputs(scenario, 'tranches');
    expect(inputs.map((i) => i.field)).toEqual([
      'formula.threshold',
      'formula.rate',
      'tranches[0].gate.byDay',
      'tranches[0].gate.minPlanShare',
      'tranches[1].gate.byDay',
      'tranches[1].gate.minPlanShare',
    ]);
    for (const input of inputs) {
      expect(input.lo).toBeLessThan(input.start);
      expect(input.hi).toBeGreaterThanOrEqual(input.start);
      // The start is a grid point: the search can stand where it began.
      expect(valueAt(input, startPosition(input))).toBeCloseTo(input.start, 12);
      expect(levels(input)).toBeGreaterThan(2);
    }
    const day = inputs[2];
    expect([day.lo, day.hi, day.step]).toEqual([5, 25, 1]);
    expect(inputs[3].step).toBe(0.05);
    expect(defaultInputs(scenario, 'linear').map((i) => i.field)).toEqual(['formula.rate']);
  });

  it('reads PATH=LO..HI[:STEP] in the scheme’s words or the file’s', () => {
    const a = parseInputText('formula.threshold=30000000..50000000:1000000', scenario, 'tranches');
    expect(a).toMatchObject({ field: 'formula.threshold', lo: 30e6, hi: 50e6, step: 1e6, start: 40e6 });
    const b = parseInputText('schemes[tranches].tranches[0].gate.byDay=10..20', scenario, 'tranches');
    expect(b).toMatchObject({ field: 'tranches[0].gate.byDay', lo: 10, hi: 20, step: 1 });
    expect(parseInputText('schemes[2].formula.rate = 0.004 .. 0.008', scenario, 'tranches').field).toBe('formula.rate');
  });

  it('keeps the market fixed: refuses inputs outside the scheme, in the user’s words', () => {
    expect(() => parseInputText('clients.count=100..300', scenario, 'tranches')).toThrow(/clients\.count is not part of the scheme: what an owner cannot change/);
    expect(() => parseInputText('schemes[linear].formula.rate=0.001..0.002', scenario, 'tranches')).toThrow(/only the scheme being improved \(tranches\) varies, not linear/);
    expect(() => parseInputText('formula.treshold=1..2', scenario, 'tranches')).toThrow(/no "treshold"/);
    expect(() => parseInputText('split.type=1..2', scenario, 'tranches')).toThrow(/not a number/);
  });

  it('refuses ranges that make no sense or that the scenario’s rules refuse', () => {
    expect(() => parseInputText('formula.rate=0.01..0.002', scenario, 'tranches')).toThrow(/the low end must be below the high end/);
    expect(() => parseInputText('formula.rate=0.002..0.01:0.1', scenario, 'tranches')).toThrow(/the step must be above 0 and at most the range/);
    expect(() => parseInputText('tranches[0].gate.byDay=10.5..20', scenario, 'tranches')).toThrow(/whole number/);
    expect(() => parseInputText('tranches[0].gate.byDay=10..40', scenario, 'tranches')).toThrow(/40 is refused/);
    expect(() => parseInputText('formula.rate=0.001', scenario, 'tranches')).toThrow(/write PATH=LO\.\.HI\[:STEP\]/);
    expect(() => parseInputText('formula.rate=a..b', scenario, 'tranches')).toThrow(/"a" is not a number/);
  });

  it('sets a candidate’s inputs as a person would type them, and names what the rules refuse', () => {
    const inputs = [parseInputText('formula.threshold=30000000..50000000:2000000', scenario, 'tranches'), parseInputText('formula.rate=0.004..0.008', scenario, 'tranches')];
    const start = scenario.schemes.find((s) => s.id === 'tranches')!;
    const s = schemeAt(start, inputs, [0.5, 1]);
    expect(s.formula).toEqual({ type: 'threshold', threshold: '40000000', rate: '0.008' });
    expect(refusal(scenario, start, inputs, [0.5, 1])).toBeNull();
  });
});
