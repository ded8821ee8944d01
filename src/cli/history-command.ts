/**
 * `paybench history SCENARIO --scheme ID [--months M] [--seed S] [--runs-index I] --csv OUT`:
 * one simulated run's incoming payments as a bank statement (date, amount, client), for
 * demos and tests of the fit — in English (ISO dates, `,`) or, with `--style ru`, as a
 * Russian bank writes it (DD.MM.YYYY, `;`, a decimal comma, grouped digits).
 */
import { resolve } from 'node:path';
import type { ParsedArgs } from './args.ts';
import { checkOutputs, integerFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { InputError, UsageError } from './io.ts';
import { amount, type Lang } from './format.ts';
import { checkScheme, loadScenario } from './scenario-file.ts';
import { isoDay, simulatedClientName, simulatedPayments, statementCsv } from '../engine/index.ts';
import type { StatementStyle } from '../engine/index.ts';
import { paymentWordRu, wordEn } from '../charts/plural.ts';

export async function historyCommand(args: ParsedArgs, io: CliIo, lang: Lang): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('history needs a scenario FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const scheme = args.values.scheme;
  if (!scheme) throw new UsageError('history needs --scheme ID: the scheme in force over the history');
  const out = args.values.csv;
  if (!out) throw new UsageError('history needs --csv OUT: the statement file to write');
  const style = (args.values.style ?? lang) as StatementStyle;
  if (style !== 'en' && style !== 'ru') throw new UsageError(`--style must be en or ru, not "${args.values.style}"`);
  const months = integerFlag(args, 'months', 1, 36);
  const seed = integerFlag(args, 'seed', 0, 4_294_967_295);
  const runIndex = integerFlag(args, 'runs-index', 0, 999_999) ?? 0;
  await checkOutputs(io, [{ flag: '--csv', path: out, kind: 'file' }]);
  const scenario = await loadScenario(io, file, lang, { ...(months !== undefined ? { months } : {}), ...(seed !== undefined ? { seed } : {}) });
  checkScheme(scenario, scheme);
  const payments = simulatedPayments(scenario, scheme, runIndex);
  const text = statementCsv(payments, (c) => simulatedClientName(c, style), style);
  await io.writeFile(resolve(io.cwd, out), style === 'ru' ? `\ufeff${text}` : text);
  const total = payments.reduce((a, p) => a + p.kopecks, 0) / 100;
  const first = payments.length ? isoDay(payments[0].day) : '–';
  const last = payments.length ? isoDay(payments[payments.length - 1].day) : '–';
  io.stdout(
    lang === 'ru'
      ? `записан ${out}: ${payments.length} ${paymentWordRu(payments.length)} с ${first} по ${last}, всего ${amount(total, lang)} ₽ (схема ${scheme}, прогон ${runIndex}, зерно ${scenario.simulation.seed}; смоделировано, не настоящая выписка)\n`
      : `wrote ${out}: ${payments.length} ${wordEn(payments.length, 'payment')} from ${first} to ${last}, ${amount(total, lang)} ₽ in all (scheme ${scheme}, run ${runIndex}, seed ${scenario.simulation.seed}; simulated, not a real statement)\n`,
  );
  return 0;
}
