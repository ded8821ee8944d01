/**
 * Suspension (article 002: a client whose delivered invoice stays unpaid too long is cut
 * off): read from the book — debt unpaid since `suspendAfterDays` or more — rather than
 * kept by a check event per debt. A month start bills a suspended client its reduced share.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../src/engine/scenario/defaults.ts';
import type { Scenario } from '../../../src/engine/scenario/types.ts';
import { compileModel } from '../../../src/engine/model/model.ts';
import { Department } from '../../../src/engine/world/department.ts';
import { RunSeed } from '../../../src/engine/numeric/random.ts';
import { EV_PAYMENT } from '../../../src/engine/world/events.ts';

function department(edit: (s: Scenario) => Scenario = (s) => s) {
  const model = compileModel(edit(defaultScenario()));
  const dept = new Department(model);
  const seed = new RunSeed(model.scenario.simulation.seed, 0);
  dept.book.setup(model, 0, () => seed.stream('clients'));
  dept.reset(7);
  return { model, dept };
}

describe('suspension', () => {
  it('starts the day the debt has waited suspendAfterDays and ends with the payment', () => {
    const { model, dept } = department();
    const after = model.scenario.clients.suspendAfterDays;
    const b = dept.book;
    dept.startMonth(0, true);
    const i = 3;
    dept.issueInvoice(i, 0);
    const delivered = model.scenario.clients.courierDays;
    for (let t = 0; t <= delivered; t++) dept.processEvents(t);
    expect(b.debt[i]).toBeGreaterThan(0);
    expect(b.owedSince[i]).toBe(delivered);
    expect(b.suspendedOn(i, delivered + after - 1, after)).toBe(false);
    expect(b.suspendedOn(i, delivered + after, after)).toBe(true);
    // Paid (its scheduled day moved to today): no longer suspended.
    const t = delivered + after + 1;
    b.payDay[i] = t;
    dept.queue.push(t, i, EV_PAYMENT, 0);
    dept.processEvents(t);
    expect(b.debt[i]).toBe(0);
    expect(b.suspendedOn(i, t, after)).toBe(false);
  });

  it('a month start bills a suspended client its suspended share (none here), the others in full', () => {
    const { model, dept } = department((s) => ({ ...s, clients: { ...s.clients, suspendedVolumeShare: 0, churnIfSuspended: 0 } }));
    const b = dept.book;
    const cal = model.calendar;
    dept.startMonth(0, true);
    const late = 5;
    const onTime = 6;
    for (const i of [late, onTime]) dept.issueInvoice(i, 0);
    const next = cal.monthStart[1];
    for (let t = 0; t < next; t++) dept.processEvents(t);
    // Neither has paid yet in this sketch: make one debt old enough, the other fresh.
    for (const i of [late, onTime]) {
      b.payDay[i] = 1 << 30;
      if (b.debt[i] === 0) throw new Error('expected a delivered debt');
    }
    b.owedSince[late] = next - 1 - model.scenario.clients.suspendAfterDays;
    b.owedSince[onTime] = next - 1;
    const pendingBefore = [b.pendingBill[late], b.pendingBill[onTime]];
    dept.startMonth(1, false);
    expect(b.pendingBill[late]).toBe(pendingBefore[0]);
    expect(b.pendingBill[onTime]).toBeGreaterThan(pendingBefore[1]);
  });
});
