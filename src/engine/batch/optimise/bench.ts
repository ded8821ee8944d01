/**
 * Where candidate schemes are measured: a block of runs (runs kB … (k+1)B − 1 on the
 * scenario's seed) of many candidates at once, side by side in one scenario with the start
 * as its baseline — common random numbers, so each candidate's figures differ from the
 * start's by the scheme and not by the luck, and the contract's paired differences are
 * with the start. Nothing else of the scenario changes: clients, market and company stay.
 *
 * A scheme's results depend only on the scheme, the seed and the runs (run i's seed is
 * (seed, i) whatever scheme or batch it runs in), so they are kept by the scheme's text and
 * never run twice, and any batching gives the same numbers.
 */
import type { Scenario, Scheme } from '../../scenario/types.ts';
import type { ResultsJson, SchemeResults } from '../../results/results-json.ts';
import { SCENARIO_LIMITS } from '../../scenario/limits.ts';

/** Runs a scenario's runs [runsFrom, runsTo) and summarises them (any runner: the numbers are the same). */
export type BlockRunner = (scenario: Scenario, range: { runsFrom: number; runsTo: number }, onRuns?: (done: number) => void) => Promise<ResultsJson>;

/** Candidates in a batch beside the start: a scenario holds at most 12 schemes. */
const ROOM = SCENARIO_LIMITS.maxSchemes - 1;

export class Bench {
  readonly #base: Scenario;
  readonly #start: Scheme;
  readonly #startKey: string;
  readonly #run: BlockRunner;
  readonly #cache = new Map<string, SchemeResults>();
  readonly blockRuns: number;
  readonly seed: number;
  /**
   * Run the start beside every batch, as its baseline, so that the contract's paired
   * differences are with it (a goal that reads vsBaseline); otherwise once per block.
   */
  readonly pairStart: boolean;
  /** Scheme-runs simulated so far. */
  runs = 0;
  onRuns?: (runs: number) => void;

  constructor(base: Scenario, startId: string, blockRuns: number, run: BlockRunner, options: { seed?: number; pairStart?: boolean } = {}) {
    const start = base.schemes.find((s) => s.id === startId);
    if (!start) throw new RangeError(`no scheme "${startId}"`);
    this.#base = base;
    this.#start = start;
    this.#startKey = schemeKey(start);
    this.#run = run;
    this.blockRuns = blockRuns;
    this.seed = options.seed ?? base.simulation.seed;
    this.pairStart = options.pairStart ?? false;
  }

  /** Batches beyond the candidates themselves, in candidate-blocks: the start's runs. */
  overhead(candidates: number, block: number): number {
    if (this.pairStart) return Math.max(1, Math.ceil(candidates / ROOM));
    return this.#cache.has(`${block}|${this.#startKey}`) ? 0 : 1;
  }

  get start(): Scheme {
    return this.#start;
  }

  /** Each scheme's results on block `block`, the start's among them (kept by the scheme's text). */
  async measure(schemes: readonly Scheme[], block: number): Promise<{ results: SchemeResults[]; start: SchemeResults }> {
    const keyOf = (s: Scheme) => `${block}|${schemeKey(s)}`;
    const startKey = `${block}|${this.#startKey}`;
    const missing = [...new Map(schemes.filter((s) => !this.#cache.has(keyOf(s))).map((s) => [keyOf(s), s])).values()].filter((s) => keyOf(s) !== startKey);
    for (let i = 0; i < missing.length || !this.#cache.has(startKey); i += ROOM) {
      const batch = missing.slice(i, i + ROOM);
      const withStart = this.pairStart || !this.#cache.has(startKey);
      const results = await this.#batch(batch, block, withStart);
      if (withStart) this.#cache.set(startKey, results[0]);
      batch.forEach((s, k) => this.#cache.set(keyOf(s), results[k + (withStart ? 1 : 0)]));
    }
    return { results: schemes.map((s) => this.#cache.get(keyOf(s))!), start: this.#cache.get(startKey)! };
  }

  async #batch(schemes: readonly Scheme[], block: number, withStart: boolean): Promise<SchemeResults[]> {
    const ids = new Set([this.#start.id]);
    const named = schemes.map((s, k) => {
      let id = `candidate-${k + 1}`;
      while (ids.has(id)) id = `${id}x`;
      ids.add(id);
      return { ...s, id };
    });
    const runsFrom = block * this.blockRuns;
    const runsTo = runsFrom + this.blockRuns;
    const scenario: Scenario = {
      ...this.#base,
      simulation: { ...this.#base.simulation, seed: this.seed, runs: runsTo },
      schemes: withStart ? [this.#start, ...named] : named,
      baseline: withStart ? this.#start.id : named[0].id,
    };
    const before = this.runs;
    const json = await this.#run(scenario, { runsFrom, runsTo }, (done) => this.onRuns?.(before + done));
    this.runs = before + scenario.schemes.length * this.blockRuns;
    this.onRuns?.(this.runs);
    return scenario.schemes.map((s) => {
      const r = json.schemes.find((x) => x.id === s.id);
      if (!r) throw new Error(`the runner returned no results for ${s.id}`);
      return r;
    });
  }
}

/** A scheme's text without its id and name (what it pays, not what it is called). */
export function schemeKey(s: Scheme): string {
  const { id: _id, name: _name, ...rest } = s;
  return JSON.stringify(rest);
}
