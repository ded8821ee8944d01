/**
 * From held runs to the documented results contract (`paybench-results`, version 1,
 * PRODUCT.md "Command line"). One pure function; its output is what the CLI prints and
 * writes, and what charts read.
 *
 * Definitions (the contract's fine print):
 * - Monthly metrics pool every run-month; totals are per run, summed over the horizon.
 *   Distributions are `{ mean, p5, p10, p25, p50, p75, p90, p95 }` (p10 and p90 added later
 *   in version 1: an owner's limit reads "the gap in nine months out of ten"), quantiles of type 7 (quantiles.ts)
 *   read from mergeable sketches (accumulator.ts, quantile-sketch.ts): exact while a series
 *   holds at most 256 distinct values, else within 0.1% (`quantileError`). Means are
 *   exact sums; the profit total and the paired differences keep every run and are exact.
 * - planFulfilment = collections / plan; planMetShare = share of run-months with
 *   collections ≥ plan.
 * - intraMonth: cumulative collections by day of month / plan, over all run-months
 *   (RunResult carries the month's last value into days a short month lacks).
 * - effortByDay: over the run-months in which somebody worked that day of month (effort
 *   > 0), so weekends and missing days do not dilute the profile; `worked` is the share of
 *   run-months in which somebody did.
 * - cashDaily: bands over runs for each recorded day; typicalMonth: bands by day of month
 *   over all run-months that have that day.
 * - vsBaseline pairs runs by run index (common random numbers): profitDiff is the
 *   difference of profit totals, collectionsDiff of mean monthly collections,
 *   maxCashGapMidDiff of mean monthly mid-month gaps (positive = a larger gap); each with the
 *   median, p5, p95 and mean of the differences, and meanLow/meanHigh: the 90% interval of
 *   their mean (normal approximation over the runs), which narrows as runs are added;
 *   shareBetter = share of paired runs whose profit total is strictly larger.
 * - monthly: median and mean over runs of each month's value; inboundConversion is signed /
 *   requests per run-month, skipping run-months without requests. prospectingHours are the
 *   sellers' hours on new clients: prospecting, and handling inbound or routed requests. clientsTakenPerDeparture
 *   is the exact total of clients who left with a leaver over the total of departures.
 * - Absence cover (P7, cover.ts): monthly coverHours (queue hours colleagues worked on the
 *   clients of a person away that day) and uncoveredHours (the absent people's clients'
 *   usual hours minus the cover they got; may be negative by chance). coverShare is the
 *   exact total of cover over the total of cover + uncovered, clipped to 0..1 (null when nobody's clients
 *   missed anyone); coverMatrix[a][c] is the mean over runs of the hours person c covered
 *   for person a over the horizon (staff in scenario order; the diagonal is 0).
 * - monthly dso (days sales outstanding): receivables at the month's end (billed and not
 *   paid: waiting to be issued, on the way, owed) / the month's billing × the month's days.
 * - Rounding: roubles to 2 decimals, shares and effort to 6, counts and days to 4.
 *   Numbers that do not exist (no runs) are null.
 */
import type { Scenario } from '../scenario/types.ts';
import { DAYS_IN_MONTH_SLOTS } from '../run/run-result.ts';
import { SchemeSketches, perRunKey } from './scheme-sketches.ts';
import type { PerRunKey } from './scheme-sketches.ts';
import { DAY_ROWS, HORIZON_RATIOS, METRIC_ROWS, MONTHLY_RATIOS, PER_RUN_ROWS, type DayContractKey, type DayKey, type DayMetric, type HorizonRatioKey, type MonthlyKey, type PairedKey, type Unit } from '../run/metrics.ts';
import type { ResultsAccumulator } from './accumulator.ts';
import { BAND_LEVELS, BAND_P } from './quantiles.ts';
import { count, exactDist, money, pairedDiff, roundDist, share } from './exact-figures.ts';
import { QuantileSketch } from './quantile-sketch.ts';
import { exactSum } from '../numeric/exact-sum.ts';

export { ResultsAccumulator } from './accumulator.ts';

export * from './results-json.ts';
import { QUANTILE_ERROR, RESULTS_FORMAT, RESULTS_VERSION } from './results-json.ts';
import type {
  BandSeries, Centre, Dist, MetricKey, MonthSummary, Num, PairedDiff, ResultsJson, ResultsMeta, SchemeResults, StaffSummary, VsBaseline,
} from './results-json.ts';

// ---------------------------------------------------------------- calendar of the horizon

function monthLabel(startMonth: string, offset: number): string {
  const [y, m] = startMonth.split('-').map(Number);
  const k = y * 12 + (m - 1) + offset;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

function daysInMonth(label: string): number {
  const [y, m] = label.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// ---------------------------------------------------------------- from sketches

const DIST_P = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

/** A series' distribution, optionally scaled (x/plan): quantiles and the exact mean. */
function sketchDist(s: QuantileSketch, r: (x: number) => Num, scale = 1): Dist {
  const [p5, p10, p25, p50, p75, p90, p95] = s.quantiles(DIST_P).map((q) => q * scale);
  return roundDist({ mean: s.mean() * scale, p5, p10, p25, p50, p75, p90, p95 }, r);
}

function sketchCentre(s: QuantileSketch, r: (x: number) => Num, scale = 1): Centre {
  return { median: r(s.quantile(0.5) * scale), mean: r(s.mean() * scale) };
}

function sketchBands(list: QuantileSketch[], r: (x: number) => Num): BandSeries {
  const q = list.map((s) => s.quantiles(BAND_P));
  const out = {} as BandSeries;
  BAND_LEVELS.forEach((level, k) => (out[level] = q.map((v) => r(v[k]))));
  return out;
}

/** A per-run number for every run held, in run order. */
function perRunValues(s: SchemeSketches, key: PerRunKey): Float64Array {
  return Float64Array.from(s.runIndices(), (run) => s.perRun(key, run)!);
}

// ---------------------------------------------------------------- one scheme

const ROUNDING: Record<Unit, (x: number) => Num> = { roubles: money, share, count, days: count, hours: count };

/** The contract's `metrics`, row by row of the registry: distributions over run-months, then horizon totals. */
function metrics(s: SchemeSketches, plan: number): Record<MetricKey, Dist> {
  const out = {} as Record<MetricKey, Dist>;
  for (const row of METRIC_ROWS) {
    const sketch = s.monthlyMetrics[row.key as MonthlyKey];
    if (row.monthly) out[row.monthly as MetricKey] = sketchDist(sketch, ROUNDING[row.unit]);
    if (row.perPlan) out[row.perPlan as MetricKey] = sketchDist(sketch, share, 1 / plan);
  }
  for (const row of METRIC_ROWS) {
    if (!row.total) continue;
    out[row.total as MetricKey] =
      row.paired?.fold === 'sum' ? exactDist(perRunValues(s, perRunKey(row)), ROUNDING[row.unit]) : sketchDist(s.totals[row.key as MonthlyKey], ROUNDING[row.unit]);
  }
  return out;
}

function staffSummaries(scenario: Scenario, s: SchemeSketches): StaffSummary[] {
  return scenario.staff.map((person, i) => {
    const p = s.staff[i] ?? { pay: new QuantileSketch(), bonus: new QuantileSketch(), payTotal: new QuantileSketch() };
    return {
      id: person.id,
      name: person.name,
      role: person.role,
      pay: sketchDist(p.pay, money),
      bonus: sketchDist(p.bonus, money),
      payTotal: sketchDist(p.payTotal, money),
    };
  });
}

const DAYS = Array.from({ length: DAYS_IN_MONTH_SLOTS }, (_, i) => i + 1);

/** A day row of the registry in the contract: by day of month, median and mean, and for uncarried rows the share of run-months that had it. */
function daySeries(s: SchemeSketches, row: DayMetric, plan: number) {
  const list = s.byDay[row.key as DayKey];
  const r = row.perPlan ? share : ROUNDING[row.unit];
  const scale = row.perPlan ? 1 / plan : 1;
  return DAYS.map((day) => {
    const sketch = list[day - 1];
    const centre = { day, ...sketchCentre(sketch, r, scale) };
    return row.carry ? centre : { ...centre, worked: share(s.runMonths > 0 ? sketch.count / s.runMonths : NaN) };
  });
}

function daySummaries(s: SchemeSketches, plan: number): Pick<SchemeResults, DayContractKey> {
  return Object.fromEntries(DAY_ROWS.map((row) => [row.contract, daySeries(s, row, plan)])) as unknown as Pick<SchemeResults, DayContractKey>;
}

function cashBands(scenario: Scenario, s: SchemeSketches): { cashDaily: BandSeries; typicalMonth: BandSeries } {
  const days = s.runs > 0 ? s.days : 0;
  const daily = s.cashDaily.slice(0, days);
  // Recorded day → day of month, from the horizon's calendar; a day of month's balances are
  // the merge of its recorded days' (exact: the same summary as adding them one by one).
  const typical = DAYS.map(() => new QuantileSketch());
  for (let m = 0, k = 0; k < days; m++) {
    const n = daysInMonth(monthLabel(scenario.simulation.startMonth, m));
    for (let d = 1; d <= n && k < days; d++, k++) typical[d - 1].merge(daily[k]);
  }
  return { cashDaily: sketchBands(daily, money), typicalMonth: sketchBands(typical, money) };
}

/** The contract's `monthly[]`: each by-month row (ratios after the row they follow), median and mean over runs. */
const BY_MONTH: readonly { key: string; unit: Unit }[] = METRIC_ROWS.filter((r) => r.byMonth).flatMap((r) => [
  { key: r.key, unit: r.unit },
  ...MONTHLY_RATIOS.filter((q) => q.after === r.key),
]);

function monthlySeries(scenario: Scenario, s: SchemeSketches): MonthSummary[] {
  const months = s.runs > 0 ? s.months : 0;
  return Array.from({ length: months }, (_, m) => {
    const at = s.monthly[m] as Record<string, QuantileSketch>;
    const month = { month: monthLabel(scenario.simulation.startMonth, m) } as MonthSummary;
    for (const { key, unit } of BY_MONTH) (month as unknown as Record<string, Centre>)[key] = sketchCentre(at[key], ROUNDING[unit]);
    return month;
  });
}

/** Exact totals over every run-month held: clients taken / departures. */
function clientsTakenPerDeparture(s: SchemeSketches): Num {
  const months = s.runs > 0 ? s.months : 0;
  const departures = exactSum(Float64Array.from({ length: months }, (_, m) => s.monthly[m].departures.sum()));
  const taken = exactSum(Float64Array.from({ length: months }, (_, m) => s.monthly[m].clientsTaken.sum()));
  return departures > 0 ? count(taken / departures) : null;
}

/** Exact totals over every run-month held: cover / (cover + uncovered). */
function coverShare(s: SchemeSketches): Num {
  const months = s.runs > 0 ? s.months : 0;
  const cover = exactSum(Float64Array.from({ length: months }, (_, m) => s.monthly[m].coverHours.sum()));
  const uncovered = exactSum(Float64Array.from({ length: months }, (_, m) => s.monthly[m].uncoveredHours.sum()));
  const usual = cover + uncovered;
  return usual > 0 ? share(Math.min(1, Math.max(0, cover / usual))) : null;
}

/** Each horizon ratio of the registry: exact totals over every run-month held. */
function horizonRatios(s: SchemeSketches): Record<HorizonRatioKey, Num> {
  const out = {} as Record<HorizonRatioKey, Num>;
  for (const q of HORIZON_RATIOS) {
    const per = s.sums[q.per].value();
    out[q.contract] = per > 0 ? share((q.scale * s.sums[q.of].value()) / per) : null;
  }
  return out;
}

/** Mean cover hours over runs, [away][covered by]. */
function coverMatrix(scenario: Scenario, s: SchemeSketches): Num[][] {
  const n = scenario.staff.length;
  return Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, c) => {
      const cell = s.coverMatrix[a * n + c];
      return count(s.runs > 0 ? (cell ? cell.value() : 0) / s.runs : NaN);
    }),
  );
}

/** Paired by run index: the profit difference first (the headline), then the registry's other paired rows. */
function vsBaseline(s: SchemeSketches, baseline: SchemeSketches): VsBaseline {
  const pairs = s.runIndices().filter((run) => baseline.has(run));
  const diff = (key: PerRunKey) => Float64Array.from(pairs, (run) => s.perRun(key, run)! - baseline.perRun(key, run)!);
  const better = pairs.filter((run) => s.perRun('profitTotal', run)! > baseline.perRun('profitTotal', run)!).length;
  const rows = [...PER_RUN_ROWS].sort((a, b) => Number(b.key === 'profit') - Number(a.key === 'profit'));
  const out = { runs: pairs.length } as VsBaseline;
  for (const row of rows) out[row.paired!.diff as PairedKey] = pairedDiff(diff(perRunKey(row)), ROUNDING[row.unit]);
  out.shareBetter = share(pairs.length > 0 ? better / pairs.length : NaN);
  return out;
}

export function summarizeScheme(scenario: Scenario, acc: ResultsAccumulator, schemeIndex: number): SchemeResults {
  const scheme = scenario.schemes[schemeIndex];
  if (!scheme) throw new RangeError(`no scheme at index ${schemeIndex}`);
  const s = acc.scheme(schemeIndex) ?? new SchemeSketches();
  const plan = Number(scenario.company.plan);
  const baselineIndex = scenario.schemes.findIndex((x) => x.id === scenario.baseline);
  const baseline = baselineIndex >= 0 && baselineIndex !== schemeIndex ? acc.scheme(baselineIndex) : undefined;
  return {
    id: scheme.id,
    name: scheme.name,
    runs: s.runs,
    metrics: metrics(s, plan),
    planMetShare: share(s.runMonths > 0 ? s.planMet / s.runMonths : NaN),
    staff: staffSummaries(scenario, s),
    ...daySummaries(s, plan),
    ...cashBands(scenario, s),
    monthly: monthlySeries(scenario, s),
    clientsTakenPerDeparture: clientsTakenPerDeparture(s),
    coverShare: coverShare(s),
    coverMatrix: coverMatrix(scenario, s),
    ...horizonRatios(s),
    vsBaseline: baseline && baseline.runs > 0 ? vsBaseline(s, baseline) : null,
  };
}

/** The results contract for every scheme the accumulator holds, in scenario order. */
export function buildResultsJson(scenario: Scenario, acc: ResultsAccumulator, meta: ResultsMeta = {}): ResultsJson {
  const plan = Number(scenario.company.plan);
  if (acc.size > 0 && acc.plan !== plan) throw new Error(`these results were collected for a plan of ${acc.plan}, not ${plan}`);
  const schemeIndices = acc.schemeIndices();
  // Runs of every scheme: the fewest any scheme holds (all the same once a batch is done; a
  // partial summary, say a run that kept some schemes, is said to be partial by this count).
  const runs = schemeIndices.length > 0 ? Math.min(...schemeIndices.map((i) => acc.scheme(i)!.runs)) : 0;
  return {
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    generator: meta.generator ?? 'paybench',
    scenario: {
      name: scenario.name,
      seed: scenario.simulation.seed,
      runs,
      months: scenario.simulation.months,
      startMonth: scenario.simulation.startMonth,
    },
    quantileError: QUANTILE_ERROR,
    baseline: scenario.baseline,
    schemes: schemeIndices.map((i) => summarizeScheme(scenario, acc, i)),
  };
}

/** Deterministic text: fixed key order (objects are built in contract order), two-space indent. */
export function resultsJsonText(results: ResultsJson): string {
  return JSON.stringify(results, null, 2) + '\n';
}
