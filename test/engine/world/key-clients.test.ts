/**
 * The key-client plan (article 000: plans "separately for each of the particularly large
 * and important client companies"): validation, the gate rule, the calculator and the
 * Monte Carlo settlement agreeing, and the team's reaction on scenarios/team-split.json.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatIssue, parseScenario } from '../../../src/engine/scenario/parse.ts';
import { defaultScenario } from '../../../src/engine/scenario/defaults.ts';
import type { Scheme } from '../../../src/engine/scenario/types.ts';
import { compileModel } from '../../../src/engine/model/model.ts';
import { ClientBook } from '../../../src/engine/world/clients.ts';
import { KeyClients } from '../../../src/engine/world/key-clients.ts';
import { Department } from '../../../src/engine/world/department.ts';
import { simulateRun } from '../../../src/engine/run/simulate.ts';
import { calculatePayout, PayoutError } from '../../../src/engine/pay/calculator.ts';
import { compileSchemePay, settlePeriod } from '../../../src/engine/pay/settle.ts';
import { formatKopecks, parseKopecks } from '../../../src/engine/money/kopecks.ts';
import { loadScenario } from '../../phenomena/measure.ts';
import { articleScenario, articleStaff, trancheScheme } from '../pay/fixtures.ts';
import { anyFormula, roubles } from '../pay/arbitraries.ts';

type File = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function broken(edit: (f: File) => void) {
  const f = JSON.parse(JSON.stringify(defaultScenario())) as File;
  edit(f);
  const r = parseScenario(f);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('key-client gates: validation (path and reason, en and ru)', () => {
  const cases = [
    {
      title: 'not a whole number from 1 to 50',
      edit: (f: File) => (f.schemes[2].tranches[0].gate.keyClients = 0),
      en: 'schemes[2].tranches[0].gate.keyClients: must be a whole number from 1 to 50',
      ru: 'schemes[2].tranches[0].gate.keyClients: должно быть целым числом от 1 до 50',
    },
    {
      title: 'more key clients than the scenario has',
      edit: (f: File) => {
        f.clients.count = 3;
        f.schemes[2].tranches[0].gate.keyClients = 5;
      },
      en: 'schemes[2].tranches[0].gate.keyClients: the key-client plan names the 5 largest clients, but the scenario has only 3 (clients.count)',
      ru: 'schemes[2].tranches[0].gate.keyClients: план по ключевым клиентам охватывает 5 крупнейших клиентов, а в сценарии их всего 3 (clients.count)',
    },
    {
      title: 'on a personal measure',
      edit: (f: File) => {
        f.schemes[2].organisation = 'personal';
        f.schemes[2].measure = 'personalCollections';
        f.schemes[2].tranches[0].gate.keyClients = 5;
      },
      en: 'schemes[2].tranches[0].gate.keyClients: a key-client plan is a plan of the whole team: it needs measure "teamCollections" paid as a team pool (got measure "personalCollections", organisation "personal"); remove keyClients or change the measure',
      ru: 'schemes[2].tranches[0].gate.keyClients: план по ключевым клиентам — план всего отдела: нужен показатель "teamCollections" с общим фондом (указано: показатель "personalCollections", организация "personal"); уберите keyClients или смените показатель',
    },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const errors = broken(c.edit).filter((e) => e.path === 'schemes[2].tranches[0].gate.keyClients');
      expect(errors).toHaveLength(1);
      expect(formatIssue(errors[0], 'en')).toBe(c.en);
      expect(formatIssue(errors[0], 'ru')).toBe(c.ru);
    });
  }
  it('a valid key-client gate is read', () => {
    const f = JSON.parse(JSON.stringify(defaultScenario())) as File;
    f.schemes[2].tranches[2].gate = { byDay: 20, minPlanShare: '0.5', keyClients: 5 };
    const r = parseScenario(f);
    expect(r.ok && r.scenario.schemes[2].tranches[2].gate).toEqual({ byDay: 20, minPlanShare: '0.5', keyClients: 5 });
  });
});

describe('key-client gate rule: passes only when every key client reached its share', () => {
  const scenario = defaultScenario();
  scenario.clients.count = 6;
  scenario.schemes = [
    { ...scenario.schemes[2], tranches: [{ weight: '1' }, { weight: '1', gate: { byDay: 10, minPlanShare: '0.5', keyClients: 3 } }] },
  ];
  const model = compileModel(scenario);
  const book = new ClientBook(6);
  book.baseVolume.set([100_00, 900_00, 300_00, 700_00, 500_00, 200_00]);
  book.active.fill(1);
  const keys = new KeyClients(model.schemes[0], 6);
  keys.setup(book);
  keys.startMonth(book);
  it('the key clients are the three largest, largest first', () => {
    expect(Array.from(keys.slots)).toEqual([1, 3, 4]);
  });
  it('each must pay ⌈50%⌉ of its own volume; one short fails the gate', () => {
    keys.onPay(1, 450_00);
    keys.onPay(3, 350_00);
    keys.onPay(0, 1_000_00); // not a key client: does not help
    expect(keys.met(1)).toBe(false);
    keys.onPay(4, 249_99);
    expect(keys.met(1)).toBe(false);
    keys.onPay(4, 1);
    expect(keys.met(1)).toBe(true);
  });
  it('a new month starts from nothing paid; a key client absent at month start has no plan', () => {
    keys.startMonth(book);
    expect(keys.met(1)).toBe(false);
    book.active[4] = 0;
    keys.startMonth(book);
    keys.onPay(1, 450_00);
    keys.onPay(3, 350_00);
    expect(keys.met(1)).toBe(true);
  });
  it('the settlement pays the tranche only when the gate is met', () => {
    const pay = model.schemes[0].pay;
    const input = (met: number) => ({
      measureKopecks: parseKopecks('55000000'),
      collectedByDayKopecks: [0, 0],
      keyPlanMet: [0, met],
      contributions: [1, 1, 1, 1],
      normals: [0, 0, 0, 0],
      discretionNoise: 0,
      favouritism: 0,
      directorCorrection: 0,
    });
    const out = new Float64Array(4);
    const missed = settlePeriod(pay, input(0), out);
    const met = settlePeriod(pay, input(1), out);
    expect(missed.tranchesPassed).toBe(1);
    expect(met.tranchesPassed).toBe(2);
    expect(met.paidKopecks).toBe(met.poolKopecks);
    expect(missed.paidKopecks).toBe(Math.round(met.poolKopecks / 2));
  });
});

describe('payout calculator: key-client gates', () => {
  const scheme: Scheme = { ...trancheScheme, id: 'key', tranches: [{ weight: '2' }, { weight: '1', gate: { byDay: 20, minPlanShare: '0.5', keyClients: 5 } }] };
  const s = articleScenario([scheme]);
  it('without the answer: a PayoutError naming keyPlanMet.20', () => {
    let error: unknown;
    try {
      calculatePayout(s, 'key', { collected: '55000000', collectedBy: {}, adjustments: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PayoutError);
    expect((error as PayoutError).path).toBe('keyPlanMet.20');
    expect((error as PayoutError).message).toMatch(/each of the 5 largest clients pay at least 50% of its monthly volume by then/);
  });
  it('pays the tranche as answered', () => {
    const yes = calculatePayout(s, 'key', { collected: '55000000', collectedBy: {}, keyPlanMet: { 20: true }, adjustments: {} });
    const no = calculatePayout(s, 'key', { collected: '55000000', collectedBy: {}, keyPlanMet: { 20: false }, adjustments: {} });
    expect(yes.poolPaid).toBe('75000.00');
    expect(no.poolPaid).toBe('50000.00');
    expect(no.tranches[1].gate).toMatchObject({ keyClients: 5, keyPlanMet: false, passed: false });
  });
  it('agrees with the Monte Carlo settlement to the kopeck (property)', () => {
    const trancheArb = fc.array(
      fc.record({
        weight: fc.constantFrom('1', '2', '0.5', '3'),
        gate: fc.option(
          fc.record({
            byDay: fc.integer({ min: 1, max: 31 }),
            minPlanShare: fc.constantFrom('0.5', '0.9', '0.33333333333'),
            keyClients: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
          }),
          { nil: undefined },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(
        anyFormula,
        trancheArb,
        fc.oneof(roubles(0, 100e6), fc.constant('55000000')),
        fc.array(fc.boolean(), { minLength: 31, maxLength: 31 }),
        fc.array(roubles(0, 100e6), { minLength: 31, maxLength: 31 }),
        (formula, raw, collected, metByDay, byDayText) => {
          const tranches = raw.map((t) => (t.gate && t.gate.keyClients === undefined ? { weight: t.weight, gate: { byDay: t.gate.byDay, minPlanShare: t.gate.minPlanShare } } : t));
          const x: Scheme = { ...trancheScheme, id: 'x', formula, split: { type: 'equal' }, tranches };
          const sc = articleScenario([x]);
          const byDay = byDayText.map((t) => formatKopecks(Math.min(parseKopecks(t), parseKopecks(collected))));
          const calc = calculatePayout(sc, 'x', {
            collected,
            collectedBy: Object.fromEntries(byDay.map((t, d) => [d + 1, t])),
            keyPlanMet: Object.fromEntries(metByDay.map((m, d) => [d + 1, m])),
            adjustments: {},
          });
          const out = new Float64Array(articleStaff.length);
          const r = settlePeriod(
            compileSchemePay(x, articleStaff, sc.company.plan),
            {
              measureKopecks: parseKopecks(collected),
              collectedByDayKopecks: (day) => parseKopecks(byDay[day - 1]),
              keyPlanMet: (day) => metByDay[day - 1],
              contributions: articleStaff.map(() => 1),
              normals: new Float64Array(articleStaff.length),
              discretionNoise: 0,
              favouritism: 0,
              directorCorrection: 0,
            },
            out,
          );
          expect(formatKopecks(r.paidKopecks)).toBe(calc.poolPaid);
          expect(r.tranchesPassed).toBe(calc.tranches.filter((t) => t.paid).length);
          expect(Array.from(out, formatKopecks)).toEqual(calc.people.map((p) => p.bonus));
        },
      ),
      { seed: 2000, numRuns: 500 },
    );
  });
});

/**
 * Seeded: scenarios/team-split.json, seed 20260, 30 runs × 12 months, the awardsEqual
 * scheme vs the same scheme with a third of the pool on the key-client plan (5 largest,
 * 50% by the 20th). What the 5 largest clients paid by the 20th is read off the runs by
 * watching the department's payments (nothing feeds back).
 */
describe('the team reacts to the key-client plan (team-split, seed 20260, 30 runs)', () => {
  const RUNS = 30;
  const scenario = loadScenario('team-split.json', (s) => {
    s.schemes = s.schemes.filter((x) => x.id === 'awardsEqual' || x.id === 'keyClients');
    s.baseline = 'awardsEqual';
  });
  const model = compileModel(scenario);
  const keyScheme = model.schemes.findIndex((s) => s.scheme.id === 'keyClients');
  const gate = model.schemes[keyScheme].scheme.tranches[1].gate!;

  function keyShareByGateDay(schemeIndex: number): { share: number; planMet: number } {
    const observer = new KeyClients(model.schemes[keyScheme], scenario.clients.count);
    const proto = Department.prototype as unknown as Record<string, (...a: number[]) => unknown> & { book: ClientBook };
    const saved = { reset: proto.reset, processEvents: proto.processEvents, pay: proto.pay };
    const cal = model.calendar;
    let today = 0;
    let paid = 0;
    let volume = 0;
    let months = 0;
    let met = 0;
    proto.reset = function (this: Department, salt: number) {
      observer.setup(this.book);
      return saved.reset.call(this, salt);
    };
    proto.processEvents = function (this: Department, t: number) {
      today = t;
      if (cal.dayOfMonth[t] === 1) observer.startMonth(this.book);
      return saved.processEvents.call(this, t);
    };
    proto.pay = function (this: Department, i: number) {
      if (cal.dayOfMonth[today] <= gate.byDay && cal.monthOf[today] >= cal.firstRecordedMonth) observer.onPay(i, this.book.debt[i]);
      return saved.pay.call(this, i);
    };
    try {
      for (let run = 0; run < RUNS; run++) {
        let month = -1;
        const close = () => {
          if (month < cal.firstRecordedMonth) return;
          months++;
          if (observer.met(1)) met++;
          for (let p = 0; p < observer.count; p++) {
            paid += Math.min(observer.paid[p], observer.required[observer.count + p] * 2);
            volume += observer.required[observer.count + p] * 2;
          }
        };
        const before = proto.processEvents;
        proto.processEvents = function (this: Department, t: number) {
          if (cal.dayOfMonth[t] === 1) {
            close();
            month = cal.monthOf[t];
          }
          return before.call(this, t);
        };
        simulateRun(model, schemeIndex, run);
        close();
        proto.processEvents = before;
      }
    } finally {
      Object.assign(proto, saved);
    }
    return { share: paid / volume, planMet: met / months };
  }

  const without = keyShareByGateDay(model.schemes.findIndex((s) => s.scheme.id === 'awardsEqual'));
  const withKey = keyShareByGateDay(keyScheme);
  it('the key clients pay a larger share of their volume by the 20th (by at least 0.25)', () => {
    expect(withKey.share).toBeGreaterThan(without.share + 0.25);
  });
  it('the key-client plan is met in more months', () => {
    expect(withKey.planMet).toBeGreaterThan(without.planMet);
  });
  it('the settlement pays the gated third whole or not at all: all of the pool, or two thirds', () => {
    let months = 0;
    let paidWhole = 0;
    for (let run = 0; run < 5; run++) {
      const r = simulateRun(model, keyScheme, run);
      for (let m = 0; m < r.months; m++) {
        months++;
        if (r.tranchePaid[m] > 0.999) paidWhole++;
        else if (r.bonus[m] > 0) expect(r.tranchePaid[m]).toBeCloseTo(2 / 3, 3);
      }
    }
    expect(paidWhole).toBeLessThan(months);
  });
});
