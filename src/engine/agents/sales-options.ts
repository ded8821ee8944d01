/**
 * A seller's options for the month's hours: serve a client (kind 0) or offer it more
 * (kind 1), each with its value per hour and the hours it takes, best first. Parallel
 * typed arrays held for the whole run, not an object per option per seller per month.
 */
import { sortLargestFirst } from '../numeric/largest-first.ts';

export class SalesOptions {
  count = 0;
  readonly client: Int32Array;
  readonly kind: Uint8Array;
  readonly value: Float64Array;
  readonly hours: Float64Array;
  /** Per option: client × 2 + kind, the order among options of equal value. */
  private readonly tie: Int32Array;
  /** Option indices, best first, after sort(). */
  order: Int32Array;
  private spare: Int32Array;

  /** Room for `capacity` options (two per client slot). */
  constructor(capacity: number) {
    this.client = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.value = new Float64Array(capacity);
    this.hours = new Float64Array(capacity);
    this.tie = new Int32Array(capacity);
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
    this.tie[k] = client * 2 + kind;
  }

  /**
   * Orders the options as `(a, b) => b.value - a.value || a.client - b.client || a.kind -
   * b.kind` does: by value, then by client × 2 + kind, which tells any two options apart
   * (and has the same sign as the client, then kind, difference).
   */
  sort(): void {
    const n = this.count;
    const order = this.order;
    for (let k = 0; k < n; k++) order[k] = k;
    const sorted = sortLargestFirst(this.value, this.tie, order, this.spare, n);
    if (sorted !== order) {
      this.spare = order;
      this.order = sorted;
    }
  }
}
