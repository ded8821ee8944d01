/**
 * A bank-statement CSV of incoming payments (date, amount, client), as `paybench history`
 * writes a simulated run: in English (ISO dates, `,` between columns, a decimal point) or
 * as a Russian bank would (DD.MM.YYYY, `;`, a decimal comma, digits grouped by no-break
 * spaces). Either reads back through the history door to the same payments.
 */
import { isoDay, russianDay } from './dates.ts';
import type { HistoryPayment } from './parse.ts';

export type StatementStyle = 'en' | 'ru';

/** "1 234 567,89" with no-break spaces (ru) or "1234567.89" (en), from kopecks. */
function amountText(kopecks: number, style: StatementStyle): string {
  const roubles = Math.floor(kopecks / 100);
  const cents = String(kopecks % 100).padStart(2, '0');
  if (style === 'en') return `${roubles}.${cents}`;
  return `${String(roubles).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${cents}`;
}

const quoted = (text: string, delimiter: string) => (/["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text);

/** The statement's text (a header line, then a line per payment, \r\n line ends as Windows programs write them). */
export function statementCsv(payments: readonly HistoryPayment[], clientName: (client: number) => string, style: StatementStyle = 'en'): string {
  const d = style === 'ru' ? ';' : ',';
  const header = style === 'ru' ? ['Дата', 'Сумма', 'Плательщик'] : ['Date', 'Amount', 'Payer'];
  const lines = [header.join(d)];
  for (const p of payments) {
    const date = style === 'ru' ? russianDay(p.day) : isoDay(p.day);
    lines.push([date, amountText(p.kopecks, style), quoted(clientName(p.client), d)].join(d));
  }
  return lines.join('\r\n') + '\r\n';
}

/** How a simulated client is named on a statement: "Client 017" / "ООО «Клиент 017»". */
export function simulatedClientName(client: number, style: StatementStyle = 'en'): string {
  const n = String(client + 1).padStart(3, '0');
  return style === 'ru' ? `ООО «Клиент ${n}»` : `Client ${n}`;
}
