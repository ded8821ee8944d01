/**
 * CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark so Excel reads Cyrillic,
 * CRLF line ends, in the user's locale — English: ',' between cells and '.' decimals;
 * Russian: ';' between cells and ',' decimals (what a Russian Excel or LibreOffice reads
 * on paste or open), with the headers in Russian (headers.ts) and dates as 31.01.2027.
 * Numbers are written as they are, to the last digit the results hold: nothing is
 * rounded on the way. Names from files and links are data: a text cell a spreadsheet
 * would run as a formula (starting with = + - @, or a tab or carriage return) gets a
 * leading apostrophe (OWASP "CSV injection"); numbers stay numbers, negative ones included.
 */
import type { Lang } from '../format.ts';
import { headerIn, valueIn } from './headers.ts';
import type { Cell } from './cell.ts';

export type { Cell };

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvLocale {
  delimiter: ',' | ';';
  decimal: '.' | ',';
}

export const CSV_LOCALES: Record<Lang, CsvLocale> = {
  en: { delimiter: ',', decimal: '.' },
  ru: { delimiter: ';', decimal: ',' },
};

/** One cell as CSV text. Non-finite numbers and null are empty cells. */
export function csvCell(cell: Cell, locale: CsvLocale = CSV_LOCALES.en): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? '1' : '0';
  if (typeof cell === 'number') return Number.isFinite(cell) ? plainNumber(cell).replace('.', locale.decimal) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /["\r\n]/.test(text) || text.includes(locale.delimiter) || text.includes(',') ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number with '.' decimals and no exponent for the sizes met here (1e-7 → "0.0000001"). */
function plainNumber(x: number): string {
  const text = String(x);
  if (!/e/i.test(text)) return text;
  return Math.abs(x) < 1 ? x.toFixed(12).replace(/\.?0+$/, '') : BigInt(Math.round(x)).toString();
}

/** A table with a header row as CSV text (BOM first, CRLF after every row). */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], locale: CsvLocale = CSV_LOCALES.en): string {
  return BOM + [header, ...rows].map((r) => r.map((c) => csvCell(c, locale)).join(locale.delimiter)).join('\r\n') + '\r\n';
}

/** A CSV table as data: what a chart exports (headers are the contract's column names). */
export interface Table {
  header: string[];
  rows: Cell[][];
}

/** A chart's table as CSV in the user's language and locale. */
export function tableCsv(t: Table, lang: Lang = 'en'): string {
  if (lang === 'en') return toCsv(t.header, t.rows);
  return toCsv(
    t.header.map((h) => headerIn(h, lang)),
    t.rows.map((r) => r.map((c, i) => valueIn(t.header[i], c, lang))),
    CSV_LOCALES[lang],
  );
}
