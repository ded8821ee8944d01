/** The words of the history and fit charts, in English and Russian. */
import { NBSP, type Lang } from './format.ts';

const en = {
  history: 'history',
  model: 'model (fitted)',
  start: 'model (before the fit)',
  acrossMonths: 'P10–P90 across months',
  acrossRuns: 'P10–P90 across simulated histories',
  acrossModelMonths: 'P10–P90 across months, typical simulated history',
  profileTitle: 'Collected by day of month, share of the month',
  profileAxis: 'collected, share of the month',
  monthsTitle: 'Collections by month',
  monthsAxis: 'collected',
  weekdaysTitle: 'Collections by weekday',
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  largestTitle: 'The largest clients, share of collections',
  fitProfileTitle: 'Fit: collected by day of month, history and model',
  fitMonthsTitle: 'Fit: collections by month, history and model',
  partial: 'partly covered (left out)',
  months: (n: number) => `${n} whole ${n === 1 ? 'month' : 'months'}`,
  runs: (n: number) => `model: ${n} simulated ${n === 1 ? 'history' : 'histories'}`,
};

const ru: typeof en = {
  history: 'история',
  model: 'модель (подобрана)',
  start: 'модель (до подбора)',
  acrossMonths: 'P10–P90 по месяцам',
  acrossRuns: 'P10–P90 по смоделированным историям',
  acrossModelMonths: 'P10–P90 по месяцам, типичная смоделированная история',
  profileTitle: 'Собрано по дням месяца, доля месяца',
  profileAxis: 'собрано, доля месяца',
  monthsTitle: 'Сбор по месяцам',
  monthsAxis: 'собрано',
  weekdaysTitle: 'Сбор по дням недели',
  weekdays: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
  largestTitle: 'Крупнейшие клиенты, доля сбора',
  fitProfileTitle: 'Подбор: собрано по дням месяца, история и модель',
  fitMonthsTitle: 'Подбор: сбор по месяцам, история и модель',
  partial: 'неполный (не учтён)',
  months: (n: number) => `${n}${NBSP}полн. мес.`,
  runs: (n: number) => `модель: ${n}${NBSP}смоделированных историй`,
};

export type HistoryLabels = typeof en;
export const historyLabels = (lang: Lang): HistoryLabels => (lang === 'ru' ? ru : en);
