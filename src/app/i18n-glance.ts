/**
 * Words of the glance strip, its exports, the skip links, stale and partial marks and the
 * scheme names' checks, in English and Russian (a typed dictionary like i18n-files.ts).
 */
import type { Lang } from './i18n.ts';
import { runsEn, runsRu } from '../charts/plural.ts';

const en = {
  title: 'At a glance',
  runsSeed: (runs: number, seed: number) => `N = ${runsEn(runs)} per scheme · seed ${seed}`,
  partial: (runs: number) => `partial, ${runsEn(runs)}`,
  outOfDate: 'out of date',
  outOfDateHint: 'The inputs changed since these results; they show the scenario as it was.',
  runNow: 'Recompute',
  noResults: 'The answer appears here as soon as the first runs are done.',
  row: {
    profit: 'Profit a year (median)',
    diff: 'vs baseline [90% interval]',
    better: 'Better in',
    gapWhole: 'Cash gap, worst day: whole month',
    gapMid: 'mid-month (days 11–25)',
    planMet: 'Plan met',
    bonus: 'Bonus budget a year',
    pay: 'Pay a month (median)',
  },
  betterIn: (share: string) => `${share} of runs`,
  baseline: 'baseline',
  verdict: 'Verdict',
  exportLabel: 'Export',
  pptx: 'PowerPoint',
  pptxHint: 'A .pptx deck for the board: native, editable charts and the summary table',
  xlsx: 'Excel',
  xlsxHint: 'An .xlsx workbook: every table and chart’s data, a sheet each',
  busy: 'Preparing…',
  failed: (reason: string) => `Export failed: ${reason}`,
  // skip links
  skipLinks: 'Skip links',
  skipToAnswer: 'Skip to the answer',
  skipToTabs: 'Skip to the result tabs',
  // names
  nameFromParameters: 'Name it from its parameters',
  nameCites: (figures: string) => `The name cites ${figures}, which the scheme no longer has.`,
  editing: (name: string) => `Editing: ${name}`,
  closeEditor: 'Done',
};

export type GlanceWords = typeof en;

const ru: GlanceWords = {
  title: 'Главное',
  runsSeed: (runs, seed) => `N\u00A0=\u00A0${runsRu(runs)} на схему · зерно ${seed}`,
  partial: (runs) => `предварительно, ${runsRu(runs)}`,
  outOfDate: 'устарело',
  outOfDateHint: 'Входные данные изменились после расчёта; показан сценарий, каким он был.',
  runNow: 'Пересчитать',
  noResults: 'Ответ появится здесь, как только пройдут первые прогоны.',
  row: {
    profit: 'Прибыль в год (медиана)',
    diff: 'к базе [90% интервал]',
    better: 'Лучше в',
    gapWhole: 'Разрыв в худший день: весь месяц',
    gapMid: 'середина месяца (11–25-е)',
    planMet: 'План выполнен',
    bonus: 'Бонусный фонд в год',
    pay: 'Оплата в месяц (медиана)',
  },
  betterIn: (share) => `${share} прогонов`,
  baseline: 'база',
  verdict: 'Вывод',
  exportLabel: 'Экспорт',
  pptx: 'PowerPoint',
  pptxHint: 'Презентация .pptx для совета директоров: настоящие редактируемые диаграммы и сводная таблица',
  xlsx: 'Excel',
  xlsxHint: 'Книга .xlsx: данные каждой таблицы и диаграммы, по листу на каждую',
  busy: 'Готовлю…',
  failed: (reason) => `Экспорт не удался: ${reason}`,
  skipLinks: 'Быстрые переходы',
  skipToAnswer: 'Перейти к ответу',
  skipToTabs: 'Перейти к вкладкам результатов',
  nameFromParameters: 'Назвать по параметрам',
  nameCites: (figures) => `В названии есть ${figures}, а в параметрах схемы — уже нет.`,
  editing: (name) => `Правка: ${name}`,
  closeEditor: 'Готово',
};

export const GLANCE_WORDS: Record<Lang, GlanceWords> = { en, ru };
