/**
 * What a fit cannot say, said plainly (in English and Russian): inputs the history does
 * not pin down, inputs pushed to the end of their range, moments the model does not
 * reproduce, and what a history of one scheme can never show. Also the words for the
 * inputs and moments, shared by the command line and the workbench.
 */
export type FitNote =
  | { kind: 'notIdentified'; path: string; range: [number, number] }
  | { kind: 'atEdge'; path: string; edge: 'lo' | 'hi'; value: number }
  | { kind: 'missed'; moment: string; observed: number; model: number }
  | { kind: 'noClients' }
  | { kind: 'shortHistory'; months: number }
  | { kind: 'cutHistory'; used: number; had: number }
  | { kind: 'oneScheme'; scheme: string }
  | { kind: 'weekdays' }
  | { kind: 'held' };

/** A moment is not reproduced when the history lies this many deviations of one history from the fit. */
export const MISSED_Z = 3;

/** What the notes read of a fit's report (fit.ts). */
export interface NotesInput {
  scheme: string;
  horizon: { months: number };
  inputs: readonly { path: string; lo: number; hi: number; value: number; range: [number, number]; identified: boolean }[];
  moments: readonly { id: string; observed: number | null; fitted: { median: number }; z: number | null }[];
}

export function fitNotes(report: NotesInput, context: { hasClients: boolean; wholeMonths: number; schemeName?: string }): FitNote[] {
  const notes: FitNote[] = [];
  for (const i of report.inputs) {
    if (!i.identified) notes.push({ kind: 'notIdentified', path: i.path, range: i.range });
    const at = (i.value - i.lo) / (i.hi - i.lo);
    if (i.identified && (at <= 0.02 || at >= 0.98)) notes.push({ kind: 'atEdge', path: i.path, edge: at <= 0.02 ? 'lo' : 'hi', value: i.value });
  }
  for (const m of report.moments) {
    if (m.z !== null && Math.abs(m.z) > MISSED_Z && m.observed !== null) notes.push({ kind: 'missed', moment: m.id, observed: m.observed, model: m.fitted.median });
  }
  if (!context.hasClients) notes.push({ kind: 'noClients' });
  if (report.horizon.months < 12) notes.push({ kind: 'shortHistory', months: report.horizon.months });
  if (context.wholeMonths > report.horizon.months) notes.push({ kind: 'cutHistory', used: report.horizon.months, had: context.wholeMonths });
  notes.push({ kind: 'oneScheme', scheme: context.schemeName ?? report.scheme }, { kind: 'weekdays' }, { kind: 'held' });
  return notes;
}

export type FitLang = 'en' | 'ru';

/** Inputs by path, as an owner would name them. */
export const INPUT_WORDS: Record<string, { en: string; ru: string }> = {
  'clients.monthlyVolume': { en: 'client volume a month', ru: 'объём клиентов в месяц' },
  'clients.volumeNoise': { en: 'month-to-month noise of each bill', ru: 'разброс счёта клиента от месяца к месяцу' },
  'clients.volumeSkew': { en: 'skew of client sizes', ru: 'неравенство размеров клиентов' },
  'clients.count': { en: 'number of clients', ru: 'число клиентов' },
  'clients.habits[selfPayer].medianDays': { en: 'self-payers: median days to pay', ru: 'платящие сами: медиана дней до оплаты' },
  'clients.habits[selfPayer].volumeShare': { en: 'self-payers\' share of volume', ru: 'доля объёма платящих сами' },
  'behaviour.effort.costFactor': { en: 'cost of effort', ru: 'цена усилия' },
};

export const MOMENT_WORDS: Record<string, { en: string; ru: string }> = {
  level: { en: 'collections a month, mean', ru: 'сбор в месяц, среднее' },
  spread: { en: 'month-to-month spread (sd / mean)', ru: 'разброс по месяцам (ст. откл. / среднее)' },
  day5: { en: 'share of the month collected by day 5', ru: 'доля месяца, собранная к 5-му' },
  day10: { en: 'share of the month collected by day 10', ru: 'доля месяца, собранная к 10-му' },
  day15: { en: 'share of the month collected by day 15', ru: 'доля месяца, собранная к 15-му' },
  day20: { en: 'share of the month collected by day 20', ru: 'доля месяца, собранная к 20-му' },
  day25: { en: 'share of the month collected by day 25', ru: 'доля месяца, собранная к 25-му' },
  largest: { en: 'largest tenth of clients: share of collections', ru: 'доля сбора от крупнейшей десятой части клиентов' },
  payers: { en: 'clients paying in a month, median', ru: 'платящих клиентов в месяц, медиана' },
};

export const inputWord = (path: string, lang: FitLang) => INPUT_WORDS[path]?.[lang] ?? path;
export const momentWord = (id: string, lang: FitLang) => MOMENT_WORDS[id]?.[lang] ?? id;

/** A note in words; `figure` writes a number as the caller shows numbers. */
export function noteText(note: FitNote, lang: FitLang, figure: (x: number) => string): string {
  const ru = lang === 'ru';
  switch (note.kind) {
    case 'notIdentified':
      return ru
        ? `История не определяет «${inputWord(note.path, lang)}»: всё от ${figure(note.range[0])} до ${figure(note.range[1])} воспроизводит её так же хорошо.`
        : `The history does not pin down the ${inputWord(note.path, lang)}: anything from ${figure(note.range[0])} to ${figure(note.range[1])} reproduces it as well.`;
    case 'atEdge':
      return ru
        ? `«${inputWord(note.path, lang)}» упёрлось в ${note.edge === 'lo' ? 'нижнюю' : 'верхнюю'} границу поиска (${figure(note.value)}): данные тянут дальше, чем позволяет диапазон.`
        : `The ${inputWord(note.path, lang)} ends at the ${note.edge === 'lo' ? 'low' : 'high'} end of its range (${figure(note.value)}): the data pull further than the range allows.`;
    case 'missed':
      return ru
        ? `Модель не воспроизводит «${momentWord(note.moment, lang)}»: в истории ${figure(note.observed)}, в модели ${figure(note.model)}.`
        : `The model does not reproduce the ${momentWord(note.moment, lang)}: ${figure(note.observed)} in the history, ${figure(note.model)} in the model.`;
    case 'noClients':
      return ru
        ? 'В файле нет колонки с клиентом: неравенство размеров клиентов и их число не подбирались и остались как в сценарии.'
        : 'The file names no client: the skew of client sizes and their number were not fitted and stay as in the scenario.';
    case 'shortHistory':
      return ru
        ? `Всего ${note.months} полных мес.: сезонность по такой истории не отличить от случайности.`
        : `Only ${note.months} whole months: a seasonal pattern cannot be told from chance in so short a history.`;
    case 'cutHistory':
      return ru
        ? `Подобраны последние ${note.used} из ${note.had} полных месяцев (модель считает не больше 36).`
        : `The last ${note.used} of ${note.had} whole months were fitted (the model runs at most 36).`;
    case 'oneScheme':
      return ru
        ? `История показывает одну схему («${note.scheme}»): как команда ответит на другую схему — это правило усилия модели, а не данные; цена усилия подобрана лишь настолько, насколько она видна в сборе при этой схеме.`
        : `The history shows one scheme ("${note.scheme}"): how the team would respond to another is the model's effort rule, not the data; the cost of effort is fitted only as far as it shows in collections under this scheme.`;
    case 'weekdays':
      return ru
        ? 'Профиль по дням недели показан, но не подбирается: в модели платёж, пришедшийся на выходной, зачисляется в следующий рабочий день, и понедельник несёт выходные.'
        : 'The weekday profile is shown, not fitted: in the model a payment due on a day off lands on the next working day, so Mondays carry the weekend\'s.';
    case 'held':
      return ru
        ? 'Всё остальное (компания, сотрудники, схемы, обещания, курьер, привычки остальных клиентов) осталось как в сценарии.'
        : 'Everything else (company, staff, schemes, promises, courier, the other clients\' habits) stays as in the scenario.';
  }
}
