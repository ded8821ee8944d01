/**
 * Words of the Suggest… panel (the optimiser in the workbench), in English and Russian:
 * what may change, the goal and the limits in plain words, progress, and the answer.
 */
import type { Lang } from './i18n.ts';
import { runsOfRu, wordEn } from '../charts/plural.ts';
import { formatNumber } from '../charts/format.ts';

/** What an input of the scheme is, in words ("Tranche 1: gate day"). */
function inputLabel(field: string, w: { threshold: string; rate: string; premium: string; amount: string; tierRate: (n: number) => string; gateDay: (n: number) => string; gateShare: (n: number) => string; weight: (n: number) => string }): string {
  let m: RegExpExecArray | null;
  if (field === 'formula.threshold') return w.threshold;
  if (field === 'formula.rate') return w.rate;
  if (field === 'formula.premium') return w.premium;
  if (field === 'formula.amount') return w.amount;
  if ((m = /^formula\.tiers\[(\d+)\]\.rate$/.exec(field))) return w.tierRate(Number(m[1]) + 1);
  if ((m = /^tranches\[(\d+)\]\.gate\.byDay$/.exec(field))) return w.gateDay(Number(m[1]) + 1);
  if ((m = /^tranches\[(\d+)\]\.gate\.minPlanShare$/.exec(field))) return w.gateShare(Number(m[1]) + 1);
  if ((m = /^tranches\[(\d+)\]\.weight$/.exec(field))) return w.weight(Number(m[1]) + 1);
  return field;
}

const en = {
  suggest: 'Suggest…',
  suggestHint: 'Search for a better version of this scheme within your limits',
  title: (name: string) => `Suggest a better scheme than “${name}”`,
  intro:
    'The search tries versions of this scheme on the same clients and the same luck, watches how the team reacts to each, keeps those within your limits, and runs the best again on fresh runs. Clients, market and company stay as they are.',
  close: 'Close',
  varyTitle: 'What may change',
  use: 'vary',
  from: 'from',
  to: 'to',
  step: 'step',
  inputs: {
    threshold: 'Threshold (deductible), ₽',
    rate: 'Rate, %',
    premium: 'Premium above the norm, ₽',
    amount: 'Fixed amount, ₽',
    tierRate: (n: number) => `Tier ${n}: rate, %`,
    gateDay: (n: number) => `Tranche ${n}: gate day`,
    gateShare: (n: number) => `Tranche ${n}: share of plan by then, %`,
    weight: (n: number) => `Tranche ${n}: weight`,
  },
  goalTitle: 'Goal',
  goals: {
    'profitTotal.p50': 'The most median profit over the horizon',
    'profitTotal.mean': 'The most mean profit over the horizon',
    'profitTotal.p10': 'The most profit in a poor run (P10)',
    'vsBaseline.profit.p50': 'The largest median gain over this scheme, run by run',
    'collectionsMonthly.p50': 'The most median collections a month',
  } as Record<string, string>,
  limitsTitle: 'Limits',
  gapLimit: 'The mid-month cash gap in 9 months out of 10 (P90) no worse than now',
  gapAtMost: 'or at most, ₽ (empty: as now)',
  payLimit: 'Nobody’s median pay falls',
  bonusLimit: 'The bonus budget over the horizon (median) at most, ₽',
  searchTitle: 'How hard to look',
  runs: 'Runs per look',
  budget: 'Budget, looks',
  size: (runs: number) => `about ${formatNumber(runs, 'en')} ${wordEn(runs, 'scheme-run')}, the re-check included`,
  start: 'Suggest',
  running: (done: number, total: number) => `${formatNumber(done, 'en')} of ${formatNumber(total, 'en')} ${wordEn(total, 'scheme-run')}`,
  cancel: 'Cancel',
  cancelled: 'Cancelled: nothing was added.',
  busy: 'Wait for the results to finish first.',
  added: (name: string) => `Added as a new scheme: ${name}`,
  noRoom: (max: number) => `There are already ${max} schemes: remove one to add the suggestion.`,
  addNow: 'Add it as a scheme',
  verdicts: {
    better: '',
    start: 'No suggestion: this scheme is the best the search found within the limits.',
    limit: 'No suggestion: the best schemes found broke a limit when run again on fresh runs.',
    worse: 'No suggestion: on fresh runs the best schemes found did no better than this one.',
  },
  figuresTitle: (seed: number, runs: number) => `On fresh runs (seed ${seed}, ${runs} runs), against this scheme`,
  figure: 'figure',
  now: 'now',
  suggested: 'suggested',
  bestFound: 'best found',
  difference: 'difference',
  interval: '90% interval',
  searchSeed: (seed: number, value: string, start: string) => `on the search’s seed ${seed}: ${value} against ${start}`,
  figures: {
    'profitTotal.p50': 'Median profit over the horizon',
    'profitTotal.mean': 'Mean profit over the horizon',
    'profitTotal.p10': 'Profit in a poor run (P10)',
    'vsBaseline.profit.p50': 'Median gain over this scheme',
    'collectionsMonthly.p50': 'Median collections a month',
    'maxCashGapMidMonth.p90': 'Mid-month cash gap, 9 months in 10',
    'bonusTotal.p50': 'Bonus budget over the horizon (median)',
  } as Record<string, string>,
  pay: (name: string) => `${name}: median pay a month`,
  limitsResult: 'Limits on fresh runs',
  holds: (room: string) => `holds, room ${room}`,
  broken: 'broken',
  binds: (gain: string) => `binds: a scheme that broke only this limit earned ${gain} more`,
  free: 'does not bind',
  stats: (evaluations: number, budget: number, candidates: number, stop: 'budget' | 'converged') =>
    `${evaluations} of ${budget} looks, ${candidates} schemes tried; ${stop === 'budget' ? 'stopped on the budget' : 'stopped when nothing could beat the best within the noise'}.`,
  chartTitle: 'Profit against the cash gap',
  chartGap: 'mid-month cash gap, 9 months in 10',
  chartObjective: 'median profit over the horizon',
  chartStart: 'now',
  chartSuggested: 'suggested',
  chartCurve: 'best found at each gap limit',
  inputLabel: (field: string) => inputLabel(field, en.inputs),
};

export type SuggestWords = typeof en;

const ru: SuggestWords = {
  suggest: 'Подобрать…',
  suggestHint: 'Найти лучший вариант этой схемы в ваших ограничениях',
  title: (name: string) => `Подобрать схему лучше «${name}»`,
  intro:
    'Поиск пробует варианты этой схемы на тех же клиентах и с той же удачей, смотрит, как отдел отвечает на каждый, оставляет те, что в ваших ограничениях, и проверяет лучшие на новых прогонах. Клиенты, рынок и компания не меняются.',
  close: 'Закрыть',
  varyTitle: 'Что можно менять',
  use: 'менять',
  from: 'от',
  to: 'до',
  step: 'шаг',
  inputs: {
    threshold: 'Порог (вычет), ₽',
    rate: 'Ставка, %',
    premium: 'Надбавка сверх нормы, ₽',
    amount: 'Фиксированная сумма, ₽',
    tierRate: (n: number) => `Ступень ${n}: ставка, %`,
    gateDay: (n: number) => `Транш ${n}: день проверки`,
    gateShare: (n: number) => `Транш ${n}: доля плана к этому дню, %`,
    weight: (n: number) => `Транш ${n}: вес`,
  },
  goalTitle: 'Цель',
  goals: {
    'profitTotal.p50': 'Наибольшая медианная прибыль за горизонт',
    'profitTotal.mean': 'Наибольшая средняя прибыль за горизонт',
    'profitTotal.p10': 'Наибольшая прибыль в плохом прогоне (P10)',
    'vsBaseline.profit.p50': 'Наибольший медианный выигрыш к этой схеме, попарно по прогонам',
    'collectionsMonthly.p50': 'Наибольший медианный сбор в месяц',
  },
  limitsTitle: 'Ограничения',
  gapLimit: 'Кассовый разрыв в середине месяца в 9 месяцах из 10 (P90) не хуже, чем сейчас',
  gapAtMost: 'или не больше, ₽ (пусто — как сейчас)',
  payLimit: 'Ни у кого медианный доход не падает',
  bonusLimit: 'Бонусный фонд за горизонт (медиана) не больше, ₽',
  searchTitle: 'Насколько тщательно искать',
  runs: 'Прогонов на пробу',
  budget: 'Бюджет, проб',
  size: (runs: number) => `около ${formatNumber(runs, 'ru')} ${runsOfRu(runs)} схем, с проверкой`,
  start: 'Подобрать',
  running: (done: number, total: number) => `${formatNumber(done, 'ru')} из ${formatNumber(total, 'ru')} ${runsOfRu(total)} схем`,
  cancel: 'Отмена',
  cancelled: 'Отменено: ничего не добавлено.',
  busy: 'Сначала дождитесь окончания расчёта.',
  added: (name: string) => `Добавлена новая схема: ${name}`,
  noRoom: (max: number) => `Схем уже ${max}: удалите одну, чтобы добавить предложение.`,
  addNow: 'Добавить схему',
  verdicts: {
    better: '',
    start: 'Предложения нет: эта схема — лучшая из найденных в пределах ограничений.',
    limit: 'Предложения нет: лучшие найденные схемы нарушили ограничение на новых прогонах.',
    worse: 'Предложения нет: на новых прогонах лучшие найденные схемы оказались не лучше этой.',
  },
  figuresTitle: (seed: number, runs: number) => `На новых прогонах (зерно ${seed}, прогонов: ${runs}), к этой схеме`,
  figure: 'показатель',
  now: 'сейчас',
  suggested: 'предложено',
  bestFound: 'лучшее найденное',
  difference: 'разница',
  interval: '90% интервал',
  searchSeed: (seed: number, value: string, start: string) => `на зерне поиска ${seed}: ${value} против ${start}`,
  figures: {
    'profitTotal.p50': 'Медианная прибыль за горизонт',
    'profitTotal.mean': 'Средняя прибыль за горизонт',
    'profitTotal.p10': 'Прибыль в плохом прогоне (P10)',
    'vsBaseline.profit.p50': 'Медианный выигрыш к этой схеме',
    'collectionsMonthly.p50': 'Медианный сбор в месяц',
    'maxCashGapMidMonth.p90': 'Разрыв в середине месяца, 9 месяцев из 10',
    'bonusTotal.p50': 'Бонусный фонд за горизонт (медиана)',
  },
  pay: (name: string) => `${name}: медианный доход в месяц`,
  limitsResult: 'Ограничения на новых прогонах',
  holds: (room: string) => `выполнено, запас ${room}`,
  broken: 'нарушено',
  binds: (gain: string) => `сдерживает: схема, нарушившая только его, дала на ${gain} больше`,
  free: 'не сдерживает',
  stats: (evaluations: number, budget: number, candidates: number, stop: 'budget' | 'converged') =>
    `${evaluations} из ${budget} проб, испытано схем: ${candidates}; ${stop === 'budget' ? 'остановлено по бюджету' : 'остановлено: ничто не могло превзойти лучшую в пределах шума'}.`,
  chartTitle: 'Прибыль против кассового разрыва',
  chartGap: 'разрыв в середине месяца, 9 месяцев из 10',
  chartObjective: 'медианная прибыль за горизонт',
  chartStart: 'сейчас',
  chartSuggested: 'предложено',
  chartCurve: 'лучшее при пределе разрыва',
  inputLabel: (field: string) => inputLabel(field, ru.inputs),
};

export const SUGGEST_WORDS: Record<Lang, SuggestWords> = { en, ru };
