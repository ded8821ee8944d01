/**
 * Reading a payment history for the CLI: the file's bytes (at most the door's size limit)
 * through the one door, `parseHistoryBytes`, with the user's overrides from the command
 * line (--map, --encoding, --delimiter, --decimal, --date-format, --keep-refunds).
 */
import { resolve } from 'node:path';
import { ENCODINGS, HISTORY_LIMITS, formatHistoryIssue, parseColumnChoices, parseDateFormat, parseHistoryBytes, renderHistoryMessage } from '../engine/index.ts';
import type { Delimiter, DecimalMark, Detected, Encoding, History, HistoryIssue, HistoryOptions } from '../engine/index.ts';
import type { ParsedArgs } from './args.ts';
import type { CliIo } from './io.ts';
import { InputError, UsageError } from './io.ts';
import { TooLargeError } from './read-bounded.ts';
import type { Lang } from './format.ts';

export const HISTORY_FLAGS = { map: 'value', encoding: 'value', delimiter: 'value', decimal: 'value', 'date-format': 'value', 'keep-refunds': 'boolean' } as const;

/** The overrides the command line gives. */
export function historyOptions(args: ParsedArgs): HistoryOptions {
  const options: HistoryOptions = {};
  const { map, encoding, delimiter, decimal } = args.values;
  if (map !== undefined) {
    try {
      options.columns = parseColumnChoices(map);
    } catch (e) {
      throw new UsageError(`--map: ${(e as Error).message}`);
    }
  }
  if (encoding !== undefined) {
    const e = encoding.toLowerCase().replace(/^(cp|win)-?1251$/, 'windows-1251').replace(/^utf8$/, 'utf-8');
    if (!ENCODINGS.includes(e as Encoding)) throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}, not "${encoding}"`);
    options.encoding = e as Encoding;
  }
  if (delimiter !== undefined) {
    const d = ({ ';': ';', semicolon: ';', ',': ',', comma: ',', tab: '\t', '\\t': '\t', '\t': '\t' } as Record<string, Delimiter>)[delimiter.toLowerCase()];
    if (!d) throw new UsageError(`--delimiter must be ";", "," or tab, not "${delimiter}"`);
    options.delimiter = d;
  }
  if (decimal !== undefined) {
    const m = ({ ',': ',', comma: ',', '.': '.', dot: '.', point: '.' } as Record<string, DecimalMark>)[decimal.toLowerCase()];
    if (!m) throw new UsageError(`--decimal must be "," or ".", not "${decimal}"`);
    options.decimal = m;
  }
  const format = args.values['date-format'];
  if (format !== undefined) {
    if (!parseDateFormat(format)) throw new UsageError(`--date-format must be like DD.MM.YYYY, YYYY-MM-DD or MM/DD/YYYY, not "${format}"`);
    options.dateFormat = format;
  }
  if (args.booleans.has('keep-refunds')) options.keepRefunds = true;
  return options;
}

async function readBytes(io: CliIo, path: string): Promise<Uint8Array> {
  if (io.readBytes) return io.readBytes(path, HISTORY_LIMITS.maxBytes);
  return new TextEncoder().encode(await io.readFile(path, HISTORY_LIMITS.maxBytes));
}

export interface LoadedHistory {
  history: History;
  detected: Detected;
  warnings: HistoryIssue[];
}

/** Reads and checks a history file; a bad one throws an InputError listing each problem with its line. */
export async function loadHistory(io: CliIo, file: string, options: HistoryOptions, lang: Lang): Promise<LoadedHistory> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(io, resolve(io.cwd, file));
  } catch (error) {
    if (error instanceof TooLargeError) {
      const mb = (b: number) => `${(b / (1024 * 1024)).toFixed(1)} MB`;
      throw new InputError(`${file}: ${renderHistoryMessage('file.tooLarge', { size: mb(error.bytes), max: mb(error.maxBytes) }, lang)}`);
    }
    throw new InputError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const read = parseHistoryBytes(bytes, options);
  if (!read.ok) throw new InputError(read.errors.map((e) => `${file}: ${formatHistoryIssue(e, lang)}`).join('\n'));
  for (const w of read.warnings) io.stderr(`${lang === 'ru' ? 'замечание' : 'note'}: ${formatHistoryIssue(w, lang)}\n`);
  return { history: read.history, detected: read.detected, warnings: read.warnings };
}

/** How the file was read, in a line: encoding, delimiter, decimal mark, date format, columns. */
export function detectedText(d: Detected, lang: Lang): string {
  const delimiter = d.delimiter === '\t' ? 'tab' : d.delimiter;
  const columns = Object.entries(d.columns)
    .map(([role, i]) => `${role}=${d.header[i] ? `"${d.header[i]}"` : `${i + 1}`}`)
    .join(', ');
  return lang === 'ru'
    ? `прочитано как: ${d.encoding}, разделитель «${delimiter}», десятичный знак «${d.decimal}», даты ${d.dateFormat}; колонки ${columns}`
    : `read as: ${d.encoding}, delimiter "${delimiter}", decimal mark "${d.decimal}", dates ${d.dateFormat}; columns ${columns}`;
}
