/**
 * From a history file's bytes to records: the encoding (UTF-8, with or without its mark,
 * or Windows-1251, which 1C and most Russian banks still write; UTF-16 with its mark),
 * then the delimiter (`;`, `,` or tab) and the CSV records with their line numbers.
 * TextDecoder is the same in browsers and Node, so this stays pure.
 */

export type Encoding = 'utf-8' | 'windows-1251' | 'utf-16le' | 'utf-16be';
export type Delimiter = ';' | ',' | '\t';

export const ENCODINGS: readonly Encoding[] = ['utf-8', 'windows-1251', 'utf-16le', 'utf-16be'];
export const DELIMITERS: readonly Delimiter[] = [';', '\t', ','];

/** What the bytes are, when they are not text at all: a workbook, a PDF, an archive, binary. */
export function notText(bytes: Uint8Array): 'xlsx' | 'xls' | 'pdf' | 'binary' | null {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'xls';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null; // UTF-16 with its mark
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return 'binary';
  return null;
}

/** The encoding: a byte-order mark says it; else UTF-8 if the bytes are valid UTF-8, else Windows-1251. */
export function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** The text, without a byte-order mark. */
export function decode(bytes: Uint8Array, encoding: Encoding): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A record of the file: its cells and the line it starts on (1-based, as an editor numbers them). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Splits text into records: quoted cells may hold the delimiter, doubled quotes and line
 * breaks; \r\n, \n and \r all end a line. Stops after `max` records (the caller refuses
 * a file with more); `more` says whether records were left.
 */
export function readRecords(text: string, delimiter: Delimiter, max = Infinity): { records: CsvRecord[]; more: boolean } {
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (records.length >= max) return { records, more: true };
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let atCellStart = true;
    for (; i < n; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i++;
          } else quoted = false;
        } else {
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
          cell += ch;
        }
        continue;
      }
      if (ch === '"' && atCellStart) {
        quoted = true;
        atCellStart = false;
      } else if (ch === delimiter) {
        cells.push(cell);
        cell = '';
        atCellStart = true;
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        i++;
        line++;
        break;
      } else {
        cell += ch;
        if (ch !== ' ') atCellStart = false;
      }
    }
    cells.push(cell);
    records.push({ line: start, cells: cells.map((c) => c.trim()) });
  }
  return { records, more: false };
}

/**
 * The delimiter: of the candidates, the one that splits the first lines into the same
 * number (two or more) of cells most often; a statement's preamble lines count less than
 * its table. Ties go to `;`, then tab, then `,` (a comma also sits in decimal amounts).
 */
export function detectDelimiter(text: string): Delimiter {
  const head = text.slice(0, 64 * 1024);
  let best: Delimiter = ';';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const { records } = readRecords(head, d, 60);
    const counts = new Map<number, number>();
    for (const r of records) if (r.cells.length >= 2) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
    let score = 0;
    for (const [cells, lines] of counts) score = Math.max(score, lines * Math.min(cells, 8));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
