/** Reading a scenario file for the CLI: the same one door as the browser (parseScenario). */
import { resolve } from 'node:path';
import { SCENARIO_LIMITS, formatIssue, makeIssue, parseScenarioText } from '../engine/index.ts';
import { TooLargeError } from './read-bounded.ts';
import type { Scenario, SimulationOverrides } from '../engine/index.ts';
import type { CliIo } from './io.ts';
import { InputError, UsageError } from './io.ts';
import type { Lang } from './format.ts';

/** A scenario is at most 5 MB of text (a byte-order mark aside): nothing beyond is read. */
export const SCENARIO_BYTES = SCENARIO_LIMITS.maxTextBytes + 3;
/** A shard holds up to a million runs' numbers, but no more than a string can (V8: 2^29 characters). */
export const SHARD_BYTES = 512 * 1024 * 1024;

export async function readText(io: CliIo, file: string, maxBytes = SCENARIO_BYTES, lang: Lang = 'en'): Promise<string> {
  try {
    return await io.readFile(resolve(io.cwd, file), maxBytes);
  } catch (error) {
    if (error instanceof TooLargeError) {
      const mb = (b: number) => `${(b / (1024 * 1024)).toFixed(1)} MB`;
      const issue = makeIssue('', 'text.tooLarge', { size: mb(error.bytes), max: mb(error.maxBytes), bytes: error.bytes, maxBytes: error.maxBytes });
      throw new InputError(`${file}: ${formatIssue(issue, lang)}`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot read ${file}: ${reason}`);
  }
}

export async function loadScenario(io: CliIo, file: string, lang: Lang, overrides: SimulationOverrides = {}): Promise<Scenario> {
  // The one door, overrides included: the size limit and every check apply to them too.
  const result = parseScenarioText(await readText(io, file, SCENARIO_BYTES, lang), overrides);
  for (const w of result.warnings) io.stderr(`warning: ${formatIssue(w, lang)}\n`);
  if (!result.ok) throw new InputError(result.errors.map((e) => formatIssue(e, lang)).join('\n'));
  return result.scenario;
}

/** A scheme named on the command line (--scheme) must be one of the file's: a usage mistake otherwise (exit 2). */
export function checkScheme(scenario: Scenario, id: string): void {
  if (!scenario.schemes.some((s) => s.id === id)) {
    throw new UsageError(`unknown scheme "${id}" (the scenario has ${scenario.schemes.map((s) => s.id).join(', ')})`);
  }
}
