/**
 * The fit's mechanics on a small search (two inputs, a few runs): the same history,
 * scenario and seed give the same fit; progress climbs to its total; a cancel stops it;
 * the report holds the history against the start and the fit, each input's range, and
 * notes; the fitted scenario is a scenario file like any other (inputs only, every scheme).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FitError, fitHistory, parseScenario, parseScenarioText, serializeScenario, simulatedPayments } from '../../../src/engine/index.ts';
import type { History, Scenario } from '../../../src/engine/index.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const parsed = parseScenarioText(readFileSync(`${ROOT}scenarios/client-department.json`, 'utf8'));
if (!parsed.ok) throw new Error('client-department does not parse');
const base: Scenario = parsed.scenario;

/** Six months of the threshold scheme's payments: a run of the bundled department with a larger volume, on seed 5. */
function history(): History {
  const s = parseScenario({ ...base, clients: { ...base.clients, monthlyVolume: '65000000' }, simulation: { ...base.simulation, months: 6, seed: 5 } });
  if (!s.ok) throw new Error('no scenario');
  const payments = simulatedPayments(s.scenario, 'threshold', 0);
  return { payments, clients: Array.from({ length: s.scenario.clients.count }, (_, i) => `c${i}`), hasClients: true, excluded: { outgoing: 0, outgoingKopecks: 0, refunds: 0, refundKopecks: 0, skippedLines: 0, zero: 0 } };
}

const SMALL = {
  schemeId: 'threshold',
  runs: 4,
  budget: 6,
  checkRuns: 4,
  vary: [
    { path: 'clients.monthlyVolume', lo: 30e6, hi: 90e6 },
    { path: 'clients.habits[selfPayer].medianDays', lo: 2, hi: 30 },
  ],
};

describe('fitting a history', () => {
  const h = history();

  it('is deterministic, reports its progress and writes a scenario file', async () => {
    const seen: [number, number][] = [];
    const a = await fitHistory(base, h, { ...SMALL, onProgress: (done, total) => seen.push([done, total]) });
    const b = await fitHistory(base, h, SMALL);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));

    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1][0])).toBe(true);
    expect(seen[seen.length - 1][0]).toBe(seen[0][1]);

    const r = a.report;
    expect(r.horizon).toEqual({ start: '2027-01', months: 6 });
    expect(r.scheme).toBe('threshold');
    expect(r.inputs.map((i) => i.path)).toEqual(SMALL.vary.map((v) => v.path));
    for (const i of r.inputs) {
      expect(i.range[0]).toBeLessThanOrEqual(i.value);
      expect(i.range[1]).toBeGreaterThanOrEqual(i.value);
      expect(i.lo).toBeLessThanOrEqual(i.range[0]);
      expect(i.hi).toBeGreaterThanOrEqual(i.range[1]);
    }
    expect(r.moments.map((m) => m.id)).toEqual(['level', 'spread', 'day5', 'day10', 'day15', 'day20', 'day25', 'largest', 'payers']);
    expect(r.profile.observed.median).toHaveLength(31);
    expect(r.profile.model.p10.every((v, d) => v <= r.profile.model.p90[d])).toBe(true);
    expect(r.months.map((m) => m.month)).toEqual(['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
    expect(r.notes.map((n) => n.kind)).toEqual(expect.arrayContaining(['shortHistory', 'oneScheme', 'weekdays', 'held']));
    expect(r.distance.best).toBeLessThan(r.distance.start);

    // Every scheme, the scenario's own simulation settings, the fitted inputs: a file like any other.
    expect(a.scenario.schemes.map((s) => s.id)).toEqual(base.schemes.map((s) => s.id));
    expect(a.scenario.simulation).toEqual(base.simulation);
    expect(a.scenario.clients.monthlyVolume).toBe(String(r.inputs[0].value));
    const again = parseScenarioText(serializeScenario(a.scenario));
    expect(again.ok).toBe(true);
  });

  it('stops when cancelled', async () => {
    const abort = new AbortController();
    let calls = 0;
    const run = fitHistory(base, h, {
      ...SMALL,
      signal: abort.signal,
      onProgress: () => {
        if (++calls === 3) abort.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(3);
  });

  it('refuses a scheme the scenario does not have', async () => {
    await expect(fitHistory(base, h, { ...SMALL, schemeId: 'bonus' })).rejects.toBeInstanceOf(FitError);
  });

  it('refuses to move the self-payers\' share when no reminder payers take the rest', async () => {
    const [self, , stretcher] = base.clients.habits;
    const two = parseScenario({ ...base, clients: { ...base.clients, habits: [{ ...self, volumeShare: '0.8' }, { ...stretcher, volumeShare: '0.2' }] } });
    if (!two.ok) throw new Error('no scenario');
    const vary = [{ path: 'clients.habits[selfPayer].volumeShare', lo: 0.05, hi: 0.6 }];
    await expect(fitHistory(two.scenario, h, { ...SMALL, vary })).rejects.toThrow(/no reminder payers/);
    // Left to the default inputs, the fit does not move that share at all.
    const fit = await fitHistory(two.scenario, h, { ...SMALL, vary: undefined, budget: 1, runs: 2, checkRuns: 2 });
    expect(fit.report.inputs.map((i) => i.path)).not.toContain(vary[0].path);
  });

  it('without a client column leaves the clients\' skew and number alone and says so', async () => {
    const anonymous: History = { ...h, payments: h.payments.map((p) => ({ ...p, client: -1 })), clients: [], hasClients: false };
    const fit = await fitHistory(base, anonymous, { ...SMALL, vary: undefined, budget: 1, runs: 2, checkRuns: 2 });
    const paths = fit.report.inputs.map((i) => i.path);
    expect(paths).not.toContain('clients.volumeSkew');
    expect(paths).not.toContain('clients.count');
    expect(fit.report.moments.map((m) => m.id)).not.toContain('largest');
    expect(fit.report.notes.map((n) => n.kind)).toContain('noClients');
  });
});
