/**
 * Gates on personal pools (article 000: each salesperson's monthly plan broken down by
 * weeks or decades). At the end of each gate's day every person's own result so far is
 * noted; at settlement their pool pays only the tranches whose gates they passed — the
 * same tranche rule as the team pool (settle.ts `paidTranches`).
 */
import type { SchemeModel } from '../model/model.ts';
import { paidTranches } from '../pay/settle.ts';

export class PersonalGates {
  /** Tranche k × staff j: the person's own result by the gate's day, kopecks. */
  private readonly byGate: Float64Array;
  private readonly row: Float64Array;
  readonly active: boolean;

  constructor(
    private readonly scheme: SchemeModel,
    private readonly staffCount: number,
  ) {
    this.byGate = new Float64Array(scheme.gateDay.length * staffCount);
    this.row = new Float64Array(scheme.gateDay.length);
    this.active = scheme.gateDay.some((d) => d > 0);
  }

  startMonth(): void {
    this.byGate.fill(0);
  }

  /** End of day `dom`: notes each person's result for the gates due today. */
  closeDay(dom: number, monthLength: number, resultOf: (j: number) => number): void {
    const days = this.scheme.gateDay;
    for (let k = 0; k < days.length; k++) {
      if (days[k] === 0 || Math.min(days[k], monthLength) !== dom) continue;
      for (let j = 0; j < this.staffCount; j++) this.byGate[k * this.staffCount + j] = resultOf(j);
    }
  }

  /** What person j's pool pays after their gates (kopecks). */
  paid(j: number, pool: number): number {
    if (!this.active) return pool;
    for (let k = 0; k < this.row.length; k++) this.row[k] = this.byGate[k * this.staffCount + j];
    return paidTranches(this.scheme.pay, pool, this.row).paid;
  }
}
