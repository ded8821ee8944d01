/**
 * Words of the History tab — a department's own statement, what it says, and the fit —
 * in English and Russian (the Russian object must have every English key).
 */
import type { Lang } from './i18n.ts';
import { candidateWordRu, paymentWordRu, pluralRu, wordEn } from '../charts/plural.ts';
import { formatNumber } from '../charts/format.ts';

const en = {
  intro:
    'Open a bank statement or a 1C export of incoming payments (CSV, as the bank or 1C saves it), or drop it on the page: see what it says, then fit the scenario to it — is the model your department?',
  open: 'Open a statement…',
  openHint: 'A CSV of incoming payments: date and amount at least, the payer if you have it',
  simulated: '— simulated by paybench history, not a real statement',
  summary: (payments: number, first: string, last: string, months: number, total: string) =>
    `${formatNumber(payments, 'en')} incoming ${wordEn(payments, 'payment')} from ${first} to ${last}; ${months} whole ${months === 1 ? 'month' : 'months'}; ${total} in all.`,
  readAs: 'Read as',
  encoding: 'Encoding',
  delimiter: 'Delimiter',
  decimal: 'Decimal mark',
  dateFormat: 'Dates',
  columns: 'Columns',
  roles: { date: 'date', amount: 'amount', credit: 'money in', debit: 'money out', client: 'client', direction: 'direction', purpose: 'purpose' } as Record<string, string>,
  none: '— none —',
  tab: 'tab',
  refunds: 'Count refunds as collections',
  notOpened: (name: string) => `The statement “${name}” did not open`,
  nothingChanged: 'Nothing was changed.',
  notes: 'Notes on reading',
  tooLarge: (size: string, max: string) => `the file is too large (${size}); a payment history of at most ${max} is read`,
  unreadable: (reason: string) => `the file could not be read: ${reason}`,
  fitTitle: 'Fit the scenario to this history',
  fitIntro: (n: number) =>
    `Searches the clients’ volume, size skew and number, the self-payers’ days and share, their bills’ noise and the cost of effort for the values at which the scheme in force reproduces the history (method of simulated moments, ${n} simulated histories per candidate, common random numbers). The fitted scenario replaces the current one; Undo goes back.`,
  schemeInForce: 'Scheme in force over the history',
  fit: 'Fit',
  fitting: (done: number, total: number) => `${formatNumber(done, 'en')} / ${formatNumber(total, 'en')} ${wordEn(total, 'candidate')}`,
  cancel: 'Cancel',
  cancelled: 'Cancelled: the scenario is as it was.',
  fitted: '(fitted)',
  adopted: 'The fitted scenario replaced the current one (Undo goes back to it).',
  waitForRun: 'The scenario has errors: fix them first.',
  distance: (a: string, b: string) => `Distance to the history: ${a} before the fit, ${b} after (1 = one standard deviation on one moment).`,
  moments: 'The history against the model',
  what: 'what',
  history: 'history',
  before: 'before the fit',
  after: 'fitted (P10–P90)',
  inputs: 'What was fitted',
  input: 'input',
  start: 'before',
  value: 'fitted',
  range: 'the history cannot tell apart',
  searched: 'searched',
  cannotSay: 'What the history cannot say',
};

export type HistoryWords = typeof en;

const ru: HistoryWords = {
  intro:
    'Откройте банковскую выписку или выгрузку поступлений из 1С (CSV, как его сохраняет банк или 1С) или перетащите её на страницу: посмотрите, что она говорит, и подберите под неё сценарий — похожа ли модель на ваш отдел?',
  open: 'Открыть выписку…',
  openHint: 'CSV поступлений: как минимум дата и сумма, плательщик — если есть',
  simulated: '— смоделирована командой paybench history, это не настоящая выписка',
  summary: (payments, first, last, months, total) => `${formatNumber(payments, 'ru')} ${paymentWordRu(payments)} с ${first} по ${last}; полных месяцев: ${months}; всего ${total}.`,
  readAs: 'Прочитано как',
  encoding: 'Кодировка',
  delimiter: 'Разделитель',
  decimal: 'Десятичный знак',
  dateFormat: 'Даты',
  columns: 'Колонки',
  roles: { date: 'дата', amount: 'сумма', credit: 'поступление', debit: 'списание', client: 'клиент', direction: 'вид операции', purpose: 'назначение' },
  none: '— нет —',
  tab: 'табуляция',
  refunds: 'Считать возвраты сбором',
  notOpened: (name) => `Выписка «${name}» не открылась`,
  nothingChanged: 'Ничего не изменилось.',
  notes: 'Замечания при чтении',
  tooLarge: (size, max) => `файл слишком большой (${size}); читается история платежей не больше ${max}`,
  unreadable: (reason) => `файл не удалось прочитать: ${reason}`,
  fitTitle: 'Подобрать сценарий под эту историю',
  fitIntro: (n) =>
    `Подбирает объём клиентов, неравенство их размеров и число, сроки и долю платящих сами, разброс их счетов и цену усилия так, чтобы схема, действовавшая в истории, её воспроизводила (метод симулированных моментов, ${n} ${pluralRu(n, 'смоделированная история', 'смоделированных истории', 'смоделированных историй')} на вариант, общие случайные числа). Подобранный сценарий заменяет текущий; «Отменить» вернёт прежний.`,
  schemeInForce: 'Схема, действовавшая в истории',
  fit: 'Подобрать',
  fitting: (done, total) => `${formatNumber(done, 'ru')} / ${formatNumber(total, 'ru')} ${candidateWordRu(total)}`,
  cancel: 'Отмена',
  cancelled: 'Отменено: сценарий остался прежним.',
  fitted: '(подобрано)',
  adopted: 'Подобранный сценарий заменил текущий («Отменить» вернёт прежний).',
  waitForRun: 'В сценарии есть ошибки: сначала исправьте их.',
  distance: (a, b) => `Расстояние до истории: ${a} до подбора, ${b} после (1 = одно стандартное отклонение по одному моменту).`,
  moments: 'История и модель',
  what: 'что',
  history: 'история',
  before: 'до подбора',
  after: 'подобрано (P10–P90)',
  inputs: 'Что подобрано',
  input: 'параметр',
  start: 'было',
  value: 'стало',
  range: 'история не отличает',
  searched: 'диапазон поиска',
  cannotSay: 'Чего история сказать не может',
};

export const HISTORY_WORDS: Record<Lang, HistoryWords> = { en, ru };
