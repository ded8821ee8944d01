/**
 * Absence cover (src/engine/world/cover.ts): the attribution rule on its own, and the matrix of
 * real runs — nobody covers themselves, a row sums to the cover that person's clients got,
 * and the summaries merge to the same numbers however the runs are split.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../src/engine/model/model.ts';
import { simulateRun } from '../../../src/engine/run/simulate.ts';
import { AbsenceCover } from '../../../src/engine/world/cover.ts';
import { ResultsAccumulator } from '../../../src/engine/results/accumulator.ts';
import { buildResultsJson, resultsJsonText } from '../../../src/engine/results/summarize.ts';
import { loadScenario } from '../../phenomena/measure.ts';

const scenario = loadScenario('absence-and-departures.json', (s) => {
  s.simulation.months = 6;
  s.behaviour.absence.longIllnessPerYear = 1; // someone is away a month in most runs
});
const model = compileModel(scenario);
const n = model.staff.length;
const RUNS = 6;

describe('AbsenceCover.flush', () => {
  it('gives an absent person’s hours to the present by their part of the day’s hours, none to the absent', () => {
    const c = new AbsenceCover(model);
    c.reset();
    c.home[0] = 1; // client 0 is Masha's
    c.startDay(model.calendar.firstRecordedDay + 10, 0, { presence: (j) => (j === 1 ? 0 : 1) });
    c.worked(0, 3);
    const weight = Float64Array.from([4, 0, 8, 8]); // head half-time; Masha away
    const effort = Float64Array.from([1, 1, 0.5, 1]);
    c.flush(weight, effort);
    // parts 4 : 0 : 4 : 8 of 16
    expect(Array.from(c.matrix.slice(n, 2 * n))).toEqual([0.75, 0, 0.75, 1.5]);
    expect(c.matrix.slice(0, n).every((x) => x === 0)).toBe(true);
  });

  it('counts nothing during burn-in', () => {
    const c = new AbsenceCover(model);
    c.reset();
    c.home[0] = 1;
    c.startDay(0, -1, { presence: (j) => (j === 1 ? 0 : 1) });
    c.worked(0, 3);
    c.flush(Float64Array.from([4, 0, 8, 8]), Float64Array.from([1, 1, 1, 1]));
    expect(c.matrix.every((x) => x === 0)).toBe(true);
  });
});

describe('the cover matrix of real runs (absence-and-departures, 6 runs × 6 months)', () => {
  const team = model.schemes.findIndex((s) => s.scheme.id === 'team');
  const personal = model.schemes.findIndex((s) => s.scheme.id === 'personal');

  it('has a zero diagonal, and its row sums add up to the monthly cover hours', () => {
    let any = 0;
    for (let run = 0; run < RUNS; run++) {
      const r = simulateRun(model, team, run);
      let rows = 0;
      for (let a = 0; a < n; a++) {
        expect(r.coverMatrix[a * n + a]).toBe(0);
        for (let c = 0; c < n; c++) {
          expect(r.coverMatrix[a * n + c]).toBeGreaterThanOrEqual(0);
          rows += r.coverMatrix[a * n + c];
        }
      }
      const monthly = r.coverHours.reduce((x, y) => x + y, 0);
      expect(rows).toBeCloseTo(monthly, 6);
      any += monthly;
    }
    expect(any).toBeGreaterThan(0);
  });

  it('the head owns no clients, so nobody covers for the head', () => {
    const head = model.staff.findIndex((s) => s.isHead);
    const r = simulateRun(model, team, 0);
    for (let c = 0; c < n; c++) expect(r.coverMatrix[head * n + c]).toBe(0);
  });

  it('under personal ownership nobody covers anybody', () => {
    for (let run = 0; run < RUNS; run++) {
      const r = simulateRun(model, personal, run);
      expect(r.coverMatrix.every((x) => x === 0)).toBe(true);
      expect(r.coverHours.every((x) => x === 0)).toBe(true);
    }
  });

  it('summaries of the matrix are the same for any split and merge order (exact sums)', () => {
    const results = model.schemes.flatMap((_, s) => Array.from({ length: RUNS }, (_, run) => simulateRun(model, s, run)));
    const whole = new ResultsAccumulator(scenario).addAll(results);
    const a = new ResultsAccumulator(scenario).addAll(results.filter((r) => r.runIndex % 3 === 0));
    const b = new ResultsAccumulator(scenario).addAll(results.filter((r) => r.runIndex % 3 !== 0).reverse());
    const ba = new ResultsAccumulator(scenario).merge(b).merge(a);
    const viaState = ResultsAccumulator.fromState(JSON.parse(JSON.stringify(a.toState()))).merge(ResultsAccumulator.fromState(b.toState()));
    const text = resultsJsonText(buildResultsJson(scenario, whole));
    expect(resultsJsonText(buildResultsJson(scenario, ba))).toBe(text);
    expect(resultsJsonText(buildResultsJson(scenario, viaState))).toBe(text);
    const json = buildResultsJson(scenario, whole);
    const t = json.schemes.find((s) => s.id === 'team')!;
    expect(t.coverMatrix).toHaveLength(n);
    const matrixTotal = t.coverMatrix.flat().reduce<number>((x, y) => x + (y ?? 0), 0);
    const monthlyTotal = t.monthly.reduce((x, m) => x + (m.coverHours.mean ?? 0), 0);
    expect(matrixTotal).toBeCloseTo(monthlyTotal, 1);
    expect(t.coverShare).toBeGreaterThan(0);
    expect(json.schemes.find((s) => s.id === 'personal')!.coverShare).toBe(0);
  });
});
