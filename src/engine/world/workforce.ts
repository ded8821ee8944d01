/**
 * Who is at work: absences drawn for the run, posts left empty by leavers, new hires
 * ramping up (MODEL.md P7, P8). One per run; the team's day asks it who is present.
 */
import type { Model } from '../model/model.ts';
import { AbsenceCover } from './cover.ts';

export class Workforce {
  /** Per person, per day: 1 if away (illness, vacation). */
  readonly away: Uint8Array[];
  /** Per person: month index from which the post is filled again (0 = never left). */
  readonly vacantUntil: Int32Array;
  /** Per person: month a new hire started (−1: the original person). */
  readonly hiredIn: Int32Array;
  /** Per person this month: share of full skill (0 while the post is empty). */
  readonly skillFactor: Float64Array;
  /** Per person: pay of the last three months (for how satisfied they are). */
  readonly recentPay: Float64Array;
  private month = 0;
  /** People who left at this month's start. */
  leftThisMonth = 0;
  /** Who covered whom this run (P7): homes of the clients, cover hours (cover.ts). */
  readonly cover: AbsenceCover;

  constructor(private readonly model: Model) {
    const n = model.staff.length;
    this.away = Array.from({ length: n }, () => new Uint8Array(model.calendar.days));
    this.vacantUntil = new Int32Array(n);
    this.hiredIn = new Int32Array(n);
    this.skillFactor = new Float64Array(n);
    this.recentPay = new Float64Array(n * 3);
    this.cover = new AbsenceCover(model);
  }

  /** A new run: everyone in post at full skill (absences are drawn by behaviour/absence.ts). */
  reset(): void {
    this.cover.reset();
    this.vacantUntil.fill(0);
    this.hiredIn.fill(-1);
    this.skillFactor.fill(1);
    this.model.staff.forEach((s, j) => this.recentPay.fill(s.salary, j * 3, j * 3 + 3));
  }

  /** Month start: empty posts, and the ramp-up of new hires. */
  startMonth(m: number): void {
    this.month = m;
    this.leftThisMonth = 0;
    const ramp = this.model.scenario.behaviour.attrition.rampUpMonths;
    for (let j = 0; j < this.skillFactor.length; j++) {
      if (m < this.vacantUntil[j]) this.skillFactor[j] = 0;
      else if (this.hiredIn[j] >= 0 && ramp > 0 && m - this.hiredIn[j] < ramp) this.skillFactor[j] = 0.5 + (0.5 * (m - this.hiredIn[j])) / ramp;
      else this.skillFactor[j] = 1;
    }
  }

  /** Share of person j's capacity at work on day t (0: away or the post is empty). */
  presence(j: number, t: number): number {
    return this.away[j][t] ? 0 : this.skillFactor[j];
  }

  /** Person j leaves at the start of month m: the post stays empty, then a new hire ramps up. */
  leave(j: number, m: number): void {
    this.leftThisMonth++;
    const vacancy = this.model.scenario.behaviour.attrition.vacancyMonths;
    this.vacantUntil[j] = m + vacancy;
    this.hiredIn[j] = m + vacancy;
    this.skillFactor[j] = vacancy > 0 ? 0 : 0.5;
    this.recentPay.fill(this.model.staff[j].salary, j * 3, j * 3 + 3);
  }

  /** Person-days away in month m (illness, vacation, empty posts). */
  absentDays(m: number): number {
    const cal = this.model.calendar;
    let days = 0;
    for (let j = 0; j < this.away.length; j++) {
      if (this.isVacant(j)) {
        days += cal.monthLength[m];
        continue;
      }
      for (let t = cal.monthStart[m]; t < cal.monthStart[m] + cal.monthLength[m]; t++) days += this.away[j][t];
    }
    return days;
  }

  isVacant(j: number): boolean {
    return this.month < this.vacantUntil[j];
  }

  recordPay(j: number, pay: number): void {
    const r = this.recentPay;
    r[j * 3] = r[j * 3 + 1];
    r[j * 3 + 1] = r[j * 3 + 2];
    r[j * 3 + 2] = pay;
  }

  averagePay(j: number): number {
    return (this.recentPay[j * 3] + this.recentPay[j * 3 + 1] + this.recentPay[j * 3 + 2]) / 3;
  }
}
