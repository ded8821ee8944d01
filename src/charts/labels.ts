/**
 * The words on the charts, in English and Russian (GLOSSARY.md terms). A small
 * dictionary until the app's i18n module arrives; charts read it through `labels(lang)`.
 */
import type { MetricKey } from '../engine/summarize.ts';
import { byDay, NBSP, type Lang } from './format.ts';

const en = {
  baseline: 'baseline',
  runs: (n: number) => `N = ${n} ${n === 1 ? 'run' : 'runs'}`,
  median: 'median',
  mean: 'mean',
  keyboardHint: 'Arrow keys read the values',
  // cash
  cashTitle: 'Cash balance by day',
  cashTypicalTitle: 'Cash balance in a typical month',
  cashAxis: 'cash balance',
  bands: { p50: 'P25–P75', p80: 'P10–P90', p90: 'P5–P95' },
  zero: 'zero',
  reserve: 'reserve',
  gap: 'cash gap',
  dayOfMonthAxis: 'day of month',
  day: (d: number) => `day ${d}`,
  // collections and effort
  intraTitle: 'Collected by day of month, share of plan',
  intraAxis: 'collected, share of plan',
  plan: 'plan',
  breakEven: 'break-even',
  gate: 'gate',
  effortTitle: 'Effort by day of month',
  effortAxis: `effort (1${NBSP}=${NBSP}8-hour day)`,
  fullDay: '8-hour day',
  // distributions
  distributionTitle: (metric: string) => `${metric}: spread over runs`,
  boxLegend: 'box P25–P75 · whiskers P5–P95 · | median · ● mean',
  // pay
  payTitle: 'Monthly pay per person',
  salary: 'salary',
  bonus: 'bonus',
  payLegend: 'median; whiskers P5–P95',
  // growth
  growthTitle: 'Collections and clients by month',
  collectionsAxis: 'collections (median)',
  clientsAxis: 'clients (mean)',
  newClients: 'new',
  lostClients: 'lost',
  month: 'month',
  // summary
  summaryTitle: 'Summary',
  col: {
    scheme: 'Scheme',
    collections: 'Collections / month (median)',
    planMet: 'Plan met',
    midGap: 'Mid-month gap (median)',
    profit: 'Profit total (median)',
    diff: 'Δ profit vs baseline [90%]',
    better: 'Better',
    bonus: 'Bonus total (median)',
    runs: 'N runs',
  },
  // payout curve
  payoutTitle: (scheme: string) => `Payout curve: ${scheme}`,
  pool: 'bonus pool',
  collectionsX: 'collections',
  gateText: (share: string, min: string, day: number) => `${share} if ≥${min} ${byDay(day, 'en')}`,
  alwaysText: (share: string) => `${share} always`,
  metrics: {
    collectionsMonthly: 'Monthly collections',
    planFulfilmentMonthly: 'Plan fulfilment per month',
    maxCashGapMonthly: 'Largest cash gap in a month',
    maxCashGapMidMonth: 'Mid-month cash gap (days 11–25)',
    daysInDeficitMonthly: 'Days in deficit per month',
    profitTotal: 'Profit over the horizon',
    financingCostTotal: 'Cost of financing the gap',
    payrollTotal: 'Payroll over the horizon',
    bonusTotal: 'Bonuses over the horizon',
    newClientsTotal: 'New clients over the horizon',
    lostClientsTotal: 'Lost clients over the horizon',
  } satisfies Record<MetricKey, string>,  // growth and people (sales, star syndrome, absence, departures)
  activityTitle: "Sellers' hours by month",
  prospectingAxis: 'prospecting, hours (median)',
  servingAxis: 'serving and cross-selling own clients, hours (median)',
  prospecting: 'prospecting',
  serving: 'serving',
  hoursShort: 'h',
  activeClientsTitle: 'Active clients by month',
  activeClientsAxis: 'clients in the book at month end (median)',
  inboundTitle: 'Inbound conversion and star syndrome by month',
  conversionAxis: 'inbound requests signed (median)',
  starAxis: 'star level, 100% = full-blown (median)',
  conversion: 'conversion',
  star: 'star level',
  workforceTitle: 'Absences and departures by month',
  absentAxis: 'person-days away: sick leave, vacation, empty posts (mean)',
  departuresAxis: 'people leaving (mean per month)',
  absent: 'away',
  departures: 'leaving',
  daysShort: 'days',
  takenPerDeparture: 'Clients taken by leavers, per departure',
  noDepartures: 'no departures',
};

export type ChartLabels = typeof en;

const ru: ChartLabels = {
  baseline: 'база',
  runs: (n: number) => `N${NBSP}=${NBSP}${n} ${plural(n, 'прогон', 'прогона', 'прогонов')}`,
  median: 'медиана',
  mean: 'среднее',
  keyboardHint: 'Стрелки показывают значения',
  cashTitle: 'Остаток денег по дням',
  cashTypicalTitle: 'Остаток денег в типичном месяце',
  cashAxis: 'остаток денег',
  bands: { p50: 'P25–P75', p80: 'P10–P90', p90: 'P5–P95' },
  zero: 'ноль',
  reserve: 'резерв',
  gap: 'кассовый разрыв',
  dayOfMonthAxis: 'день месяца',
  day: (d: number) => `${d}-е число`,
  intraTitle: 'Собрано по дням месяца, доля плана',
  intraAxis: 'собрано, доля плана',
  plan: 'план',
  breakEven: 'безубыточность',
  gate: 'условие',
  effortTitle: 'Усилия по дням месяца',
  effortAxis: `усилия (1${NBSP}=${NBSP}8-часовой день)`,
  fullDay: '8-часовой день',
  distributionTitle: (metric: string) => `${metric}: разброс по прогонам`,
  boxLegend: 'ящик P25–P75 · усы P5–P95 · | медиана · ● среднее',
  payTitle: 'Оплата в месяц по сотрудникам',
  salary: 'оклад',
  bonus: 'бонус',
  payLegend: 'медиана; усы P5–P95',
  growthTitle: 'Сбор платежей и клиенты по месяцам',
  collectionsAxis: 'сбор платежей (медиана)',
  clientsAxis: 'клиенты (среднее)',
  newClients: 'новые',
  lostClients: 'ушедшие',
  month: 'месяц',
  summaryTitle: 'Сводка',
  col: {
    scheme: 'Схема',
    collections: 'Сбор в месяц (медиана)',
    planMet: 'План выполнен',
    midGap: 'Разрыв в середине месяца (медиана)',
    profit: 'Прибыль за период (медиана)',
    diff: `Δ прибыли к базе [90${NBSP}%]`,
    better: 'Лучше',
    bonus: 'Бонусы за период (медиана)',
    runs: 'N прогонов',
  },
  payoutTitle: (scheme: string) => `Кривая бонуса: ${scheme}`,
  pool: 'бонус отдела',
  collectionsX: 'сбор платежей',
  gateText: (share: string, min: string, day: number) => `${share}, если ≥${min} ${byDay(day, 'ru')}`,
  alwaysText: (share: string) => `${share} всегда`,
  metrics: {
    collectionsMonthly: 'Сбор платежей за месяц',
    planFulfilmentMonthly: 'Выполнение плана за месяц',
    maxCashGapMonthly: 'Наибольший кассовый разрыв за месяц',
    maxCashGapMidMonth: 'Разрыв в середине месяца (11–25-е)',
    daysInDeficitMonthly: 'Дней с разрывом за месяц',
    profitTotal: 'Прибыль за период',
    financingCostTotal: 'Стоимость финансирования разрыва',
    payrollTotal: 'Фонд оплаты труда за период',
    bonusTotal: 'Бонусы за период',
    newClientsTotal: 'Новые клиенты за период',
    lostClientsTotal: 'Ушедшие клиенты за период',
  },  activityTitle: 'Часы продавцов по месяцам',
  prospectingAxis: 'поиск новых клиентов, часы (медиана)',
  servingAxis: 'работа со «своими» клиентами и сопутствующие продажи, часы (медиана)',
  prospecting: 'поиск',
  serving: 'свои клиенты',
  hoursShort: 'ч',
  activeClientsTitle: 'Активные клиенты по месяцам',
  activeClientsAxis: 'клиентов в базе на конец месяца (медиана)',
  inboundTitle: 'Конверсия входящего потока и звёздная болезнь по месяцам',
  conversionAxis: 'заявок входящего потока закрыто (медиана)',
  starAxis: 'звёздная болезнь, 100% — в полной мере (медиана)',
  conversion: 'конверсия',
  star: 'звёздность',
  workforceTitle: 'Отсутствия и уходы по месяцам',
  absentAxis: 'человеко-дней отсутствия: больничные, отпуска, вакансии (среднее)',
  departuresAxis: 'уходов сотрудников (среднее в месяц)',
  absent: 'отсутствие',
  departures: 'уходы',
  daysShort: 'дн.',
  takenPerDeparture: 'Увод клиентов бывшими сотрудниками: клиентов на один уход',
  noDepartures: 'уходов нет',
};

function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

const LABELS: Record<Lang, ChartLabels> = { en, ru };

export function labels(lang: Lang): ChartLabels {
  return LABELS[lang] ?? en;
}
