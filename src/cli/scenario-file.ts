/** Reading a scenario file for the CLI: the same one door as the browser (parseScenario). */
import { resolve } from 'node:path';
import { formatIssue, parseScenario, parseScenarioText } from '../engine/index.ts';
import type { ParseResult, Scenario } from '../engine/index.ts';
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

/** Simulation settings given on the command line, applied before validation so the usual limits hold. */
export type SimulationOverrides = Partial<Record<'runs' | 'seed' | 'months', number>>;

export function parseWithOverrides(text: string, overrides: SimulationOverrides): ParseResult {
  if (Object.values(overrides).every((v) => v === undefined)) return parseScenarioText(text);
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return parseScenarioText(text); // reports the JSON error the usual way
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const doc = json as Record<string, unknown>;
    const sim = doc.simulation && typeof doc.simulation === 'object' ? (doc.simulation as Record<string, unknown>) : {};
    const patched: Record<string, unknown> = { ...sim };
    for (const [key, value] of Object.entries(overrides)) if (value !== undefined) patched[key] = value;
    json = { ...doc, simulation: patched };
  }
  return parseScenario(json);
}

export async function loadScenario(io: CliIo, file: string, lang: Lang, overrides: SimulationOverrides = {}): Promise<Scenario> {
  const result = parseWithOverrides(await readText(io, file), overrides);
  for (const w of result.warnings) io.stderr(`warning: ${formatIssue(w, lang)}\n`);
  if (!result.ok) throw new InputError(result.errors.map((e) => formatIssue(e, lang)).join('\n'));
  return result.scenario;
}
