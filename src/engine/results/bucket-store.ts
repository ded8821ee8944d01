/**
 * One sign's buckets of a QuantileSketch (quantile-sketch.ts): an integer count per key
 * k = ⌈log_γ |x|⌉, stored densely over [from, from + counts.length). Adding and merging
 * are additions of integers, so the store is a function of the multiset of keys added,
 * whatever the order. Keys more than MAX_BUCKETS below the highest are folded into the
 * lowest kept bucket (4,096 buckets span 3.5 decades at α = 0.1%: 3,000 roubles under a cash balance of ten million, far inside what a chart or a quantile shows; a dense store from there up keeps memory bounded).
 *
 * Memory: the counts are as narrow as the largest count needs — a byte each, widened to
 * 16 and then 32 bits the first time a bucket outgrows its width. A day's cash balance
 * spreads 100,000 runs over thousands of buckets, so most stores never leave bytes: a
 * quarter of the memory of 32-bit counts, in every worker and in every hand-over.
 */
/** Numbers in a state: plain arrays in shard files, typed arrays between threads (transferred). */
export type Numbers = number[] | Float64Array | Counts;

/** Bucket counts: bytes until a count needs more (the width is not part of a state's value). */
export type Counts = Uint8Array | Uint16Array | Uint32Array;

/** Largest number of buckets on each side of zero. */
export const MAX_BUCKETS = 4096;

/** A series never holds 2^32 values (at most runs × months ≤ 36 million). */
const MAX_TOTAL = 0xffffffff;

/** The largest count each width holds. */
const limitOf = (counts: Counts) => (counts instanceof Uint8Array ? 0xff : counts instanceof Uint16Array ? 0xffff : MAX_TOTAL);

/** Counts of one sign's buckets, dense over [from, from + counts.length). */
export class BucketStore {
  from = 0;
  counts: Counts = new Uint8Array(0);
  /** Highest key ever added (collapsing folds keys below top − MAX_BUCKETS + 1). */
  top = -Infinity;
  total = 0;
  /** The largest count the counts' width holds. */
  #limit = 0xff;

  add(key: number, weight: number): void {
    // Most keys fall in the buckets already there, at or below the top: one count.
    const i = key - this.from;
    const counts = this.counts;
    if (key <= this.top && i >= 0 && i < counts.length) {
      const c = counts[i] + weight;
      if (c > this.#limit) this.#widen(c);
      this.counts[i] = c;
      if ((this.total += weight) > MAX_TOTAL) throw new RangeError('a series cannot hold 2^32 values');
      return;
    }
    this.#addOutside(key, weight);
  }

  /** A key above the top (the store may collapse) or outside the buckets held (it grows). */
  #addOutside(key: number, weight: number): void {
    if (key > this.top) {
      this.top = key;
      this.#collapse();
    }
    const floor = this.top - MAX_BUCKETS + 1;
    if (key < floor) key = floor;
    this.#ensure(key);
    this.#count(key - this.from, weight);
    if ((this.total += weight) > MAX_TOTAL) throw new RangeError('a series cannot hold 2^32 values');
  }

  merge(other: BucketStore): void {
    if (other.total === 0) return;
    if (other.top > this.top) {
      this.top = other.top;
      this.#collapse();
    }
    const floor = this.top - MAX_BUCKETS + 1;
    const theirs = other.counts;
    const r = other.range()!;
    // Room for all their keys at once, not bucket by bucket as they come.
    this.reserve(Math.max(r[0], floor), r[1]);
    for (let i = 0; i < theirs.length; i++) {
      const c = theirs[i];
      if (c !== 0) {
        const key = Math.max(other.from + i, floor);
        this.#ensure(key);
        this.#count(key - this.from, c);
      }
    }
    this.total += other.total;
    if (this.total > MAX_TOTAL) throw new RangeError('a series cannot hold 2^32 values');
  }

  /** Occupied keys: [first, last] with non-zero counts, or null. */
  range(): [number, number] | null {
    let a = 0;
    let b = this.counts.length - 1;
    while (a <= b && this.counts[a] === 0) a++;
    while (b >= a && this.counts[b] === 0) b--;
    return a > b ? null : [this.from + a, this.from + b];
  }

  /** Adds `weight` to the count at index i, widening the counts first if it outgrows them. */
  #count(i: number, weight: number): void {
    const c = this.counts[i] + weight;
    if (c > this.#limit) this.#widen(c);
    this.counts[i] = c;
  }

  /** The next width that holds a count of c. */
  #widen(c: number): void {
    if (c > MAX_TOTAL) throw new RangeError('a series cannot hold 2^32 values');
    const wider = c > 0xffff ? new Uint32Array(this.counts.length) : new Uint16Array(this.counts.length);
    wider.set(this.counts);
    this.counts = wider;
    this.#limit = limitOf(wider);
  }

  /**
   * Room for keys low…high (low ≥ the collapse floor, high ≤ the top once they are added)
   * in one step: a sketch turning to buckets knows its range from the values it held, and a
   * merge from the other store. Changes no count.
   */
  reserve(low: number, high: number): void {
    this.#cover(low, high);
  }

  #ensure(key: number): void {
    const n = this.counts.length;
    if (n === 0 || key < this.from || key >= this.from + n) this.#cover(key, key);
  }

  /**
   * Buckets for keys low…high and those held, with slack on each side that grew, never
   * below the collapse floor and never wider than MAX_BUCKETS (the keys above the top that
   * this cuts off hold nothing).
   */
  #cover(low: number, high: number): void {
    const n = this.counts.length;
    const floor = Math.max(this.top, high) - MAX_BUCKETS + 1;
    if (n === 0) {
      this.from = Math.max(low - 8, floor);
      this.counts = this.#make(Math.min(high + 8, this.from + MAX_BUCKETS - 1) - this.from + 1);
      return;
    }
    const last = this.from + n - 1;
    if (low >= this.from && high <= last) return;
    const slack = Math.max(8, n >> 2);
    const from = low < this.from ? Math.max(low - slack, floor) : this.from;
    const to = Math.min(high > last ? high + slack : last, from + MAX_BUCKETS - 1);
    const next = this.#make(to - from + 1);
    next.set(this.counts.subarray(0, Math.min(n, to - this.from + 1)), this.from - from);
    this.from = from;
    this.counts = next;
  }

  /** Counts of the current width. */
  #make(n: number): Counts {
    const c = this.counts;
    return c instanceof Uint8Array ? new Uint8Array(n) : c instanceof Uint16Array ? new Uint16Array(n) : new Uint32Array(n);
  }

  /** The top rose: keys below the new floor fold into it, in place (the buckets shift down). */
  #collapse(): void {
    const floor = this.top - MAX_BUCKETS + 1;
    const n = this.counts.length;
    if (n === 0 || this.from >= floor) return;
    let folded = 0;
    const cut = Math.min(floor - this.from, n);
    for (let i = 0; i < cut; i++) folded += this.counts[i];
    this.counts.copyWithin(0, cut);
    this.counts.fill(0, n - cut);
    this.from = floor;
    if (folded !== 0) this.#count(0, folded);
  }

  toState(typed: boolean): { from: number; counts: Numbers } | null {
    const r = this.range();
    if (!r) return null;
    const counts = this.counts.subarray(r[0] - this.from, r[1] - this.from + 1);
    if (typed) return { from: r[0], counts: counts.slice() };
    const plain = new Array<number>(counts.length);
    for (let i = 0; i < counts.length; i++) plain[i] = counts[i];
    return { from: r[0], counts: plain };
  }

  static fromState(state: { from: number; counts: Numbers } | null | undefined): BucketStore {
    const s = new BucketStore();
    if (!state) return s;
    if (!Number.isInteger(state.from)) throw new Error('sketch state: bad bucket offset');
    const n = state.counts.length;
    let total = 0;
    let last = -1;
    let largest = 0;
    for (let i = 0; i < n; i++) {
      const c = state.counts[i];
      if (!Number.isInteger(c) || c < 0) throw new Error('sketch state: bad bucket count');
      total += c;
      if (c > 0) last = i;
      if (c > largest) largest = c;
    }
    if (last < 0) return s;
    if (last < MAX_BUCKETS && total <= MAX_TOTAL) {
      // Within one span: the counts are the store as they stand (taken over when they came
      // typed from another thread), not rebuilt bucket by bucket.
      const c = state.counts;
      const typed = c instanceof Uint8Array || c instanceof Uint16Array || c instanceof Uint32Array;
      s.counts = typed ? c : largest <= 0xff ? Uint8Array.from(c) : largest <= 0xffff ? Uint16Array.from(c) : Uint32Array.from(c);
      s.#limit = limitOf(s.counts);
      s.from = state.from;
      s.top = state.from + last;
      s.total = total;
      return s;
    }
    for (let i = 0; i < n; i++) {
      const c = state.counts[i];
      if (c > 0) s.add(state.from + i, c);
    }
    return s;
  }
}
