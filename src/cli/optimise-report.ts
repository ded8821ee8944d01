/**
 * The optimiser's report as text (en/ru): the suggestion or why there is none, the inputs
 * it moved, its figures against the start on the search's seed and on the re-check's with
 * the difference and its 90% interval, the run-by-run profit difference, each limit with
 * its room and whether it binds, and the trade-off between the figure and the cash gap.
 */
import { moneyName, percentName } from '../engine/index.ts';
import type { Suggestion, Unit } from '../engine/index.ts';
import { millions, percent, table, type Lang } from './format.ts';
import { pluralRu, wordEn } from '../charts/plural.ts';

const WORDS = {
  en: {
    title: (id: string, name: string, scenario: string) => `Suggest a better scheme than "${id}" (${name}) · ${scenario}`,
    goal: (m: string, limits: string) => `Maximise ${m}${limits ? `; limits: ${limits}` : ''}`,
    suggested: (name: string, id: string) => `Suggested: ${name}\n  id: ${id}`,
    none: {
      start: 'No suggestion: the start is the best scheme the search found within the limits.',
      limit: 'No suggestion: the search’s best schemes broke a limit when run again on a fresh seed (see the limits below).',
      worse: 'No suggestion: on a fresh seed the search’s best schemes did no better than the start.',
      better: '',
    },
    input: 'input', range: 'range', start: 'start', sugg: 'suggested', figure: 'figure', diff: 'difference [90%]', best: 'best found',
    seedHead: (seed: number, runs: number) => `seed ${seed}, ${runs} runs`,
    searchSeed: 'search', recheck: 're-check',
    paired: (m: string, lo: string, hi: string) => `Profit over the horizon, run by run on the re-check seed: median ${m} (P5 ${lo}, P95 ${hi})`,
    pairedMean: (m: string, lo: string, hi: string) => `; mean ${m} [90%: ${lo}; ${hi}]`,
    better: (b: string) => `; better in ${b} of runs`,
    limit: 'limit', value: 'value', bound: 'bound', room: 'room', binds: 'binds', yes: 'yes', no: 'no', broken: 'BROKEN',
    gain: (g: string) => `yes (+${g})`,
    tradeOff: (obj: string, gap: string) => `Trade-off: the best ${obj} found at each limit on ${gap} (the search's estimates, paired with the start on the same runs)`,
    gapAtMost: 'gap at most',
    stats: (ev: number, budget: number, cands: number, gens: number, stop: string) => `Search: ${ev} of ${budget} ${wordEn(budget, 'evaluation')}, ${cands} ${wordEn(cands, 'candidate')}, local search: ${gens} generation${gens === 1 ? "" : "s"}; ${stop}.`,
    stop: { budget: 'stopped on the budget', converged: 'stopped when no candidate could beat the best within the noise' },
    check: (out: string, id: string) => `Check it on a seed the search never used: paybench run ${out} --seed 7 --runs 1000 --scheme ${id}`,
  },
  ru: {
    title: (id: string, name: string, scenario: string) => `Поиск схемы лучше «${id}» (${name}) · ${scenario}`,
    goal: (m: string, limits: string) => `Максимизировать ${m}${limits ? `; ограничения: ${limits}` : ''}`,
    suggested: (name: string, id: string) => `Предложение: ${name}\n  id: ${id}`,
    none: {
      start: 'Предложения нет: исходная схема — лучшая из найденных в пределах ограничений.',
      limit: 'Предложения нет: лучшие найденные схемы нарушили ограничение при повторной проверке на новом зерне (см. ограничения ниже).',
      worse: 'Предложения нет: на новом зерне лучшие найденные схемы оказались не лучше исходной.',
      better: '',
    },
    input: 'параметр', range: 'диапазон', start: 'было', sugg: 'предложено', figure: 'показатель', diff: 'разница [90%]', best: 'лучшее найденное',
    seedHead: (seed: number, runs: number) => `зерно ${seed}, прогонов: ${runs}`,
    searchSeed: 'поиск', recheck: 'проверка',
    paired: (m: string, lo: string, hi: string) => `Прибыль за горизонт, попарно по прогонам на зерне проверки: медиана ${m} (P5 ${lo}, P95 ${hi})`,
    pairedMean: (m: string, lo: string, hi: string) => `; среднее ${m} [90%: ${lo}; ${hi}]`,
    better: (b: string) => `; лучше в ${b} прогонов`,
    limit: 'ограничение', value: 'значение', bound: 'граница', room: 'запас', binds: 'сдерживает', yes: 'да', no: 'нет', broken: 'НАРУШЕНО',
    gain: (g: string) => `да (+${g})`,
    tradeOff: (obj: string, gap: string) => `Компромисс: лучший ${obj} из найденных при каждой границе ${gap} (оценки поиска в паре с исходной схемой на тех же прогонах)`,
    gapAtMost: 'разрыв не больше',
    stats: (ev: number, budget: number, cands: number, gens: number, stop: string) => `Поиск: ${ev} из ${budget} ${pluralRu(budget, 'оценки', 'оценок', 'оценок')}, ${cands} ${pluralRu(cands, 'кандидат', 'кандидата', 'кандидатов')}, поколений локального поиска: ${gens}; ${stop}.`,
    stop: { budget: 'остановлен по бюджету', converged: 'остановлен: ни один кандидат не мог превзойти лучший в пределах шума' },
    check: (out: string, id: string) => `Проверьте на зерне, которого поиск не видел: paybench run ${out} --seed 7 --runs 1000 --scheme ${id}`,
  },
} as const;

/** A figure for people by its unit: 52.41M, 43 264, 84.4%. */
export function figure(x: number | null, unit: Unit, lang: Lang, signed = false): string {
  if (x === null || !Number.isFinite(x)) return '–';
  const sign = signed && x > 0 ? '+' : '';
  if (unit === 'share') return sign + percent(x, lang, 1);
  if (unit === 'roubles' && Math.abs(x) >= 1e6) return millions(x, lang, signed);
  const text = unit === 'roubles' ? Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : Number(x.toPrecision(3)).toString();
  return sign + (lang === 'ru' ? text.replace('.', ',') : text).replace(/^-/, '−');
}

const PERCENT_FIELDS = /(rate|minPlanShare|headShare|minDeviation|weight)$/;
const MONEY_FIELDS = /(threshold|amount|cap|from|premium|plan)$/;

/** An input's value as a person reads it: 38M, 0.6%, 55%, 12. */
export function inputValue(field: string, x: number, lang: Lang): string {
  if (PERCENT_FIELDS.test(field)) return percentName(String(x), lang);
  if (MONEY_FIELDS.test(field)) return moneyName(String(x), lang);
  return lang === 'ru' ? String(x).replace('.', ',') : String(x);
}

export function suggestionText(s: Suggestion, lang: Lang, files: { file: string; out?: string }): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  parts.push(w.title(s.start.id, s.start.name, s.scenario));
  parts.push(w.goal(s.goal.maximise, s.goal.limits.join('; ')) + '\n');
  parts.push(s.suggested ? w.suggested(s.suggested.name, s.suggested.id) + '\n' : w.none[s.verdict] + '\n');
  const value = s.suggested ? w.sugg : w.best;
  parts.push(
    table(
      [w.input, w.range, w.start, value],
      s.inputs.map((i) => [i.field, `${inputValue(i.field, i.lo, lang)} … ${inputValue(i.field, i.hi, lang)}`, inputValue(i.field, i.start, lang), inputValue(i.field, i.suggested, lang)]),
    ),
  );
  parts.push(`${w.searchSeed}: ${w.seedHead(s.seeds.search, s.runs.recheck)} · ${w.recheck}: ${w.seedHead(s.seeds.recheck, s.runs.recheck)}`);
  parts.push(
    table(
      [w.figure, `${w.start} (${w.searchSeed})`, `${value} (${w.searchSeed})`, `${w.start} (${w.recheck})`, `${value} (${w.recheck})`, w.diff],
      s.figures.map((f) => [
        f.metric,
        figure(f.search.start, f.unit, lang),
        figure(f.search.suggested, f.unit, lang),
        figure(f.recheck.start, f.unit, lang),
        figure(f.recheck.suggested, f.unit, lang),
        `${figure(f.difference, f.unit, lang, true)}${f.interval ? ` [${figure(f.interval[0], f.unit, lang, true)}; ${figure(f.interval[1], f.unit, lang, true)}]` : ''}`,
      ]),
    ),
  );
  const p = s.paired.recheck?.profitDiff;
  if (p) {
    const mean = p.meanLow != null && p.meanHigh != null ? w.pairedMean(figure(p.mean, 'roubles', lang, true), figure(p.meanLow, 'roubles', lang, true), figure(p.meanHigh, 'roubles', lang, true)) : '';
    const better = w.better(percent(s.paired.recheck?.shareBetter ?? null, lang));
    parts.push(w.paired(figure(p.median, 'roubles', lang, true), figure(p.p5, 'roubles', lang, true), figure(p.p95, 'roubles', lang, true)) + mean + better + '\n');
  }
  if (s.limits.length > 0) {
    const unitOf = (metric: string) => s.figures.find((f) => f.metric === metric)?.unit ?? 'roubles';
    parts.push(
      table(
        [w.limit, w.value, w.bound, w.room, w.binds],
        s.limits.map((l) => [
          l.limit,
          figure(l.value, unitOf(l.metric), lang),
          figure(l.bound, unitOf(l.metric), lang),
          l.holds ? figure(l.slack, unitOf(l.metric), lang) : w.broken,
          l.binds ? w.gain(figure(l.gain, s.tradeOff.objectiveUnit, lang)) : w.no,
        ]),
      ),
    );
  }
  const t = s.tradeOff;
  if (t.points.length > 0) {
    parts.push(w.tradeOff(t.objective, t.gap));
    parts.push(
      table(
        [w.gapAtMost, t.objective, ...s.inputs.map((i) => i.field)],
        t.points.map((pt) => [figure(pt.gap, t.gapUnit, lang), figure(pt.objective, t.objectiveUnit, lang), ...pt.values.map((v, i) => inputValue(s.inputs[i].field, v, lang))]),
      ),
    );
  }
  parts.push(w.stats(s.evaluations, s.budget, s.candidates, s.generations, w.stop[s.stop]));
  if (s.suggested) parts.push(w.check(files.out ?? files.file, s.suggested.id));
  return parts.join('\n') + '\n';
}
