/**
 * Who is away when (MODEL.md P7; article 002: "a month to a month and a half" in hospital,
 * a month's summer vacation). Drawn once per run and person from the run's own stream, so
 * every scheme sees the same illnesses and vacations (common random numbers).
 */
import type { Model } from '../model/model.ts';
import type { RunSeed } from '../numeric/random.ts';
import type { BehaviourModule, RunWorld } from './behaviour.ts';

/** Marks each person's days away: `away[j][t] = 1`. */
function drawAbsences(model: Model, seed: RunSeed, away: Uint8Array[]): void {
  const a = model.scenario.behaviour.absence;
  const cal = model.calendar;
  for (const row of away) row.fill(0);
  if (!a.enabled) return;
  const years = cal.days / 365;
  const monthWeight = Float64Array.from({ length: 12 }, (_, k) => (k >= 5 && k <= 7 ? a.summerWeight : 1));
  const weightSum = monthWeight.reduce((x, y) => x + y, 0);
  for (let j = 0; j < away.length; j++) {
    const random = seed.stream('absence', j);
    const mark = (start: number, length: number) => {
      for (let t = Math.max(0, start); t < Math.min(cal.days, start + length); t++) away[j][t] = 1;
    };
    // Short illnesses: Poisson arrivals, lognormal lengths (median illnessMedianDays).
    if (a.illnessPerYear > 0) {
      const gap = 365 / a.illnessPerYear;
      for (let t = random.exponential(gap); t < cal.days; t += random.exponential(gap)) {
        mark(Math.floor(t), Math.max(1, Math.round(a.illnessMedianDays * Math.exp(0.8 * random.normal()))));
      }
    }
    // A long illness: 30–45 days.
    if (a.longIllnessPerYear > 0) {
      for (let t = random.exponential(365 / a.longIllnessPerYear); t < cal.days; t += random.exponential(365 / a.longIllnessPerYear)) {
        mark(Math.floor(t), 30 + Math.floor(random.next() * 16));
      }
    }
    // Vacations: two blocks a year, starting in a summer-weighted month.
    const block = Math.round(a.vacationDays / 2);
    for (let y = 0; y < Math.ceil(years) && block > 0; y++) {
      for (let b = 0; b < 2; b++) {
        let u = random.next() * weightSum;
        let month = 0;
        while (month < 11 && u >= monthWeight[month]) u -= monthWeight[month++];
        const start = startOfCalendarMonth(model, y, month + 1);
        if (start >= 0) mark(start + Math.floor(random.next() * 28), block);
      }
    }
  }
}

/** Day index of the first day of calendar month `month` in the y-th simulated year, or −1. */
function startOfCalendarMonth(model: Model, y: number, month: number): number {
  const cal = model.calendar;
  let seen = -1;
  for (let m = 0; m < cal.months; m++) {
    if (cal.calendarMonth[m] !== month) continue;
    seen++;
    if (seen === y) return cal.monthStart[m];
  }
  return -1;
}

/**
 * Absence as a module: at a run's start it marks who is away on which days. Reads the
 * calendar and the absence parameters; changes the workforce's days away.
 */
export class Absence implements BehaviourModule {
  readonly key = 'absence';
  readonly reads = 'the calendar; illness, long-illness and vacation rates';
  readonly changes = "each person's days away, for the whole run";

  constructor(private readonly world: RunWorld) {}

  startRun(seed: RunSeed): void {
    drawAbsences(this.world.model, seed, this.world.workforce.away);
  }
}
