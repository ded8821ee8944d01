/**
 * The one door for payment histories — bank statements and 1C exports of incoming
 * payments — as `parseScenarioText` is for scenarios: bytes in, the incoming client
 * payments out (oldest first, in kopecks), or every problem with its line and reason.
 * It detects the encoding, the delimiter, the header and its columns, the decimal mark
 * and the date format, and the user may override each. Outgoing payments and refunds are
 * recognised (a debit column, a direction such as "Списание", a negative amount, a purpose
 * such as "Возврат") and left out, and said so. Never throws, whatever the input.
 */
import { detectDecimalMark, readAmount, type DecimalMark } from './amounts.ts';
import { isHeader, normalName, rolesOf, ROLES, type ColumnChoice, type ColumnMap, type Role } from './columns.ts';
import { detectDateFormat, formatName, monthNumber, civilDate, parseDateFormat, readDate, russianDay, type DateFormat } from './dates.ts';
import { historyIssue, type HistoryIssue } from './messages.ts';
import { decode, detectDelimiter, detectEncoding, notText, readRecords, DELIMITERS, type CsvRecord, type Delimiter, type Encoding } from './text.ts';

export const HISTORY_LIMITS = {
  /** Bytes read at most (40 MiB: 200,000 payments with long purposes). */
  maxBytes: 40 * 1024 * 1024,
  /** Payment lines at most. */
  maxRows: 200_000,
  /** Calendar months from the first payment to the last (5 years). */
  maxMonths: 60,
  /** Lines searched for the header (bank statements open with the account's details). */
  headerLines: 50,
  /** Problems listed at most; the rest are counted. */
  maxIssues: 20,
} as const;

export interface HistoryOptions {
  encoding?: Encoding;
  delimiter?: Delimiter;
  decimal?: DecimalMark;
  /** "DD.MM.YYYY", "YYYY-MM-DD", "MM/DD/YYYY", … */
  dateFormat?: string;
  /** Columns by header name or number from 1; null: do not use a column found. */
  columns?: Partial<Record<Role, ColumnChoice>>;
  /** Count incoming refunds as collections (default: left out). */
  keepRefunds?: boolean;
}

/** An incoming client payment: day (since 1970-01-01), kopecks (> 0), client (index into `clients`; −1 without a client column). */
export interface HistoryPayment {
  day: number;
  kopecks: number;
  client: number;
}

export interface History {
  /** Oldest first. */
  payments: HistoryPayment[];
  clients: string[];
  hasClients: boolean;
  excluded: { outgoing: number; outgoingKopecks: number; refunds: number; refundKopecks: number; skippedLines: number; zero: number };
}

/** How the file was read: each a choice the user may override. */
export interface Detected {
  encoding: Encoding;
  delimiter: Delimiter;
  decimal: DecimalMark;
  dateFormat: string;
  /** The header's line (0: none, the columns were given by number). */
  headerLine: number;
  header: string[];
  /** Column of each role found (from 0). */
  columns: ColumnMap;
}

export type HistoryParse =
  | { ok: true; history: History; detected: Detected; warnings: HistoryIssue[] }
  | { ok: false; errors: HistoryIssue[]; detected: Partial<Detected>; warnings: HistoryIssue[] };

const TOTALS = /итог|всего|остаток|оборот|сальдо|входящ|исходящ|total|balance|turnover|opening|closing/i;
const REFUND = /возврат|refund|сторно|reversal|chargeback/i;
const PURPOSE_REFUND = /^\s*возврат|возврат (излишне|ошибочно|денежных|оплат|платеж|аванс|средств)|refund|сторно|reversal|chargeback/i;
const OUT = /списан|расход|дебет|debit|^d$|^dr$|^out|outgoing|перечислен|оплата поставщик|^-$/i;
const IN = /поступ|приход|кредит|credit|^c$|^cr$|^in$|incoming|зачисл|покупател|оплата от|^\+$/i;

class Problems {
  readonly errors: HistoryIssue[] = [];
  dropped = 0;
  add(issue: HistoryIssue): void {
    if (this.errors.length < HISTORY_LIMITS.maxIssues) this.errors.push(issue);
    else this.dropped++;
  }
  list(): HistoryIssue[] {
    return this.dropped > 0 ? [...this.errors, historyIssue(0, 'issues.truncated', { count: this.dropped })] : this.errors;
  }
}

const megabytes = (b: number) => `${(b / (1024 * 1024)).toFixed(1)} MB`;
const shown = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** Reads a history file's bytes (the encoding is detected unless given). */
export function parseHistoryBytes(bytes: Uint8Array, options: HistoryOptions = {}): HistoryParse {
  try {
    if (bytes.length > HISTORY_LIMITS.maxBytes) return fail(historyIssue(0, 'file.tooLarge', { size: megabytes(bytes.length), max: megabytes(HISTORY_LIMITS.maxBytes) }));
    const kind = notText(bytes);
    if (kind) return fail(historyIssue(0, 'file.notText', { kind }));
    const encoding = options.encoding ?? detectEncoding(bytes);
    return parseHistoryText(decode(bytes, encoding), options, encoding);
  } catch (e) {
    return fail(historyIssue(0, 'internal', { reason: e instanceof Error ? e.message.slice(0, 300) : String(e) }));
  }
}

/** Reads a history file's text (already decoded; `encoding` is only reported). */
export function parseHistoryText(text: string, options: HistoryOptions = {}, encoding: Encoding = 'utf-8'): HistoryParse {
  try {
    if (text.length > HISTORY_LIMITS.maxBytes) return fail(historyIssue(0, 'file.tooLarge', { size: megabytes(text.length), max: megabytes(HISTORY_LIMITS.maxBytes) }));
    if (text.trim() === '' || text.trim() === '\ufeff') return fail(historyIssue(0, 'file.empty'));
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return readTable(body, options, encoding);
  } catch (e) {
    return fail(historyIssue(0, 'internal', { reason: e instanceof Error ? e.message.slice(0, 300) : String(e) }));
  }
}

function fail(issue: HistoryIssue, detected: Partial<Detected> = {}): HistoryParse {
  return { ok: false, errors: [issue], detected, warnings: [] };
}

interface Table {
  delimiter: Delimiter;
  records: CsvRecord[];
  more: boolean;
  /** Index of the header record (−1: none). */
  header: number;
}

/** The records split by the delimiter (given, or the first of the detected one and the others that shows a header). */
function findTable(text: string, options: HistoryOptions): Table {
  const limit = HISTORY_LIMITS.maxRows + HISTORY_LIMITS.headerLines + 1;
  const detected = detectDelimiter(text);
  const order = options.delimiter ? [options.delimiter] : [detected, ...DELIMITERS.filter((d) => d !== detected)];
  const named = Object.values(options.columns ?? {}).filter((c): c is string => typeof c === 'string').map(normalName);
  let first: Table | null = null;
  for (const delimiter of order) {
    const { records, more } = readRecords(text, delimiter, limit);
    const header = records.slice(0, HISTORY_LIMITS.headerLines).findIndex((r) => {
      const names = r.cells.map(normalName);
      return (named.length > 0 && named.every((n) => names.includes(n))) || isHeader(rolesOf(r.cells));
    });
    const table = { delimiter, records, more, header };
    if (header >= 0) return table;
    first ??= table;
  }
  return first!;
}

function readTable(text: string, options: HistoryOptions, encoding: Encoding): HistoryParse {
  const table = findTable(text, options);
  const { delimiter, records } = table;
  const detected: Partial<Detected> = { encoding, delimiter };
  const choices = options.columns ?? {};
  const byNumber = Object.values(choices).some((c) => typeof c === 'number');
  if (table.header < 0 && !(byNumber && choices.date !== undefined && (choices.amount !== undefined || choices.credit !== undefined))) {
    return fail(historyIssue(0, 'header.notFound', { lines: HISTORY_LIMITS.headerLines }), detected);
  }
  const headerRecord = table.header >= 0 ? records[table.header] : null;
  const header = headerRecord?.cells ?? [];
  const headerText = header.filter((h) => h !== '').map((h) => `"${shown(h)}"`).join(', ') || '—';
  detected.header = header;
  detected.headerLine = headerRecord?.line ?? 0;

  // Columns: the header's names, then the user's choices.
  const map: ColumnMap = headerRecord ? rolesOf(header) : {};
  const width = Math.max(header.length, ...records.slice(0, 20).map((r) => r.cells.length));
  for (const role of ROLES) {
    const choice = choices[role];
    if (choice === undefined) continue;
    if (choice === null) {
      delete map[role];
      continue;
    }
    if (typeof choice === 'number') {
      if (choice < 1 || choice > width) return fail(historyIssue(headerRecord?.line ?? 0, 'column.outOfRange', { role, index: choice, count: width }), detected);
      map[role] = choice - 1;
    } else {
      const i = header.findIndex((h) => normalName(h) === normalName(choice));
      if (i < 0) return fail(historyIssue(headerRecord?.line ?? 0, 'column.unknown', { role, name: choice, header: headerText }), detected);
      map[role] = i;
    }
  }
  // One amount, or money in and out in columns of their own.
  const userChose = (r: Role) => choices[r] !== undefined && choices[r] !== null;
  const split = map.credit !== undefined && (userChose('credit') || map.amount === undefined || (userChose('debit') && !userChose('amount')));
  if (split) delete map.amount;
  else {
    delete map.credit;
    delete map.debit;
  }
  detected.columns = map;
  if (map.date === undefined) return fail(historyIssue(headerRecord?.line ?? 0, 'column.noDate', { header: headerText }), detected);
  if (map.amount === undefined && map.credit === undefined) return fail(historyIssue(headerRecord?.line ?? 0, 'column.noAmount', { header: headerText }), detected);

  // Without a header (columns given by number), the table starts at the first line with a date.
  const dataFrom =
    table.header >= 0
      ? table.header + 1
      : Math.max(0, records.slice(0, HISTORY_LIMITS.headerLines).findIndex((r) => (['dmy', 'ymd', 'mdy'] as const).some((o) => readDate(r.cells[map.date!] ?? '', o) !== null)));
  const rows = records.slice(dataFrom);
  if (table.more || rows.length > HISTORY_LIMITS.maxRows) return fail(historyIssue(0, 'file.tooManyRows', { max: HISTORY_LIMITS.maxRows }), detected);

  // The date format and the decimal mark, from the whole column.
  const warnings: HistoryIssue[] = [];
  const dateCells = rows.map((r) => r.cells[map.date!] ?? '').filter((c) => c !== '' && !TOTALS.test(c));
  let format: DateFormat;
  if (options.dateFormat) {
    const given = parseDateFormat(options.dateFormat);
    if (!given) return fail(historyIssue(0, 'internal', { reason: `unknown date format "${options.dateFormat}"` }), detected);
    format = given;
  } else {
    const found = detectDateFormat(dateCells) ?? detectDateFormat(dateCells.slice(0, 50));
    format = found?.format ?? { order: 'dmy', separator: '.' };
    if (found?.ambiguous) warnings.push(historyIssue(0, 'warn.dateAmbiguous', { format: formatName(format) }));
  }
  detected.dateFormat = formatName(format);
  const amountCells = [map.amount, map.credit, map.debit].flatMap((c) => (c === undefined ? [] : rows.map((r) => r.cells[c] ?? '')));
  const decimal: DecimalMark = options.decimal ?? detectDecimalMark(amountCells) ?? (delimiter === ',' ? '.' : ',');
  detected.decimal = decimal;
  const full = detected as Detected;

  const problems = new Problems();
  const payments: HistoryPayment[] = [];
  const clients: string[] = [];
  const clientIndex = new Map<string, number>();
  const excluded = { outgoing: 0, outgoingKopecks: 0, refunds: 0, refundKopecks: 0, skippedLines: table.header >= 0 ? 0 : dataFrom, zero: 0 };
  let previous = { day: NaN, line: 0 };
  let direction = 0;
  let first = Infinity;
  let last = -Infinity;
  const needed = Math.max(...[map.date, map.amount, map.credit].filter((c): c is number => c !== undefined));

  for (const r of rows) {
    const cells = r.cells;
    if (cells.every((c) => c === '')) {
      excluded.skippedLines++;
      continue;
    }
    const dateText = cells[map.date] ?? '';
    const amountTexts = [map.amount, map.credit, map.debit].map((c) => (c === undefined ? '' : (cells[c] ?? '')));
    if (dateText === '' || TOTALS.test(dateText)) {
      if (amountTexts.every((a) => a === '') || cells.some((c) => TOTALS.test(c))) {
        excluded.skippedLines++;
        continue;
      }
    }
    if (cells.length <= needed) {
      problems.add(historyIssue(r.line, 'row.short', { cells: cells.length, role: needed === map.date ? 'date' : 'amount', needed: needed + 1 }));
      continue;
    }
    const day = readDate(dateText, format.order);
    if (day === null) {
      problems.add(historyIssue(r.line, 'row.badDate', { value: shown(dateText), format: formatName(format) }));
      continue;
    }
    // Money in or out, and how much.
    let kopecks: number;
    let way: 'in' | 'out' | 'refund';
    if (map.amount !== undefined) {
      const read = readAmount(amountTexts[0], decimal);
      if (amountTexts[0] === '') {
        problems.add(historyIssue(r.line, 'row.noAmount'));
        continue;
      }
      if (!read.ok) {
        problems.add(historyIssue(r.line, read.reason === 'tooLarge' ? 'row.tooLarge' : 'row.badAmount', { value: shown(amountTexts[0]) }));
        continue;
      }
      const said = map.direction !== undefined ? (cells[map.direction] ?? '') : '';
      way = REFUND.test(said) ? 'refund' : OUT.test(said) ? 'out' : IN.test(said) ? 'in' : read.kopecks < 0 ? 'out' : 'in';
      kopecks = Math.abs(read.kopecks);
    } else {
      const [, inText, outText] = amountTexts;
      if (inText === '' && outText === '') {
        problems.add(historyIssue(r.line, 'row.noAmount'));
        continue;
      }
      const inRead = inText === '' ? null : readAmount(inText, decimal);
      const outRead = outText === '' ? null : readAmount(outText, decimal);
      const bad = inRead && !inRead.ok ? { read: inRead, text: inText } : outRead && !outRead.ok ? { read: outRead, text: outText } : null;
      if (bad && !bad.read.ok) {
        problems.add(historyIssue(r.line, bad.read.reason === 'tooLarge' ? 'row.tooLarge' : 'row.badAmount', { value: shown(bad.text) }));
        continue;
      }
      const inKopecks = inRead?.ok ? Math.abs(inRead.kopecks) : 0;
      way = inKopecks > 0 ? 'in' : 'out';
      kopecks = inKopecks > 0 ? inKopecks : outRead?.ok ? Math.abs(outRead.kopecks) : 0;
    }
    const purpose = map.purpose !== undefined ? (cells[map.purpose] ?? '') : '';
    if (way === 'in' && PURPOSE_REFUND.test(purpose)) way = 'refund';

    // Date order: oldest first or newest first, never both.
    if (!Number.isNaN(previous.day) && day !== previous.day) {
      const step = Math.sign(day - previous.day);
      if (direction === 0) direction = step;
      else if (step !== direction) {
        problems.add(historyIssue(r.line, 'row.outOfOrder', { date: dateText, previous: russianDay(previous.day), previousLine: previous.line }));
        continue;
      }
    }
    previous = { day, line: r.line };
    first = Math.min(first, day);
    last = Math.max(last, day);

    if (kopecks === 0) {
      excluded.zero++;
      continue;
    }
    if (way === 'out') {
      excluded.outgoing++;
      excluded.outgoingKopecks += kopecks;
      continue;
    }
    if (way === 'refund' && !options.keepRefunds) {
      excluded.refunds++;
      excluded.refundKopecks += kopecks;
      continue;
    }
    let client = -1;
    if (map.client !== undefined) {
      const name = (cells[map.client] ?? '').replace(/\s+/g, ' ').trim();
      const key = name.toLowerCase();
      client = clientIndex.get(key) ?? -1;
      if (client < 0) {
        client = clients.length;
        clients.push(name === '' ? '—' : name);
        clientIndex.set(key, client);
      }
    }
    payments.push({ day, kopecks, client });
  }

  if (problems.errors.length > 0) return { ok: false, errors: problems.list(), detected: full, warnings };
  if (Number.isFinite(first)) {
    const a = civilDate(first);
    const b = civilDate(last);
    const months = monthNumber(b.year, b.month) - monthNumber(a.year, a.month) + 1;
    if (months > HISTORY_LIMITS.maxMonths) return fail(historyIssue(0, 'file.tooLong', { months, first: russianDay(first), last: russianDay(last) }), full);
  }
  if (payments.length === 0) return { ok: false, errors: [historyIssue(0, 'file.noPayments', { outgoing: excluded.outgoing, refunds: excluded.refunds })], detected: full, warnings };
  if (direction < 0) {
    // Oldest first, the clients numbered as they first pay: the same file either way round reads the same.
    payments.reverse();
    if (clients.length > 0) {
      const order = new Map<number, number>();
      for (const p of payments) {
        if (!order.has(p.client)) order.set(p.client, order.size);
        p.client = order.get(p.client)!;
      }
      const renamed = [...clients];
      for (const [old, now] of order) renamed[now] = clients[old];
      clients.splice(0, clients.length, ...renamed);
    }
  }

  if (excluded.skippedLines > 0) warnings.push(historyIssue(0, 'warn.skipped', { count: excluded.skippedLines }));
  if (excluded.outgoing > 0) warnings.push(historyIssue(0, 'warn.outgoing', { count: excluded.outgoing, sum: excluded.outgoingKopecks / 100 }));
  if (excluded.refunds > 0) warnings.push(historyIssue(0, 'warn.refunds', { count: excluded.refunds, sum: excluded.refundKopecks / 100 }));
  if (excluded.zero > 0) warnings.push(historyIssue(0, 'warn.zero', { count: excluded.zero }));
  if (map.client === undefined) warnings.push(historyIssue(0, 'warn.noClient'));
  return { ok: true, history: { payments, clients, hasClients: map.client !== undefined, excluded }, detected: full, warnings };
}
