/**
 * What the history door says, in English and Russian: each problem with the line it is
 * on (0: the whole file) and the reason, in the words of someone who exported a bank
 * statement, not of a parser. `{name}` is replaced by `params.name`.
 */
import { fillTemplate } from '../scenario/template.ts';

export type HistoryLang = 'en' | 'ru';

const TEMPLATES = {
  'file.empty': { en: 'the file is empty: there are no payments in it', ru: 'файл пуст: платежей в нём нет' },
  'file.tooLarge': {
    en: 'the file is too large ({size}); a payment history of at most {max} is read',
    ru: 'файл слишком большой ({size}); читается история платежей не больше {max}',
  },
  'file.notText': {
    en: 'this is {kind}, not a CSV text file: save the statement as CSV (text with ; or , between the columns)',
    ru: 'это {kind}, а не текстовый файл CSV: сохраните выписку в CSV (текст с ; или , между колонками)',
  },
  'file.tooManyRows': {
    en: 'more than {max} lines: a history of at most {max} payments is read (cut the period)',
    ru: 'больше {max} строк: читается история не больше чем из {max} платежей (сократите период)',
  },
  'file.tooLong': {
    en: 'the payments span {months} months ({first} … {last}); at most 5 years (60 months) are read',
    ru: 'платежи охватывают {months} мес. ({first} … {last}); читается не больше 5 лет (60 месяцев)',
  },
  'file.noPayments': {
    en: 'no incoming payments in the file ({outgoing} outgoing, {refunds} refunds left out)',
    ru: 'в файле нет поступлений (списаний: {outgoing}, возвратов: {refunds} — не учтены)',
  },
  'header.notFound': {
    en: 'no header line naming a date and an amount in the first {lines} lines (e.g. "Дата;Сумма;Плательщик" or "Date,Amount,Payer"); name the columns yourself (date=…, amount=…)',
    ru: 'в первых {lines} строках нет строки заголовка с датой и суммой (например, «Дата;Сумма;Плательщик»); укажите колонки сами (date=…, amount=…)',
  },
  'column.noDate': {
    en: 'no date column: the header has {header}; choose the column with the payment date (date=…)',
    ru: 'нет колонки с датой: в заголовке {header}; выберите колонку с датой платежа (date=…)',
  },
  'column.noAmount': {
    en: 'no amount column: the header has {header}; choose the column with the amount (amount=…, or credit=… for money in)',
    ru: 'нет колонки с суммой: в заголовке {header}; выберите колонку с суммой (amount=… или credit=… для поступлений)',
  },
  'column.unknown': {
    en: '{role}: the header has no column "{name}" (it has {header})',
    ru: '{role}: в заголовке нет колонки «{name}» (есть {header})',
  },
  'column.outOfRange': {
    en: '{role}: there is no column {index}, the file has {count}',
    ru: '{role}: колонки {index} нет, в файле их {count}',
  },
  'row.badDate': {
    en: 'the date "{value}" is not a date in the format {format}',
    ru: 'дата «{value}» — не дата в формате {format}',
  },
  'row.badAmount': { en: 'the amount "{value}" is not a number', ru: 'сумма «{value}» — не число' },
  'row.tooLarge': { en: 'the amount "{value}" is too large', ru: 'сумма «{value}» слишком велика' },
  'row.noAmount': { en: 'a date but no amount', ru: 'есть дата, но нет суммы' },
  'row.short': {
    en: 'the line has {cells} columns; the {role} is in column {needed}',
    ru: 'в строке {cells} колонок, а {role} — в колонке {needed}',
  },
  'row.outOfOrder': {
    en: '{date} comes after {previous} (line {previousLine}): the payments are not in date order; a statement lists them oldest first or newest first (was the file put together from pieces?)',
    ru: '{date} идёт после {previous} (строка {previousLine}): платежи не по порядку дат; в выписке они идут от старых к новым или наоборот (файл собран из кусков?)',
  },
  'issues.truncated': { en: '… and {count} more', ru: '… и ещё {count}' },
  internal: { en: 'the file could not be read: {reason}', ru: 'файл не удалось прочитать: {reason}' },

  'warn.dateAmbiguous': {
    en: 'every date reads both day first and month first; read as {format} (choose the format if that is wrong)',
    ru: 'все даты читаются и как день.месяц, и как месяц.день; прочитаны как {format} (выберите формат, если это не так)',
  },
  'warn.skipped': {
    en: '{count} lines without a payment (blank, totals, balances) left out',
    ru: 'пропущено строк без платежа (пустых, итогов, остатков): {count}',
  },
  'warn.outgoing': {
    en: '{count} outgoing payments ({sum} ₽) left out: collections are money in',
    ru: 'не учтено списаний: {count} ({sum} ₽): сбор — это поступления',
  },
  'warn.refunds': {
    en: '{count} refunds ({sum} ₽) left out (a return is not a client paying)',
    ru: 'не учтено возвратов: {count} ({sum} ₽) (возврат — не оплата клиента)',
  },
  'warn.zero': { en: '{count} payments of zero left out', ru: 'пропущено нулевых платежей: {count}' },
  'warn.noClient': {
    en: 'no client column: the largest clients\' share and the number of payers cannot be read',
    ru: 'нет колонки с клиентом: долю крупнейших клиентов и число плательщиков прочитать нельзя',
  },
} as const;

export type HistoryCode = keyof typeof TEMPLATES;

export interface HistoryIssue {
  /** The file's line (1-based); 0: the whole file. */
  line: number;
  code: HistoryCode;
  params: Record<string, string | number>;
  /** English, without the line. */
  message: string;
}

const ROLE_WORDS: Record<string, { en: string; ru: string }> = {
  date: { en: 'date', ru: 'дата' },
  amount: { en: 'amount', ru: 'сумма' },
  credit: { en: 'money in', ru: 'поступление' },
  debit: { en: 'money out', ru: 'списание' },
  client: { en: 'client', ru: 'клиент' },
  direction: { en: 'direction', ru: 'вид операции' },
  purpose: { en: 'purpose', ru: 'назначение' },
};

const KIND_WORDS: Record<string, { en: string; ru: string }> = {
  xlsx: { en: 'an Excel workbook (.xlsx)', ru: 'книга Excel (.xlsx)' },
  xls: { en: 'an old Excel workbook (.xls)', ru: 'книга Excel старого формата (.xls)' },
  pdf: { en: 'a PDF document', ru: 'документ PDF' },
  binary: { en: 'a binary file', ru: 'двоичный файл' },
};

export function renderHistoryMessage(code: HistoryCode, params: Record<string, string | number>, lang: HistoryLang): string {
  return fillTemplate(TEMPLATES[code][lang], params, (k, v) => {
    if (k === 'role') return ROLE_WORDS[String(v)]?.[lang] ?? String(v);
    if (k === 'kind') return KIND_WORDS[String(v)]?.[lang] ?? String(v);
    return typeof v === 'number' ? v.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB') : String(v);
  });
}

export function historyIssue(line: number, code: HistoryCode, params: Record<string, string | number> = {}): HistoryIssue {
  return { line, code, params, message: renderHistoryMessage(code, params, 'en') };
}

/** `line 14: the amount "abc" is not a number` / `строка 14: сумма «abc» — не число`. */
export function formatHistoryIssue(issue: HistoryIssue, lang: HistoryLang = 'en'): string {
  const text = renderHistoryMessage(issue.code, issue.params, lang);
  return issue.line > 0 ? `${lang === 'ru' ? 'строка' : 'line'} ${issue.line}: ${text}` : text;
}

export const HISTORY_CODES = Object.keys(TEMPLATES) as HistoryCode[];
