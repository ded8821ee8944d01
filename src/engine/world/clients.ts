/**
 * The client book of one run, as parallel typed arrays (one slot per client; a slot
 * whose client left is refilled by a similar client after a vacancy).
 *
 * Sizes are skewed (lognormal): a few large clients carry much of the volume. The
 * largest clients are the stretchers (article 002: "крупные заказчики имеют обыкновение
 * тянуть с платежами"); the others are self-payers or pay after a reminder, drawn so
 * that each habit carries its share of the volume. Money is in kopecks (integers).
 */
import type { Model } from '../model/model.ts';
import { HABIT_COUNT, STRETCHER, SELF_PAYER, REMINDER_PAYER } from '../model/habits.ts';
import type { Sfc32 } from '../numeric/random.ts';
import { largestFirst } from '../numeric/largest-first.ts';

export const NEVER = 0x3fffffff;

export class ClientBook {
  readonly n: number;
  /** Normal monthly bill, kopecks. */
  baseVolume: Float64Array;
  habit: Uint8Array;
  active: Uint8Array;
  /** Month index from which a vacant slot gets a new client. */
  vacantUntil: Int32Array;
  /** This month's bill not yet issued (kopecks). */
  pendingBill: Float64Array;
  /** Issued, documents on the way (kopecks). */
  inTransit: Float64Array;
  /** Delivered and unpaid (kopecks). */
  debt: Float64Array;
  /** Delivery day of the oldest unpaid delivered invoice (−1: none). */
  owedSince: Int32Array;
  /** Scheduled payment day (NEVER: none). */
  payDay: Int32Array;
  /** Day of the last collection contact. */
  lastCall: Int32Array;
  /** Client slots of each habit, largest first: the order staff work them in. */
  byHabit: Int32Array[];
  /** Staff index of the client's owner under personal ownership (−1: the team's). */
  owner: Int16Array;
  /** A client's position in its habit's list. */
  rank: Int32Array;
  /** Per habit, a bit per rank: the client has delivered, unpaid debt (who can be chased). */
  debtorBits: Uint32Array[];
  /** Per owner (staff index), per habit, a bit per rank: the owner's clients (kept by `setOwner`). */
  private ownerBits: Uint32Array[][] = [];

  constructor(n: number) {
    this.n = n;
    this.baseVolume = new Float64Array(n);
    this.volumeSorted = new Float64Array(n);
    this.habit = new Uint8Array(n);
    this.active = new Uint8Array(n);
    this.vacantUntil = new Int32Array(n);
    this.pendingBill = new Float64Array(n);
    this.inTransit = new Float64Array(n);
    this.debt = new Float64Array(n);
    this.owedSince = new Int32Array(n);
    this.payDay = new Int32Array(n);
    this.lastCall = new Int32Array(n);
    this.byHabit = [];
    this.rank = new Int32Array(n);
    this.owner = new Int16Array(n).fill(-1);
    this.debtorBits = [];
  }

  /**
   * Personal ownership: deals clients to the owners round-robin from the largest down,
   * so every book has a similar mix of sizes and habits.
   */
  assignOwners(owners: readonly number[], include: (i: number) => boolean = () => true): void {
    if (owners.length === 0) return;
    let k = 0;
    for (const i of this.byVolume()) if (include(i)) this.setOwner(i, owners[k++ % owners.length]);
  }

  /**
   * Client slots by monthly volume, largest first (ties by slot). Every scheme of a run
   * deals the same book, so the order is kept while the volumes are the ones it was sorted on.
   */
  byVolume(): Int32Array {
    const v = this.baseVolume;
    const sorted = this.volumeSorted;
    let same = this.volumeOrder !== null;
    for (let i = 0; same && i < v.length; i++) same = sorted[i] === v[i];
    if (!same) {
      this.volumeOrder = largestFirst(v, this.n);
      sorted.set(v);
    }
    return this.volumeOrder!;
  }
  private volumeOrder: Int32Array | null = null;
  private readonly volumeSorted: Float64Array;

  /** Gives client i to `owner` (−1: the team's), keeping the owners' bitsets in step. */
  setOwner(i: number, owner: number): void {
    const old = this.owner[i];
    if (old === owner) return;
    const r = this.rank[i];
    if (old >= 0) this.ownerBitsOf(old)[this.habit[i]][r >>> 5] &= ~(1 << (r & 31));
    if (owner >= 0) this.ownerBitsOf(owner)[this.habit[i]][r >>> 5] |= 1 << (r & 31);
    this.owner[i] = owner;
  }

  /**
   * Per habit, a bit per rank for the clients `owner` owns: a personal group walks only
   * its own clients instead of skipping everyone else's (same order, fewer steps).
   */
  ownerBitsOf(owner: number): Uint32Array[] {
    let bits = this.ownerBits[owner];
    if (!bits) {
      bits = this.debtorBits.map((d) => new Uint32Array(d.length));
      this.ownerBits[owner] = bits;
    }
    return bits;
  }

  /**
   * Client i is suspended on day t: delivered debt unpaid since `suspendAfterDays` or more
   * before. Read, not stored: a debt's start and its payment are the only events that
   * change it, so no check event per debt is needed.
   */
  suspendedOn(i: number, t: number, suspendAfterDays: number): boolean {
    const since = this.owedSince[i];
    return since >= 0 && this.debt[i] > 0 && since + suspendAfterDays <= t;
  }

  /** Marks client i as owing (or not) in its habit's debtor bitset. */
  markDebtor(i: number, owing: boolean): void {
    const r = this.rank[i];
    const bits = this.debtorBits[this.habit[i]];
    if (owing) bits[r >>> 5] |= 1 << (r & 31);
    else bits[r >>> 5] &= ~(1 << (r & 31));
  }

  /** The clients last drawn, by run index: a plan lists run i of every scheme together, so they are drawn once. */
  private drawn: { run: number; volume: Float64Array; habit: Uint8Array; rank: Int32Array; byHabit: Int32Array[] } | null = null;

  /**
   * Sets the book up for run `run`: its clients (the same for every scheme: drawn from the
   * run's own stream, `random()`, or copied from the last run of the same index) and an
   * empty month.
   */
  setup(model: Model, run: number, random: () => Sfc32): void {
    const d = this.drawn;
    if (d !== null && d.run === run) {
      this.baseVolume.set(d.volume);
      this.habit.set(d.habit);
      this.rank.set(d.rank);
      this.byHabit = d.byHabit; // never written during a run
      for (const bits of this.debtorBits) bits.fill(0);
    } else {
      this.draw(model, random());
      this.drawn = { run, volume: this.baseVolume.slice(), habit: this.habit.slice(), rank: this.rank.slice(), byHabit: this.byHabit };
    }
    this.owner.fill(-1);
    this.ownerBits = []; // habit lists differ from run to run
    this.active.fill(1);
    this.vacantUntil.fill(0);
    this.pendingBill.fill(0);
    this.inTransit.fill(0);
    this.debt.fill(0);
    this.owedSince.fill(-1);
    this.payDay.fill(NEVER);
    this.lastCall.fill(-NEVER);
  }

  /** Draws the run's clients: sizes, habits and the order they are worked in. */
  private draw(model: Model, random: Sfc32): void {
    const { n } = this;
    const { clients } = model.scenario;
    const sigma = clients.volumeSkew;
    const raw = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      raw[i] = Math.exp(sigma * random.normal());
      sum += raw[i];
    }
    const total = Number(clients.monthlyVolume) * 100;
    const order = Array.from(largestFirst(raw, n));
    for (let i = 0; i < n; i++) this.baseVolume[i] = Math.round((raw[i] / sum) * total);

    // Stretchers: the largest clients until their share of volume is reached.
    const share = model.habits.volumeShare;
    let acc = 0;
    const rest: number[] = [];
    for (const i of order) {
      if (acc < share[STRETCHER] * total) {
        this.habit[i] = STRETCHER;
        acc += this.baseVolume[i];
      } else rest.push(i);
    }
    // Self-payers vs reminder payers among the rest, by volume share, in random order.
    for (let k = rest.length - 1; k > 0; k--) {
      const j = Math.floor(random.next() * (k + 1));
      [rest[k], rest[j]] = [rest[j], rest[k]];
    }
    const restTotal = total - acc;
    const reminderTarget = (share[REMINDER_PAYER] / Math.max(1e-12, share[REMINDER_PAYER] + share[SELF_PAYER])) * restTotal;
    let reminders = 0;
    for (const i of rest) {
      if (reminders < reminderTarget) {
        this.habit[i] = REMINDER_PAYER;
        reminders += this.baseVolume[i];
      } else this.habit[i] = SELF_PAYER;
    }
    this.byHabit = [];
    this.debtorBits = [];
    for (let h = 0; h < HABIT_COUNT; h++) {
      const list = Int32Array.from(order.filter((i) => this.habit[i] === h));
      list.forEach((i, r) => (this.rank[i] = r));
      this.byHabit.push(list);
      this.debtorBits.push(new Uint32Array((list.length + 31) >>> 5));
    }
  }
}
