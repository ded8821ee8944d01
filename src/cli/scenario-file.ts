/** Reading a scenario file for the CLI: the same one door as the browser (parseScenario). */
import { resolve } from 'node:path';
import { formatIssue, parseScenarioText } from '../engine/index.ts';
import type { Scenario, SimulationOverrides } from '../engine/index.ts';
import type { CliIo } from './io.ts';
import { InputError } from './io.ts';
import type { Lang } from './format.ts';

export async function readText(io: CliIo, file: string): Promise<string> {
  try {
    return await io.readFile(resolve(io.cwd, file));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot read ${file}: ${reason}`);
  }
}

export async function loadScenario(io: CliIo, file: string, lang: Lang, overrides: SimulationOverrides = {}): Promise<Scenario> {
  // The one door, overrides included: the size limit and every check apply to them too.
  const result = parseScenarioText(await readText(io, file), overrides);
  for (const w of result.warnings) io.stderr(`warning: ${formatIssue(w, lang)}\n`);
  if (!result.ok) throw new InputError(result.errors.map((e) => formatIssue(e, lang)).join('\n'));
  return result.scenario;
}
