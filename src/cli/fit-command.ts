/**
 * `paybench fit SCENARIO --history FILE [--scheme ID] [--map …] [--json REPORT] [--out FITTED]`:
 * what the history says, then the search for the client and behaviour inputs at which
 * the scheme in force reproduces it (progress on stderr, Ctrl-C cancels), then the history
 * against the start and the fit, each input with the range the history cannot tell apart,
 * and what it cannot identify, in words. --workers K runs a generation's candidates on K
 * threads (default: the cores); the fit is the same on any number.
 */
import { resolve } from 'node:path';
import type { ParsedArgs } from './args.ts';
import { checkOutputs, integerFlag, workersFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { InputError, UsageError } from './io.ts';
import { decimal, millions, percent, table, type Lang } from './format.ts';
import { checkScheme, loadScenario } from './scenario-file.ts';
import { detectedText, historyOptions, loadHistory } from './history-file.ts';
import { commandProgress } from './progress.ts';
import { createFitPool } from '../workers/fit-pool.ts';
import { FitError, GENERATOR, PathError, describeHistory, fitHistory, inputWord, momentWord, noteText, parseVary, serializeScenario } from '../engine/index.ts';
import type { FitReport, HistoryView, Vary } from '../engine/index.ts';
import { candidateWordRu, paymentWordRu, wordEn } from '../charts/plural.ts';

const WORDS = {
  en: {
    history: (file: string, v: HistoryView) =>
      `${file}: ${v.payments} ${wordEn(v.payments, 'payment')} from ${v.first} to ${v.last}; ${v.horizon.months} whole months from ${v.horizon.start}`,
    level: 'collections a month',
    byDay: 'share of the month collected by day (median across months)',
    largest: 'largest tenth of clients',
    payers: 'clients paying in a month (median)',
    weekdays: 'by weekday',
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    mean: 'mean',
    spread: 'spread',
    of: 'of collections',
    what: 'what',
    observed: 'history',
    start: 'start',
    fitted: 'fitted (P10–P90)',
    input: 'input',
    fit: 'fitted',
    range: 'cannot be told apart',
    searched: 'searched',
    distance: (a: string, b: string, n: number) => `distance to the history ${a} → ${b} after ${n} candidates (1 = one standard deviation on one moment)`,
    notes: 'What the history cannot say',
    wrote: (f: string) => `wrote ${f}`,
  },
  ru: {
    history: (file: string, v: HistoryView) =>
      `${file}: ${v.payments} ${paymentWordRu(v.payments)} с ${v.first} по ${v.last}; ${v.horizon.months} полных мес. с ${v.horizon.start}`,
    level: 'сбор в месяц',
    byDay: 'доля месяца, собранная к числу (медиана по месяцам)',
    largest: 'крупнейшая десятая часть клиентов',
    payers: 'платящих клиентов в месяц (медиана)',
    weekdays: 'по дням недели',
    days: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
    mean: 'среднее',
    spread: 'разброс',
    of: 'сбора',
    what: 'что',
    observed: 'история',
    start: 'было',
    fitted: 'подобрано (P10–P90)',
    input: 'параметр',
    fit: 'подобрано',
    range: 'не отличить от',
    searched: 'диапазон поиска',
    distance: (a: string, b: string, n: number) => `расстояние до истории ${a} → ${b} за ${n} ${candidateWordRu(n)} (1 = одно стандартное отклонение по одному моменту)`,
    notes: 'Чего история сказать не может',
    wrote: (f: string) => `записан ${f}`,
  },
} as const;

/** A number as the report shows it: money in millions, shares in percent, counts and days plain. */
function shown(x: number | null, kind: 'money' | 'share' | 'count', lang: Lang): string {
  if (x === null || !Number.isFinite(x)) return '–';
  return kind === 'money' ? millions(x, lang) : kind === 'share' ? percent(x, lang, 1) : decimal(x, x >= 100 ? 0 : x >= 10 ? 1 : 2, lang);
}
const momentKind = (id: string) => (id === 'level' ? 'money' : id === 'payers' ? 'count' : 'share');
const inputKind = (path: string) => (path === 'clients.monthlyVolume' ? 'money' : 'count');

export function historyText(file: string, v: HistoryView, lang: Lang): string {
  const w = WORDS[lang];
  const s = v.statistics;
  const days = [5, 10, 15, 20, 25].map((d) => `${d}: ${percent(s.profile.median[d - 1], lang)}`).join(', ');
  const lines = [
    w.history(file, v),
    `  ${w.level}: ${w.mean} ${millions(s.level, lang)}, ${w.spread} ${percent(s.spread, lang, 1)}`,
    `  ${w.byDay}: ${days}`,
    ...(s.largestShare !== null ? [`  ${w.largest}: ${percent(s.largestShare, lang)} ${w.of}; ${w.payers}: ${decimal(s.payers, 0, lang)}`] : []),
    `  ${w.weekdays}: ${s.weekdays.map((x, i) => `${w.days[i]} ${percent(x, lang)}`).join(' ')}`,
  ];
  return lines.join('\n') + '\n';
}

export function fitText(report: FitReport, lang: Lang): string {
  const w = WORDS[lang];
  const moments = table(
    [w.what, w.observed, w.start, w.fitted],
    report.moments.map((m) => {
      const k = momentKind(m.id);
      return [momentWord(m.id, lang), shown(m.observed, k, lang), shown(m.start.median, k, lang), `${shown(m.fitted.median, k, lang)} (${shown(m.fitted.p10, k, lang)}–${shown(m.fitted.p90, k, lang)})`];
    }),
  );
  const inputs = table(
    [w.input, w.start, w.fit, w.range, w.searched],
    report.inputs.map((i) => {
      const k = inputKind(i.path);
      return [inputWord(i.path, lang), shown(i.start, k, lang), shown(i.value, k, lang), `${shown(i.range[0], k, lang)} … ${shown(i.range[1], k, lang)}`, `${shown(i.lo, k, lang)} … ${shown(i.hi, k, lang)}`];
    }),
  );
  const notes = report.notes.map((n) => `- ${noteText(n, lang, (x) => shown(x, Math.abs(x) >= 1e5 ? 'money' : 'count', lang))}`).join('\n');
  const distance = w.distance(report.distance.start.toFixed(1), report.distance.best.toFixed(1), report.evaluations);
  return `${moments}\n${inputs}${distance}\n\n${w.notes}:\n${notes}\n`;
}

export async function fitCommand(args: ParsedArgs, io: CliIo, lang: Lang): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('fit needs a scenario FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const historyFile = args.values.history;
  if (!historyFile) throw new UsageError('fit needs --history FILE: a bank statement or 1C export of incoming payments (CSV)');
  const options = historyOptions(args);
  const runs = integerFlag(args, 'runs', 2, 10_000);
  const budget = integerFlag(args, 'budget', 1, 100_000);
  const seed = integerFlag(args, 'seed', 0, 2 ** 31 - 1);
  let vary: Vary[] | undefined;
  try {
    vary = args.lists.vary?.map(parseVary);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const json = args.values.json;
  const out = args.values.out;
  await checkOutputs(io, [
    { flag: '--json', path: json, kind: 'file' },
    { flag: '--out', path: out, kind: 'file' },
  ]);
  const base = await loadScenario(io, file, lang);
  const scheme = args.values.scheme ?? base.baseline;
  checkScheme(base, scheme);
  const { history, detected } = await loadHistory(io, historyFile, options, lang);
  const view = describeHistory(history);
  if (json !== '-') io.stdout(`${historyText(historyFile, view, lang)}  ${detectedText(detected, lang)}\n\n`);

  const progress = commandProgress(io, args, lang);
  // A generation's candidates run side by side on the cores (the fit is the same on any number).
  const workers = workersFlag(args, io);
  const pool = workers > 1 ? createFitPool({ workers, signal: io.signal }) : null;
  let fit;
  try {
    fit = await fitHistory(base, history, {
      schemeId: scheme,
      ...(runs !== undefined ? { runs } : {}),
      ...(budget !== undefined ? { budget } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(vary ? { vary } : {}),
      ...(pool ? { evaluate: pool.evaluate } : {}),
      signal: io.signal,
      onProgress: (done, total) => progress.update(done, total, 'candidates'),
      // Between candidates the event loop turns: the bar redraws and Ctrl-C lands.
      pause: () => new Promise((resolve) => setImmediate(resolve)),
    });
  } catch (e) {
    if (e instanceof FitError || e instanceof PathError) throw new InputError(e.message);
    throw e;
  } finally {
    await pool?.dispose();
  }
  progress.finish();

  const report = { ...fit.report, generator: GENERATOR, scenario: base.name, history: { file: historyFile, read: detected, ...view } };
  if (json === '-') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else {
    io.stdout(fitText(fit.report, lang));
    if (json !== undefined) await io.writeFile(resolve(io.cwd, json), JSON.stringify(report, null, 2) + '\n');
  }
  if (out !== undefined) {
    await io.writeFile(resolve(io.cwd, out), serializeScenario(fit.scenario));
    if (json !== '-') io.stdout(WORDS[lang].wrote(out) + '\n');
  }
  return 0;
}
