/**
 * A run's incoming payments, as a bank statement would list them: what `paybench history`
 * writes, and what the fit reads each candidate's runs through (the same tally as the
 * department's own statement). Only the recorded months count (the burn-in is the model
 * settling, not history).
 */
import type { Model } from '../model/model.ts';
import { compileModel } from '../model/model.ts';
import type { Scenario } from '../scenario/types.ts';
import { simulateRun } from '../run/simulate.ts';
import { dayNumber, weekdayOf } from '../history/dates.ts';
import type { HistoryPayment } from '../history/parse.ts';
import type { PaymentTally } from '../history/tally.ts';

/** Where each simulated day falls: its month of the horizon (−1 in the burn-in), day of month, weekday and date. */
export interface DayPlaces {
  month: Int32Array;
  dom: Uint8Array;
  weekday: Uint8Array;
  date: Int32Array;
}

export function dayPlaces(model: Model): DayPlaces {
  const cal = model.calendar;
  const places: DayPlaces = {
    month: new Int32Array(cal.days),
    dom: new Uint8Array(cal.days),
    weekday: new Uint8Array(cal.days),
    date: new Int32Array(cal.days),
  };
  for (let t = 0; t < cal.days; t++) {
    const m = cal.monthOf[t];
    const date = dayNumber(cal.year[m], cal.calendarMonth[m], cal.dayOfMonth[t]);
    places.month[t] = m - cal.firstRecordedMonth;
    places.dom[t] = cal.dayOfMonth[t];
    places.weekday[t] = weekdayOf(date);
    places.date[t] = date;
  }
  return places;
}

/** Runs run `runIndex` of scheme `schemeIndex` and adds its recorded payments to the tally (reset first). */
export function tallyRun(model: Model, places: DayPlaces, schemeIndex: number, runIndex: number, tally: PaymentTally): void {
  tally.reset();
  const { month, dom, weekday } = places;
  simulateRun(model, schemeIndex, runIndex, {
    onPayment: (t, client, kopecks) => {
      const m = month[t];
      if (m >= 0) tally.add(m, dom[t], weekday[t], client, kopecks);
    },
  });
}

/** One run's incoming payments in the recorded months, oldest first (client: the client's slot in the book). */
export function simulatedPayments(scenario: Scenario, schemeId: string, runIndex: number): HistoryPayment[] {
  const schemeIndex = scenario.schemes.findIndex((s) => s.id === schemeId);
  if (schemeIndex < 0) throw new RangeError(`no scheme "${schemeId}" in the scenario (it has ${scenario.schemes.map((s) => s.id).join(', ')})`);
  const model = compileModel(scenario);
  const places = dayPlaces(model);
  const payments: HistoryPayment[] = [];
  simulateRun(model, schemeIndex, runIndex, {
    onPayment: (t, client, kopecks) => {
      if (places.month[t] >= 0) payments.push({ day: places.date[t], kopecks, client });
    },
  });
  return payments;
}
