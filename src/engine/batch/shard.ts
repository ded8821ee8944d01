/**
 * Shards: a slice of a batch's runs (`paybench run --runs-from A --runs-to B`) written
 * with the mergeable summaries themselves, so any batch engine (a Kubernetes Job array,
 * Slurm, GNU parallel) can run the slices and `paybench merge` can put them together.
 * Because every summary is a function of the set of runs (accumulator.ts), the merge of
 * the shards of a batch is the whole batch: the same results JSON, byte for byte.
 *
 * A shard (`"format": "paybench-shard"`) holds the scenario as run (parsed again on
 * reading: the one door), the runs it holds (ranges: a merged shard may have gaps), the
 * schemes run, and the accumulator's state.
 * Merging checks that the shards come from the same paybench, scenario and seed, ran the
 * same schemes, and do not overlap.
 */
import type { Scenario } from '../scenario/types.ts';
import { parseScenario } from '../scenario/parse.ts';
import { formatIssue } from '../scenario/issues.ts';
import { ResultsAccumulator } from '../results/accumulator.ts';
import type { AccumulatorState } from '../results/accumulator.ts';
import { shardStateProblems } from './shard-check.ts';

export const SHARD_FORMAT = 'paybench-shard';
export const SHARD_VERSION = 1;

export interface ShardJson {
  format: typeof SHARD_FORMAT;
  version: typeof SHARD_VERSION;
  generator: string;
  scenario: Scenario;
  /** The runs held: half-open ranges [from, to) of the scenario's run indices, ascending. */
  ranges: [number, number][];
  /** Ids of the schemes run, in scenario order. */
  schemes: string[];
  state: AccumulatorState;
}

export function buildShard(
  scenario: Scenario,
  acc: ResultsAccumulator,
  options: { ranges: [number, number][]; generator: string },
): ShardJson {
  return {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    generator: options.generator,
    scenario,
    ranges: options.ranges,
    schemes: acc.schemeIndices().map((i) => scenario.schemes[i].id),
    state: acc.toState(),
  };
}

/** Compact text (shards are machine-read and can be large): no indent. */
export function shardText(shard: ShardJson): string {
  return JSON.stringify(shard) + '\n';
}

/** A shard that cannot be read or merged; the message names the file. */
export class ShardError extends Error {
  override readonly name = 'ShardError';
}

export interface ReadShard {
  name: string;
  scenario: Scenario;
  ranges: [number, number][];
  schemes: string[];
  generator: string;
  acc: ResultsAccumulator;
}

const rangeText = (ranges: [number, number][]) => ranges.map(([a, b]) => (b - a === 1 ? `${a}` : `${a}–${b - 1}`)).join(', ');

/** Reads one shard's JSON text; `name` (the file) goes into every message. */
export function readShard(text: string, name: string): ReadShard {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ShardError(`${name}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const doc = json as Partial<ShardJson> | null;
  if (!doc || typeof doc !== 'object' || doc.format !== SHARD_FORMAT) {
    const format = doc && typeof doc === 'object' ? (doc as { format?: unknown }).format : undefined;
    const hint = format === 'paybench-results' ? ' (a results file: merge needs the shards written by run --runs-from/--runs-to --json)' : '';
    throw new ShardError(`${name}: not a paybench shard${hint}`);
  }
  if (doc.version !== SHARD_VERSION) throw new ShardError(`${name}: shard version ${String(doc.version)} is not supported (this paybench reads version ${SHARD_VERSION})`);
  const parsed = parseScenario(doc.scenario);
  if (!parsed.ok) throw new ShardError(`${name}: its scenario is invalid: ${parsed.errors.map((e) => formatIssue(e, 'en')).join('; ')}`);
  const ranges = doc.ranges;
  const badRanges = () => new ShardError(`${name}: bad run ranges ${JSON.stringify(ranges)}`);
  if (!Array.isArray(ranges) || ranges.length === 0) throw badRanges();
  let at = 0;
  for (const r of ranges) {
    if (!Array.isArray(r) || r.length !== 2 || !Number.isInteger(r[0]) || !Number.isInteger(r[1])) throw badRanges();
    if (r[0] < at || r[1] <= r[0] || r[1] > parsed.scenario.simulation.runs) throw badRanges();
    at = r[1];
  }
  if (!Array.isArray(doc.schemes) || doc.schemes.some((id) => !parsed.scenario.schemes.some((s) => s.id === id))) {
    throw new ShardError(`${name}: its schemes do not match its scenario`);
  }
  const damage = shardStateProblems(doc as Record<string, unknown>, parsed.scenario); if (damage.length > 0) throw new ShardError(`${name}: damaged summaries:\n  ${damage.join('\n  ')}`);
  let acc: ResultsAccumulator;
  try {
    acc = ResultsAccumulator.fromState(doc.state!);
  } catch (e) {
    throw new ShardError(`${name}: damaged summaries (${e instanceof Error ? e.message : String(e)})`);
  }
  if (acc.plan !== Number(parsed.scenario.company.plan)) throw new ShardError(`${name}: its summaries were collected for another plan`);
  const ids = acc.schemeIndices().map((i) => parsed.scenario.schemes[i]?.id);
  if (ids.join(',') !== doc.schemes.join(',')) throw new ShardError(`${name}: its summaries hold schemes ${ids.join(', ')}, not ${doc.schemes.join(', ')}`);
  const inRanges = (run: number) => ranges.some(([a, b]) => a <= run && run < b);
  for (const i of acc.schemeIndices()) {
    if (!acc.runIndices(i).every(inRanges)) throw new ShardError(`${name}: holds runs outside ${rangeText(ranges)}`);
  }
  return { name, scenario: parsed.scenario, ranges, schemes: doc.schemes, generator: String(doc.generator), acc };
}

/** The first path at which two JSON values differ ('' if equal). */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return path || '(root)';
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const sub = Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], sub);
    if (d !== null) return d;
  }
  return null;
}

export interface MergedShards {
  scenario: Scenario;
  acc: ResultsAccumulator;
  generator: string;
  schemes: string[];
  /** Run ranges covered, merged and ascending. */
  covered: [number, number][];
  /** Run ranges of the scenario no shard covered. */
  missing: [number, number][];
}

/**
 * Merges shards one at a time (each shard's summaries can be dropped once added), checking
 * that each belongs with the first and overlaps none before it. The result is the same for
 * any order and any grouping of the shards.
 */
export class ShardMerger {
  #first: ReadShard | null = null;
  #acc: ResultsAccumulator | null = null;
  #ranges: { name: string; from: number; to: number }[] = [];

  add(s: ReadShard): this {
    const first = this.#first;
    if (!first) {
      this.#first = s;
      this.#acc = new ResultsAccumulator(s.scenario);
    } else {
      if (s.generator !== first.generator) throw new ShardError(`${s.name} was written by ${s.generator}, ${first.name} by ${first.generator}: run every shard with the same paybench`);
      const a = first.scenario.simulation;
      const b = s.scenario.simulation;
      if (a.seed !== b.seed) throw new ShardError(`${s.name} has seed ${b.seed}, ${first.name} seed ${a.seed}: shards of one batch share the seed`);
      if (a.runs !== b.runs) throw new ShardError(`${s.name} is a slice of ${b.runs} runs, ${first.name} of ${a.runs}: give every shard the same --runs`);
      const diff = firstDifference(first.scenario, s.scenario);
      if (diff !== null) throw new ShardError(`${s.name} and ${first.name} come from different scenarios (they differ at ${diff})`);
      if (s.schemes.join(',') !== first.schemes.join(',')) {
        throw new ShardError(`${s.name} ran schemes ${s.schemes.join(', ')}, ${first.name} ran ${first.schemes.join(', ')}: give every shard the same --scheme`);
      }
    }
    for (const [from, to] of s.ranges) {
      for (const r of this.#ranges) {
        if (from < r.to && r.from < to) {
          const other = this.#ranges.filter((x) => x.name === r.name).map((x): [number, number] => [x.from, x.to]);
          throw new ShardError(`${r.name} (runs ${rangeText(other)}) and ${s.name} (runs ${rangeText(s.ranges)}) overlap: each run must be in one shard only`);
        }
      }
    }
    for (const [from, to] of s.ranges) this.#ranges.push({ name: s.name, from, to });
    this.#acc!.merge(s.acc);
    return this;
  }

  result(): MergedShards {
    const first = this.#first;
    if (!first) throw new ShardError('no shards to merge');
    const covered: [number, number][] = [];
    for (const r of [...this.#ranges].sort((x, y) => x.from - y.from)) {
      const last = covered[covered.length - 1];
      if (last && last[1] === r.from) last[1] = r.to;
      else covered.push([r.from, r.to]);
    }
    const missing: [number, number][] = [];
    let at = 0;
    for (const [a, b] of covered) {
      if (a > at) missing.push([at, a]);
      at = b;
    }
    if (at < first.scenario.simulation.runs) missing.push([at, first.scenario.simulation.runs]);
    return { scenario: first.scenario, acc: this.#acc!, generator: first.generator, schemes: first.schemes, covered, missing };
  }
}

export function mergeShards(shards: Iterable<ReadShard>): MergedShards {
  const merger = new ShardMerger();
  for (const s of shards) merger.add(s);
  return merger.result();
}
