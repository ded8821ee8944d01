/**
 * An .xlsx workbook of tables, one sheet each, with write-excel-file (loaded only when a
 * workbook is asked for, so it stays out of the page's first load). Numbers are stored as
 * numbers — every digit the results hold, nothing rounded; the spreadsheet shows them in
 * the reader's own locale — dates as dates, text as text (never a formula, so names from
 * files need no guarding here). Headers are in the user's language (headers.ts), bold,
 * and stay in view while scrolling.
 */
import type { Lang } from '../format.ts';
import type { Cell, Table } from './csv.ts';
import { headerIn, valueIn } from './headers.ts';

export interface SheetTable {
  /** The sheet's tab name (cut to Excel's 31 characters, without the characters it forbids). */
  name: string;
  table: Table;
}

type XlsxCell = { value?: string | number | boolean | Date; type?: unknown; format?: string; fontWeight?: 'bold' } | null;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let out = base;
  for (let k = 2; taken.has(out.toLowerCase()); k++) out = `${base.slice(0, 31 - String(k).length - 1)} ${k}`;
  taken.add(out.toLowerCase());
  return out;
}

function cellOf(key: string, cell: Cell, lang: Lang): XlsxCell {
  if (cell === null || cell === undefined || (typeof cell === 'number' && !Number.isFinite(cell))) return null;
  if (typeof cell === 'number') return { value: cell, type: Number };
  if (typeof cell === 'boolean') return { value: cell ? 1 : 0, type: Number };
  const date = key === 'date' ? ISO_DATE.exec(cell) : null;
  if (date) return { value: new Date(Date.UTC(+date[1], +date[2] - 1, +date[3])), type: Date, format: lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd' };
  return { value: String(valueIn(key, cell, lang)), type: String };
}

/** The sheets as write-excel-file takes them (pure: tests read the cells). */
export function xlsxSheets(sheets: readonly SheetTable[], lang: Lang) {
  const taken = new Set<string>();
  return sheets.map(({ name, table }) => ({
    sheet: sheetName(name, taken),
    stickyRowsCount: 1,
    columns: table.header.map((h) => ({ width: Math.min(40, Math.max(10, headerIn(h, lang).length + 2)) })),
    data: [
      table.header.map((h) => ({ value: headerIn(h, lang), type: String, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map((c, i) => cellOf(table.header[i], c, lang))),
    ],
  }));
}

/** The workbook's bytes. */
export async function xlsxBlob(sheets: readonly SheetTable[], lang: Lang): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return writeXlsxFile(xlsxSheets(sheets, lang) as any).toBlob();
}
