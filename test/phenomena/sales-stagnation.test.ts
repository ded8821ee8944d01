/**
 * P5 of MODEL.md §2 on scenarios/sales-stagnation.json (articles 001, 003, 004).
 * Seed 20260, 20 runs × 36 months per scheme. Each month every salesperson splits their
 * hours between serving, cross-selling and prospecting by what an hour brings them; the
 * stagnation below comes from that choice, not from any written-in trend.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/model/model.ts';
import { simulateRun } from '../../src/engine/run/simulate.ts';
import { loadScenario } from './measure.ts';

const RUNS = 20;
const model = compileModel(loadScenario('sales-stagnation.json'));

interface Years {
  billed: number[];
  newClients: number[];
  prospecting: number[];
}

function byYear(schemeId: string, on = model): Years {
  const s = on.schemes.findIndex((x) => x.scheme.id === schemeId);
  const out: Years = { billed: [0, 0, 0], newClients: [0, 0, 0], prospecting: [0, 0, 0] };
  for (let run = 0; run < RUNS; run++) {
    const r = simulateRun(on, s, run);
    for (let m = 0; m < r.months; m++) {
      const y = Math.floor(m / 12);
      out.billed[y] += r.billed[m] / (12 * RUNS);
      out.newClients[y] += r.newClients[m] / (12 * RUNS);
      out.prospecting[y] += r.prospectingHours[m] / (12 * RUNS);
    }
  }
  return out;
}

const own = byYear('ownClients');
const hunterFarmer = byYear('hunterFarmer');
const tickets = byYear('tickets');
const process = byYear('process');
const marketing = byYear('marketing');
const noMarketing = byYear(
  'marketing',
  compileModel(loadScenario('sales-stagnation.json', (sc) => (sc.schemes.find((x) => x.id === 'marketing')!.marketing = { requestsPerDay: 0, monthlyCost: '0' }))),
);

describe('P5 stagnation (seed 20260, 20 runs × 36 months)', () => {
  it('paid by the piece for the business process, nobody stagnates: new clients hold from year 1 to year 3 and turnover keeps growing past the own-client scheme', () => {
    expect(process.newClients[2]).toBeGreaterThanOrEqual(process.newClients[0]);
    expect(process.newClients[2]).toBeGreaterThan(2 * own.newClients[2]);
    expect(process.billed[2]).toBeGreaterThan(own.billed[2]);
    expect(process.billed[2] / process.billed[1]).toBeGreaterThan(own.billed[2] / own.billed[1]);
  });
  it('automated marketing with a dispatcher brings new clients with nobody prospecting; without the marketing nothing comes in', () => {
    expect(marketing.newClients[2]).toBeGreaterThan(2 * own.newClients[2]);
    expect(marketing.billed[2]).toBeGreaterThan(own.billed[2]);
    expect(noMarketing.newClients[0] + noMarketing.newClients[2]).toBeLessThan(0.5);
  });
  it('the premium above the norm buys pace: more prospecting hours than the same people put in under pooled tickets', () => {
    expect(process.prospecting[2]).toBeGreaterThan(1.1 * tickets.prospecting[2]);
  });
  it('paid on their own clients, sales managers prospect less and less: new clients a month fall by half from year 1 to year 3', () => {
    expect(own.prospecting[2]).toBeLessThan(0.5 * own.prospecting[0]);
    expect(own.newClients[2]).toBeLessThan(0.5 * own.newClients[0]);
  });
  it('own-client turnover growth slows year on year', () => {
    const growth2 = own.billed[1] / own.billed[0] - 1;
    const growth3 = own.billed[2] / own.billed[1] - 1;
    expect(growth3).toBeLessThan(0.5 * growth2);
  });
  it('hunters (hunter/farmer) and pooled tickets keep bringing new clients in year 3', () => {
    expect(hunterFarmer.newClients[2]).toBeGreaterThanOrEqual(hunterFarmer.newClients[0]);
    expect(tickets.newClients[2]).toBeGreaterThanOrEqual(tickets.newClients[0]);
    expect(tickets.newClients[2]).toBeGreaterThan(2 * own.newClients[2]);
  });
  it('pooled service grows turnover beyond the own-client scheme by year 3', () => {
    expect(tickets.billed[2]).toBeGreaterThan(own.billed[2]);
    expect(tickets.billed[2] / tickets.billed[1]).toBeGreaterThan(own.billed[2] / own.billed[1]);
  });
});
