/**
 * CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark so Excel reads Cyrillic,
 * CRLF line ends, a comma between cells and '.' as the decimal point whatever the
 * language (a locale's comma would split the cell). Names from files and links are data:
 * a text cell a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return) gets a leading apostrophe (OWASP "CSV injection"); numbers stay
 * numbers, negative ones included.
 */
export type Cell = string | number | boolean | null | undefined;

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text. Non-finite numbers and null are empty cells. */
export function csvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? '1' : '0';
  if (typeof cell === 'number') return Number.isFinite(cell) ? plainNumber(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number with '.' decimals and no exponent for the sizes met here (1e-7 → "0.0000001"). */
function plainNumber(x: number): string {
  const text = String(x);
  if (!/e/i.test(text)) return text;
  return Math.abs(x) < 1 ? x.toFixed(12).replace(/\.?0+$/, '') : BigInt(Math.round(x)).toString();
}

/** A table with a header row as CSV text (BOM first, CRLF after every row). */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A CSV table as data: what a chart exports. */
export interface Table {
  header: string[];
  rows: Cell[][];
}

export const tableCsv = (t: Table): string => toCsv(t.header, t.rows);
