/**
 * What a payment history says, as numbers: the same estimator for a department's own
 * statement and for a simulated run's payments, so that the fit compares like with like
 * (the method of simulated moments: a statistic of the model's histories against the same
 * statistic of the real one, with the estimator's own quirks on both sides).
 *
 * A tally adds payments up by month and day, by client and by weekday as they come (no
 * list is kept: a simulated run pays a few thousand times); `statisticsOf` reads it.
 */

/** Days 1–31 of a month. */
export const MONTH_DAYS = 31;
/** The largest clients are the top tenth of the clients who paid (at least one). */
export const LARGEST_SHARE_OF_PAYERS = 0.1;

export class PaymentTally {
  /** Kopecks by month of the horizon and day of month (months × 31). */
  readonly byDay: Float64Array;
  /** Kopecks by client over the horizon. */
  readonly byClient: Float64Array;
  /** Clients who paid in each month, and the month each client last paid in. */
  readonly payers: Int32Array;
  private readonly lastMonth: Int32Array;
  /** Kopecks by weekday (0 = Monday). */
  readonly byWeekday = new Float64Array(7);

  constructor(
    readonly months: number,
    readonly clients: number,
  ) {
    this.byDay = new Float64Array(months * MONTH_DAYS);
    this.byClient = new Float64Array(clients);
    this.payers = new Int32Array(months);
    this.lastMonth = new Int32Array(clients).fill(-1);
  }

  reset(): void {
    this.byDay.fill(0);
    this.byClient.fill(0);
    this.payers.fill(0);
    this.lastMonth.fill(-1);
    this.byWeekday.fill(0);
  }

  /** A payment in month `month` of the horizon, on day `dom` (1–31), by client `client` (−1: unknown). */
  add(month: number, dom: number, weekday: number, client: number, kopecks: number): void {
    this.byDay[month * MONTH_DAYS + dom - 1] += kopecks;
    this.byWeekday[weekday] += kopecks;
    if (client < 0 || client >= this.clients) return;
    this.byClient[client] += kopecks;
    if (this.lastMonth[client] !== month) {
      this.lastMonth[client] = month;
      this.payers[month]++;
    }
  }
}

/** Quantile q of sorted values (linear between order statistics, as R's type 7). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function quantile(values: readonly number[], q: number): number {
  return quantileSorted([...values].sort((a, b) => a - b), q);
}

export interface ProfileBand {
  median: number[];
  p10: number[];
  p90: number[];
}

export interface HistoryStatistics {
  /** Collections by month of the horizon (roubles). */
  monthly: number[];
  /** Mean collections a month (roubles) and their spread from month to month (standard deviation over the mean). */
  level: number;
  spread: number;
  /** Share of each month's total collected by each day of month (days 1–31, the rest of a short month carried): median across months and the 10th–90th percentile band. */
  profile: ProfileBand;
  /** Share of the collections paid by the largest tenth of the payers (null without clients). */
  largestShare: number | null;
  /** Clients who paid in a month, median over months (null without clients). */
  payers: number | null;
  /** Share of the collections by weekday, Monday first. */
  weekdays: number[];
}

/** The statistics of a tally. `hasClients`: the tally knows who paid. */
export function statisticsOf(tally: PaymentTally, hasClients: boolean): HistoryStatistics {
  const { months } = tally;
  const monthly: number[] = [];
  const shares: number[][] = Array.from({ length: MONTH_DAYS }, () => []);
  for (let m = 0; m < months; m++) {
    let total = 0;
    for (let d = 0; d < MONTH_DAYS; d++) total += tally.byDay[m * MONTH_DAYS + d];
    monthly.push(total / 100);
    if (total <= 0) continue;
    let cumulative = 0;
    for (let d = 0; d < MONTH_DAYS; d++) {
      cumulative += tally.byDay[m * MONTH_DAYS + d];
      shares[d].push(cumulative / total);
    }
  }
  const level = monthly.reduce((a, b) => a + b, 0) / Math.max(1, months);
  const variance = monthly.reduce((a, b) => a + (b - level) ** 2, 0) / Math.max(1, months - 1);
  const sortedShares = shares.map((s) => s.sort((a, b) => a - b));
  const profile: ProfileBand = {
    median: sortedShares.map((s) => quantileSorted(s, 0.5)),
    p10: sortedShares.map((s) => quantileSorted(s, 0.1)),
    p90: sortedShares.map((s) => quantileSorted(s, 0.9)),
  };
  const weekTotal = tally.byWeekday.reduce((a, b) => a + b, 0);
  return {
    monthly,
    level,
    spread: level > 0 && months > 1 ? Math.sqrt(variance) / level : 0,
    profile,
    largestShare: hasClients ? largestShare(tally.byClient) : null,
    payers: hasClients ? quantile(Array.from(tally.payers), 0.5) : null,
    weekdays: Array.from(tally.byWeekday, (k) => (weekTotal > 0 ? k / weekTotal : 0)),
  };
}

/** Share of the total paid by the top tenth of the clients who paid. */
export function largestShare(byClient: Float64Array): number {
  const paid = Array.from(byClient).filter((k) => k > 0).sort((a, b) => b - a);
  if (paid.length === 0) return 0;
  const top = Math.max(1, Math.round(paid.length * LARGEST_SHARE_OF_PAYERS));
  const total = paid.reduce((a, b) => a + b, 0);
  return paid.slice(0, top).reduce((a, b) => a + b, 0) / total;
}
