import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { main } from '../../src/cli/main.ts';
import { parseScenarioText, serializeScenario } from '../../src/engine/index.ts';
import { ROOT, fakeIo } from './fake-io.ts';

describe('paybench format', () => {
  it('writes what Save writes: defaults filled, every field kept', async () => {
    const file = 'scenarios/star-inbound-sector.json';
    const t = fakeIo();
    expect(await main(['format', file], t.io)).toBe(0);
    const original = parseScenarioText(await readFile(ROOT + file, 'utf8'));
    const again = parseScenarioText(t.stdout());
    expect(original.ok && again.ok).toBe(true);
    if (!original.ok || !again.ok) return;
    expect(again.scenario).toEqual(original.scenario);
    expect(t.stdout()).toBe(serializeScenario(original.scenario));
    // The personal plan by decades is kept (it was lost on save before).
    expect(again.scenario.schemes.some((s) => s.plan !== undefined)).toBe(true);
  });

  it('fills the defaults of a minimal file and writes it to --out', async () => {
    const minimal = JSON.stringify({
      format: 'paybench-scenario',
      version: 2,
      name: 'Minimal',
      staff: [{ id: 'boss', role: 'head', salary: 40000 }, { id: 'ann', role: 'collector', salary: '20000' }],
      schemes: [{ id: 'flat', formula: { type: 'fixed', amount: '10000' }, split: { type: 'equal' } }],
    });
    const t = fakeIo({ [ROOT + 'min.json']: minimal });
    expect(await main(['format', 'min.json', '--out', 'out/min.paybench.json'], t.io)).toBe(0);
    const text = t.written[ROOT + 'out/min.paybench.json'];
    const doc = JSON.parse(text);
    expect(doc.simulation.runs).toBe(1000);
    expect(doc.company.plan).toBe('50000000');
    expect(doc.schemes[0]).toMatchObject({ name: 'flat', organisation: 'team', period: 'month', tranches: [] });
    expect(t.stdout()).toBe('');
  });

  it('refuses an invalid file with its errors, exit 1', async () => {
    const t = fakeIo({ [ROOT + 'bad.json']: '{"format":"paybench-scenario","version":1}' });
    expect(await main(['format', 'bad.json'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/name: is required/);
    expect(t.stdout()).toBe('');
  });
});
