/**
 * `paybench optimise FILE --scheme ID …`: suggest a better scheme — a search of the
 * scheme's inputs (by default the formula's threshold and rate, each gate's day and share)
 * for the most of a figure (median profit) within the owner's limits (the P90 mid-month
 * gap no worse, nobody's median pay lower), the clients and market as they are. Prints the
 * suggestion against the start on the search's seed and a fresh one, the limits that bind
 * and the trade-off between profit and the cash gap; writes the report (--json) and the
 * scenario with the suggested scheme beside the others (--out).
 */
import { resolve } from 'node:path';
import type { ParsedArgs } from './args.ts';
import { checkOutputs, integerFlag, workersFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { InputError, UsageError } from './io.ts';
import type { Lang } from './format.ts';
import { checkScheme, loadScenario } from './scenario-file.ts';
import { commandProgress } from './progress.ts';
import { suggestionText } from './optimise-report.ts';
import {
  DEFAULT_OPTIMISE_BUDGET, DEFAULT_OPTIMISE_RUNS, GENERATOR, OptimiseError, SCENARIO_LIMITS, buildResultsJson, defaultInputs,
  optimise, parseGoal, parseInputText, serializeScenario,
} from '../engine/index.ts';
import type { Scenario, Suggestion } from '../engine/index.ts';
import { batchesRunner } from './results-runner.ts';

/** The engine's refusals in the user's language, as bad input (exit 1). */
function inputError(e: unknown, lang: Lang): never {
  if (e instanceof OptimiseError) throw new InputError(`paybench: ${e.text(lang)}`);
  throw e;
}

export async function optimiseCommand(args: ParsedArgs, io: CliIo, lang: Lang): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('optimise needs a scenario FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const schemeId = args.values.scheme;
  if (schemeId === undefined) throw new UsageError('optimise needs --scheme ID: the scheme to improve');
  const runs = integerFlag(args, 'runs', 2, 100_000) ?? DEFAULT_OPTIMISE_RUNS;
  const budget = integerFlag(args, 'budget', 1, 1_000_000) ?? DEFAULT_OPTIMISE_BUDGET;
  const seed = integerFlag(args, 'seed', 0, SCENARIO_LIMITS.maxSeed);
  const workers = workersFlag(args, io);
  const json = args.values.json;
  const out = args.values.out;
  await checkOutputs(io, [
    { flag: '--json', path: json, kind: 'file' },
    { flag: '--out', path: out, kind: 'file' },
  ]);
  // The file as it is (--out writes it back with its own seed); --seed only seeds the search's runs.
  const scenario = await loadScenario(io, file, lang);
  checkScheme(scenario, schemeId);
  if (out !== undefined && scenario.schemes.length >= SCENARIO_LIMITS.maxSchemes) {
    throw new InputError(`paybench: --out: ${file} already has ${scenario.schemes.length} schemes, the most a file holds; remove one to add the suggestion`);
  }
  let request;
  try {
    const staff = scenario.staff.map((p) => p.id);
    const texts = args.lists.vary;
    const inputs = texts ? texts.map((t) => parseInputText(t, scenario, schemeId)) : defaultInputs(scenario, schemeId);
    request = { schemeId, inputs, goal: parseGoal(args.values.maximise, args.lists.constraint, staff) };
  } catch (e) {
    inputError(e, lang);
  }

  const progress = commandProgress(io, args, lang);
  const runner = batchesRunner(workers);
  let suggestion: Suggestion;
  try {
    suggestion = await optimise(
      scenario,
      request,
      async (s, range, onRuns) => buildResultsJson(s, await runner.run(s, { ...range, signal: io.signal, onProgress: (done) => onRuns?.(done) }), { generator: GENERATOR }),
      { runs, budget, seed, lang, signal: io.signal, onProgress: (done, total) => progress.update(done, total, 'schemeRuns') },
    );
  } catch (e) {
    inputError(e, lang);
  } finally {
    await runner.dispose();
  }
  progress.finish();

  const report = { ...suggestion, generator: GENERATOR };
  if (json === '-') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else io.stdout(suggestionText(suggestion, lang, { file, out }));
  if (json !== undefined && json !== '-') await io.writeFile(resolve(io.cwd, json), JSON.stringify(report, null, 2) + '\n');
  if (out !== undefined) {
    if (suggestion.suggested) await io.writeFile(resolve(io.cwd, out), serializeScenario(withSuggestion(scenario, suggestion)));
    if (json !== '-') io.stdout(suggestion.suggested ? wrote(out, lang) : notWritten(out, lang));
  }
  return 0;
}

/** The scenario with the suggested scheme right after the one it improves (the file's own seed and runs). */
export function withSuggestion(scenario: Scenario, suggestion: Suggestion): Scenario {
  const schemes = [...scenario.schemes];
  const at = schemes.findIndex((s) => s.id === suggestion.start.id);
  schemes.splice(at + 1, 0, suggestion.suggested!);
  return { ...scenario, schemes };
}

const wrote = (f: string, lang: Lang) => (lang === 'ru' ? `записан ${f}\n` : `wrote ${f}\n`);
const notWritten = (f: string, lang: Lang) => (lang === 'ru' ? `${f} не записан: предложить нечего\n` : `${f} not written: nothing to suggest\n`);
