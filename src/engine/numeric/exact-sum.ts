/**
 * An exact, mergeable sum of doubles: Shewchuk's non-overlapping partials (the algorithm
 * behind Python's `math.fsum`). The partials represent the sum with no rounding at all, so
 * adding the same values in any order, or merging partial sums in any grouping, represents
 * the same real number; `value()` rounds it once, correctly (half-even). That is what makes
 * means byte-identical for any chunking, worker count and shard split.
 *
 * Values are expected finite; a non-finite value makes the sum NaN.
 */
export class ExactSum {
  /** Non-overlapping partials, increasing in magnitude (at most ~40 for doubles). */
  #partials = new Float64Array(4);
  #n = 0;
  #nonFinite = false;

  add(x: number): this {
    if (!Number.isFinite(x)) {
      this.#nonFinite = true;
      return this;
    }
    let p = this.#partials;
    const n = this.#n;
    let i = 0;
    for (let j = 0; j < n; j++) {
      let y = p[j];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    if (x !== 0) {
      if (i === p.length) {
        const grown = new Float64Array(p.length * 2);
        grown.set(p);
        this.#partials = p = grown;
      }
      p[i++] = x;
    }
    this.#n = i;
    return this;
  }

  merge(other: ExactSum): this {
    if (other.#nonFinite) this.#nonFinite = true;
    for (let i = 0; i < other.#n; i++) this.add(other.#partials[i]);
    return this;
  }

  /** The sum, correctly rounded to the nearest double. */
  value(): number {
    if (this.#nonFinite) return NaN;
    const p = this.#partials;
    let n = this.#n;
    if (n === 0) return 0;
    let hi = p[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Half-even rounding across partials (CPython's math_fsum).
    if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }

  /**
   * Plain data for a shard file: the exact sum as a canonical list of doubles — the
   * correctly rounded sum, then the correctly rounded remainder, and so on — so that equal
   * sums have equal states however they were added up (null = a non-finite value was added).
   */
  toState(): number[] | null {
    if (this.#nonFinite) return null;
    const rest = new ExactSum();
    rest.#partials = this.#partials.slice();
    rest.#n = this.#n;
    const out: number[] = [];
    for (let v = rest.value(); v !== 0; v = rest.value()) {
      out.push(v);
      rest.add(-v);
    }
    return out;
  }

  static fromState(state: number[] | null): ExactSum {
    const s = new ExactSum();
    if (state === null) s.#nonFinite = true;
    else for (const x of state) s.add(x);
    return s;
  }
}

/** The exact sum of an array, correctly rounded. */
export function exactSum(values: ArrayLike<number>): number {
  const s = new ExactSum();
  for (let i = 0; i < values.length; i++) s.add(values[i]);
  return s.value();
}
