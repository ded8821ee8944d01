/**
 * A month of selling (MODEL.md P5; articles 001, 003, 004). Each salesperson splits
 * their hours between serving clients (which keeps them from drifting away), cross-
 * selling to them (saturating: each client can buy only so much) and prospecting (leads
 * that sign after the sales cycle), by what an hour brings *them* under their scheme:
 *
 *   serve client i:   λ × volume_i × neglect churn × (1 + H)          per serviceHours
 *   cross-sell to i:  λ × potential_i / 10 × H                        per crossSellHours
 *   prospect:         λ × a new client's first volume × conversion / hoursPerLead × d^cycle × H'
 *
 * λ is the person's marginal pay per rouble of the measure; H and H' are how many future
 * months of that volume count for them (d = monthly discount; under new-client revenue
 * only until the hand-over). Serving protects money now, prospecting pays months later:
 * as a sales manager's own book grows, serving it fills the week and prospecting stops —
 * the stagnation of articles 001 and 004 — unless new clients are somebody's whole job.
 *
 * Under a piece rate per business-process norm (article 001) every prescribed step pays
 * the same per norm-hour, so the technology's order decides (scheduled contacts, then
 * leads, then cross-sell offers) and the premium above the norm decides how hard people
 * work: see `processEffort`.
 */
import type { Model, SchemeModel } from '../model/model.ts';
import type { Department } from '../world/department.ts';
import type { Workforce } from '../world/workforce.ts';
import type { SalesBook } from '../world/sales-book.ts';
import { expectedMarginal, poolAt } from '../pay/curve.ts';
import { SalesOptions } from './sales-options.ts';
import { keyedUniform } from '../numeric/random.ts';
import { inverseNormal } from '../numeric/normal.ts';
import { keepsBook } from '../scenario/staff-roles.ts';

export interface SalesPeople {
  /** Staff indices of everyone who sells (hunters, account managers, the inbound sector). */
  sellers: number[];
  /** Who prospects, who serves, who converts the inbound flow, under the scheme's organisation. */
  prospects: Uint8Array;
  serves: Uint8Array;
  inbound: Uint8Array;
  /** Salespeople a dispatcher routes requests to (automated marketing, article 001). */
  routed: Uint8Array;
}

/** Roles in practice: under personal ownership everyone sells the full cycle. */
export function salesPeople(model: Model, scheme: SchemeModel): SalesPeople {
  const n = model.staff.length;
  const prospects = new Uint8Array(n);
  const serves = new Uint8Array(n);
  const inbound = new Uint8Array(n);
  const routed = new Uint8Array(n);
  const sellers: number[] = [];
  const dispatcher = scheme.scheme.organisation === 'dispatcher';
  model.staff.forEach((s, j) => {
    const role = s.member.role;
    if (role === 'inbound') {
      sellers.push(j);
      inbound[j] = 1;
      return;
    }
    if (!keepsBook(role)) return;
    sellers.push(j);
    const fullCycle = scheme.scheme.organisation === 'personal';
    // No active sales under a dispatcher: everyone takes routed requests and serves the pooled book.
    prospects[j] = !dispatcher && (fullCycle || role === 'hunter') ? 1 : 0;
    serves[j] = dispatcher || fullCycle || role === 'accountManager' ? 1 : 0;
    routed[j] = dispatcher ? 1 : 0;
  });
  return { sellers, prospects, serves, inbound, routed };
}

export class SalesMonth {
  /** Per staff: signings expected per month ahead (index = months ahead), and last month's measures (roubles). */
  private readonly pipeline: Float64Array[];
  readonly lastOwnCollections: Float64Array;
  readonly lastNewRevenue: Float64Array;
  /** Per staff this month: hours spent prospecting, serving, cross-selling. */
  readonly hours: Float64Array[];
  /** Per staff: process units (norm-hours of prescribed steps) done this pay period. */
  readonly units: Float64Array;
  /** Per staff this month: pace chosen under a piece rate (1 = the norm's pace). */
  readonly pace: Float64Array;
  /** Per staff: star level 0..1 (P6; behaviour/star-syndrome.ts moves it at each month's end). */
  readonly star: Float64Array;
  /** This month: inbound requests that came in, and how many signed. */
  inboundRequests = 0;
  inboundSigned = 0;
  private readonly options: SalesOptions;

  constructor(
    private readonly model: Model,
    private readonly scheme: SchemeModel,
    private readonly dept: Department,
    private readonly sales: SalesBook,
    readonly people: SalesPeople,
    private readonly workforce: Workforce,
  ) {
    const n = model.staff.length;
    this.pipeline = Array.from({ length: n }, () => new Float64Array(model.scenario.sales.salesCycleMonths + 1));
    this.lastOwnCollections = new Float64Array(n);
    this.lastNewRevenue = new Float64Array(n);
    this.hours = [0, 1, 2].map(() => new Float64Array(n));
    this.star = new Float64Array(n);
    this.units = new Float64Array(n);
    this.pace = new Float64Array(n).fill(1);
    this.presentDays = new Float64Array(n);
    this.handled = new Float64Array(n);
    this.options = new SalesOptions(2 * model.scenario.clients.count);
  }

  /** Month m starts: signings due arrive, then everyone plans and spends the month's selling hours. */
  run(m: number, salt: number): void {
    const cfg = this.model.scenario.sales;
    const cal = this.model.calendar;
    this.sales.served.fill(0);
    for (const h of this.hours) h.fill(0);
    if (this.scheme.scheme.organisation === 'hunterFarmer') this.handOver(m);
    const present = this.presentDays;
    let inboundDays = 0;
    for (const j of this.people.sellers) {
      present[j] = 0;
      this.handled[j] = 0;
      for (let t = cal.monthStart[m]; t < cal.monthStart[m] + cal.monthLength[m]; t++) {
        if (cal.working[t]) present[j] += this.workforce.presence(j, t);
      }
      if (this.people.inbound[j] || this.people.routed[j]) inboundDays += present[j];
    }
    this.inboundRequests = 0;
    this.inboundSigned = 0;
    if (cfg.inboundPerDay + this.scheme.marketingRequests > 0) this.takeInbound(m, salt, inboundDays);
    for (const j of this.people.sellers) {
      if (this.people.inbound[j]) continue;
      this.sign(j, m, salt);
      // Routed requests come first (the dispatcher's queue); the rest of the hours go to the book.
      const hours = 8 * this.model.staff[j].member.workShare * this.model.staff[j].member.skill * present[j] - this.handled[j];
      if (hours > 0) this.spend(j, hours, m);
    }
    // Clients nobody looked after drift away (article 002: phone-only contact leaves them defenceless).
    const book = this.dept.book;
    for (let i = 0; i < book.n; i++) {
      if (book.active[i] && !this.sales.served[i] && keyedUniform(salt, i, m, 7) < cfg.neglectChurn) this.dept.loseClientNow(i, m);
    }
  }

  /** Per staff this month: working days present (fractional for new hires). */
  private readonly presentDays: Float64Array;
  /** Per staff this month: hours spent on inbound requests. */
  private readonly handled: Float64Array;

  /**
   * The inbound flow (article 000): requests arrive every working day and go to whoever
   * of the sector is at work; each handled request signs with the person's conversion,
   * which star syndrome erodes ("the flow will feed me").
   */
  private takeInbound(m: number, salt: number, inboundDays: number): void {
    const cfg = this.model.scenario.sales;
    const cal = this.model.calendar;
    let working = 0;
    for (let t = cal.monthStart[m]; t < cal.monthStart[m] + cal.monthLength[m]; t++) working += cal.working[t];
    const requests = poisson((cfg.inboundPerDay + this.scheme.marketingRequests) * working, keyedUniform(salt, 9999, m, 21));
    this.inboundRequests = requests;
    if (inboundDays <= 0) return;
    const star = this.model.scenario.behaviour.star;
    let k = 0;
    for (const j of this.people.sellers) {
      if (!(this.people.inbound[j] || this.people.routed[j]) || this.presentDays[j] <= 0) continue;
      const mine = Math.round((requests * this.presentDays[j]) / inboundDays);
      const capacity = (8 * this.model.staff[j].member.workShare * this.model.staff[j].member.skill * this.presentDays[j]) / cfg.inboundHours;
      const handled = Math.min(mine, Math.floor(capacity));
      this.hours[0][j] += handled * cfg.inboundHours;
      this.handled[j] = handled * cfg.inboundHours;
      this.units[j] += handled * cfg.inboundHours;
      const conversion = cfg.inboundConversion * (star.enabled ? 1 - star.conversionLoss * this.star[j] : 1);
      for (let r = 0; r < handled; r++) {
        if (keyedUniform(salt, j, m, 100 + k++) >= conversion) continue;
        const i = this.sales.acquire(this.dept.book, j, m, cfg.newClientShare);
        if (i < 0) return;
        this.dept.welcome(i, this.newOwner(j));
        this.inboundSigned++;
      }
    }
  }

  /** Mean star level of the inbound sector. */
  meanStar(): number {
    let sum = 0;
    let n = 0;
    for (const j of this.people.sellers) {
      if (!this.people.inbound[j]) continue;
      sum += this.star[j];
      n++;
    }
    return n ? sum / n : 0;
  }

  /** Hunter/farmer: clients older than the hand-over window go to the account manager with the smallest book. */
  private handOver(m: number): void {
    const book = this.dept.book;
    const cfg = this.model.scenario.sales;
    const farmers = this.people.sellers.filter((j) => this.model.staff[j].member.role === 'accountManager');
    if (farmers.length === 0) return;
    const size = new Map(farmers.map((f) => [f, 0]));
    for (let i = 0; i < book.n; i++) if (book.active[i] && size.has(book.owner[i])) size.set(book.owner[i], size.get(book.owner[i])! + 1);
    for (let i = 0; i < book.n; i++) {
      const o = book.owner[i];
      if (!book.active[i] || o < 0 || this.model.staff[o].member.role !== 'hunter') continue;
      if (m - this.sales.acquiredMonth[i] < cfg.handOverMonths) continue;
      let to = farmers[0];
      for (const f of farmers) if (size.get(f)! < size.get(to)!) to = f;
      this.dept.reassign(i, to);
      size.set(to, size.get(to)! + 1);
    }
  }

  /** Signings due this month for person j become clients (owned by whoever the organisation says). */
  private sign(j: number, m: number, salt: number): void {
    const p = this.pipeline[j];
    const expected = p[0];
    p.copyWithin(0, 1);
    p[p.length - 1] = 0;
    const k = poisson(expected, keyedUniform(salt, j, m, 11));
    const cfg = this.model.scenario.sales;
    for (let s = 0; s < k; s++) {
      const i = this.sales.acquire(this.dept.book, j, m, cfg.newClientShare);
      if (i < 0) break;
      this.dept.welcome(i, this.newOwner(j));
    }
  }

  private newOwner(j: number): number {
    switch (this.scheme.scheme.organisation) {
      case 'personal':
      case 'hunterFarmer':
        return j; // a hunter keeps it until the hand-over
      default:
        return -1; // pooled service: nobody's own
    }
  }

  /** λ: marginal pay per rouble of the measure person j is paid on. */
  private lambda(j: number): number {
    const measure = this.payMeasure(j);
    if (measure === 'none' || measure === 'processUnits') return 0;
    const F = measure === 'newClientRevenue' ? this.lastNewRevenue[j] : this.lastOwnCollections[j];
    return expectedMarginal(this.scheme.curve, F, 0.25 * F + 1);
  }

  /** What person j is paid on under the scheme (hunter/farmer: hunters on new clients, farmers on their book). */
  payMeasure(j: number): 'personalCollections' | 'newClientRevenue' | 'processUnits' | 'none' {
    const { measure, organisation } = this.scheme.scheme;
    const role = this.model.staff[j].member.role;
    if (measure === 'processUnits') return this.people.prospects[j] || this.people.serves[j] || this.people.inbound[j] ? 'processUnits' : 'none';
    if (organisation === 'hunterFarmer') return role === 'hunter' ? 'newClientRevenue' : 'personalCollections';
    if (measure === 'teamCollections') return 'none';
    if (measure === 'newClientRevenue') return this.people.prospects[j] || this.people.inbound[j] ? 'newClientRevenue' : 'none';
    return 'personalCollections';
  }

  /** Hours person j puts into the process this month, at the pace the piece rate makes worth it. */
  private processEffort(j: number, hours: number, available: number): number {
    const effort = this.model.scenario.behaviour.effort;
    const cost = this.model.scenario.sales.paceCostFactor * this.model.staff[j].hourlyWage;
    const pace = chooseProcessPace(this.scheme.curve, this.units[j], hours, available, cost, Math.max(1, effort.maxEffort));
    this.pace[j] = pace;
    return Math.min(hours * pace, Math.max(hours, available));
  }

  private spend(j: number, hours: number, m: number): void {
    const cfg = this.model.scenario.sales;
    const d = cfg.monthlyDiscount;
    const lambda = this.lambda(j);
    const newRevenuePay = this.payMeasure(j) === 'newClientRevenue';
    const piece = this.payMeasure(j) === 'processUnits';
    const book = this.dept.book;
    const horizon = d / (1 - d);
    const handOverHorizon = (d * (1 - Math.pow(d, cfg.handOverMonths))) / (1 - d);
    const meanPotential = Number(this.model.scenario.clients.monthlyVolume) / this.model.scenario.clients.count;
    const prospectValue = !this.people.prospects[j] ? -1 : piece ? 1 : (lambda * meanPotential * cfg.newClientShare * cfg.conversion * Math.pow(d, cfg.salesCycleMonths) * (newRevenuePay ? handOverHorizon : horizon)) /
        cfg.hoursPerLead;

    // The clients this person looks after: their own, or (pooled service) a fair share of all.
    const opts = this.options;
    opts.clear();
    if (this.people.serves[j] || this.scheme.scheme.organisation === 'personal' || newRevenuePay) {
      // Pooled service: nobody owns a client (a loop: TypedArray.every with a closure was a tenth of a selling run).
      let pooled = this.people.serves[j] === 1;
      for (let i = 0; pooled && i < book.n; i++) if (book.owner[i] >= 0) pooled = false;
      const servers = this.people.sellers.filter((x) => this.people.serves[x]);
      const rank = servers.indexOf(j);
      for (let i = 0; i < book.n; i++) {
        if (!book.active[i]) continue;
        const mine = pooled ? servers.length > 0 && i % servers.length === rank : book.owner[i] === j;
        if (!mine) continue;
        // Under new-client revenue only clients still within the hand-over window count.
        const within = m - this.sales.acquiredMonth[i] < cfg.handOverMonths;
        const counts = newRevenuePay ? (this.sales.acquiredBy[i] === j && within ? 1 : 0) : 1;
        const volume = book.baseVolume[i] / 100;
        const duty = lambda === 0 ? 1e-9 * volume : 0; // salaried pool: serve the largest first
        const serviceHours = pooled ? cfg.pooledServiceHours : cfg.serviceHours;
        // A piece rate pays every norm-hour alike: the technology's order decides (contacts, leads, offers).
        const serveValue = piece ? 1 + 1e-12 * volume : (lambda * counts * volume * cfg.neglectChurn * (1 + horizon)) / Math.max(serviceHours, 1e-9) + duty;
        opts.push(i, 0, serveValue, serviceHours);
        if (this.sales.realised[i] < 1) {
          const gain = (this.sales.potential[i] / 100) * 0.1;
          const offerValue = piece ? 0.999 + 1e-15 * volume : (lambda * counts * gain * (newRevenuePay ? handOverHorizon : horizon)) / cfg.crossSellHours + duty / 10;
          opts.push(i, 1, offerValue, cfg.crossSellHours);
        }
      }
    }
    opts.sort();
    const { order, count } = opts;
    if (piece) {
      let all = 0;
      for (let k = 0; k < count; k++) all += opts.hours[order[k]];
      hours = this.processEffort(j, hours, prospectValue >= 0 ? Infinity : all);
    }
    let left = hours;
    for (let k = 0; k < count; k++) {
      const o = order[k];
      const optionHours = opts.hours[o];
      if (opts.value[o] <= prospectValue || left < optionHours) break;
      left -= optionHours;
      const client = opts.client[o];
      if (opts.kind[o] === 0) {
        this.sales.served[client] = 1;
        this.hours[1][j] += optionHours;
      } else {
        this.sales.crossSell(client, book);
        this.sales.served[client] = 1;
        this.hours[2][j] += optionHours;
      }
    }
    if (piece) this.units[j] += hours - (prospectValue >= 0 ? 0 : left);
    if (prospectValue >= 0 && left > 0) {
      this.hours[0][j] += left;
      this.pipeline[j][this.pipeline[j].length - 1] += (left / cfg.hoursPerLead) * cfg.conversion;
    }
  }
}

/**
 * The pace a person paid by the piece chooses this month: the norm's pace at least (the
 * process demands it), faster while the extra units pay more than the extra effort
 * costs — c(e) = costFactor × hourly wage × hours × e²/2, as for collections effort.
 * A premium above the norm is what makes the faster pace pay.
 */
export function chooseProcessPace(curve: Parameters<typeof poolAt>[0], unitsSoFar: number, hours: number, available: number, costPerHour: number, maxPace: number): number {
  let best = 1;
  let bestValue = -Infinity;
  for (let e = 1; e <= maxPace + 1e-9; e += 0.05) {
    const units = Math.min(hours * e, available);
    const value = poolAt(curve, unitsSoFar + units) - (costPerHour * hours * e * e) / 2;
    if (value > bestValue + 1e-9) {
      best = e;
      bestValue = value;
    }
  }
  return best;
}

/** A Poisson draw with the given mean by inverse transform of one uniform (means up to a few hundred). */
function poisson(mean: number, u: number): number {
  if (mean <= 0) return 0;
  if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * inverseNormal(Math.min(1 - 1e-12, Math.max(1e-12, u)))));
  let k = 0;
  let term = Math.exp(-mean);
  let cum = term;
  while (u > cum && k < 10 * mean + 50) {
    k++;
    term *= mean / k;
    cum += term;
  }
  return k;
}
