/**
 * Values the validator once accepted and the engine could not run (issue 15, items 3–4):
 * each is now an error with its path, in English and Russian.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, parseScenario } from '../../../src/engine/scenario/parse.ts';
import { compileModel, simulateRun, calculatePayout } from '../../../src/engine/index.ts';
import { expectError, minimalFile } from './helpers.ts';

type Doc = Record<string, any>;
const withTranches = (weights: string[]): Doc => {
  const doc: Doc = minimalFile();
  doc.schemes[1].tranches = weights.map((weight) => ({ weight }));
  return doc;
};

describe('tranche weights the kopeck split cannot take', () => {
  it('rejects 999999.9999999999 with its path', () => {
    const r = parseScenario(withTranches(['999999.9999999999', '1']));
    const issue = expectError(r, 'schemes[1].tranches[0].weight', 'tranches.weightPrecision');
    expect(formatIssue(issue, 'en')).toMatch(/^schemes\[1\]\.tranches\[0\]\.weight: weight 999999\.9999999999: with 10 decimal places/);
    expect(formatIssue(issue, 'ru')).toMatch(/нельзя разделить точно до копейки/);
  });

  it('rejects 1000000 beside 0.0000000001, naming the large one', () => {
    const r = parseScenario(withTranches(['1000000', '0.0000000001']));
    expectError(r, 'schemes[1].tranches[0].weight', 'tranches.weightPrecision');
  });

  it('accepts the largest exact weights, and they run and pay', () => {
    const r = parseScenario(withTranches(['900719.9254740991', '0.0000000001']));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = { ...r.scenario, simulation: { ...r.scenario.simulation, runs: 1, months: 1 } };
    expect(() => simulateRun(compileModel(s), 1, 0)).not.toThrow();
    expect(calculatePayout(s, 'lin', { collected: '50000000', collectedBy: {}, adjustments: {} }).poolPaid).toBe('50000.00');
  });
});

describe('costs and hours that divide by zero', () => {
  const cases: [string, (d: Doc) => void, string][] = [
    ['behaviour.effort.costFactor', (d) => (d.behaviour = { effort: { costFactor: 0 } }), 'range.between'],
    ['behaviour.effort.costFactor', (d) => (d.behaviour = { effort: { costFactor: 1e-300 } }), 'range.between'],
    ['staff[1].effortCost', (d) => (d.staff[1].effortCost = 5e-324), 'range.between'],
    ['clients.invoiceHours', (d) => (d.clients = { invoiceHours: 4e-323 }), 'range.between'],
    ['clients.callHours', (d) => (d.clients = { callHours: 0.001 }), 'range.between'],
    ['sales.hoursPerLead', (d) => (d.sales = { hoursPerLead: 1e-9 }), 'range.between'],
    ['sales.crossSellHours', (d) => (d.sales = { crossSellHours: 1e-9 }), 'range.between'],
    ['sales.inboundHours', (d) => (d.sales = { inboundHours: 1e-9 }), 'range.between'],
    ['sales.monthlyDiscount', (d) => (d.sales = { monthlyDiscount: 1 }), 'range.aboveAtMost'],
  ];
  for (const [path, edit, code] of cases) {
    it(`rejects ${path} at the edge`, () => {
      const doc: Doc = minimalFile();
      edit(doc);
      expectError(parseScenario(doc), path, code);
    });
  }

  it('keeps the smallest allowed cost of effort finite', () => {
    const doc: Doc = minimalFile();
    doc.behaviour = { effort: { costFactor: 0.001 } };
    doc.staff[1].effortCost = 0.01;
    doc.staff[1].salary = '0';
    const r = parseScenario(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = { ...r.scenario, simulation: { ...r.scenario.simulation, runs: 1, months: 1 } };
    const run = simulateRun(compileModel(s), 1, 0);
    expect([...run.effortByDay].every(Number.isFinite)).toBe(true);
    expect([...run.collections].every(Number.isFinite)).toBe(true);
  });
});

describe('personal ownership without anybody to own the clients', () => {
  it('is an error on the organisation (it crashed every run)', () => {
    const doc: Doc = minimalFile();
    doc.staff[1].role = 'hunter';
    doc.schemes[1].organisation = 'personal';
    expectError(parseScenario(doc), 'schemes[1].organisation', 'organisation.needsOwners');
    doc.staff[1].role = 'collector';
    doc.staff[1].workShare = 0;
    expectError(parseScenario(doc), 'schemes[1].organisation', 'organisation.needsOwners');
    doc.staff[1].workShare = 0.5;
    expect(parseScenario(doc).ok).toBe(true);
  });
});

describe('ids that every JavaScript object already has', () => {
  it('are refused for staff and schemes (an award typed for "__proto__" was lost)', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const doc: Doc = minimalFile();
      doc.staff[1].id = id;
      doc.schemes[0].id = id;
      doc.baseline = id;
      const r = parseScenario(doc);
      expectError(r, 'staff[1].id', 'id.reserved');
      expectError(r, 'schemes[0].id', 'id.reserved');
    }
  });
});
