/**
 * Indices 0..n−1 ordered by value, largest first, ties by index: the order of
 * `Array.from({ length: n }, (_, i) => i).sort((a, b) => v[b] - v[a] || a - b)`, without a
 * boxed array or a comparator call per comparison (a run sorts its clients twice). The
 * comparison is a strict total order, so any correct sort gives that very order; a NaN
 * breaks the order, and then the array sort itself decides, as before.
 */
export function largestFirst(v: ArrayLike<number>, n: number): Int32Array {
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(v[i])) return Int32Array.from(Array.from({ length: n }, (_, k) => k).sort((a, b) => v[b] - v[a] || a - b));
  }
  let from = new Int32Array(n);
  let to = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  // Bottom-up merge sort: runs of `width` merged pairwise until one run is left.
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) {
        // Take from the right run only when its head comes strictly first.
        if (b < hi && (a >= mid || v[from[b]] > v[from[a]] || (v[from[b]] === v[from[a]] && from[b] < from[a]))) to[k] = from[b++];
        else to[k] = from[a++];
      }
    }
    const t = from;
    from = to;
    to = t;
  }
  return from;
}
