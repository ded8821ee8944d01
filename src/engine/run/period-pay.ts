/**
 * The pay of a measured period, settled at its last month's end (kopecks): one team pool
 * split between the people (pay/settle.ts), or under a personal measure a pool per person
 * on their own result — their own book, the clients they brought in, process units —
 * after their own gates and clawback. Keeps the personal gates' notes through the month.
 */
import type { Model, SchemeModel } from '../model/model.ts';
import type { Department } from '../world/department.ts';
import type { Workforce } from '../world/workforce.ts';
import type { SalesBook } from '../world/sales-book.ts';
import type { SalesMonth } from '../agents/sales-month.ts';
import type { TeamDay } from '../agents/team-day.ts';
import { keyedUniform } from '../numeric/random.ts';
import { normalFromUniform } from '../numeric/normal.ts';
import { settlePeriod } from '../pay/settle.ts';
import { poolKopecks } from '../pay/formula.ts';
import { paysPersonally } from '../pay/personal-pay.ts';
import { AcquiredClients, newClientRevenue, settleNewClientPay } from './commission.ts';
import { PersonalGates } from './personal-gates.ts';

export class PeriodPay {
  /** The last settlement: the pools before gates, and what was paid after gates and clawback (kopecks). */
  pool = 0;
  paid = 0;
  private readonly personal: boolean;
  private readonly gates: PersonalGates | null;
  private readonly owners: ReadonlySet<number>;
  /** The clients each person brought in, rebuilt at each settlement (selling scenarios). */
  private acquired: AcquiredClients | null = null;
  /** Person j's own result so far this period (kopecks), for their gates. */
  private readonly ownResult = (j: number): number => {
    const measure = this.measureOf(j);
    if (measure === 'newClientRevenue' && this.sales) return newClientRevenue(j, this.sales, this.dept.book);
    return measure === 'personalCollections' ? this.dept.owners[j].collectedPeriod : 0;
  };

  constructor(
    private readonly model: Model,
    private readonly scheme: SchemeModel,
    private readonly dept: Department,
    private readonly workforce: Workforce,
    private readonly selling: SalesMonth | null,
    private readonly sales: SalesBook | null,
    owners: readonly number[],
    /** This run's key for the split's draws (discretion, favouritism). */
    private readonly splitSalt: number,
    /** Scratch: one normal per person. */
    private readonly normals: Float64Array,
  ) {
    this.personal = paysPersonally(scheme.scheme);
    this.gates = this.personal ? new PersonalGates(scheme, model.staff.length) : null;
    this.owners = new Set(owners);
  }

  /** What person j's own pool is measured on (personal measures). */
  private measureOf(j: number): ReturnType<SalesMonth['payMeasure']> {
    return this.selling ? this.selling.payMeasure(j) : this.owners.has(j) ? 'personalCollections' : 'none';
  }

  startMonth(): void {
    this.gates?.startMonth();
  }

  /** End of day `dom`: each person's own result is noted for the personal gates due today. */
  closeDay(dom: number, monthLength: number): void {
    if (this.gates?.active) this.gates.closeDay(dom, monthLength, this.ownResult);
  }

  /** The period ends with month m: each person's bonus into `bonus` (kopecks, zeroed by the caller). */
  settle(m: number, teams: readonly TeamDay[], contribution: Float64Array, bonus: Float64Array): void {
    if (this.personal) this.settlePersonal(bonus);
    else this.settleTeam(m, teams, contribution, bonus);
    for (const team of teams) team.closePeriod();
  }

  /** A pool per person on their own book (or on the clients they brought in), paid whole to them. */
  private settlePersonal(bonus: Float64Array): void {
    const { dept, workforce, selling, sales, scheme } = this;
    const gates = this.gates!;
    let paid = 0;
    let gatedIn = 0;
    let gatedOut = 0;
    const mine = sales ? (this.acquired ??= new AcquiredClients(bonus.length, dept.book.n)) : null;
    if (sales && mine) mine.build(sales, dept.book);
    for (let j = 0; j < bonus.length; j++) {
      const measure = this.measureOf(j);
      if (selling) {
        selling.lastOwnCollections[j] = dept.owners[j].collectedPeriod / 100;
        if (sales && mine) selling.lastNewRevenue[j] = mine.revenue(j, sales) / 100;
      }
      if (workforce.isVacant(j) || measure === 'none') {
        if (selling) selling.units[j] = 0; // a leaver's units are not the next hire's pay
        continue;
      }
      if (measure === 'processUnits' && selling) {
        // Units in hundredths: a piece rate in roubles per unit is then kopecks per hundredth.
        bonus[j] = poolKopecks(scheme.pay.formula, Math.round(selling.units[j] * 100));
        selling.units[j] = 0;
      } else {
        const gated = (before: number) => {
          const after = gates.paid(j, before);
          gatedIn += before;
          gatedOut += after;
          return after;
        };
        bonus[j] =
          measure === 'newClientRevenue' && sales && mine
            ? settleNewClientPay(j, scheme.pay.formula, sales, mine, dept.clawback, gated)
            : gated(poolKopecks(scheme.pay.formula, dept.owners[j].collectedPeriod));
      }
      paid += bonus[j];
    }
    // The pools before gates; what is paid is after gates and clawback.
    this.pool = paid + gatedIn - gatedOut;
    this.paid = paid;
  }

  /** One team pool on the team's collections, split between the people (settle.ts). */
  private settleTeam(m: number, teams: readonly TeamDay[], contribution: Float64Array, bonus: Float64Array): void {
    const { normals, splitSalt } = this;
    const split = this.model.scenario.behaviour.splitPerception;
    for (let j = 0; j < normals.length; j++) normals[j] = normalFromUniform(keyedUniform(splitSalt, j, m, 0));
    const s = settlePeriod(
      this.scheme.pay,
      {
        measureKopecks: this.dept.team.collectedPeriod,
        collectedByDayKopecks: teams[0].gateCollected,
        keyPlanMet: teams[0].gateMet,
        contributions: contribution,
        normals,
        discretionNoise: split.discretionNoise,
        favouritism: split.favouritism,
        directorCorrection: split.directorCorrection,
      },
      bonus,
    );
    this.pool = s.poolKopecks;
    this.paid = s.paidKopecks;
  }
}
