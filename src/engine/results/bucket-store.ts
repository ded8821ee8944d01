/**
 * One sign's buckets of a QuantileSketch (quantile-sketch.ts): an integer count per key
 * k = ⌈log_γ |x|⌉, stored densely over [from, from + counts.length). Adding and merging
 * are additions of integers, so the store is a function of the multiset of keys added,
 * whatever the order. Keys more than MAX_BUCKETS below the highest are folded into the
 * lowest kept bucket (4,096 buckets span 3.5 decades at α = 0.1%: 3,000 roubles under a cash balance of ten million, far inside what a chart or a quantile shows; a dense store from there up keeps memory bounded).
 */
/** Numbers in a state: plain arrays in shard files, typed arrays between threads (transferred). */
export type Numbers = number[] | Float64Array | Uint32Array;

/** Largest number of buckets on each side of zero. */
export const MAX_BUCKETS = 4096;

/** Counts of one sign's buckets, dense over [from, from + counts.length). */
export class BucketStore {
  from = 0;
  /** 32-bit counts: a series never holds 2^32 values (at most runs × months ≤ 36 million). */
  counts = new Uint32Array(0);
  /** Highest key ever added (collapsing folds keys below top − MAX_BUCKETS + 1). */
  top = -Infinity;
  total = 0;

  add(key: number, weight: number): void {
    // Most keys fall in the buckets already there, at or below the top: one count.
    const i = key - this.from;
    if (key <= this.top && i >= 0 && i < this.counts.length) {
      this.counts[i] += weight;
      if ((this.total += weight) > 0xffffffff) throw new RangeError('a series cannot hold 2^32 values');
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
    this.counts[key - this.from] += weight;
    this.total += weight;
    if (this.total > 0xffffffff) throw new RangeError('a series cannot hold 2^32 values');
  }

  merge(other: BucketStore): void {
    if (other.total === 0) return;
    if (other.top > this.top) {
      this.top = other.top;
      this.#collapse();
    }
    for (let i = 0; i < other.counts.length; i++) {
      const c = other.counts[i];
      if (c !== 0) {
        const key = Math.max(other.from + i, this.top - MAX_BUCKETS + 1);
        this.#ensure(key);
        this.counts[key - this.from] += c;
      }
    }
    this.total += other.total;
    if (this.total > 0xffffffff) throw new RangeError('a series cannot hold 2^32 values');
  }

  /** Occupied keys: [first, last] with non-zero counts, or null. */
  range(): [number, number] | null {
    let a = 0;
    let b = this.counts.length - 1;
    while (a <= b && this.counts[a] === 0) a++;
    while (b >= a && this.counts[b] === 0) b--;
    return a > b ? null : [this.from + a, this.from + b];
  }

  #ensure(key: number): void {
    const n = this.counts.length;
    const floor = this.top - MAX_BUCKETS + 1;
    if (n === 0) {
      this.from = Math.max(key - 8, floor);
      this.counts = new Uint32Array(key - this.from + 9);
      return;
    }
    const last = this.from + n - 1;
    if (key >= this.from && key <= last) return;
    // Grow with slack on the side that grew, never below the collapse floor.
    const slack = Math.max(8, n >> 2);
    const from = key < this.from ? Math.max(key - slack, floor) : this.from;
    const to = key > last ? key + slack : last;
    const next = new Uint32Array(to - from + 1);
    next.set(this.counts, this.from - from);
    this.from = from;
    this.counts = next;
  }

  #collapse(): void {
    const floor = this.top - MAX_BUCKETS + 1;
    if (this.counts.length === 0 || this.from >= floor) return;
    let folded = 0;
    const cut = Math.min(floor - this.from, this.counts.length);
    for (let i = 0; i < cut; i++) folded += this.counts[i];
    const rest = this.counts.subarray(cut);
    const next = new Uint32Array(Math.max(rest.length, 1));
    next.set(rest);
    this.from = floor;
    this.counts = next;
    if (folded !== 0) this.counts[0] += folded;
  }

  toState(typed: boolean): { from: number; counts: Numbers } | null {
    const r = this.range();
    if (!r) return null;
    const counts = this.counts.subarray(r[0] - this.from, r[1] - this.from + 1);
    return { from: r[0], counts: typed ? counts.slice() : Array.from(counts) };
  }

  static fromState(state: { from: number; counts: Numbers } | null | undefined): BucketStore {
    const s = new BucketStore();
    if (!state) return s;
    if (!Number.isInteger(state.from)) throw new Error('sketch state: bad bucket offset');
    const n = state.counts.length;
    let total = 0;
    let last = -1;
    for (let i = 0; i < n; i++) {
      const c = state.counts[i];
      if (!Number.isInteger(c) || c < 0) throw new Error('sketch state: bad bucket count');
      total += c;
      if (c > 0) last = i;
    }
    if (last < 0) return s;
    if (last < MAX_BUCKETS && total <= 0xffffffff) {
      // Within one span: the counts are the store as they stand (taken over when they came
      // typed from another thread), not rebuilt bucket by bucket.
      s.from = state.from;
      s.counts = state.counts instanceof Uint32Array ? (state.counts as Uint32Array<ArrayBuffer>) : Uint32Array.from(state.counts);
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
