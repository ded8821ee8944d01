/**
 * Detection, piece by piece: the encoding of the bytes, the delimiter, the header's
 * columns in Russian and English, the decimal mark, the date format, amounts as banks
 * write them, and the user's column choices.
 */
import { describe, expect, it } from 'vitest';
import { cp1251 } from './cp1251.ts';
import { decode, detectDelimiter, detectEncoding, notText, readRecords } from '../../../src/engine/history/text.ts';
import { detectDecimalMark, readAmount } from '../../../src/engine/history/amounts.ts';
import { civilDate, dayNumber, detectDateFormat, formatName, parseDateFormat, readDate, weekdayOf } from '../../../src/engine/history/dates.ts';
import { parseColumnChoices, rolesOf } from '../../../src/engine/history/columns.ts';

describe('encoding', () => {
  const text = 'Дата;Сумма;Плательщик\n09.01.2025;1\u00a0234,50;ООО «Ромашка» №1\n';
  it('reads valid UTF-8 as UTF-8, with or without its mark', () => {
    const bytes = new TextEncoder().encode(text);
    expect(detectEncoding(bytes)).toBe('utf-8');
    expect(detectEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, ...bytes))).toBe('utf-8');
    expect(decode(Uint8Array.of(0xef, 0xbb, 0xbf, ...bytes), 'utf-8')).toBe(text);
  });
  it('reads bytes that are not UTF-8 as Windows-1251', () => {
    const bytes = cp1251(text);
    expect(detectEncoding(bytes)).toBe('windows-1251');
    expect(decode(bytes, 'windows-1251')).toBe(text);
  });
  it('reads UTF-16 by its mark', () => {
    const le = Uint8Array.of(0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    expect(detectEncoding(le)).toBe('utf-16le');
    expect(decode(le, 'utf-16le')).toBe(text);
  });
  it('knows a workbook, a PDF and binary from text', () => {
    expect(notText(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2))).toBe('xlsx');
    expect(notText(Uint8Array.of(0x25, 0x50, 0x44, 0x46, 0x2d))).toBe('pdf');
    expect(notText(Uint8Array.of(0x41, 0, 0x42))).toBe('binary');
    expect(notText(new TextEncoder().encode(text))).toBeNull();
  });
});

describe('delimiter and records', () => {
  it('finds ; , and tab', () => {
    expect(detectDelimiter('Дата;Сумма;Плательщик\n09.01.2025;1 234,50;ООО Ромашка\n10.01.2025;100,00;ИП Иванов\n')).toBe(';');
    expect(detectDelimiter('Date,Amount,Payer\n2025-01-09,1234.50,Acme\n2025-01-10,100.00,Beta\n')).toBe(',');
    expect(detectDelimiter('Date\tAmount\tPayer\n2025-01-09\t1234,50\tAcme\n2025-01-10\t100\tBeta\n')).toBe('\t');
  });
  it('prefers the delimiter of the table to that of a preamble', () => {
    const text = 'Выписка, счёт 4070, ООО Альфа\nПериод: 01.01.2025 - 31.01.2025\nДата;Сумма;Плательщик\n09.01.2025;100,00;A\n10.01.2025;200,00;B\n11.01.2025;300,00;C\n';
    expect(detectDelimiter(text)).toBe(';');
  });
  it('keeps quoted delimiters, doubled quotes and line breaks in a cell, and counts lines', () => {
    const { records } = readRecords('a,b\r\n"x, ""y""","line\nbreak"\r\nlast,1\n', ',');
    expect(records.map((r) => r.cells)).toEqual([['a', 'b'], ['x, "y"', 'line\nbreak'], ['last', '1']]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });
});

describe('amounts', () => {
  it.each([
    ['1 234 567,89', ',', 123456789],
    ['1\u00a0234\u00a0567,89', ',', 123456789],
    ['1\u202f234,5', ',', 123450],
    ['1.234.567,89', ',', 123456789],
    ['1,234,567.89', '.', 123456789],
    ['-500.00', '.', -50000],
    ['−500', ',', -50000],
    ['(1 500,00)', ',', -150000],
    ['1 500 руб.', ',', 150000],
    ['₽ 99,99', ',', 9999],
    ['0,005', ',', 1],
    ['12', ',', 1200],
  ] as const)('%s with "%s" is %d kopecks', (text, mark, kopecks) => {
    expect(readAmount(text, mark)).toEqual({ ok: true, kopecks });
  });
  it.each(['двадцать тысяч', '12,3,4', '1.23.45,6', 'abc', '', '1 2a'])('"%s" is not a number', (text) => {
    expect(readAmount(text, ',')).toEqual({ ok: false, reason: 'notNumber' });
  });
  it('refuses absurd amounts', () => expect(readAmount('1' + '0'.repeat(20), ',').ok).toBe(false));
  it('finds the decimal mark of a column', () => {
    expect(detectDecimalMark(['1 234,56', '100'])).toBe(',');
    expect(detectDecimalMark(['1,234.56', '100'])).toBe('.');
    expect(detectDecimalMark(['1.234.567,00'])).toBe(',');
    expect(detectDecimalMark(['100', '200'])).toBeNull();
  });
});

describe('dates', () => {
  it('counts days the way the calendar does', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2025, 1, 9)).toBe(Date.UTC(2025, 0, 9) / 86_400_000);
    expect(civilDate(dayNumber(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(weekdayOf(dayNumber(2025, 1, 13))).toBe(0); // a Monday
  });
  it('reads each order and refuses what is not a date', () => {
    expect(readDate('09.01.2025', 'dmy')).toBe(dayNumber(2025, 1, 9));
    expect(readDate('2025-01-09T10:33:00', 'ymd')).toBe(dayNumber(2025, 1, 9));
    expect(readDate('01/09/2025 10:33', 'mdy')).toBe(dayNumber(2025, 1, 9));
    expect(readDate('09.01.25', 'dmy')).toBe(dayNumber(2025, 1, 9));
    expect(readDate('31.02.2025', 'dmy')).toBeNull();
    expect(readDate('2025-13-01', 'ymd')).toBeNull();
    expect(readDate('вчера', 'dmy')).toBeNull();
  });
  it('detects the format from the whole column, day first on a tie', () => {
    expect(formatName(detectDateFormat(['09.01.2025', '31.01.2025'])!.format)).toBe('DD.MM.YYYY');
    expect(detectDateFormat(['09.01.2025', '31.01.2025'])!.ambiguous).toBe(false);
    expect(formatName(detectDateFormat(['2025-01-09'])!.format)).toBe('YYYY-MM-DD');
    expect(formatName(detectDateFormat(['01/13/2025', '02/01/2025'])!.format)).toBe('MM/DD/YYYY');
    expect(detectDateFormat(['01.02.2025', '02.03.2025'])).toEqual({ format: { order: 'dmy', separator: '.' }, ambiguous: true });
    expect(detectDateFormat(['soon'])).toBeNull();
  });
  it('reads a format the user names', () => {
    expect(parseDateFormat('DD.MM.YYYY')).toEqual({ order: 'dmy', separator: '.' });
    expect(parseDateFormat('yyyy-mm-dd')).toEqual({ order: 'ymd', separator: '-' });
    expect(parseDateFormat('MM/DD/YYYY')).toEqual({ order: 'mdy', separator: '/' });
    expect(parseDateFormat('DD-MM')).toBeNull();
  });
});

describe('columns', () => {
  it('maps Russian bank and 1C headers', () => {
    expect(rolesOf(['Дата проводки', 'Счет Дебет', 'Счет Кредит', 'Сумма по дебету', 'Сумма по кредиту', '№ документа', 'Назначение платежа'])).toEqual({ date: 0, debit: 3, credit: 4, purpose: 6 });
    expect(rolesOf(['Дата', 'Номер', 'Сумма', 'Контрагент', 'Вид операции', 'Назначение платежа'])).toEqual({ date: 0, amount: 2, client: 3, direction: 4, purpose: 5 });
    expect(rolesOf(['Дата документа', 'Дата операции', 'Сумма операции', 'Плательщик'])).toEqual({ date: 1, amount: 2, client: 3 });
    expect(rolesOf(['  "ДАТА"  ', 'СУММА, РУБ.', 'Наименование плательщика'])).toEqual({ date: 0, amount: 1, client: 2 });
  });
  it('maps English headers', () => {
    expect(rolesOf(['Transaction date', 'Amount', 'Counterparty', 'Description'])).toEqual({ date: 0, amount: 1, client: 2, purpose: 3 });
    expect(rolesOf(['Date', 'Debit', 'Credit', 'Payer'])).toEqual({ date: 0, debit: 1, credit: 2, client: 3 });
    expect(rolesOf(['Date', 'Amount', 'Type (Debit/Credit)'])).toEqual({ date: 0, amount: 1, direction: 2 });
  });
  it('reads the user\'s choices', () => {
    expect(parseColumnChoices('date=Дата платежа,amount=3,client=none')).toEqual({ date: 'Дата платежа', amount: 3, client: null });
    expect(() => parseColumnChoices('when=1')).toThrow(/not a column role/);
    expect(() => parseColumnChoices('amount=')).toThrow(/name a column/);
  });
});
