/**
 * A mergeable quantile summary of one series (a metric, a day's cash balance, a day of
 * month): exact while it is small, a log-bucket sketch once it is not. Memory does not
 * grow with the number of runs.
 *
 * Why this sketch. Results must be byte-identical for any chunking, worker count,
 * completion order and shard split, so the summary of a multiset of values must not
 * depend on how the values arrived:
 * - KLL and other compactors are randomised (and order-dependent unless seeded per
 *   compaction); t-digest merges depend on the order of merging.
 * - A log-bucket histogram (DDSketch, Masson et al., VLDB 2019) is a plain count per
 *   bucket: adding and merging are additions of integers, exact and commutative. Its error
 *   is relative, which suits money spanning kopecks to billions and shares alike.
 * So the state is a pure function of the multiset of values added:
 * - **exact** while the series holds at most EXACT_DISTINCT distinct values: the sorted
 *   distinct values with their counts. Quantiles are then exact (type 7, quantiles.ts) —
 *   small runs, and integer series such as days in deficit or new clients, at any run count;
 * - **buckets** beyond that: value x > 0 falls in bucket k = ⌈log_γ x⌉, γ = (1 + α)/(1 − α),
 *   negative values likewise by |x|, |x| < MIN_MAGNITUDE counts as zero. A bucket stands for
 *   2γ^k/(γ + 1), within a relative α = RELATIVE_ERROR of every value in it.
 *
 * Error bound (buckets): every order statistic is estimated within α·|x| (α = 0.1%), or
 * within the lowest kept bucket (below) near zero; the smallest and largest values are exact. A type-7 quantile
 * interpolates between two order statistics, so it lies within α·max(|x⌊h⌋|, |x⌊h⌋+1|) of
 * the exact one — within α of its value when both neighbours have the same sign. Buckets
 * more than MAX_BUCKETS below a series' largest magnitude are folded together, so that
 * memory stays bounded (4,096 buckets span 3.5 decades: 3,000 roubles under a cash balance
 * of ten million, 3e-4 under a share of 1).
 */
import { ExactSum } from '../numeric/exact-sum.ts';
import { BucketStore, MAX_BUCKETS, type Numbers } from './bucket-store.ts';

export type { Numbers } from './bucket-store.ts';

/** Relative error of a bucket's representative value. */
export const RELATIVE_ERROR = 0.001;
/** A series stays exact while it holds at most this many distinct values. */
export const EXACT_DISTINCT = 256;
/** Magnitudes below this count as zero (roubles, shares and effort alike). */
export const MIN_MAGNITUDE = 1e-6;
export { MAX_BUCKETS };

const GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
const INV_LN_GAMMA = 1 / Math.log(GAMMA);
const keyOf = (magnitude: number) => Math.ceil(Math.log(magnitude) * INV_LN_GAMMA);
const valueOfKey = (key: number) => (2 * GAMMA ** key) / (GAMMA + 1);


/** Plain data of a sketch, for shard files. */
export interface SketchState {
  count: number;
  sum: number[] | null;
  min: number | null;
  max: number | null;
  nonFinite?: number;
  /** Exact mode: sorted distinct values and their counts. */
  values?: Numbers;
  counts?: Numbers;
  /** Bucket mode. */
  zero?: number;
  pos?: { from: number; counts: Numbers } | null;
  neg?: { from: number; counts: Numbers } | null;
}

export class QuantileSketch {
  #count = 0;
  #sum = new ExactSum();
  #min = Infinity;
  #max = -Infinity;
  #nonFinite = 0;
  // exact mode: sorted distinct values and their counts (capacity grows by doubling)
  #values = new Float64Array(0);
  #counts = new Float64Array(0);
  #distinct = 0;
  // bucket mode (null while exact)
  #pos: BucketStore | null = null;
  #neg: BucketStore | null = null;
  #zero = 0;

  /** Values added (non-finite ones included). */
  get count(): number {
    return this.#count;
  }

  /** Quantiles are exact (no bucket has been used). */
  get exact(): boolean {
    return this.#pos === null;
  }

  add(x: number): this {
    this.#count++;
    if (!Number.isFinite(x)) {
      this.#nonFinite++;
      return this;
    }
    x += 0; // -0 → 0
    this.#sum.add(x);
    if (x < this.#min) this.#min = x;
    if (x > this.#max) this.#max = x;
    if (this.#pos) this.#addToBuckets(x, 1);
    else this.#addExact(x);
    return this;
  }

  /**
   * Adds `count` values of a column: a[from], a[from + step], …; `positiveOnly`: only those
   * > 0 (a NaN is then skipped too). The same as adding them one by one.
   */
  addValues(a: ArrayLike<number>, from: number, count: number, step = 1, positiveOnly = false): this {
    for (let i = 0, j = from; i < count; i++, j += step) {
      const x = a[j];
      if (!positiveOnly || x > 0) this.add(x);
    }
    return this;
  }

  /** Adds everything `other` holds (other is unchanged). */
  merge(other: QuantileSketch): this {
    if (other.#count === 0) return this;
    this.#count += other.#count;
    this.#nonFinite += other.#nonFinite;
    this.#sum.merge(other.#sum);
    if (other.#min < this.#min) this.#min = other.#min;
    if (other.#max > this.#max) this.#max = other.#max;
    if (other.#pos) {
      if (!this.#pos) this.#toBuckets();
      this.#pos!.merge(other.#pos);
      this.#neg!.merge(other.#neg!);
      this.#zero += other.#zero;
      return this;
    }
    if (this.#pos) {
      for (let i = 0; i < other.#distinct; i++) this.#addToBuckets(other.#values[i], other.#counts[i]);
      return this;
    }
    this.#mergeExact(other.#values, other.#counts, other.#distinct);
    return this;
  }

  /** The exact sum of the finite values added (NaN if a value was not finite). */
  sum(): number {
    return this.#nonFinite > 0 ? NaN : this.#sum.value();
  }

  mean(): number {
    return this.#count > 0 ? this.sum() / this.#count : NaN;
  }

  /** Type-7 quantile (quantiles.ts): exact in exact mode, within the bound above otherwise. */
  quantile(p: number): number {
    return this.quantiles([p])[0];
  }

  quantiles(ps: readonly number[]): number[] {
    const n = this.#count;
    if (n === 0 || this.#nonFinite > 0) return ps.map(() => NaN);
    // The same arithmetic as quantileSorted (type 7), on order statistics read from the counts.
    const ranks = new Set<number>();
    const at = ps.map((p) => {
      if (p <= 0 || n === 1) return { lo: 0, f: 0, hi: 0 };
      if (p >= 1) return { lo: n - 1, f: 0, hi: n - 1 };
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      return { lo, f: h - lo, hi: lo + 1 };
    });
    for (const { lo, hi } of at) ranks.add(lo).add(hi);
    const x = this.#orderStatistics([...ranks].sort((a, b) => a - b));
    return at.map(({ lo, f, hi }) => {
      const a = x.get(lo)!;
      if (lo === hi) return a;
      const b = x.get(hi)!;
      return a + f * (b - a);
    });
  }

  /** Numbers held (distinct values or buckets), for the structural bound tests. */
  get footprint(): number {
    if (this.#pos) return this.#pos.counts.length + this.#neg!.counts.length;
    return this.#values.length * 2;
  }

  /** `typed`: typed arrays (to transfer between threads) instead of plain ones (JSON). */
  toState(typed = false): SketchState {
    const state: SketchState = {
      count: this.#count,
      sum: this.#sum.toState(),
      min: Number.isFinite(this.#min) ? this.#min : null,
      max: Number.isFinite(this.#max) ? this.#max : null,
    };
    if (this.#nonFinite > 0) state.nonFinite = this.#nonFinite;
    if (this.#pos) {
      state.zero = this.#zero;
      state.pos = this.#pos.toState(typed);
      state.neg = this.#neg!.toState(typed);
    } else {
      const values = this.#values.subarray(0, this.#distinct);
      const counts = this.#counts.subarray(0, this.#distinct);
      state.values = typed ? values.slice() : Array.from(values);
      state.counts = typed ? counts.slice() : Array.from(counts);
    }
    return state;
  }

  static fromState(state: SketchState): QuantileSketch {
    const s = new QuantileSketch();
    s.#count = state.count;
    s.#nonFinite = state.nonFinite ?? 0;
    s.#sum = ExactSum.fromState(state.sum);
    s.#min = state.min ?? Infinity;
    s.#max = state.max ?? -Infinity;
    if (state.values && state.counts) {
      const n = state.values.length;
      if (state.counts.length !== n) throw new Error('sketch state: values and counts differ in length');
      // Typed arrays (from another thread) are taken over, plain ones (a file) copied.
      s.#values = state.values instanceof Float64Array ? (state.values as Float64Array<ArrayBuffer>) : Float64Array.from(state.values);
      s.#counts = state.counts instanceof Float64Array ? (state.counts as Float64Array<ArrayBuffer>) : Float64Array.from(state.counts);
      s.#distinct = n;
      for (let i = 1; i < n; i++) if (!(s.#values[i - 1] < s.#values[i])) throw new Error('sketch state: values not sorted');
      for (let i = 0; i < n; i++) if (!(Number.isInteger(s.#counts[i]) && s.#counts[i] > 0)) throw new Error('sketch state: bad count');
    } else {
      s.#pos = BucketStore.fromState(state.pos);
      s.#neg = BucketStore.fromState(state.neg);
      s.#zero = state.zero ?? 0;
    }
    let held = s.#nonFinite + (s.#pos ? s.#pos.total + s.#neg!.total + s.#zero : 0);
    for (let i = 0; i < s.#distinct; i++) held += s.#counts[i];
    if (held !== s.#count) throw new Error(`sketch state: holds ${held} values, says ${s.#count}`);
    return s;
  }

  // ---------------------------------------------------------------- internals

  #addToBuckets(x: number, weight: number): void {
    if (x >= MIN_MAGNITUDE) this.#pos!.add(keyOf(x), weight);
    else if (x <= -MIN_MAGNITUDE) this.#neg!.add(keyOf(-x), weight);
    else this.#zero += weight;
  }

  /**
   * Counts x into the sorted distinct values (a binary search; a new value is inserted in
   * place); the 257th distinct value turns the series to buckets. Cheaper than collecting
   * values and sorting them now and then: most series repeat values (counts, days) or pass
   * the limit after a few hundred.
   */
  #addExact(x: number): void {
    const values = this.#values;
    const n = this.#distinct;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo < n && values[lo] === x) {
      this.#counts[lo]++;
      return;
    }
    if (n === EXACT_DISTINCT) {
      this.#toBuckets();
      this.#addToBuckets(x, 1);
      return;
    }
    if (n === values.length) {
      const size = Math.min(EXACT_DISTINCT, Math.max(8, n * 2));
      const v = new Float64Array(size);
      const c = new Float64Array(size);
      v.set(values);
      c.set(this.#counts);
      this.#values = v;
      this.#counts = c;
    }
    this.#values.copyWithin(lo + 1, lo, n);
    this.#counts.copyWithin(lo + 1, lo, n);
    this.#values[lo] = x;
    this.#counts[lo] = 1;
    this.#distinct = n + 1;
  }

  #mergeExact(bv: Float64Array, bc: Float64Array, bn: number): void {
    const av = this.#values;
    const ac = this.#counts;
    const an = this.#distinct;
    const values = new Float64Array(an + bn);
    const counts = new Float64Array(an + bn);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < an || j < bn) {
      if (j >= bn || (i < an && av[i] < bv[j])) {
        values[k] = av[i];
        counts[k++] = ac[i++];
      } else if (i >= an || bv[j] < av[i]) {
        values[k] = bv[j];
        counts[k++] = bc[j++];
      } else {
        values[k] = av[i];
        counts[k++] = ac[i++] + bc[j++];
      }
    }
    // Trimmed: a few hundred day-by-day series sit here until they pass EXACT_DISTINCT.
    this.#values = k < values.length ? values.slice(0, k) : values;
    this.#counts = k < counts.length ? counts.slice(0, k) : counts;
    this.#distinct = k;
    if (k > EXACT_DISTINCT) this.#toBuckets();
  }

  #toBuckets(): void {
    const pos = (this.#pos = new BucketStore());
    const neg = (this.#neg = new BucketStore());
    const values = this.#values;
    const counts = this.#counts;
    const n = this.#distinct;
    // The sorted values say each side's range: each store is sized once, then filled from
    // its largest magnitude down (the top first), instead of growing bucket by bucket.
    let a = 0; // values[0, a): the negative side
    while (a < n && values[a] <= -MIN_MAGNITUDE) a++;
    let b = n; // values[b, n): the positive side
    while (b > a && values[b - 1] >= MIN_MAGNITUDE) b--;
    if (a > 0) neg.reserve(keyOf(-values[a - 1]), keyOf(-values[0]));
    if (b < n) pos.reserve(keyOf(values[b]), keyOf(values[n - 1]));
    for (let i = 0; i < a; i++) neg.add(keyOf(-values[i]), counts[i]);
    for (let i = n - 1; i >= b; i--) pos.add(keyOf(values[i]), counts[i]);
    for (let i = a; i < b; i++) this.#zero += counts[i];
    this.#values = new Float64Array(0);
    this.#counts = new Float64Array(0);
    this.#distinct = 0;
  }

  /**
   * Values of the given ranks (0-based, ascending, sorted): exact, or bucket values clamped
   * to [min, max]. One pass, which stops at the last rank asked for; a bucket's value is
   * worked out only for the buckets that hold a rank.
   */
  #orderStatistics(ranks: number[]): Map<number, number> {
    const out = new Map<number, number>();
    const last = ranks.length;
    let next = 0;
    let seen = 0;
    if (!this.#pos) {
      const values = this.#values;
      const counts = this.#counts;
      for (let i = 0; i < this.#distinct && next < last; i++) {
        seen += counts[i];
        while (next < last && ranks[next] < seen) out.set(ranks[next++], values[i]);
      }
      return out;
    }
    const neg = this.#neg!;
    for (let i = neg.counts.length - 1; i >= 0 && next < last; i--) {
      seen += neg.counts[i];
      if (ranks[next] < seen) {
        const value = this.#clamp(-valueOfKey(neg.from + i));
        while (next < last && ranks[next] < seen) out.set(ranks[next++], value);
      }
    }
    if (next < last && this.#zero > 0) {
      seen += this.#zero;
      const value = this.#clamp(0);
      while (next < last && ranks[next] < seen) out.set(ranks[next++], value);
    }
    const pos = this.#pos;
    for (let i = 0; i < pos.counts.length && next < last; i++) {
      seen += pos.counts[i];
      if (ranks[next] < seen) {
        const value = this.#clamp(valueOfKey(pos.from + i));
        while (next < last && ranks[next] < seen) out.set(ranks[next++], value);
      }
    }
    // The extremes are known exactly.
    if (out.has(0)) out.set(0, this.#min);
    if (out.has(this.#count - 1)) out.set(this.#count - 1, this.#max);
    return out;
  }

  #clamp(x: number): number {
    return Math.min(this.#max, Math.max(this.#min, x));
  }
}
