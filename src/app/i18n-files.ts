/**
 * Words of files, links, undo, the library and languages, in English and Russian: a typed
 * dictionary like `i18n.ts` (the Russian object must have every English key, checked by
 * the compiler). No i18n library: two languages, a few hundred strings, plurals in three
 * functions and number formats already in `src/charts/format.ts` — a library would add
 * weight and a message syntax to learn, and nothing we lack. Kept apart from `i18n.ts` so
 * the scenario editor's words and these grow without treading on each other.
 */
import type { Lang } from './i18n.ts';

const en = {
  open: 'Open…',
  openHint: 'Open a scenario file (.paybench.json) or a payment history (.csv); you can also drop it anywhere on the page',
  save: 'Save',
  saveHint: (file: string) => `Save the scenario as ${file}`,
  share: 'Share link',
  shareHint: 'Copy a link that opens this scenario',
  copied: 'Link copied',
  copyManually: 'Copy this link:',
  linkTooLong: 'This scenario is too large for a link: save it as a file instead.',
  undo: 'Undo',
  redo: 'Redo',
  undoHint: 'Undo the last edit (Ctrl+Z)',
  redoHint: 'Redo (Shift+Ctrl+Z)',
  library: 'Library',
  libraryHint: 'The scenarios that come with Paybench, each a story from the articles',
  libraryTitle: 'Scenario library',
  openThis: 'Open',
  close: 'Close',
  dropHere: 'Drop a scenario file or a payment history (.csv) to open it',
  files: 'Scenario files',
  // open failures
  couldNotOpen: (what: string) => `Could not open ${what}`,
  sourceFile: (name: string) => `the file “${name}”`,
  sourceLink: 'the link',
  sourceSaved: 'the saved workspace',
  kept: 'Nothing was changed: the open scenario and its results are as they were.',
  problems: (n: number) => (n === 1 ? '1 problem:' : `${n} problems:`),
  linkTooLongIssue: (chars: string, max: string) => `the link is too long (${chars} characters; at most ${max})`,
  linkCorrupt: 'the link is damaged: it does not decode to a scenario (was it cut short when copied?)',
  readFailed: (reason: string) => `the file could not be read: ${reason}`,
  stories: {
    'client-department': 'The client department of article 002: the flat percentage, the month-end crunch with its mid-month cash gap, and the tranches that cure it (P1–P3).',
    'team-split': 'One team bonus, four ways to split it: equal, the head’s discretion, double discretion, awards by rule (P4); and a third of the pool on the key-client plan (000).',
    'sales-stagnation': 'Paid on “their own” clients’ payments, salespeople stop hunting and farm the book: stagnation (P5).',
    'star-inbound-sector': 'An easy inbound flow and high stable pay: the star syndrome and what re-attestation cures (P6).',
    'absence-and-departures': 'Sick leave, vacations and leavers under personal, team and conveyor organisation (P7–P8).',
    'fit-to-history': 'A year of incoming payments as a Russian bank statement — simulated by paybench history, not a real one — to see what a history says and fit the client department to it.',
  } as Record<string, string>,
  historyExample: 'Fit to a history (simulated example)',
};

export type FileWords = typeof en;

const ru: FileWords = {
  open: 'Открыть…',
  openHint: 'Открыть файл сценария (.paybench.json) или историю платежей (.csv); их можно и перетащить в любое место страницы',
  save: 'Сохранить',
  saveHint: (file) => `Сохранить сценарий в файл ${file}`,
  share: 'Ссылка',
  shareHint: 'Скопировать ссылку, открывающую этот сценарий',
  copied: 'Ссылка скопирована',
  copyManually: 'Скопируйте ссылку:',
  linkTooLong: 'Сценарий слишком большой для ссылки: сохраните его в файл.',
  undo: 'Отменить',
  redo: 'Повторить',
  undoHint: 'Отменить последнее изменение (Ctrl+Z)',
  redoHint: 'Повторить (Shift+Ctrl+Z)',
  library: 'Библиотека',
  libraryHint: 'Готовые сценарии — истории из статей',
  libraryTitle: 'Библиотека сценариев',
  openThis: 'Открыть',
  close: 'Закрыть',
  dropHere: 'Отпустите файл сценария или историю платежей (.csv), чтобы открыть',
  files: 'Файлы сценариев',
  couldNotOpen: (what) => `Не удалось открыть ${what}`,
  sourceFile: (name) => `файл «${name}»`,
  sourceLink: 'ссылку',
  sourceSaved: 'сохранённую работу',
  kept: 'Ничего не изменилось: открытый сценарий и его результаты остались прежними.',
  problems: (n) => `Проблем: ${n}.`,
  linkTooLongIssue: (chars, max) => `ссылка слишком длинная (${chars} символов; допускается не более ${max})`,
  linkCorrupt: 'ссылка повреждена: из неё не читается сценарий (возможно, её обрезали при копировании)',
  readFailed: (reason) => `файл не удалось прочитать: ${reason}`,
  stories: {
    'client-department': 'Клиентский отдел из статьи 002: плоский процент, аврал в конце месяца и кассовый разрыв в середине, и транши, которые их лечат (P1–P3).',
    'team-split': 'Один бонус отдела, четыре способа его разделить: поровну, волюнтаризм, двойной волюнтаризм, премии по правилу (P4); и треть фонда — за план по ключевым клиентам (000).',
    'sales-stagnation': 'Процент от оплат «своих» клиентов: продавцы перестают искать новых и обслуживают старых — застой (P5).',
    'star-inbound-sector': 'Лёгкий входящий поток и высокая стабильная оплата: звёздная болезнь и что лечит переаттестация (P6).',
    'absence-and-departures': 'Больничные, отпуска и увольнения при личном закреплении, командной работе и конвейере (P7–P8).',
    'fit-to-history': 'Год поступлений в виде выписки российского банка — смоделирован командой paybench history, не настоящий, — чтобы посмотреть, что говорит история, и подобрать под неё клиентский отдел.',
  },
  historyExample: 'Подбор по истории (смоделированный пример)',
};

export const FILE_WORDS: Record<Lang, FileWords> = { en, ru };
