/**
 * Absence cover (MODEL.md P7): who worked the clients of a person who was away.
 *
 * Every client slot has a *home* person: under personal ownership its owner; under a team
 * or a conveyor (and for the collectors of a selling department) the collector it would be
 * dealt to under personal ownership — the same deal as `ClientBook.assignOwners`, largest
 * first, round robin; the head gets none. The deal is kept here, apart from the book's
 * owners, so a team's ownership semantics (who a leaver is bound to, whose ledger a client
 * is in) do not change.
 *
 * Cover: queue work (an invoice issued, a collection call) done on a client whose home
 * person is away that day — presence 0: ill, on vacation, or the post empty. Its hours are
 * attributed to the present members of the group that did the work, in proportion to each
 * one's part of the group's hours that day (norm hours × effort, as the month's
 * contribution counts them), so nobody ever covers themselves and a row of the matrix sums
 * to the cover that person received.
 *
 * Uncovered hours (the client work lost to absence): for each person, their clients'
 * *usual* hours — hours worked on them per working day the person was present, over the
 * recorded horizon — times the working days the person was away in the month, minus the
 * cover their clients got that month. Linear (not clipped at zero), so sums over people,
 * months and runs add up exactly; covered share = cover / (cover + uncovered).
 *
 * Cost: one array read per action already taken, O(staff) per working group and day,
 * O(staff × months) at the end of the run. Only the recorded horizon counts (no burn-in).
 */
import type { Model } from '../model/model.ts';
import type { ClientBook } from './clients.ts';

export class AbsenceCover {
  /** Per client slot: its home person (−1: none). */
  readonly home: Int16Array;
  /** Per staff, today: 1 if away (presence 0). */
  readonly awayToday: Uint8Array;
  /** staff × staff over the recorded horizon: row = who was away, column = who covered (hours). */
  readonly matrix: Float64Array;
  private readonly staff: number;
  private readonly months: number;
  /** Per staff: hours of today's group work on j's clients while j is away (flushed by `flush`). */
  private readonly pending: Float64Array;
  private pendingAny = false;
  /** Per staff: hours worked on j's clients on days j was present; working days present. */
  private readonly presentHours: Float64Array;
  private readonly presentDays: Float64Array;
  /** staff × months: working days away; cover received. */
  private readonly awayDays: Float64Array;
  private readonly received: Float64Array;
  /** Recorded month of today (−1: burn-in, nothing is counted). */
  private rm = -1;
  /** Somebody can be away (absences or departures switched on): otherwise there is nothing to count. */
  private readonly enabled: boolean;

  constructor(private readonly model: Model) {
    const n = model.staff.length;
    this.staff = n;
    this.months = model.scenario.simulation.months;
    this.home = new Int16Array(model.scenario.clients.count).fill(-1);
    this.awayToday = new Uint8Array(n);
    this.matrix = new Float64Array(n * n);
    this.pending = new Float64Array(n);
    this.presentHours = new Float64Array(n);
    this.presentDays = new Float64Array(n);
    this.awayDays = new Float64Array(n * this.months);
    this.received = new Float64Array(n * this.months);
    const b = model.scenario.behaviour;
    this.enabled = b.absence.enabled || b.attrition.enabled;
  }

  reset(): void {
    this.home.fill(-1);
    this.awayToday.fill(0);
    this.matrix.fill(0);
    this.pending.fill(0);
    this.pendingAny = false;
    this.presentHours.fill(0);
    this.presentDays.fill(0);
    this.awayDays.fill(0);
    this.received.fill(0);
    this.rm = -1;
  }

  /** Deals the clients to `people` as personal ownership would (ClientBook.assignOwners). */
  dealHomes(book: ClientBook, people: readonly number[]): void {
    this.home.fill(-1);
    if (people.length === 0) return;
    const order = book.byVolume();
    for (let k = 0; k < order.length; k++) this.home[order[k]] = people[k % people.length];
  }

  /** Takes the homes from the book's owners (personal ownership). */
  homesFromOwners(book: ClientBook): void {
    this.home.set(book.owner);
  }

  /** Day t begins: who is away today; `rm` is the recorded month (−1 during burn-in). */
  startDay(t: number, rm: number, people: { presence(j: number, t: number): number }): void {
    this.rm = this.enabled ? rm : -1;
    if (!this.enabled) return;
    const working = this.model.calendar.working[t] === 1;
    for (let j = 0; j < this.staff; j++) {
      const away = people.presence(j, t) === 0 ? 1 : 0;
      this.awayToday[j] = away;
      if (rm < 0 || !working) continue;
      if (away) this.awayDays[j * this.months + rm]++;
      else this.presentDays[j]++;
    }
  }

  /** `hours` of queue work were just done on client i. */
  worked(i: number, hours: number): void {
    if (this.rm < 0) return;
    const h = this.home[i];
    if (h < 0) return;
    if (this.awayToday[h]) {
      this.pending[h] += hours;
      this.pendingAny = true;
    } else this.presentHours[h] += hours;
  }

  /**
   * The group's work of the day is done: its cover goes to its members by their part of the
   * day's hours (`weight[j] × effort[j]`; zero for people away or outside the group).
   */
  flush(weight: Float64Array, effort: Float64Array): void {
    if (!this.pendingAny) return;
    this.pendingAny = false;
    const n = this.staff;
    let total = 0;
    for (let j = 0; j < n; j++) if (weight[j] > 0 && effort[j] > 0) total += weight[j] * effort[j];
    for (let h = 0; h < n; h++) {
      const hours = this.pending[h];
      if (hours === 0) continue;
      this.pending[h] = 0;
      if (total <= 0) continue;
      let given = 0;
      let last = -1;
      for (let j = 0; j < n; j++) {
        if (j === h || !(weight[j] > 0 && effort[j] > 0)) continue;
        const part = (hours * weight[j] * effort[j]) / total;
        this.matrix[h * n + j] += part;
        given += part;
        last = j;
      }
      if (last < 0) continue;
      this.received[h * this.months + this.rm] += given;
    }
  }

  /** Writes the run's cover: hours by month, uncovered hours by month (added), the staff × staff matrix. */
  finish(coverHours: Float64Array, uncoveredHours: Float64Array, coverMatrix: Float64Array): void {
    const { staff: n, months } = this;
    for (let j = 0; j < n; j++) {
      const usual = this.presentDays[j] > 0 ? this.presentHours[j] / this.presentDays[j] : 0;
      for (let m = 0; m < months; m++) {
        const k = j * months + m;
        coverHours[m] += this.received[k];
        uncoveredHours[m] += usual * this.awayDays[k] - this.received[k];
      }
    }
    coverMatrix.set(this.matrix);
  }
}
