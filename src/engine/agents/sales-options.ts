/**
 * A seller's options for the month's hours: serve a client (kind 0) or offer it more
 * (kind 1), each with its value per hour and the hours it takes, best first. Parallel
 * typed arrays held for the whole run, not an object per option per seller per month.
 */
export class SalesOptions {
  count = 0;
  readonly client: Int32Array;
  readonly kind: Uint8Array;
  readonly value: Float64Array;
  readonly hours: Float64Array;
  /** Option indices, best first, after sort(). */
  order: Int32Array;
  private spare: Int32Array;

  /** Room for `capacity` options (two per client slot). */
  constructor(capacity: number) {
    this.client = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.value = new Float64Array(capacity);
    this.hours = new Float64Array(capacity);
    this.order = new Int32Array(capacity);
    this.spare = new Int32Array(capacity);
  }

  clear(): void {
    this.count = 0;
  }

  push(client: number, kind: 0 | 1, value: number, hours: number): void {
    const k = this.count++;
    this.client[k] = client;
    this.kind[k] = kind;
    this.value[k] = value;
    this.hours[k] = hours;
  }

  /**
   * Orders the options as `(a, b) => b.value - a.value || a.client - b.client || a.kind -
   * b.kind` does: a strict total order while no value is NaN (client and kind tell any two
   * options apart), so this merge sort gives the very order of the array sort. With a NaN
   * the array sort decides, as before.
   */
  sort(): void {
    const n = this.count;
    const { value, client, kind } = this;
    let from = this.order;
    let to = this.spare;
    for (let k = 0; k < n; k++) from[k] = k;
    let hasNaN = false;
    for (let k = 0; k < n; k++) if (Number.isNaN(value[k])) hasNaN = true;
    if (hasNaN) {
      const sorted = Array.from(from.subarray(0, n)).sort((a, b) => value[b] - value[a] || client[a] - client[b] || kind[a] - kind[b]);
      from.set(sorted);
      return;
    }
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
            if (value[x] !== value[y]) takeRight = value[x] > value[y];
            else if (client[x] !== client[y]) takeRight = client[x] < client[y];
            else takeRight = kind[x] < kind[y];
          }
          to[k] = takeRight ? from[b++] : from[a++];
        }
      }
      const t = from;
      from = to;
      to = t;
    }
    this.order = from;
    this.spare = to;
  }
}
