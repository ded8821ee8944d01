/**
 * The command line: `main(argv, io)` returns the exit code and touches the world only
 * through `io`, so tests run it in-process. 0 = done, 1 = bad input (file, scenario,
 * amounts) or a failed run, 2 = a mistake in the command line.
 */
import { parseArgs } from './args.ts';
import type { FlagSpec } from './args.ts';
import type { CliIo } from './io.ts';
import { InputError, UsageError } from './io.ts';
import type { Lang } from './format.ts';
import { readText } from './scenario-file.ts';
import { runCommand } from './run-command.ts';
import { payoutCommand } from './payout-command.ts';
import { mergeCommand } from './merge-command.ts';
import { sensitivityCommand } from './sensitivity-command.ts';
import { formatCommand } from './format-command.ts';
import { printable } from './printable.ts';
import { targetsCommand } from './targets-command.ts';
import { calibrateCommand } from './calibrate-command.ts';
import { robustnessCommand } from './robustness-command.ts';
import { fitCommand } from './fit-command.ts';
import { historyCommand } from './history-command.ts';
import { HISTORY_FLAGS } from './history-file.ts';
import { optimiseCommand } from './optimise-command.ts';
import { formatIssue, parseScenarioText } from '../engine/index.ts';
import { pluralRu, wordEn } from '../charts/plural.ts';

export type { CliIo } from './io.ts';

export const HELP = `paybench — compare pay schemes for a client department by simulation

Usage:
  paybench validate FILE
      Check a scenario file: exit 0, or the errors one per line and exit 1.
  paybench format FILE [--out PATH]
      The file as Save writes it: the current scenario version, defaults filled, the
      fields in order (on stdout, or into PATH).
  paybench run FILE [--runs N] [--seed S] [--months M] [--scheme ID]... [--workers K]
                    [--runs-from A] [--runs-to B | --shard I/K] [--until-converged [--tolerance T]]
                    [--json PATH|-] [--csv DIR] [--quiet]
      Simulate every scheme (or the --scheme ones; the baseline always runs) and print
      a summary. --workers: threads (default: the number of cores; 1 = this thread).
      --json -: the results JSON on stdout instead of the summary. --csv DIR: summary.csv,
      monthly.csv, intra-month.csv, staff.csv and cash-daily.csv.
      --runs-from/--runs-to: run only runs A..B-1 of the N; --json then writes a shard
      for paybench merge. --shard I/K: the I-th of K equal slices (from 0); --shard K takes
      I from JOB_COMPLETION_INDEX (Kubernetes indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX.
      --until-converged: read the answer every 100 runs (past 1,000, every tenth of the runs
      made) and stop once settled: every 90% interval of a paired profit difference narrower
      than --tolerance (default 0.02) of profit and the ranking unchanged since the step
      before; --runs is then the most it may take.
  paybench merge SHARD... [--json PATH|-] [--csv DIR] [--shard PATH]
      Merge the shards of one batch (same scenario, seed, runs and schemes; no overlaps)
      into the results of the whole: the same JSON as one run. --shard PATH: also write
      the merged shard (to merge in stages).
  paybench sensitivity FILE [--runs N] [--swing S] [--workers K] [--json PATH|-] [--quiet]
      Which inputs move each scheme's advantage over the baseline most: every input
      (client volume and count, payment discipline, costs, cash, the overdraft rate, the
      cost of effort) set S lower and higher (default 0.2), on the same seed; a table per
      scheme, widest swing first. --runs: runs per scheme for each (default min(runs, 200)).
  paybench targets FILE [--targets T] [--runs N] [--seed S] [--workers K] [--json PATH|-] [--quiet]
      Run the scenario and print every target of its targets file (default: the
      .targets.json beside it) against the model, with its range and source; exit 1 if
      one is missed.
  paybench calibrate FILE --vary PATH=LO..HI... [--targets T] [--runs N] [--budget E] [--seed S]
                          [--margin M] [--robust K] [--workers K] [--json PATH|-] [--out FITTED] [--quiet]
      Search the named inputs (e.g. --vary behaviour.effort.costFactor=0.2..0.8) for the
      values at which the targets hold: the method of simulated moments, CMA-ES on common
      random numbers. --runs per scheme for each candidate (default 100), --budget
      candidates (default 200). --margin M aims M of each range's scale inside it (robust
      inputs); --robust K scores each candidate on K variants with one key input ±20% too
      (drawn once), or --robust-inputs ID,ID on those inputs ±20% (the ids robustness
      lists). --out writes the calibrated scenario.
  paybench robustness FILE [--targets T] [--swing S] [--runs N] [--seed S] [--workers K]
                           [--json PATH|-] [--quiet]
      Every key input (effort cost, attention, clients, volume, payment habits, hours,
      salaries, staff) set S lower and higher (default 0.2), one at a time, on the same
      seed: which targets hold on each variant, and the share of variants on which every
      phenomenon check holds; each miss is listed as a finding.
  paybench fit FILE --history STATEMENT [--scheme ID] [--map date=…,amount=…,client=…]
                    [--encoding E] [--delimiter D] [--decimal M] [--date-format F] [--keep-refunds]
                    [--runs N] [--budget E] [--seed S] [--vary PATH=LO..HI]... [--workers K]
                    [--json REPORT|-] [--out FITTED] [--quiet]
      Fit the scenario to a department's own payment history (a bank statement or 1C
      export of incoming payments, CSV in UTF-8 or Windows-1251): what the history says,
      then the client and behaviour inputs at which the scheme in force (default: the
      baseline) reproduces it — monthly level and spread, the intra-month profile, the
      largest clients' share, payers, the months' timing — with each input's range the
      history cannot tell apart and what it cannot identify. Encoding, delimiter, decimal
      mark, date format and columns are detected; --map and the others override them
      (a column by its header name or number from 1; client=none drops it). --runs:
      simulated histories per candidate (default 24); --budget: candidates (default 150);
      --workers: threads for the candidates (default: the cores; the fit is the same on any
      number). --out writes the fitted scenario (inputs only).
  paybench history FILE --scheme ID [--months M] [--seed S] [--runs-index I] [--style en|ru] --csv OUT
      One simulated run's incoming payments as a bank statement (date, amount, client), for
      demos and tests of fit. --style ru writes it as a Russian bank does (DD.MM.YYYY, ;,
      a decimal comma).
  paybench optimise FILE --scheme ID [--vary PATH=LO..HI[:STEP]]... [--maximise METRIC]
                         [--constraint "METRIC OP VALUE"]... [--runs N] [--budget EVALS] [--seed S]
                         [--workers K] [--json PATH|-] [--out FILE] [--quiet]
      Suggest a better scheme: search the scheme's inputs (default: the formula's
      threshold and rate, each gate's day and share of plan; PATH as formula.rate or
      schemes[ID].tranches[0].gate.byDay) for the most of METRIC (default profitTotal.p50,
      median profit over the horizon) within the limits (default: maxCashGapMidMonth.p90 <=
      start and staff.*.pay.p50 >= start — the P90 mid-month gap no worse, nobody's median
      pay lower). Clients, market and company stay as they are. METRIC is the results'
      name: profitTotal.p50, bonusTotal.mean, staff.masha.pay.p50, vsBaseline.profit.p50
      (paired with the start), planMetShare; VALUE a number (15M, 500k, 90%) or start
      (start + 1M, start * 1.1). Candidates run on the same runs (common random numbers):
      a coarse design, successive halving, then CMA-ES; the best few run again on a fresh
      seed. --runs: runs of a first look (default 100), --budget: evaluations of that many
      runs, the re-check included (default 300); --seed: the runs' seed (default the
      file's; the re-check's is derived from it). Prints the suggestion against the start on
      both seeds, the limits that bind and the trade-off between profit and the cash gap;
      --json writes the report, --out the scenario with the suggested scheme added.
  paybench payout FILE --scheme ID --collected AMOUNT [--collected-by DAY=AMOUNT]... [--person ID]
                       [--key-plan-met DAY=yes|no]... [--adjust STAFF_ID=±AMOUNT]... [--json]
      One month's exact pool, tranches and each person's bonus. --key-plan-met: whether
      a key-client gate's plan (each of the N largest clients paid its share) was met by DAY.

Options for every command:
  --lang en|ru   language of messages and tables (default en)
  --help         this text

Exit codes: 0 done, 1 invalid input or failed run, 2 wrong command line.
`;

const COMMON: FlagSpec = { lang: 'value', help: 'boolean' };
const SPECS: Record<string, FlagSpec> = {
  validate: { ...COMMON },
  format: { ...COMMON, out: 'value' },
  run: {
    ...COMMON, runs: 'value', seed: 'value', months: 'value', scheme: 'list', workers: 'value',
    json: 'value', csv: 'value', quiet: 'boolean', 'runs-from': 'value', 'runs-to': 'value', shard: 'value',
    'until-converged': 'boolean', tolerance: 'value',
  },
  merge: { ...COMMON, json: 'value', csv: 'value', shard: 'value' },
  sensitivity: { ...COMMON, runs: 'value', swing: 'value', workers: 'value', json: 'value', quiet: 'boolean' },
  targets: { ...COMMON, targets: 'value', runs: 'value', seed: 'value', workers: 'value', json: 'value', quiet: 'boolean' },
  calibrate: { ...COMMON, targets: 'value', vary: 'list', margin: 'value', robust: 'value', 'robust-inputs': 'value', runs: 'value', budget: 'value', seed: 'value', workers: 'value', json: 'value', out: 'value', quiet: 'boolean' },
  robustness: { ...COMMON, targets: 'value', swing: 'value', runs: 'value', seed: 'value', workers: 'value', json: 'value', quiet: 'boolean' },
  fit: { ...COMMON, ...HISTORY_FLAGS, history: 'value', scheme: 'value', runs: 'value', budget: 'value', seed: 'value', vary: 'list', workers: 'value', json: 'value', out: 'value', quiet: 'boolean' },
  history: { ...COMMON, scheme: 'value', months: 'value', seed: 'value', 'runs-index': 'value', style: 'value', csv: 'value' },
  optimise: {
    ...COMMON, scheme: 'value', vary: 'list', maximise: 'value', constraint: 'list', runs: 'value', budget: 'value', seed: 'value',
    workers: 'value', json: 'value', out: 'value', quiet: 'boolean',
  },
  payout: { ...COMMON, scheme: 'value', collected: 'value', 'collected-by': 'list', 'key-plan-met': 'list', adjust: 'list', person: 'value', json: 'boolean' },
};

export async function main(argv: readonly string[], world: CliIo): Promise<number> {
  // Everything printed is escaped for the terminal (printable.ts); the progress bar draws with its own codes.
  const io: CliIo = { ...world, stdout: (t) => world.stdout(printable(t)), stderr: (t) => world.stderr(printable(t)), rawStderr: world.stderr };
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return command === undefined ? 2 : 0;
  }
  try {
    const spec = Object.hasOwn(SPECS, command) ? SPECS[command] : undefined;
    if (!spec) throw new UsageError(`unknown command "${command}"`);
    const args = parseArgs(rest, spec);
    if (args.booleans.has('help')) {
      io.stdout(HELP);
      return 0;
    }
    const lang = args.values.lang ?? 'en';
    if (lang !== 'en' && lang !== 'ru') throw new UsageError(`--lang must be en or ru, got "${lang}"`);
    switch (command) {
      case 'validate':
        return await validateCommand(args.positional, io, lang);
      case 'format':
        return await formatCommand(args, io, lang);
      case 'run':
        return await runCommand(args, io, lang);
      case 'payout':
        return await payoutCommand(args, io, lang);
      case 'merge':
        return await mergeCommand(args, io, lang);
      case 'sensitivity':
        return await sensitivityCommand(args, io, lang);
      case 'targets':
        return await targetsCommand(args, io, lang);
      case 'calibrate':
        return await calibrateCommand(args, io, lang);
      case 'robustness':
        return await robustnessCommand(args, io, lang);
      case 'fit':
        return await fitCommand(args, io, lang);
      case 'history':
        return await historyCommand(args, io, lang);
      case 'optimise':
        return await optimiseCommand(args, io, lang);
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`paybench: ${error.message}\nRun "paybench --help" for usage.\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(error.message.endsWith('\n') ? error.message : error.message + '\n');
      return 1;
    }
    if (error instanceof Error && error.name === 'AbortError') {
      io.stderr('paybench: cancelled\n');
      return 130;
    }
    io.stderr(`paybench: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** What a valid file holds, in a line: its name and how many schemes, staff and clients. */
function validSummary(name: string, schemes: number, staff: number, clients: number, lang: Lang): string {
  if (lang === 'ru') {
    const count = (n: number, one: string, few: string, many: string) => `${n} ${pluralRu(n, one, few, many)}`;
    return `«${name}», ${count(schemes, 'схема', 'схемы', 'схем')}, ${count(staff, 'сотрудник', 'сотрудника', 'сотрудников')}, ${count(clients, 'клиент', 'клиента', 'клиентов')}`;
  }
  const count = (n: number, noun: string) => `${n} ${wordEn(n, noun)}`;
  return `"${name}", ${count(schemes, 'scheme')}, ${staff} staff, ${count(clients, 'client')}`;
}

async function validateCommand(positional: string[], io: CliIo, lang: Lang): Promise<number> {
  if (positional.length !== 1) throw new UsageError('validate needs exactly one scenario FILE');
  const file = positional[0];
  const result = parseScenarioText(await readText(io, file, undefined, lang));
  for (const w of result.warnings) io.stderr(`warning: ${formatIssue(w, lang)}\n`);
  if (!result.ok) {
    for (const e of result.errors) io.stdout(formatIssue(e, lang) + '\n');
    return 1;
  }
  const s = result.scenario;
  io.stdout(`${file}: OK — ${validSummary(s.name, s.schemes.length, s.staff.length, s.clients.count, lang)}\n`);
  return 0;
}
