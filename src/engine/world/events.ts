/**
 * A calendar queue of client events: one singly linked list per day. Payment times are
 * drawn as events (memoryless hazards, redrawn when a call changes them) instead of a
 * daily coin per client — most clients have nothing happen on most days.
 */
export const EV_DELIVERY = 1;
export const EV_PAYMENT = 2;

export class EventQueue {
  head: Int32Array;
  next: Int32Array;
  client: Int32Array;
  kind: Uint8Array;
  /** Event payload: amount for a delivery. */
  tag: Float64Array;
  size = 0;

  constructor(days: number, capacity = 4096) {
    this.head = new Int32Array(days + 1).fill(-1);
    this.next = new Int32Array(capacity);
    this.client = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.tag = new Float64Array(capacity);
  }

  reset(): void {
    this.head.fill(-1);
    this.size = 0;
  }

  push(day: number, client: number, kind: number, tag: number): void {
    if (day >= this.head.length) return; // beyond the simulated span
    if (this.size === this.next.length) this.grow();
    const n = this.size++;
    this.client[n] = client;
    this.kind[n] = kind;
    this.tag[n] = tag;
    this.next[n] = this.head[day];
    this.head[day] = n;
  }

  private grow(): void {
    const cap = this.next.length * 2;
    const next = new Int32Array(cap);
    next.set(this.next);
    const client = new Int32Array(cap);
    client.set(this.client);
    const kind = new Uint8Array(cap);
    kind.set(this.kind);
    const tag = new Float64Array(cap);
    tag.set(this.tag);
    this.next = next;
    this.client = client;
    this.kind = kind;
    this.tag = tag;
  }
}
