/**
 * A working group's queue of client work for one day: six cursors — invoices by payment
 * habit (0–2) and calls by habit (3–5) — each walking its clients largest first, with the
 * value of an hour on the client it points at (ActionValues, plus a live key-client gate's
 * value). TeamDay takes the best item while its hour is still worth the effort.
 * Bills only leave the queue during a month, so invoice cursors resume where they stopped;
 * call cursors restart daily (yesterday's calls become callable again). A personal group
 * walks only its owner's clients (their bitset), in the same order.
 */
import type { Model } from '../model/model.ts';
import { HABIT_COUNT } from '../model/habits.ts';
import type { Department } from '../world/department.ts';
import type { ActionValues } from './effort.ts';
import type { KeyGateValues } from './key-gate-values.ts';

export class WorkQueue {
  /** Per cursor: its position in the habit's list (clients largest first). */
  readonly cursors = new Int32Array(2 * HABIT_COUNT);
  /** Per cursor: the value of an hour on its client (−1: none left). Stored, not returned:
   * a double returned from a call is boxed, once per item. */
  readonly value = new Float64Array(2 * HABIT_COUNT);
  /** Per cursor: the client it points at (valid while its value is not −1). */
  private readonly item = new Int32Array(2 * HABIT_COUNT);
  /** Per habit: position before which no client has a bill left this month. */
  private readonly billCursor = new Int32Array(HABIT_COUNT);
  /** Norm hours of an invoice and of a call; days after delivery before a first call, and between calls. */
  private readonly invoiceHours: number;
  private readonly callHours: number;
  private readonly callAfterDays: number;
  private readonly recallAfterDays: number;
  /** Today's: the owner's clients by habit (null: the whole book), the short key clients and their gates' values. */
  private mine: Uint32Array[] | null = null;
  private keyShort: Uint8Array | null = null;
  private keyValues: ActionValues | null = null;

  constructor(
    model: Model,
    private readonly dept: Department,
    private readonly values: ActionValues,
    private readonly keyGates: KeyGateValues | null,
    /** The owner whose clients a personal group walks; −1: the whole book. */
    private readonly owner: number,
  ) {
    const c = model.scenario.clients;
    this.invoiceHours = c.invoiceHours;
    this.callHours = c.callHours;
    this.callAfterDays = c.callAfterDays;
    this.recallAfterDays = c.recallAfterDays;
  }

  startMonth(): void {
    this.billCursor.fill(0);
  }

  /** Day t begins: every cursor finds its first workable client. */
  startDay(t: number): void {
    // The book's owner bitsets are remade each run; the key plan is the scheme's.
    this.mine = this.owner < 0 ? null : this.dept.book.ownerBitsOf(this.owner);
    this.keyValues = this.keyGates?.values ?? null;
    this.keyShort = this.keyValues === null ? null : this.dept.keys!.short;
    for (let k = 0; k < 2 * HABIT_COUNT; k++) {
      this.cursors[k] = k < HABIT_COUNT ? this.billCursor[k] - 1 : -1;
      this.advance(k, t);
    }
  }

  /** The cursor whose item is worth most (−1: nothing left). */
  best(): number {
    let best = -1;
    let bestValue = -1;
    for (let k = 0; k < 2 * HABIT_COUNT; k++) {
      if (this.value[k] > bestValue) {
        bestValue = this.value[k];
        best = k;
      }
    }
    return best;
  }

  /** The invoice cursor whose item is worth most (−1: no bill left), for the routine order. */
  bestBill(): number {
    let best = -1;
    let bestValue = -1;
    for (let k = 0; k < HABIT_COUNT; k++) {
      if (this.value[k] > bestValue) {
        bestValue = this.value[k];
        best = k;
      }
    }
    return best < 0 ? this.best() : best;
  }

  /** The client cursor k points at. */
  client(k: number): number {
    return this.item[k];
  }

  /** Cursor k's item was done on day t: a bill stays sent for the month; the cursor moves on. */
  done(k: number, t: number): void {
    if (k < HABIT_COUNT) this.billCursor[k] = this.cursors[k] + 1;
    this.advance(k, t);
  }

  /** Moves cursor k to its next workable client and sets its value. */
  private advance(k: number, t: number): void {
    const { dept, values } = this;
    const keyValues = this.keyValues;
    const book = dept.book;
    // Key clients short of a live key gate: their hours also carry that gate's value.
    const key = this.keyShort;
    const h = k < HABIT_COUNT ? k : k - HABIT_COUNT;
    const list = book.byHabit[h];
    // A personal group walks only its owner's clients (their bitset), in the same order.
    const mine = this.mine === null ? null : this.mine[h];
    if (k < HABIT_COUNT) {
      if (dept.team.pendingCount === 0) return this.noneLeft(k);
      if (mine === null) {
        for (let p = this.cursors[k] + 1; p < list.length; p++) {
          const i = list[p];
          if (book.pendingBill[i] > 0 && book.active[i]) {
            this.cursors[k] = p;
            this.item[k] = i;
            this.value[k] = ((book.pendingBill[i] / 100) * (values.bill[h] + (key !== null && key[i] ? keyValues!.bill[h] : 0))) / this.invoiceHours;
            return;
          }
        }
      } else {
        let p = this.cursors[k] + 1;
        for (let w = p >>> 5; w < mine.length; w++, p = w << 5) {
          let word = mine[w] & (~0 << (p & 31));
          while (word !== 0) {
            const r = (w << 5) + 31 - Math.clz32(word & -word);
            word &= word - 1;
            const i = list[r];
            if (book.pendingBill[i] > 0 && book.active[i]) {
              this.cursors[k] = r;
              this.item[k] = i;
              this.value[k] = ((book.pendingBill[i] / 100) * (values.bill[h] + (key !== null && key[i] ? keyValues!.bill[h] : 0))) / this.invoiceHours;
              return;
            }
          }
        }
      }
    } else {
      if (dept.team.debtorCount === 0) return this.noneLeft(k);
      // Walk only the clients who owe (a bitset by rank), largest first.
      const { debt, owedSince, lastCall } = book;
      const bits = book.debtorBits[h];
      const owedBy = t - this.callAfterDays;
      const calledBy = t - this.recallAfterDays;
      let p = this.cursors[k] + 1;
      for (let w = p >>> 5; w < bits.length; w++, p = w << 5) {
        let word = bits[w] & (mine === null ? ~0 : mine[w]) & (~0 << (p & 31));
        while (word !== 0) {
          const r = (w << 5) + 31 - Math.clz32(word & -word);
          word &= word - 1;
          const i = list[r];
          if (owedSince[i] <= owedBy && lastCall[i] <= calledBy) {
            this.cursors[k] = r;
            this.item[k] = i;
            this.value[k] = ((debt[i] / 100) * (values.call[h] + (key !== null && key[i] ? keyValues!.call[h] : 0))) / this.callHours;
            return;
          }
        }
      }
    }
    this.cursors[k] = list.length;
    this.noneLeft(k);
  }

  private noneLeft(k: number): void {
    this.value[k] = -1;
  }
}
