/**
 * The company's cash (article 002 §"кассовый разрыв"): collections come in when clients
 * pay; obligations to counterparties and fixed costs go out evenly, day by day; payroll
 * on pay days; an overdraft finances any shortfall at a daily rate, and that cost is a
 * cost in profit. At month end the owners take the cash above a set level, so the
 * balance does not drift upward for ever and the monthly gap keeps its shape.
 */
import type { Model } from '../model/model.ts';

export class CashLedger {
  balance = 0;
  /** Outflow per day this month: fixed costs + last month's variable obligations. */
  dailyOutflow = 0;
  /** The scheme's own fixed costs a month (automated marketing), on top of the company's. */
  schemeFixedCosts = 0;
  /** Salary rest + bonus + payroll taxes owed at the next settlement day. */
  owedPayroll = 0;
  // month statistics
  maxGap = 0;
  maxGapMid = 0;
  daysInDeficit = 0;
  financingCost = 0;

  constructor(private readonly model: Model) {}

  reset(): void {
    this.balance = this.model.openingCash;
    this.owedPayroll = 0;
    this.startMonth(Number(this.model.scenario.clients.monthlyVolume), 30);
  }

  /** Sets this month's even outflow from last month's billed volume. */
  startMonth(billedLastMonth: number, monthLength: number): void {
    const m = this.model;
    this.dailyOutflow = (m.fixedCosts + this.schemeFixedCosts + m.variableCostRatio * billedLastMonth) / monthLength;
    this.maxGap = 0;
    this.maxGapMid = 0;
    this.daysInDeficit = 0;
    this.financingCost = 0;
  }

  receive(roubles: number): void {
    this.balance += roubles;
  }

  /**
   * The day's outflows, payroll and overdraft interest; then the gap statistics. A pay
   * day past the month's end (the 31st in February) falls on its last day.
   */
  endDay(dayOfMonth: number, monthLength: number, salaries: number): void {
    const m = this.model;
    const { advanceDay, settlementDay } = m.scenario.company;
    this.balance -= this.dailyOutflow;
    if (dayOfMonth === Math.min(advanceDay, monthLength)) this.balance -= salaries * m.advanceShare;
    if (dayOfMonth === Math.min(settlementDay, monthLength)) {
      this.balance -= this.owedPayroll;
      this.owedPayroll = 0;
    }
    if (this.balance < 0) {
      const interest = -this.balance * m.overdraftDaily;
      this.balance -= interest;
      this.financingCost += interest;
    }
    const gap = m.minReserve - this.balance;
    if (gap > 0) {
      this.daysInDeficit++;
      if (gap > this.maxGap) this.maxGap = gap;
      if (dayOfMonth >= 11 && dayOfMonth <= 25 && gap > this.maxGapMid) this.maxGapMid = gap;
    }
  }

  /** Owners take the cash above the set level after the month's close. */
  ownerDraw(): void {
    const keep = this.model.ownerDrawAbove;
    if (this.balance > keep) this.balance = keep;
  }
}
