/**
 * The key-client plan (article 000: monthly plans set "separately for each of the
 * particularly large and important client companies"). A gate with `keyClients: N` is
 * passed only if each of the N largest clients (by normal monthly volume) has paid at
 * least the gate's share of its own monthly volume by the gate's day.
 *
 * The department knows the key clients — the largest N slots of the book, N the largest
 * among the scheme's key gates — and counts, for them only, what each paid this month.
 * A key client absent at month start (a vacant slot) has no plan that month.
 */
import type { ClientBook } from './clients.ts';
import type { SchemeModel } from '../model/model.ts';
import { mulRateCeil } from '../money/kopecks.ts';

export class KeyClients {
  /** Key clients in the plan: the largest N of all the scheme's key gates. */
  readonly count: number;
  /** Client slots of the key clients, largest first. */
  readonly slots: Int32Array;
  /** Per client slot: its place among the key clients (−1: not a key client). */
  readonly place: Int32Array;
  /** Per key client: kopecks paid this month. */
  readonly paid: Float64Array;
  /** Per key client: has a plan this month (was in the book at month start). */
  readonly planned: Uint8Array;
  /** Per tranche k × key client p: least kopecks it must pay by the gate's day (0: not in that gate's plan). */
  readonly required: Float64Array;
  /** Per client slot: 1 while it is a key client short of a live key gate (set by the team each day). */
  readonly short: Uint8Array;

  constructor(
    private readonly scheme: SchemeModel,
    clientCount: number,
  ) {
    this.count = Math.min(clientCount, scheme.keyClients);
    this.slots = new Int32Array(this.count);
    this.place = new Int32Array(clientCount).fill(-1);
    this.paid = new Float64Array(this.count);
    this.planned = new Uint8Array(this.count);
    this.required = new Float64Array(scheme.gateDay.length * this.count);
    this.short = new Uint8Array(clientCount);
  }

  /** A run's book is drawn: picks the largest clients (ties by slot) and their plans per gate. */
  setup(book: ClientBook): void {
    const { count, slots, place } = this;
    const volume = book.baseVolume;
    place.fill(-1);
    this.short.fill(0);
    // Top `count` by volume: insertion into a sorted buffer, most clients rejected at once.
    let size = 0;
    for (let i = 0; i < book.n; i++) {
      if (size === count && volume[i] <= volume[slots[size - 1]]) continue;
      let q = size < count ? size++ : count - 1;
      while (q > 0 && volume[slots[q - 1]] < volume[i]) {
        slots[q] = slots[q - 1];
        q--;
      }
      slots[q] = i;
    }
    for (let p = 0; p < count; p++) place[slots[p]] = p;
    const tranches = this.scheme.pay.tranches;
    for (let k = 0; k < tranches.length; k++) {
      const t = tranches[k];
      for (let p = 0; p < count; p++) {
        this.required[k * count + p] = t.keyClients > p && t.share !== null ? mulRateCeil(volume[slots[p]], t.share) : 0;
      }
    }
  }

  /** Month start (after replacements and departures): who has a plan this month. */
  startMonth(book: ClientBook): void {
    this.paid.fill(0);
    for (let p = 0; p < this.count; p++) this.planned[p] = book.active[this.slots[p]];
  }

  /** Client i paid `amount` kopecks. */
  onPay(i: number, amount: number): void {
    const p = this.place[i];
    if (p >= 0) this.paid[p] += amount;
  }

  /** Kopecks key client p still owes towards tranche k's plan (0: reached or no plan). */
  shortfall(k: number, p: number): number {
    if (!this.planned[p]) return 0;
    return Math.max(0, this.required[k * this.count + p] - this.paid[p]);
  }

  /** Has every key client of tranche k's plan paid its share so far? */
  met(k: number): boolean {
    for (let p = 0; p < this.count; p++) if (this.shortfall(k, p) > 0) return false;
    return true;
  }
}
