/**
 * `paybench merge SHARD... [--json PATH|-] [--csv DIR] [--shard PATH]`: puts the shards of
 * a batch together (shard.ts). Shards are read and merged one at a time, so memory holds
 * one shard's text plus the merged summaries. The results equal the whole batch's; runs no
 * shard covered are named on stderr.
 */
import { resolve } from 'node:path';
import type { ParsedArgs } from './args.ts';
import { checkOutputs } from './args.ts';
import type { CliIo } from './io.ts';
import { InputError, UsageError } from './io.ts';
import type { Lang } from './format.ts';
import { SHARD_BYTES, readText } from './scenario-file.ts';
import { writeResults, GENERATOR } from './run-command.ts';
import { ShardError, ShardMerger, buildResultsJson, buildShard, readShard, shardText } from '../engine/index.ts';

export async function mergeCommand(args: ParsedArgs, io: CliIo, lang: Lang): Promise<number> {
  const files = args.positional;
  if (files.length === 0) throw new UsageError('merge needs one or more shard files');
  await checkOutputs(io, [
    { flag: '--json', path: args.values.json, kind: 'file' },
    { flag: '--csv', path: args.values.csv, kind: 'dir' },
    { flag: '--shard', path: args.values.shard, kind: 'file' },
  ]);
  const merger = new ShardMerger();
  try {
    for (const file of files) merger.add(readShard(await readText(io, file, SHARD_BYTES), file));
  } catch (error) {
    if (error instanceof ShardError) throw new InputError(`paybench merge: ${error.message}`);
    throw error;
  }
  const merged = merger.result();
  const { scenario, acc } = merged;
  const runs = scenario.simulation.runs;
  const ranges = (list: [number, number][]) => list.map(([a, b]) => (b - a === 1 ? `${a}` : `${a}–${b - 1}`)).join(', ');
  if (merged.missing.length > 0) {
    io.stderr(`warning: no shard holds runs ${ranges(merged.missing)} of ${runs}; the results cover runs ${ranges(merged.covered)}\n`);
  }
  const shardTarget = args.values.shard;
  if (shardTarget !== undefined) {
    // A merged shard: for merging in stages (a tree of merges gives the same result).
    await io.writeFile(resolve(io.cwd, shardTarget), shardText(buildShard(scenario, acc, { ranges: merged.covered, generator: merged.generator })));
  }
  if (merged.generator !== GENERATOR) io.stderr(`warning: the shards were written by ${merged.generator}, this is ${GENERATOR}\n`);
  const results = buildResultsJson(scenario, acc, { generator: merged.generator });
  await writeResults(io, results, { json: args.values.json, csv: args.values.csv, lang });
  return 0;
}
