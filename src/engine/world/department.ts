/**
 * The client department's mechanics for one run: invoices are prepared and issued by
 * staff, delivered by courier, paid by the client's own habit or after a collection
 * call's promise; a delivered invoice unpaid too long suspends the client, a suspended
 * client may leave (its debt written off) and is replaced by a similar one later.
 * Level effects come from suspension and churn, not from an implausible daily bad-debt
 * hazard (MODEL.md appendix, prototype 2).
 */
import type { Model } from '../model/model.ts';
import { HABIT_COUNT, selfPayDays } from '../model/habits.ts';
import { ClientBook, NEVER } from './clients.ts';
import { EventQueue, EV_DELIVERY, EV_PAYMENT } from './events.ts';
import { CashLedger } from './cash.ts';
import { newBookTotals, type BookTotals } from './book-totals.ts';
import { keyedUniform, uniformOf } from '../numeric/random.ts';
import { ClientLuck } from './client-luck.ts';
import { inverseNormal } from '../numeric/normal.ts';
import { NEVER_MONTH, type SalesBook } from './sales-book.ts';
import type { KeyClients } from './key-clients.ts';

const NOISE_TABLE_SIZE = 1024;

/**
 * Sees each client payment as it lands: the simulated day, the client's slot and the
 * kopecks paid. What a bank statement would show; `paybench history` and the fit to a
 * payment history read a run's payments through it. Null in ordinary runs.
 */
export type PaymentObserver = (day: number, client: number, kopecks: number) => void;

/** Mean-one lognormal multipliers at the midpoints of NOISE_TABLE_SIZE equal-probability slices. */
function lognormalTable(sigma: number, size: number): Float64Array {
  const table = new Float64Array(size);
  for (let k = 0; k < size; k++) table[k] = Math.exp(sigma * inverseNormal((k + 0.5) / size) - (sigma * sigma) / 2);
  return table;
}

/**
 * What a measure sees of the book, kept in step with the client arrays: the whole team's,
 * and one per owner under personal ownership. Money totals per habit in roubles.
 */
export class BookLedger {
  readonly totals: BookTotals = newBookTotals();
  pendingCount = 0;
  debtorCount = 0;
  /** Kopecks collected this month / this measured period. */
  collectedMonth = 0;
  collectedPeriod = 0;

  reset(): void {
    for (let h = 0; h < HABIT_COUNT; h++) {
      this.totals.debt[h] = 0;
      this.totals.transit[h] = 0;
      this.totals.pending[h] = 0;
    }
    this.pendingCount = 0;
    this.debtorCount = 0;
    this.collectedMonth = 0;
    this.collectedPeriod = 0;
  }

  /** A month's bill of `amount` kopecks waits to be issued (`first`: the client had none pending). */
  bill(h: number, amount: number, first: boolean): void {
    if (first) this.pendingCount++;
    this.totals.pending[h] += amount / 100;
  }

  /** An invoice is issued: pending → in transit. */
  issue(h: number, amount: number): void {
    this.pendingCount--;
    this.totals.pending[h] -= amount / 100;
    this.totals.transit[h] += amount / 100;
  }

  /** Documents arrive: in transit → owed (`first`: the client owed nothing before). */
  deliver(h: number, amount: number, first: boolean): void {
    if (first) this.debtorCount++;
    this.totals.transit[h] -= amount / 100;
    this.totals.debt[h] += amount / 100;
  }

  /** The client pays everything owed. */
  collect(h: number, amount: number): void {
    this.debtorCount--;
    this.totals.debt[h] -= amount / 100;
    this.collectedMonth += amount;
    this.collectedPeriod += amount;
  }

  /** Adds (sign 1) or removes (sign −1) all that client i owes and has pending. */
  moveClient(b: ClientBook, i: number, sign: 1 | -1): void {
    const h = b.habit[i];
    this.totals.debt[h] += (sign * b.debt[i]) / 100;
    this.totals.transit[h] += (sign * b.inTransit[i]) / 100;
    this.totals.pending[h] += (sign * b.pendingBill[i]) / 100;
    if (b.debt[i] > 0) this.debtorCount += sign;
    if (b.pendingBill[i] > 0) this.pendingCount += sign;
  }
}

export class Department {
  /** The whole book: what a team measure sees. */
  readonly team = new BookLedger();
  /** Per staff member: the ledger of the clients they own (personal ownership only). */
  readonly owners: BookLedger[];
  /** Clients taken by leavers this month, their usual monthly volume, and the volume of the leavers' books (kopecks). */
  takenMonth = 0;
  takenVolumeMonth = 0;
  leaverBookMonth = 0;
  /** The sales side of the book, when the scenario sells (prospecting, cross-selling). */
  sales: SalesBook | null = null;
  /** Per staff: commission to claw back for new clients who left within the hand-over window (kopecks). */
  readonly clawback: Float64Array;
  readonly book: ClientBook;
  readonly queue: EventQueue;
  readonly cash: CashLedger;
  /** The scheme's key-client plan, when it has one: what each key client paid this month. */
  keys: KeyClients | null = null;
  /** This run's client luck (the same draws under every scheme). */
  private readonly luck: ClientLuck;
  /** Who sees each payment (simulate.ts sets it per run); null: nobody, the usual case. */
  onPayment: PaymentObserver | null = null;
  month = 0;

  // This month (kopecks for money that is settled; roubles elsewhere).
  billedMonth = 0;
  billedLastMonth = 0;
  badDebtMonth = 0;
  /** Bills waiting to be issued once this month's are added, and how many have been issued since. */
  billsMonth = 0;
  issuedMonth = 0;
  newClients = 0;
  lostClients = 0;

  // Client-book parameters, hoisted out of the scenario for the hot loop.
  private readonly recallAfterDays: number;
  private readonly promiseKept: number;
  private readonly promiseMaxDays: number;
  private readonly courierDays: number;
  private readonly suspendAfterDays: number;
  private readonly hazard: Float64Array;
  private readonly spread: Float64Array;
  private readonly median: Float64Array;
  private readonly promiseProbability: Float64Array;
  /** Month-to-month bill multipliers by quantile: one draw and a lookup instead of a lognormal. */
  private readonly noiseTable: Float64Array;

  constructor(private readonly model: Model) {
    const c = model.scenario.clients;
    this.recallAfterDays = c.recallAfterDays;
    this.promiseKept = c.promiseKept;
    this.promiseMaxDays = c.promiseMaxDays;
    this.courierDays = c.courierDays;
    this.suspendAfterDays = c.suspendAfterDays;
    this.hazard = model.habits.hazard;
    this.spread = model.habits.spread;
    this.median = model.habits.median;
    this.promiseProbability = model.habits.promiseProbability;
    this.noiseTable = lognormalTable(c.volumeNoise, NOISE_TABLE_SIZE);
    this.book = new ClientBook(model.scenario.clients.count);
    this.luck = new ClientLuck(model.scenario.clients.count);
    this.owners = model.staff.map(() => new BookLedger());
    this.clawback = new Float64Array(model.staff.length);
    this.queue = new EventQueue(model.calendar.days, model.scenario.clients.count * 8);
    this.cash = new CashLedger(model);
  }

  reset(salt: number): void {
    this.queue.reset();
    this.cash.reset();
    this.team.reset();
    for (const o of this.owners) o.reset();
    this.clawback.fill(0);
    this.luck.reset(salt);
    this.billedMonth = 0;
    this.billedLastMonth = Number(this.model.scenario.clients.monthlyVolume) * 100;
  }

  /** The ledger of client i's owner, if personally owned. */
  private ownerOf(i: number): BookLedger | null {
    const o = this.book.owner[i];
    return o >= 0 ? this.owners[o] : null;
  }

  /** Month start: replacements arrive, suspended clients may leave, the month is billed. */
  startMonth(m: number, periodStart: boolean): void {
    const b = this.book;
    const c = this.model.scenario.clients;
    this.month = m;
    this.luck.startMonth(m);
    this.billedLastMonth = this.billedMonth || this.billedLastMonth;
    for (const l of [this.team, ...this.owners]) {
      l.collectedMonth = 0;
      if (periodStart) l.collectedPeriod = 0;
    }
    this.takenMonth = 0;
    this.takenVolumeMonth = 0;
    this.leaverBookMonth = 0;
    this.billedMonth = 0;
    this.badDebtMonth = 0;
    this.newClients = 0;
    this.lostClients = 0;
    const table = this.noiseTable;
    // Suspended by yesterday's end: this runs before the first day's events.
    const yesterday = this.model.calendar.monthStart[m] - 1;
    const suspendAfter = this.suspendAfterDays;
    for (let i = 0; i < b.n; i++) {
      let suspended = false;
      if (!b.active[i]) {
        if (m < b.vacantUntil[i]) continue;
        b.active[i] = 1; // a similar client takes the slot
        b.lastCall[i] = -NEVER;
        this.newClients++;
      } else {
        suspended = b.suspendedOn(i, yesterday, suspendAfter);
        if (suspended && uniformOf(this.luck.bits(i)) < c.churnIfSuspended) {
          this.loseClient(i, m);
          continue;
        }
      }
      let bill = b.baseVolume[i] * table[(uniformOf(this.luck.bits(i)) * NOISE_TABLE_SIZE) | 0];
      if (suspended) bill *= c.suspendedVolumeShare;
      bill = Math.round(bill);
      if (bill <= 0) continue;
      const first = b.pendingBill[i] === 0;
      this.team.bill(b.habit[i], bill, first);
      this.ownerOf(i)?.bill(b.habit[i], bill, first);
      b.pendingBill[i] += bill;
      this.billedMonth += bill;
    }
    this.billsMonth = this.team.pendingCount;
    this.issuedMonth = 0;
    this.keys?.startMonth(b);
    this.cash.startMonth(this.billedLastMonth / 100, this.model.calendar.monthLength[m]);
  }

  private loseClient(i: number, m: number): void {
    const b = this.book;
    this.badDebtMonth += b.debt[i] + b.inTransit[i] + b.pendingBill[i];
    this.team.moveClient(b, i, -1);
    this.ownerOf(i)?.moveClient(b, i, -1);
    if (b.debt[i] > 0) b.markDebtor(i, false);
    b.debt[i] = 0;
    b.inTransit[i] = 0;
    b.pendingBill[i] = 0;
    b.owedSince[i] = -1;
    b.payDay[i] = NEVER;
    b.active[i] = 0;
    b.vacantUntil[i] = m + 1 + this.model.scenario.clients.replacementMonths;
    const sales = this.sales;
    if (sales) {
      // A selling department is not handed replacements: the slot waits for prospecting.
      b.vacantUntil[i] = NEVER_MONTH;
      const by = sales.acquiredBy[i];
      if (by >= 0 && m - sales.acquiredMonth[i] < this.model.scenario.sales.handOverMonths) {
        this.clawback[by] += sales.commission[i]; // never more than was paid for this client
      }
      sales.commission[i] = 0;
      sales.acquiredBy[i] = -1;
      b.setOwner(i, -1); // the next client in this slot is whoever signs it
    }
    this.lostClients++;
  }

  /** A client leaves now (neglect, a leaver): debt written off, the slot freed. */
  loseClientNow(i: number, m: number): void {
    if (this.book.active[i]) this.loseClient(i, m);
  }

  /** A new client signed by prospecting joins the book, owned by `owner` (−1: the team's). */
  welcome(i: number, owner: number): void {
    const b = this.book;
    b.setOwner(i, owner);
    b.lastCall[i] = -NEVER;
    b.owedSince[i] = -1;
    b.payDay[i] = NEVER;
    this.newClients++;
  }

  /** Hands client i to another owner, moving what is owed between their ledgers. */
  reassign(i: number, owner: number): void {
    const b = this.book;
    this.ownerOf(i)?.moveClient(b, i, -1);
    b.setOwner(i, owner);
    this.ownerOf(i)?.moveClient(b, i, 1);
  }

  /** Deliveries and payments due today. */
  processEvents(t: number): void {
    const q = this.queue;
    for (let e = q.head[t]; e !== -1; e = q.next[e]) {
      const i = q.client[e];
      switch (q.kind[e]) {
        case EV_DELIVERY:
          this.deliver(i, q.tag[e], t);
          break;
        case EV_PAYMENT:
          if (this.book.payDay[i] === t) this.pay(i, t);
          break;
      }
    }
  }

  private deliver(i: number, amount: number, t: number): void {
    const b = this.book;
    if (!b.active[i] || b.inTransit[i] < amount) return; // the client left meanwhile
    const h = b.habit[i];
    const first = b.debt[i] === 0;
    this.team.deliver(h, amount, first);
    this.ownerOf(i)?.deliver(h, amount, first);
    if (first) b.markDebtor(i, true);
    b.inTransit[i] -= amount;
    b.debt[i] += amount;
    if (b.owedSince[i] < 0) b.owedSince[i] = t;
    if (b.payDay[i] === NEVER) {
      // Self-payment time from delivery; later deliveries keep the date (memoryless, or the client's own terms).
      const wait = selfPayDays(uniformOf(this.luck.bits(i)), this.hazard[h], this.spread[h], this.median[h]);
      this.schedulePayment(i, t + Math.ceil(wait));
    }
  }

  private schedulePayment(i: number, day: number): void {
    const cal = this.model.calendar;
    const d = day < cal.days ? cal.nextWorking[day] : NEVER;
    if (d >= cal.days || d >= this.book.payDay[i]) return;
    this.book.payDay[i] = d;
    this.queue.push(d, i, EV_PAYMENT, 0);
  }

  private pay(i: number, t: number): void {
    const b = this.book;
    const amount = b.debt[i];
    b.payDay[i] = NEVER;
    if (amount <= 0) return;
    if (this.onPayment !== null) this.onPayment(t, i, amount);
    this.team.collect(b.habit[i], amount);
    this.ownerOf(i)?.collect(b.habit[i], amount);
    this.keys?.onPay(i, amount);
    const sales = this.sales;
    if (sales && sales.acquiredBy[i] >= 0 && this.month - sales.acquiredMonth[i] < this.model.scenario.sales.handOverMonths) {
      sales.revenue[i] += amount;
    }
    b.markDebtor(i, false);
    b.debt[i] = 0;
    b.owedSince[i] = -1;
    this.cash.receive(amount / 100);
  }

  /** Prepare and issue this month's invoice (documents go by courier). */
  issueInvoice(i: number, t: number): void {
    const b = this.book;
    const amount = b.pendingBill[i];
    this.issuedMonth++;
    this.team.issue(b.habit[i], amount);
    this.ownerOf(i)?.issue(b.habit[i], amount);
    b.pendingBill[i] = 0;
    b.inTransit[i] += amount;
    const courier = this.courierDays;
    if (courier <= 0) this.deliver(i, amount, t);
    else this.queue.push(t + courier, i, EV_DELIVERY, amount);
  }

  /**
   * A leaver takes clients bound to them: each client leaves with `theft × bond(i)`.
   * `home(i)`: the client is in the leaver's book (whose volume the taken volume is read
   * against). Returns how many left.
   */
  takeClients(m: number, theft: number, bond: (i: number) => number, salt: number, leaver: number, home: (i: number) => boolean): number {
    const b = this.book;
    let taken = 0;
    for (let i = 0; i < b.n; i++) {
      if (!b.active[i]) continue;
      if (home(i)) this.leaverBookMonth += b.baseVolume[i];
      const p = theft * bond(i);
      if (p > 0 && keyedUniform(salt, i, m, 1000 + leaver) < p) {
        this.takenVolumeMonth += b.baseVolume[i];
        this.loseClient(i, m);
        taken++;
      }
    }
    this.takenMonth += taken;
    return taken;
  }

  /** A collection call: maybe a promise, maybe kept; the next call waits for the promised day. */
  call(i: number, t: number): void {
    const b = this.book;
    b.lastCall[i] = t;
    if (uniformOf(this.luck.bits(i)) >= this.promiseProbability[b.habit[i]]) return;
    const promised = t + 1 + Math.floor(uniformOf(this.luck.bits(i)) * this.promiseMaxDays);
    b.lastCall[i] = Math.max(t, promised + 1 - this.recallAfterDays);
    if (uniformOf(this.luck.bits(i)) < this.promiseKept) this.schedulePayment(i, promised);
  }
}
