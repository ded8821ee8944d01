/**
 * Orders of slots by value, largest first, without a boxed array or a comparator call per
 * comparison (a run sorts its clients twice, a seller their options every month).
 */

/**
 * Sorts the indices order[0..n) by value descending, ties by `tie` ascending: the order of
 * `order.sort((a, b) => value[b] - value[a] || tie[a] - tie[b])`. That is a strict total
 * order when the ties are distinct and no value is NaN, so any correct sort gives the
 * array sort's very order: a bottom-up merge sort, `spare` its scratch of n. A NaN breaks
 * the order, and then the array sort itself decides. Returns the array that holds the
 * result (`order` or `spare`).
 */
export function sortLargestFirst(value: ArrayLike<number>, tie: ArrayLike<number>, order: Int32Array, spare: Int32Array, n: number): Int32Array {
  for (let k = 0; k < n; k++) {
    if (Number.isNaN(value[order[k]])) {
      order.set(Array.from(order.subarray(0, n)).sort((a, b) => value[b] - value[a] || tie[a] - tie[b]));
      return order;
    }
  }
  let from = order;
  let to = spare;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) {
        let takeRight = a >= mid;
        if (!takeRight && b < hi) {
          // Does the right run's head come strictly before the left's?
          const x = from[b];
          const y = from[a];
          takeRight = value[x] !== value[y] ? value[x] > value[y] : tie[x] < tie[y];
        }
        to[k] = takeRight ? from[b++] : from[a++];
      }
    }
    const t = from;
    from = to;
    to = t;
  }
  return from;
}

/**
 * Indices 0..n−1 by value, largest first, ties by index: the order of
 * `Array.from({ length: n }, (_, i) => i).sort((a, b) => v[b] - v[a] || a - b)`.
 */
export function largestFirst(v: ArrayLike<number>, n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return sortLargestFirst(v, order.slice(), order, new Int32Array(n), n);
}
