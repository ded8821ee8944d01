/**
 * The sales side of the client book (MODEL.md P5): each slot's potential volume, how
 * much of it is realised (cross-selling grows it, saturating), who brought the client in
 * and when, and whether anyone looked after it this month. Money in kopecks.
 */
import type { Model } from '../model/model.ts';
import type { ClientBook } from './clients.ts';
import type { Sfc32 } from '../numeric/random.ts';

/** A slot that no prospecting has filled yet (never refilled automatically). */
export const NEVER_MONTH = 0x3fffffff;

export class SalesBook {
  /** Full monthly volume a client could buy (its slot's size), kopecks. */
  readonly potential: Float64Array;
  /** Share of the potential the client buys now, newClientShare..1. */
  readonly realised: Float64Array;
  /** Staff index of who brought the client in (−1: an original client). */
  readonly acquiredBy: Int16Array;
  readonly acquiredMonth: Int32Array;
  /** 1 if somebody served the client this month. */
  readonly served: Uint8Array;
  /** New-client revenue this period per client and its commission so far (kopecks), for clawbacks. */
  readonly revenue: Float64Array;
  readonly commission: Float64Array;

  constructor(n: number) {
    this.potential = new Float64Array(n);
    this.realised = new Float64Array(n);
    this.acquiredBy = new Int16Array(n);
    this.acquiredMonth = new Int32Array(n);
    this.served = new Uint8Array(n);
    this.revenue = new Float64Array(n);
    this.commission = new Float64Array(n);
  }

  /** The book at the start: `initialClients` established clients, the other slots empty. */
  setup(model: Model, book: ClientBook, random: Sfc32): void {
    const initial = Math.min(book.n, model.scenario.sales.initialClients);
    this.acquiredBy.fill(-1);
    this.acquiredMonth.fill(-NEVER_MONTH);
    this.served.fill(0);
    this.revenue.fill(0);
    this.commission.fill(0);
    for (let i = 0; i < book.n; i++) {
      this.potential[i] = book.baseVolume[i];
      // Established clients bought part of what they could; the rest is cross-sell room.
      this.realised[i] = 0.6 + 0.4 * random.next();
      if (i < initial) {
        book.baseVolume[i] = Math.round(this.potential[i] * this.realised[i]);
      } else {
        book.active[i] = 0;
        book.vacantUntil[i] = NEVER_MONTH;
      }
    }
  }

  /** Adds a tenth of the potential to what client i buys (up to all of it). */
  crossSell(i: number, book: ClientBook): void {
    this.realised[i] = Math.min(1, this.realised[i] + 0.1);
    book.baseVolume[i] = Math.round(this.potential[i] * this.realised[i]);
  }

  /** Fills the first empty slot with a new client; returns its index or −1 if the book is full. */
  acquire(book: ClientBook, by: number, month: number, share: number): number {
    for (let i = 0; i < book.n; i++) {
      if (book.active[i] || book.vacantUntil[i] !== NEVER_MONTH) continue;
      book.active[i] = 1;
      book.vacantUntil[i] = 0;
      this.realised[i] = share;
      book.baseVolume[i] = Math.round(this.potential[i] * share);
      this.acquiredBy[i] = by;
      this.acquiredMonth[i] = month;
      this.revenue[i] = 0;
      this.commission[i] = 0;
      return i;
    }
    return -1;
  }
}
