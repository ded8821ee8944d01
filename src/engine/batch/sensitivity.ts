/**
 * Sensitivity (PRODUCT.md, Results 7): which inputs move a scheme's advantage over the
 * baseline most, by one-at-a-time sweeps. Each input is set `swing` lower and higher (20%
 * by default) with the rest of the scenario as it is, the comparison is run again on the
 * same seed and runs — common random numbers, so a bar's length is the input's effect and
 * not the luck's — and each scheme's advantage is read as the median paired difference of
 * profit over the horizon to the baseline (`vsBaseline.profitDiff.median`). A tornado
 * chart draws the result, the input with the widest swing on top.
 *
 * The front ends run the planned scenarios (any runner: the numbers are the same) and hand
 * the results to `tornado`. Decimal strings are scaled exactly (decimal.js).
 */
import { Dec } from '../money/decimal.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/types.ts';
import type { ResultsJson } from '../results/results-json.ts';

export const DEFAULT_SWING = 0.2;
/** Runs per scheme for each swept scenario: enough for stable medians of paired differences. */
export const DEFAULT_SENSITIVITY_RUNS = 200;

export interface SensitivityInput {
  id: string;
  /** Where the input sits in a scenario file. */
  path: string;
  get(s: Scenario): string | number;
  set(s: Scenario, value: string | number): void;
  /** Counted in whole units (clients). */
  integer?: boolean;
  /** Whether the scenario uses it at all (a switched-off module's parameter does not count). */
  applies?(s: Scenario): boolean;
}

const stretcher = (s: Scenario) => s.clients.habits.find((h) => h.id === 'stretcher');

/** The inputs swept: market, payment discipline, costs and money, people's dislike of effort. */
export const SENSITIVITY_INPUTS: readonly SensitivityInput[] = [
  { id: 'monthlyVolume', path: 'clients.monthlyVolume', get: (s) => s.clients.monthlyVolume, set: (s, v) => (s.clients.monthlyVolume = String(v)) },
  { id: 'clientCount', path: 'clients.count', integer: true, get: (s) => s.clients.count, set: (s, v) => (s.clients.count = Number(v)) },
  { id: 'volumeNoise', path: 'clients.volumeNoise', get: (s) => s.clients.volumeNoise, set: (s, v) => (s.clients.volumeNoise = Number(v)) },
  {
    id: 'stretcherDays',
    path: 'clients.habits[stretcher].medianDays',
    get: (s) => stretcher(s)?.medianDays ?? 0,
    set: (s, v) => {
      const h = stretcher(s);
      if (h) h.medianDays = Number(v);
    },
    applies: (s) => stretcher(s) !== undefined,
  },
  { id: 'variableCostRatio', path: 'company.variableCostRatio', get: (s) => s.company.variableCostRatio, set: (s, v) => (s.company.variableCostRatio = String(v)) },
  { id: 'fixedCosts', path: 'company.fixedCosts', get: (s) => s.company.fixedCosts, set: (s, v) => (s.company.fixedCosts = String(v)) },
  { id: 'openingCash', path: 'company.openingCash', get: (s) => s.company.openingCash, set: (s, v) => (s.company.openingCash = String(v)) },
  { id: 'overdraftRate', path: 'company.overdraftRate', get: (s) => s.company.overdraftRate, set: (s, v) => (s.company.overdraftRate = String(v)) },
  {
    id: 'effortCost',
    path: 'behaviour.effort.costFactor',
    get: (s) => s.behaviour.effort.costFactor,
    set: (s, v) => (s.behaviour.effort.costFactor = Number(v)),
    applies: (s) => s.behaviour.effort.enabled,
  },
];

export interface Sweep {
  input: SensitivityInput;
  /** The input's value in the scenario, and at the low and high ends. */
  value: string | number;
  low: Scenario;
  high: Scenario;
}

export interface SensitivityPlan {
  /** The scenario at the sweeps' run count: the centre of every bar. */
  base: Scenario;
  sweeps: Sweep[];
  /** Inputs left out, with why (zero, not used, or a swept value the scenario rules refuse). */
  skipped: { input: SensitivityInput; reason: string }[];
  swing: number;
}

const copy = (s: Scenario): Scenario => JSON.parse(JSON.stringify(s)) as Scenario;

function scaled(value: string | number, factor: number, integer: boolean): string | number {
  if (typeof value === 'string') return new Dec(value).times(factor).toString();
  return integer ? Math.max(1, Math.round(value * factor)) : value * factor;
}

/** The scenarios to run: the base, and each applicable input set `swing` lower and higher. */
export function planSensitivity(scenario: Scenario, options: { swing?: number; runs?: number } = {}): SensitivityPlan {
  const swing = options.swing ?? DEFAULT_SWING;
  if (!(swing > 0 && swing < 1)) throw new RangeError(`the swing must be between 0 and 1, not ${swing}`);
  const runs = Math.max(1, Math.floor(options.runs ?? Math.min(scenario.simulation.runs, DEFAULT_SENSITIVITY_RUNS)));
  const base = copy(scenario);
  base.simulation.runs = runs;
  const sweeps: Sweep[] = [];
  const skipped: SensitivityPlan['skipped'] = [];
  for (const input of SENSITIVITY_INPUTS) {
    if (input.applies && !input.applies(base)) {
      skipped.push({ input, reason: 'not used by this scenario' });
      continue;
    }
    const value = input.get(base);
    if (Number(value) === 0) {
      skipped.push({ input, reason: 'zero: a share of it is still zero' });
      continue;
    }
    const ends = [1 - swing, 1 + swing].map((factor) => {
      const s = copy(base);
      input.set(s, scaled(value, factor, input.integer === true));
      return parseScenario(s);
    });
    const refused = ends.find((e) => !e.ok);
    if (refused && !refused.ok) {
      skipped.push({ input, reason: refused.errors[0]?.message ?? 'the swept value is refused' });
      continue;
    }
    const [low, high] = ends.map((e) => (e.ok ? e.scenario : base));
    sweeps.push({ input, value, low, high });
  }
  return { base, sweeps, skipped, swing };
}

export interface TornadoBar {
  input: string;
  path: string;
  /** The scheme's advantage (roubles) with the input low and high; null where it has none. */
  low: number | null;
  high: number | null;
  /** |high − low|: the bar's length. */
  swing: number;
}

export interface SchemeTornado {
  id: string;
  name: string;
  /** The advantage in the scenario as it is (the bars' centre line). */
  base: number | null;
  bars: TornadoBar[];
}

export interface Tornado {
  baseline: string;
  runs: number;
  swing: number;
  /** One per scheme other than the baseline, in scenario order. */
  schemes: SchemeTornado[];
}

const advantage = (r: ResultsJson, id: string): number | null => r.schemes.find((s) => s.id === id)?.vsBaseline?.profitDiff.median ?? null;

/** The tornado from the results of a plan's scenarios (`results[i]`: sweep i's low and high). */
export function tornado(plan: SensitivityPlan, base: ResultsJson, results: { low: ResultsJson; high: ResultsJson }[]): Tornado {
  if (results.length !== plan.sweeps.length) throw new Error(`${results.length} results for ${plan.sweeps.length} sweeps`);
  return {
    baseline: base.baseline,
    runs: base.scenario.runs,
    swing: plan.swing,
    schemes: base.schemes
      .filter((s) => s.id !== base.baseline)
      .map((s) => {
        const bars = plan.sweeps.map((sweep, i) => {
          const low = advantage(results[i].low, s.id);
          const high = advantage(results[i].high, s.id);
          return { input: sweep.input.id, path: sweep.input.path, low, high, swing: low === null || high === null ? 0 : Math.abs(high - low) };
        });
        // Widest first; ties keep the inputs' order, so the chart is stable.
        const order = bars.map((b, i) => [b, i] as const).sort((a, b) => b[0].swing - a[0].swing || a[1] - b[1]);
        return { id: s.id, name: s.name, base: advantage(base, s.id), bars: order.map(([b]) => b) };
      }),
  };
}

/** Scheme-runs the plan runs in all: every scenario at the base's runs × schemes. */
export function sensitivityRuns(plan: SensitivityPlan): number {
  return plan.base.simulation.runs * plan.base.schemes.length * (1 + 2 * plan.sweeps.length);
}

/**
 * Runs a plan through `run` (a front end's runner: the base first, then each sweep's low
 * and high ends) and builds the tornado. `run` reports scheme-runs done in its scenario;
 * `onProgress(done, total)` counts them over the whole plan.
 */
export async function runSensitivity(
  plan: SensitivityPlan,
  run: (scenario: Scenario, onProgress: (done: number) => void) => Promise<ResultsJson>,
  onProgress?: (done: number, total: number) => void,
): Promise<Tornado> {
  const total = sensitivityRuns(plan);
  const perScenario = plan.base.simulation.runs * plan.base.schemes.length;
  let before = 0;
  const step = async (s: Scenario) => {
    const r = await run(s, (done) => onProgress?.(before + done, total));
    before += perScenario;
    onProgress?.(before, total);
    return r;
  };
  const base = await step(plan.base);
  const results: { low: ResultsJson; high: ResultsJson }[] = [];
  for (const sweep of plan.sweeps) results.push({ low: await step(sweep.low), high: await step(sweep.high) });
  return tornado(plan, base, results);
}
