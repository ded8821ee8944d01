/**
 * The exported tables' column names in the user's language. English keeps the results
 * contract's names (`cash_p50`, as `paybench run --csv` writes them, so a sheet built on
 * one export reads the next); Russian names each column in words: the stem ("остаток
 * денег") and the statistic ("медиана", "P10"). Cell values that are codes (roles) or ISO
 * dates are written in the language too.
 */
import type { Cell } from './cell.ts';
import type { Lang } from '../format.ts';
import { labels } from '../labels.ts';
import { METRIC_KEYS } from '../../engine/index.ts';

const STATS: Record<string, string> = {
  mean: 'среднее',
  median: 'медиана',
  p5: 'P5',
  p10: 'P10',
  p25: 'P25',
  p50: 'медиана (P50)',
  p75: 'P75',
  p90: 'P90',
  p95: 'P95',
};

/** Column stems, whole names first (a stem may itself end like a statistic). */
const STEMS: Record<string, string> = {
  scheme: 'схема',
  scheme_name: 'название схемы',
  baseline: 'базовая схема',
  runs: 'прогонов',
  day: 'день',
  date: 'дата',
  day_of_month: 'день месяца',
  month: 'месяц',
  staff: 'сотрудник',
  name: 'имя',
  role: 'роль',
  cash: 'остаток денег',
  collected_share: 'собрано, доля плана',
  effort: 'усилия (1 = 8-часовой день)',
  worked_share: 'доля месяцев, когда в этот день работали',
  pay: 'оплата в месяц',
  bonus: 'бонус в месяц',
  pay_total: 'оплата за период',
  collections: 'сбор платежей',
  billed: 'выставлено счетов',
  new_clients: 'новые клиенты',
  lost_clients: 'ушедшие клиенты',
  active_clients: 'клиентов в базе на конец месяца',
  dso: 'оборачиваемость дебиторки (DSO), дней',
  prospecting_hours: 'часы на новых клиентов',
  service_hours: 'часы на своих клиентов',
  inbound_conversion: 'конверсия входящих заявок',
  star_level: 'звёздная болезнь',
  departures: 'уходы сотрудников',
  clients_taken: 'клиенты, ушедшие с уволившимися',
  absent_days: 'человеко-дни отсутствия',
  cover_hours: 'часы замещения',
  uncovered_hours: 'несделанные часы отсутствующих',
  cover_hours_mean: 'часы замещения за период, среднее',
  away: 'отсутствовал',
  away_name: 'имя отсутствовавшего',
  covered_by: 'замещал',
  covered_by_name: 'имя замещавшего',
  plan_met_share: 'доля месяцев с выполненным планом',
  collections_monthly: 'сбор платежей за месяц',
  plan_fulfilment_monthly: 'выполнение плана за месяц',
  max_cash_gap_monthly: 'разрыв в худший день месяца (весь месяц)',
  max_cash_gap_mid_month: 'разрыв в худший день середины месяца (11–25-е)',
  days_in_deficit_monthly: 'дней с разрывом за месяц',
  profit_total: 'прибыль за период',
  financing_cost_total: 'стоимость финансирования разрыва за период',
  payroll_total: 'фонд оплаты труда за период',
  bonus_total: 'бонусы за период',
  new_clients_total: 'новые клиенты за период',
  lost_clients_total: 'ушедшие клиенты за период',
  profit_diff: 'разница прибыли с базой за период',
  collections_diff: 'разница сбора в месяц с базой',
  max_cash_gap_mid_diff: 'разница разрыва в середине месяца с базой',
  share_better: 'доля прогонов, где схема лучше базы',
  profit_year: 'прибыль в год',
  profit_diff_year: 'разница прибыли с базой в год',
  bonus_year: 'бонусный фонд в год',
  pay_change: 'изменение оплаты в месяц к базе',
  verdict: 'вывод',
  metric: 'показатель',
  metric_name: 'название показателя',
  value: 'значение',
  input: 'параметр',
  input_name: 'название параметра',
  path: 'путь в файле сценария',
  low: 'преимущество при параметре ниже',
  as_is: 'преимущество как есть',
  high: 'преимущество при параметре выше',
  swing: 'размах',
  // a payment history and the fit to it
  collected: 'собрано',
  payments: 'платежей',
  payers: 'плательщиков',
  complete: 'полный месяц',
  collected_month_share: 'собрано, доля месяца',
  weekday: 'день недели',
  collections_share: 'доля сбора',
  client: 'клиент',
  history: 'история',
  model: 'модель (подобрана)',
  before: 'модель до подбора',
};

const ROLES: Record<string, string> = {
  head: 'начальник отдела',
  collector: 'сотрудник клиентского отдела',
  hunter: 'МПК (охотник)',
  accountManager: 'МРК (аккаунт-менеджер)',
  inbound: 'клиентский сектор (входящий поток)',
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** A stem's words: the list above, else a metric's name as the charts give it (the registry's metrics, whatever they grow to). */
function stemIn(stem: string, lang: Lang): string | undefined {
  if (STEMS[stem]) return STEMS[stem];
  const metric = METRIC_KEYS.find((k) => snake(k) === stem);
  return metric ? labels(lang).metrics[metric] : undefined;
}

/** A column's name in `lang`; a column without a Russian name keeps the contract's. */
export function headerIn(key: string, lang: Lang): string {
  if (lang === 'en') return key;
  const whole = stemIn(key, lang);
  if (whole) return capital(whole);
  const m = /^(.+)_(mean|median|p5|p10|p25|p50|p75|p90|p95)$/.exec(key);
  const stem = m ? stemIn(m[1], lang) : undefined;
  if (m && stem) return `${capital(stem)}, ${STATS[m[2]]}`;
  return key;
}

/** A cell in `lang`: role codes in words, ISO dates as 31.01.2027; everything else as it is. */
export function valueIn(key: string, cell: Cell, lang: Lang): Cell {
  if (lang === 'en' || typeof cell !== 'string') return cell;
  if (key === 'role') return ROLES[cell] ?? cell;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
  if (key === 'date' && date) return `${date[3]}.${date[2]}.${date[1]}`;
  return cell;
}
