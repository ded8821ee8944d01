/**
 * What a history says, on a history small enough to count by hand: collections by month,
 * the share of each month collected by each day (median across months, band), the
 * largest clients' share, payers, the weekday profile, and a partly covered month left
 * out of the statistics.
 */
import { describe, expect, it } from 'vitest';
import { describeHistory } from '../../../src/engine/index.ts';
import type { History, HistoryPayment } from '../../../src/engine/index.ts';
import { dayNumber } from '../../../src/engine/history/dates.ts';

const excluded = { outgoing: 0, outgoingKopecks: 0, refunds: 0, refundKopecks: 0, skippedLines: 0, zero: 0 };
const pay = (y: number, m: number, d: number, roubles: number, client: number): HistoryPayment => ({ day: dayNumber(y, m, d), kopecks: roubles * 100, client });

/** Months 1–3 of 2025: each month a quarter by the 5th, half by the 15th, the rest on the 25th. */
function threeMonths(): HistoryPayment[] {
  return [1, 2, 3].flatMap((m) => [pay(2025, m, 5, 250, 0), pay(2025, m, 15, 250, 1), pay(2025, m, 25, 400, 2), pay(2025, m, 25, 100, 3)]);
}

describe('what a history says', () => {
  const view = describeHistory({ payments: threeMonths(), clients: ['A', 'B', 'C', 'D'], hasClients: true, excluded });

  it('collections by month, their level and spread', () => {
    expect(view.months.map((m) => [m.month, m.collected, m.payments, m.payers, m.complete])).toEqual([
      ['2025-01', 1000, 4, 4, true],
      ['2025-02', 1000, 4, 4, true],
      ['2025-03', 1000, 4, 4, true],
    ]);
    expect(view.statistics.level).toBe(1000);
    expect(view.statistics.spread).toBe(0);
    expect(view.horizon).toEqual({ start: '2025-01', months: 3 });
    expect(view.total).toBe(3000);
  });
  it('the share of the month collected by each day', () => {
    const { median, p10, p90 } = view.statistics.profile;
    expect(median[3]).toBe(0);
    expect(median[4]).toBe(0.25);
    expect(median[14]).toBe(0.5);
    expect(median[24]).toBe(1);
    expect(median[30]).toBe(1);
    expect(p10[14]).toBe(0.5);
    expect(p90[14]).toBe(0.5);
  });
  it('the largest clients and the weekday profile', () => {
    expect(view.largest[0]).toEqual({ name: 'C', share: 0.4 });
    expect(view.statistics.largestShare).toBe(0.4); // the top tenth of four payers is one
    expect(view.statistics.payers).toBe(4);
    expect(view.clients).toBe(4);
    const w = view.statistics.weekdays;
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // 2025-01-05 is a Sunday: a quarter of January's money came on a Sunday.
    expect(w[6]).toBeGreaterThan(0);
  });
  it('leaves a partly covered first month out of the statistics', () => {
    const partial = [pay(2024, 12, 20, 100, 0), ...threeMonths(), pay(2025, 4, 2, 10, 0)];
    const v = describeHistory({ payments: partial, clients: ['A', 'B', 'C', 'D'], hasClients: true, excluded });
    expect(v.months.map((m) => m.complete)).toEqual([false, true, true, true, false]);
    expect(v.horizon).toEqual({ start: '2025-01', months: 3 });
    expect(v.statistics.level).toBe(1000);
  });
  it('without a client column says nothing of clients', () => {
    const v = describeHistory({ payments: threeMonths().map((p) => ({ ...p, client: -1 })), clients: [], hasClients: false, excluded });
    expect(v.statistics.largestShare).toBeNull();
    expect(v.statistics.payers).toBeNull();
    expect(v.largest).toEqual([]);
    expect(v.months[0].payers).toBeNull();
  });
});
