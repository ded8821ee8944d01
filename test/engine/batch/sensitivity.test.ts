import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../../src/engine/scenario/types.ts';
import { planSensitivity, runSensitivity, SENSITIVITY_INPUTS, tornado } from '../../../src/engine/batch/sensitivity.ts';
import { buildResultsJson } from '../../../src/engine/results/summarize.ts';
import type { ResultsJson } from '../../../src/engine/results/summarize.ts';
import { InlineRunner } from '../../../src/workers/inline-runner.ts';

function bundled(name = 'client-department'): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL(`../../../scenarios/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.scenario;
}

/** The scenario with one input's value blanked, to compare everything else. */
const without = (s: Scenario, id: string) => {
  const c = JSON.parse(JSON.stringify(s)) as Scenario;
  SENSITIVITY_INPUTS.find((i) => i.id === id)!.set(c, 0);
  return c;
};

describe('sensitivity: the plan', () => {
  it('sets each input 20% lower and higher, exactly, and changes nothing else', () => {
    const s = bundled();
    const plan = planSensitivity(s, { runs: 30 });
    expect(plan.base.simulation.runs).toBe(30);
    const volume = plan.sweeps.find((w) => w.input.id === 'monthlyVolume')!;
    expect(volume.value).toBe(s.clients.monthlyVolume);
    expect(volume.low.clients.monthlyVolume).toBe(String(Number(s.clients.monthlyVolume) * 0.8));
    expect(volume.high.clients.monthlyVolume).toBe(String(Number(s.clients.monthlyVolume) * 1.2));
    const rate = plan.sweeps.find((w) => w.input.id === 'overdraftRate')!;
    expect(rate.low.company.overdraftRate).toBe('0.144'); // 0.18 × 0.8, not 0.14400000000000002
    const count = plan.sweeps.find((w) => w.input.id === 'clientCount')!;
    expect(Number.isInteger(count.low.clients.count) && Number.isInteger(count.high.clients.count)).toBe(true);
    for (const sweep of plan.sweeps) {
      for (const end of [sweep.low, sweep.high]) {
        expect(without(end, sweep.input.id), sweep.input.path).toEqual(without(plan.base, sweep.input.id));
        expect(sweep.input.get(end)).not.toEqual(sweep.input.get(plan.base));
      }
    }
  });

  it('leaves out inputs that are zero or unused, saying why', () => {
    const s = bundled();
    s.company.openingCash = '0';
    s.behaviour.effort.enabled = false;
    const plan = planSensitivity(s, { runs: 10 });
    const skipped = Object.fromEntries(plan.skipped.map((k) => [k.input.id, k.reason]));
    expect(skipped.openingCash).toMatch(/zero/);
    expect(skipped.effortCost).toMatch(/not used/);
    expect(plan.sweeps.map((w) => w.input.id)).not.toContain('openingCash');
    expect(() => planSensitivity(s, { swing: 1.5 })).toThrow(/between 0 and 1/);
  });
});

describe('sensitivity: the tornado', () => {
  const fake = (advantages: Record<string, number>): ResultsJson =>
    ({
      baseline: 'a',
      scenario: { runs: 10 },
      schemes: [
        { id: 'a', name: 'A', vsBaseline: null },
        ...Object.entries(advantages).map(([id, v]) => ({ id, name: id.toUpperCase(), vsBaseline: { profitDiff: { median: v } } })),
      ],
    }) as unknown as ResultsJson;

  it('orders the bars by swing, widest first, around the base advantage', () => {
    const plan = planSensitivity(bundled(), { runs: 10 });
    const sweeps = plan.sweeps.slice(0, 3);
    const t = tornado({ ...plan, sweeps }, fake({ b: 5 }), [
      { low: fake({ b: 4 }), high: fake({ b: 6 }) },
      { low: fake({ b: 0 }), high: fake({ b: 10 }) },
      { low: fake({ b: 5 }), high: fake({ b: 5 }) },
    ]);
    expect(t.schemes).toHaveLength(1);
    expect(t.schemes[0]).toMatchObject({ id: 'b', base: 5 });
    expect(t.schemes[0].bars.map((b) => [b.input, b.swing])).toEqual([
      [sweeps[1].input.id, 10],
      [sweeps[0].input.id, 2],
      [sweeps[2].input.id, 0],
    ]);
  });

  it('shows a threshold scheme needing volume: its advantage over 0.1% of collections shrinks as the market falls (seeded)', async () => {
    // Article 002: a bonus only above the 40M threshold pays nothing, and motivates nothing,
    // when the month's volume falls towards it. With more volume its lead holds; it does not
    // have to grow, since a bigger book brings the linear team nearer the plan on duty too.
    const plan = planSensitivity(bundled(), { runs: 40 });
    const only = { ...plan, sweeps: plan.sweeps.filter((w) => w.input.id === 'monthlyVolume') };
    const runner = new InlineRunner();
    const steps: number[] = [];
    const t = await runSensitivity(
      only,
      async (s) => buildResultsJson(s, await runner.run(s)),
      (done, total) => steps.push(done / total),
    );
    expect(steps.at(-1)).toBe(1);
    const threshold = t.schemes.find((s) => s.id === 'threshold')!;
    const bar = threshold.bars[0];
    expect(bar.low!).toBeLessThan(threshold.base!);
    expect(bar.low!).toBeLessThan(bar.high!);
  }, 60_000);
});
