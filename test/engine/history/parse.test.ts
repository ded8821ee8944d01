/**
 * The history door as a user meets it: statements as Russian banks, 1C and English
 * exports write them read to the same payments; money out and refunds left out and said
 * so; the user's overrides; and broken files — no amount column, text in an amount, dates
 * out of order, an empty file, 50 MB, a workbook — each refused with the line and the
 * reason, never a throw.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cp1251 } from './cp1251.ts';
import { formatHistoryIssue, parseHistoryBytes, parseHistoryText, HISTORY_LIMITS } from '../../../src/engine/index.ts';
import type { HistoryParse } from '../../../src/engine/index.ts';
import { dayNumber } from '../../../src/engine/history/dates.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const ok = (r: HistoryParse) => {
  if (!r.ok) throw new Error(r.errors.map((e) => formatHistoryIssue(e)).join('\n'));
  return r;
};
const errors = (r: HistoryParse, lang: 'en' | 'ru' = 'en') => (r.ok ? [] : r.errors.map((e) => formatHistoryIssue(e, lang)));

/** The same three months of payments, as a Russian bank writes them and as an English export does. */
const PAYMENTS: [string, string, string, string][] = [
  // ISO date, Russian amount, English amount, payer
  ['2025-01-09', '1\u00a0234\u00a0567,89', '1234567.89', 'ООО «Ромашка»'],
  ['2025-01-15', '250\u00a0000,00', '250000.00', 'ИП Иванов И.И.'],
  ['2025-01-31', '99,50', '99.50', 'ООО «Ромашка»'],
  ['2025-02-03', '15\u00a0000\u00a0000,00', '15000000.00', 'АО «Вектор; Плюс»'],
  ['2025-03-20', '0,01', '0.01', 'ИП Иванов И.И.'],
];
const ruDate = (iso: string) => iso.split('-').reverse().join('.');
const RUSSIAN = ['Дата;Сумма;Плательщик', ...PAYMENTS.map(([d, ru, , p]) => `${ruDate(d)};${ru};${p.includes(';') ? `"${p}"` : p}`)].join('\r\n') + '\r\n';
const ENGLISH = ['Date,Amount,Payer', ...PAYMENTS.map(([d, , en, p]) => `${d},${en},"${p}"`)].join('\n') + '\n';

describe('a Russian statement and its UTF-8 ISO twin', () => {
  const ru = ok(parseHistoryBytes(cp1251(RUSSIAN)));
  const en = ok(parseHistoryBytes(utf8(ENGLISH)));

  it('read to the same payments and clients', () => {
    expect(ru.history).toEqual(en.history);
    expect(ru.history.payments.map((p) => p.kopecks)).toEqual([123456789, 25000000, 9950, 1500000000, 1]);
    expect(ru.history.payments[0].day).toBe(dayNumber(2025, 1, 9));
    expect(ru.history.clients).toEqual(['ООО «Ромашка»', 'ИП Иванов И.И.', 'АО «Вектор; Плюс»']);
  });
  it('say how each was read', () => {
    expect(ru.detected).toMatchObject({ encoding: 'windows-1251', delimiter: ';', decimal: ',', dateFormat: 'DD.MM.YYYY', headerLine: 1 });
    expect(en.detected).toMatchObject({ encoding: 'utf-8', delimiter: ',', decimal: '.', dateFormat: 'YYYY-MM-DD', headerLine: 1 });
  });
  it('read the same newest first, and with a byte-order mark', () => {
    const lines = ENGLISH.trim().split('\n');
    const reversed = [lines[0], ...lines.slice(1).reverse()].join('\n');
    expect(ok(parseHistoryText(reversed)).history).toEqual(en.history);
    expect(ok(parseHistoryBytes(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(ENGLISH)))).history).toEqual(en.history);
  });
});

describe('money in, money out, refunds', () => {
  const SBER = [
    'Выписка по счёту 40702810900000000001 за период 01.01.2025 - 31.01.2025',
    'Владелец счёта: ООО «Альфа»',
    '',
    'Дата проводки;Счет Дебет;Счет Кредит;Сумма по дебету;Сумма по кредиту;№ документа;Контрагент;Назначение платежа',
    '09.01.2025;40702;40702;;1 000 000,00;11;ООО «Ромашка»;Оплата по счёту 5 от 01.01.2025',
    '10.01.2025;40702;40702;50 000,00;;12;ООО «Аренда»;Аренда за январь',
    '13.01.2025;40702;40702;;20 000,00;13;ООО «Поставщик»;Возврат излишне уплаченных средств',
    '14.01.2025;40702;40702;;300 000,00;14;ИП Иванов;Оплата по договору 7',
    'Итого обороты;;;50 000,00;1 320 000,00;;;',
    'Исходящий остаток;;;;;;;',
  ].join('\n');

  it('a debit and a credit column: money out and refunds are left out and counted', () => {
    const r = ok(parseHistoryText(SBER));
    expect(r.history.payments.map((p) => p.kopecks)).toEqual([100000000, 30000000]);
    expect(r.history.excluded).toMatchObject({ outgoing: 1, outgoingKopecks: 5000000, refunds: 1, refundKopecks: 2000000, skippedLines: 2 });
    expect(r.detected.headerLine).toBe(4);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['warn.outgoing', 'warn.refunds', 'warn.skipped']));
  });
  it('refunds are counted in when the user says so', () => {
    expect(ok(parseHistoryText(SBER, { keepRefunds: true })).history.payments).toHaveLength(3);
  });
  it('a direction column and signed amounts', () => {
    const text = 'Дата операции,Сумма,Тип операции,Контрагент\n2025-01-09,"1000,00",Credit,ООО Ромашка\n2025-01-10,"-500,00",Debit,ООО Аренда\n2025-01-11,"700,00",Поступление,ИП Иванов\n2025-01-12,"700,00",Списание,ИП Иванов\n2025-01-13,-300,,ИП Петров\n';
    const r = ok(parseHistoryText(text));
    expect(r.history.payments.map((p) => p.kopecks)).toEqual([100000, 70000]);
    expect(r.history.excluded.outgoing).toBe(3);
  });
});

describe('the user overrides what was detected', () => {
  it('columns by name or number, and a column found dropped', () => {
    const text = 'Когда;Сколько;Кто;Плательщик\n09.01.2025;100,00;X;Y\n';
    expect(ok(parseHistoryText(text, { columns: { date: 'Когда', amount: 'Сколько', client: 'Кто' } })).history.clients).toEqual(['X']);
    expect(ok(parseHistoryText(text, { columns: { date: 1, amount: 2, client: 4 } })).history.clients).toEqual(['Y']);
    expect(ok(parseHistoryText('Дата;Сумма;Плательщик\n09.01.2025;1;A\n', { columns: { client: null } })).history.hasClients).toBe(false);
  });
  it('the date format, the decimal mark, the delimiter and the encoding', () => {
    const text = 'Date;Amount\n01.02.2025;1,234\n';
    expect(ok(parseHistoryText(text)).history.payments[0]).toEqual({ day: dayNumber(2025, 2, 1), kopecks: 123, client: -1 });
    expect(ok(parseHistoryText(text, { dateFormat: 'MM.DD.YYYY', decimal: '.' })).history.payments[0]).toEqual({ day: dayNumber(2025, 1, 2), kopecks: 123400, client: -1 });
    const tabbed = 'Date\tAmount\n2025-01-09\t5\n';
    expect(ok(parseHistoryText(tabbed, { delimiter: '\t' })).detected.delimiter).toBe('\t');
    expect(parseHistoryText(tabbed, { delimiter: ';' }).ok).toBe(false);
  });
  it('a file read in the wrong encoding can be read in the right one', () => {
    const bytes = cp1251(RUSSIAN);
    expect(ok(parseHistoryBytes(bytes, { encoding: 'windows-1251' })).history.clients[0]).toBe('ООО «Ромашка»');
    expect(parseHistoryBytes(bytes, { encoding: 'utf-8' }).ok).toBe(false); // no Дата or Сумма in mojibake
  });
});

describe('broken files are refused with the line and the reason', () => {
  it('no amount column', () => {
    const r = parseHistoryText('Дата;Контрагент;Назначение платежа\n09.01.2025;ООО Ромашка;Оплата\n');
    expect(errors(r)).toEqual(['line 1: no amount column: the header has "Дата", "Контрагент", "Назначение платежа"; choose the column with the amount (amount=…, or credit=… for money in)']);
    expect(errors(r, 'ru')[0]).toMatch(/^строка 1: нет колонки с суммой/);
  });
  it('text in an amount', () => {
    const r = parseHistoryText('Дата;Сумма;Плательщик\n09.01.2025;100,00;A\n10.01.2025;двадцать тысяч;B\n11.01.2025;1O0,00;C\n');
    expect(errors(r)).toEqual(['line 3: the amount "двадцать тысяч" is not a number', 'line 4: the amount "1O0,00" is not a number']);
  });
  it('dates out of order', () => {
    const r = parseHistoryText('Дата;Сумма\n09.01.2025;1\n10.01.2025;1\n11.02.2025;1\n03.02.2025;1\n');
    expect(errors(r)[0]).toMatch(/^line 5: 03\.02\.2025 comes after 11\.02\.2025 \(line 4\): the payments are not in date order/);
  });
  it('a date that is not one', () => {
    expect(errors(parseHistoryText('Дата;Сумма\n09.01.2025;1\n31.02.2025;1\n'))).toEqual(['line 3: the date "31.02.2025" is not a date in the format DD.MM.YYYY']);
  });
  it('an empty file, or one of blank lines', () => {
    for (const text of ['', '\n\n  \r\n', '\ufeff']) expect(errors(parseHistoryText(text))).toEqual(['the file is empty: there are no payments in it']);
    expect(errors(parseHistoryBytes(new Uint8Array(0)))).toEqual(['the file is empty: there are no payments in it']);
  });
  it('a file of 50 MB, before it is read', () => {
    const bytes = new Uint8Array(50 * 1024 * 1024);
    expect(errors(parseHistoryBytes(bytes))).toEqual([`the file is too large (50.0 MB); a payment history of at most ${(HISTORY_LIMITS.maxBytes / 1048576).toFixed(1)} MB is read`]);
  });
  it('a workbook instead of a CSV', () => {
    expect(errors(parseHistoryBytes(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0)))[0]).toMatch(/an Excel workbook \(\.xlsx\), not a CSV text file: save the statement as CSV/);
  });
  it('more lines than the limit, and more than 5 years', () => {
    const many = ['Дата;Сумма', ...Array.from({ length: HISTORY_LIMITS.maxRows + 1 }, () => '09.01.2025;1')].join('\n');
    expect(errors(parseHistoryText(many))[0]).toMatch(/more than 200,000 lines/);
    expect(errors(parseHistoryText('Дата;Сумма\n09.01.2019;1\n10.01.2025;1\n'))[0]).toMatch(/span 73 months .* at most 5 years/);
  });
  it('only money out', () => {
    expect(errors(parseHistoryText('Дата;Сумма\n09.01.2025;-100\n'))).toEqual(['no incoming payments in the file (1 outgoing, 0 refunds left out)']);
  });
  it('lists at most 20 problems and counts the rest', () => {
    const text = ['Дата;Сумма', ...Array.from({ length: 30 }, () => '09.01.2025;abc')].join('\n');
    const list = errors(parseHistoryText(text));
    expect(list).toHaveLength(21);
    expect(list[20]).toBe('… and 10 more');
  });
});

describe('the door never throws', () => {
  it('on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = parseHistoryBytes(bytes);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
  it('on any text shaped like a statement', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('09.01.2025', '2025-01-09', '1 000,50', '-5', 'Итого', '"a;b"', ''));
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((c) => c.join(';'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const r = parseHistoryText(['Дата;Сумма;Плательщик', ...lines].join('\n'));
        if (r.ok) expect(r.history.payments.every((p) => p.kopecks > 0 && Number.isInteger(p.kopecks))).toBe(true);
        else expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
