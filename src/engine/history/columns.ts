/**
 * Which column holds what, from the header's names in Russian and English as banks and
 * 1C write them (Дата операции, Сумма по кредиту, Плательщик, Назначение платежа; Date,
 * Amount, Credit, Payer, Description), or as the user maps them (`date=Дата,amount=3`: a
 * header name or a column number from 1; `client=none` drops a column found).
 */

/** What a column may hold. `credit`/`debit`: money in / money out in columns of their own. */
export const ROLES = ['date', 'amount', 'credit', 'debit', 'client', 'direction', 'purpose'] as const;
export type Role = (typeof ROLES)[number];

export type ColumnMap = Partial<Record<Role, number>>;

/** A header name as compared: lower case, ё as е, one space, no quotes, dots or colons at the ends. */
export function normalName(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s"'«».:,№#*-]+|[\s"'«».:,*-]+$/g, '')
    .trim();
}

/** Exact names, by role (normalised). */
const NAMES: Record<Role, readonly string[]> = {
  date: [
    'дата', 'дата платежа', 'дата операции', 'дата проводки', 'дата поступления', 'дата зачисления', 'дата оплаты', 'дата списания',
    'дата исполнения', 'дата валютирования', 'дата транзакции', 'date', 'payment date', 'transaction date', 'value date',
    'booking date', 'posting date', 'operation date', 'date of payment',
  ],
  amount: [
    'сумма', 'сумма платежа', 'сумма операции', 'сумма поступления', 'сумма оплаты', 'сумма в валюте счета', 'сумма руб', 'сумма, руб',
    'сумма в рублях', 'amount', 'sum', 'payment amount', 'transaction amount', 'amount rub', 'amount, rub',
  ],
  credit: [
    'поступление', 'поступления', 'приход', 'кредит', 'сумма по кредиту', 'обороты по кредиту', 'оборот по кредиту', 'зачисление',
    'зачисления', 'сумма прихода', 'сумма поступления по кредиту', 'кредит, руб', 'приход, руб', 'credit', 'credit amount',
    'incoming', 'received', 'money in', 'paid in', 'inflow', 'credits',
  ],
  debit: [
    'списание', 'списания', 'расход', 'дебет', 'сумма по дебету', 'обороты по дебету', 'оборот по дебету', 'сумма расхода',
    'дебет, руб', 'расход, руб', 'debit', 'debit amount', 'outgoing', 'paid out', 'money out', 'outflow', 'debits',
  ],
  client: [
    'контрагент', 'плательщик', 'клиент', 'покупатель', 'заказчик', 'наименование плательщика', 'плательщик наименование',
    'наименование контрагента', 'контрагент наименование', 'корреспондент', 'наименование корреспондента', 'отправитель',
    'payer', 'counterparty', 'client', 'customer', 'payer name', 'counterparty name', 'customer name', 'client name', 'remitter',
  ],
  direction: [
    'вид операции', 'тип операции', 'направление', 'приход/расход', 'тип', 'вид', 'debit/credit', 'type', 'direction',
    'transaction type', 'dr/cr', 'd/c', 'credit/debit',
  ],
  purpose: [
    'назначение платежа', 'назначение', 'основание', 'основание платежа', 'комментарий', 'описание', 'описание операции',
    'purpose', 'payment purpose', 'description', 'details', 'payment details', 'reference', 'memo', 'narrative', 'comment',
  ],
};

/** Looser matches, when no exact name is found: a part of the name (first role that matches wins). */
const PARTS: [Role, RegExp][] = [
  ['date', /^дата(?!.*документ)|^date|(?<!document |doc )date$/],
  ['credit', /по кредиту|поступлени|credit amount/],
  ['debit', /по дебету|списани|debit amount/],
  ['amount', /^сумма|amount/],
  ['client', /контрагент|плательщик|payer|counterparty|customer/],
  ['direction', /^(тип|вид) операции|debit\/credit|credit\/debit/],
  ['purpose', /назначение|purpose|description/],
];

/** The roles a header line names: each role's first column. */
export function rolesOf(header: readonly string[]): ColumnMap {
  const names = header.map(normalName);
  const found: ColumnMap = {};
  const taken = new Set<number>();
  for (const role of ROLES) {
    const i = names.findIndex((n, k) => !taken.has(k) && NAMES[role].includes(n));
    if (i >= 0) {
      found[role] = i;
      taken.add(i);
    }
  }
  for (const [role, re] of PARTS) {
    if (found[role] !== undefined) continue;
    const i = names.findIndex((n, k) => !taken.has(k) && n !== '' && re.test(n));
    if (i >= 0) {
      found[role] = i;
      taken.add(i);
    }
  }
  return found;
}

/** A header line: it names two columns or more, a date or an amount among them. */
export function isHeader(map: ColumnMap): boolean {
  const named = Object.keys(map).length;
  return named >= 2 && (map.date !== undefined || map.amount !== undefined || map.credit !== undefined);
}

/** What the user says of a column: a name of the header, a number from 1, or none (do not use). */
export type ColumnChoice = string | number | null;

/**
 * Reads `date=Дата,amount=3,client=none` (the command line's --map); throws with the
 * reason on an unknown role or an empty value.
 */
export function parseColumnChoices(text: string): Partial<Record<Role, ColumnChoice>> {
  const out: Partial<Record<Role, ColumnChoice>> = {};
  for (const part of text.split(/,(?=\s*[a-z]+\s*=)/i)) {
    const m = /^\s*([a-z]+)\s*=\s*(.*?)\s*$/i.exec(part);
    if (!m) throw new Error(`"${part}": write ROLE=COLUMN, e.g. amount=Сумма or amount=3`);
    const role = m[1].toLowerCase() as Role;
    if (!ROLES.includes(role)) throw new Error(`"${m[1]}" is not a column role: use ${ROLES.join(', ')}`);
    if (m[2] === '') throw new Error(`${role}: name a column`);
    out[role] = /^none$/i.test(m[2]) ? null : /^\d+$/.test(m[2]) ? Number(m[2]) : m[2];
  }
  return out;
}
