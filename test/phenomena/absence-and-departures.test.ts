/**
 * P7 and P8 of MODEL.md §2 on scenarios/absence-and-departures.json: the client
 * department under personal ownership, a team pool and a processing centre (conveyor).
 * Seed 20260, 40 runs × 12 months per scheme, common random numbers: the same people
 * fall ill and the same clients are at stake under every organisation.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/model.ts';
import { simulateRun } from '../../src/engine/simulate.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { loadScenario } from './measure.ts';

const RUNS = 40;

interface Outcome {
  id: string;
  collections: number;
  departures: number;
  taken: number;
  absentDays: number;
}

function outcome(patch: (s: Scenario) => void): Record<string, Outcome> {
  const model = compileModel(loadScenario('absence-and-departures.json', patch));
  const out: Record<string, Outcome> = {};
  model.schemes.forEach((s, i) => {
    const o: Outcome = { id: s.scheme.id, collections: 0, departures: 0, taken: 0, absentDays: 0 };
    for (let run = 0; run < RUNS; run++) {
      const r = simulateRun(model, i, run);
      for (let m = 0; m < r.months; m++) {
        o.collections += r.collections[m] / (RUNS * r.months);
        o.departures += r.departures[m];
        o.taken += r.clientsTaken[m];
        o.absentDays += r.absentDays[m];
      }
    }
    out[o.id] = o;
  });
  return out;
}

const nobodyAway = outcome((s) => {
  s.behaviour.absence.enabled = false;
  s.behaviour.attrition.enabled = false;
});
// About one illness of a month to a month and a half per person a year, nothing else.
const longIllness = outcome((s) => {
  s.behaviour.attrition.enabled = false;
  s.behaviour.absence = { ...s.behaviour.absence, illnessPerYear: 0, vacationDays: 0, longIllnessPerYear: 1 };
});
const departures = outcome((s) => (s.behaviour.absence.enabled = false));

describe('P7 absence (seed 20260, 40 runs × 12 months)', () => {
  it('people are really away, equally under every organisation (common random numbers)', () => {
    expect(longIllness.personal.absentDays).toBeGreaterThan(0);
    expect(longIllness.team.absentDays).toBe(longIllness.personal.absentDays);
  });
  it('a month-long illness costs far less collections under a team pool than under personal ownership', () => {
    const lossPersonal = nobodyAway.personal.collections - longIllness.personal.collections;
    const lossTeam = nobodyAway.team.collections - longIllness.team.collections;
    expect(lossPersonal).toBeGreaterThan(300_000);
    expect(lossPersonal).toBeGreaterThan(4 * Math.max(lossTeam, 0));
  });
  it('switched off, nobody is away', () => {
    expect(nobodyAway.personal.absentDays).toBe(0);
  });
});

describe('P8 leaving with clients (seed 20260, 40 runs × 12 months)', () => {
  it('people leave under every organisation', () => {
    for (const id of ['personal', 'team', 'conveyor']) expect(departures[id].departures).toBeGreaterThan(10);
  });
  it('a leaver takes many clients under personal ownership, fewer from a team, almost none from a processing centre', () => {
    const perDeparture = (o: Outcome) => o.taken / o.departures;
    expect(perDeparture(departures.personal)).toBeGreaterThan(2 * perDeparture(departures.team));
    expect(perDeparture(departures.conveyor)).toBeLessThan(0.5);
    expect(perDeparture(departures.personal)).toBeGreaterThan(10);
  });
  it('switched off, nobody leaves', () => {
    expect(nobodyAway.personal.departures + nobodyAway.team.departures).toBe(0);
  });
});
