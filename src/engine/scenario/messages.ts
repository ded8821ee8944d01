/**
 * Message templates for scenario issues, English and Russian, one per code.
 * `{name}` is replaced by `params.name`. The path is not part of the message;
 * `formatIssue` prefixes it: `schemes[2].tranches[0].gate.byDay: must be a whole number from 1 to 31`.
 */
import { fillTemplate } from './template.ts';

export type Lang = 'en' | 'ru';

interface Template {
  en: string;
  ru: string;
}

const TEMPLATES = {
  // ------------------------------------------------------------ the text door
  'text.tooLarge': {
    en: 'the file is too large ({size}); at most {max} is accepted',
    ru: 'файл слишком большой ({size}); допускается не более {max}',
  },
  'text.invalidJson': {
    en: 'not valid JSON: {reason}',
    ru: 'это не корректный JSON: {reason}',
  },
  'text.tooDeep': {
    en: 'the JSON is nested too deeply to read ({reason})',
    ru: 'JSON слишком глубоко вложен, прочитать его нельзя ({reason})',
  },
  internal: {
    en: 'the scenario could not be read: {reason}',
    ru: 'сценарий не удалось прочитать: {reason}',
  },

  // ------------------------------------------------------------ format and version
  'format.missing': {
    en: 'not a Paybench scenario: "format": "{expected}" is missing',
    ru: 'это не сценарий Paybench: нет поля "format": "{expected}"',
  },
  'format.wrong': {
    en: 'not a Paybench scenario: format is "{found}", expected "{expected}"',
    ru: 'это не сценарий Paybench: format = "{found}", ожидается "{expected}"',
  },
  'version.missing': {
    en: '"version" is missing (this Paybench reads version {current})',
    ru: 'нет поля "version" (эта версия Paybench читает версию {current})',
  },
  'version.invalid': {
    en: 'version must be a whole number (got {found})',
    ru: 'version должна быть целым числом (получено: {found})',
  },
  'version.newer': {
    en: 'made by a newer Paybench (scenario version {version}; this one reads up to version {current}); update Paybench to open it',
    ru: 'файл создан более новой версией Paybench (версия сценария {version}; эта читает до версии {current}); обновите Paybench',
  },
  'version.unsupported': {
    en: 'scenario version {version} is not supported (no upgrade to version {current} exists)',
    ru: 'версия сценария {version} не поддерживается (нет перехода к версии {current})',
  },
  'version.upgraded': {
    en: 'upgraded from scenario version {from} to {to}; save the file to keep the new format',
    ru: 'сценарий обновлён с версии {from} до {to}; сохраните файл, чтобы сохранить новый формат',
  },

  // ------------------------------------------------------------ types and keys
  required: { en: 'is required', ru: 'обязательное поле' },
  'key.unknown': {
    en: 'unknown field "{key}", ignored',
    ru: 'неизвестное поле "{key}", пропущено',
  },
  'type.object': { en: 'must be an object (got {got})', ru: 'должно быть объектом (получено: {got})' },
  'type.array': { en: 'must be a list (got {got})', ru: 'должно быть списком (получено: {got})' },
  'type.string': { en: 'must be a string (got {got})', ru: 'должно быть строкой (получено: {got})' },
  'type.number': { en: 'must be a number (got {got})', ru: 'должно быть числом (получено: {got})' },
  'type.boolean': {
    en: 'must be true or false (got {got})',
    ru: 'должно быть true или false (получено: {got})',
  },
  'type.decimal': {
    en: 'must be a decimal string such as "0.005" or "40000000", or a number (got {got})',
    ru: 'должно быть десятичной строкой вида "0.005" или "40000000" либо числом (получено: {got})',
  },

  // ------------------------------------------------------------ numbers
  'number.notFinite': {
    en: 'must be a finite number (got {value})',
    ru: 'должно быть конечным числом (получено: {value})',
  },
  'integer.range': {
    en: 'must be a whole number from {min} to {max}',
    ru: 'должно быть целым числом от {min} до {max}',
  },
  'range.between': { en: 'must be from {min} to {max}', ru: 'должно быть от {min} до {max}' },
  'range.aboveAtMost': {
    en: 'must be greater than {min} and at most {max}',
    ru: 'должно быть больше {min} и не больше {max}',
  },

  // ------------------------------------------------------------ decimals
  'decimal.syntax': {
    en: '"{value}" is not a decimal number; write it like "0.005", "40000000" or "-6000"',
    ru: '"{value}" — не десятичное число; пишите так: "0.005", "40000000" или "-6000"',
  },
  'decimal.exponent': {
    en: '"{value}" uses an exponent; write the number out in full (e.g. "100000", not "1e5")',
    ru: '"{value}" записано с экспонентой; напишите число полностью (например, "100000", а не "1e5")',
  },
  'decimal.notFinite': {
    en: 'must be a finite number (got "{value}")',
    ru: 'должно быть конечным числом (получено: "{value}")',
  },
  'decimal.tooLong': {
    en: 'the number is too long (at most {max} characters)',
    ru: 'число слишком длинное (не более {max} символов)',
  },
  'money.decimals': {
    en: '{value}: money has at most {max} decimal places (kopecks)',
    ru: '{value}: у денежной суммы не более {max} знаков после точки (копейки)',
  },
  'rate.decimals': {
    en: '{value}: at most {max} decimal places',
    ru: '{value}: не более {max} знаков после точки',
  },

  // ------------------------------------------------------------ strings and ids
  'string.empty': { en: 'must not be empty', ru: 'не должно быть пустым' },
  'string.tooLong': {
    en: 'is too long ({length} characters; at most {max})',
    ru: 'слишком длинное ({length} символов; не более {max})',
  },
  'string.control': {
    en: 'contains a control character at position {position}',
    ru: 'содержит управляющий символ в позиции {position}',
  },
  'string.surrogate': {
    en: 'contains a broken Unicode character at position {position}',
    ru: 'содержит повреждённый символ Юникода в позиции {position}',
  },
  'id.reserved': {
    en: '"{value}" is a name JavaScript reserves for every object; choose another id',
    ru: '"{value}" — имя, которое JavaScript резервирует для любого объекта; выберите другой id',
  },
  'id.pattern': {
    en: '"{value}" is not a valid id: use 1 to 40 letters A–Z, digits, "_" or "-"',
    ru: '"{value}" — недопустимый идентификатор: 1–40 латинских букв, цифр, "_" или "-"',
  },
  'id.duplicate': {
    en: 'duplicate id "{value}" (already used by {first})',
    ru: 'повторяющийся идентификатор "{value}" (уже занят: {first})',
  },
  'enum.unknown': {
    en: 'unknown value "{value}"; expected one of: {allowed}',
    ru: 'неизвестное значение "{value}"; допустимо: {allowed}',
  },
  'formula.unknown': {
    en: 'unknown payout formula "{value}"; expected one of: {allowed}',
    ru: 'неизвестная формула выплаты "{value}"; допустимо: {allowed}',
  },
  'split.unknown': {
    en: 'unknown split "{value}"; expected one of: {allowed}',
    ru: 'неизвестный способ раздела "{value}"; допустимо: {allowed}',
  },
  'award.unknownTo': {
    en: 'unknown award recipient "{value}"; expected one of: {allowed}',
    ru: 'неизвестный получатель премии "{value}"; допустимо: {allowed}',
  },
  'habit.unknown': {
    en: 'unknown payment habit "{value}"; expected one of: {allowed}',
    ru: 'неизвестная платёжная привычка "{value}"; допустимо: {allowed}',
  },

  // ------------------------------------------------------------ lists
  'array.tooLong': {
    en: 'too many entries ({length}); at most {max}',
    ru: 'слишком много элементов ({length}); не более {max}',
  },
  'array.tooShort': {
    en: 'needs at least {min} entries (has {length})',
    ru: 'нужно не менее {min} элементов (есть {length})',
  },

  // ------------------------------------------------------------ dates
  'date.invalid': {
    en: '"{value}" is not a valid date "YYYY-MM-DD" with a year from {min} to {max}',
    ru: '"{value}" — не корректная дата "ГГГГ-ММ-ДД" с годом от {min} до {max}',
  },
  'month.invalid': {
    en: '"{value}" is not a valid month "YYYY-MM" with a year from {min} to {max}',
    ru: '"{value}" — не корректный месяц "ГГГГ-ММ" с годом от {min} до {max}',
  },
  'date.notWeekend': {
    en: '{value} is a {weekday}, not a Saturday or Sunday; it is a working day anyway',
    ru: '{value} — {weekday}, а не суббота или воскресенье; это и так рабочий день',
  },
  'date.duplicate': {
    en: '{value} is listed more than once',
    ru: '{value} указана более одного раза',
  },

  // ------------------------------------------------------------ cross-checks
  'baseline.unknown': {
    en: 'no scheme has the id "{value}"; schemes: {allowed}',
    ru: 'нет схемы с идентификатором "{value}"; схемы: {allowed}',
  },
  'habits.sum': {
    en: 'volume shares of the payment habits must sum to 1 (they sum to {sum})',
    ru: 'доли объёма платёжных привычек должны в сумме давать 1 (сейчас {sum})',
  },
  'split.needsOneHead': {
    en: 'split "{type}" gives the head a share, so staff must have exactly one member with role "head" (has {count})',
    ru: 'раздел "{type}" выделяет долю начальнику, поэтому в staff должен быть ровно один сотрудник с ролью "head" (сейчас {count})',
  },
  'split.needsMembers': {
    en: 'split "{type}" shares the rest of the pool among the staff other than the head, but there are none',
    ru: 'раздел "{type}" делит остаток фонда между сотрудниками кроме начальника, но их нет',
  },
  'tiers.notAscending': {
    en: 'tier "from" values must increase: {from} is not greater than the previous tier\'s {previous}',
    ru: 'значения "from" уровней должны возрастать: {from} не больше, чем {previous} у предыдущего уровня',
  },
  'gate.quarterly': {
    en: 'a quarterly scheme cannot have gates (gates are by day of month); use period "month" or remove the gate',
    ru: 'у квартальной схемы не может быть условий по дате (они задаются днём месяца); выберите period "month" или уберите gate',
  },
  'gate.keyClientsCount': {
    en: 'the key-client plan names the {value} largest clients, but the scenario has only {count} (clients.count)',
    ru: 'план по ключевым клиентам охватывает {value} крупнейших клиентов, а в сценарии их всего {count} (clients.count)',
  },
  'gate.keyClientsTeam': {
    en: 'a key-client plan is a plan of the whole team: it needs measure "teamCollections" paid as a team pool (got measure "{measure}", organisation "{organisation}"); remove keyClients or change the measure',
    ru: 'план по ключевым клиентам — план всего отдела: нужен показатель "teamCollections" с общим фондом (указано: показатель "{measure}", организация "{organisation}"); уберите keyClients или смените показатель',
  },
  'measure.needsPersonal': {
    en: 'a personal measure needs organisation "personal" (clients owned by people), not "{organisation}"',
    ru: 'личный показатель требует organisation "personal" (клиенты закреплены за сотрудниками), а не "{organisation}"',
  },
  'measure.needsSales': {
    en: 'measure "{measure}" counts the work of salespeople; switch the sales layer on (sales.enabled: true)',
    ru: 'показатель "{measure}" считает работу продавцов; включите слой продаж (sales.enabled: true)',
  },
  'organisation.needsSales': {
    en: 'a dispatcher routes requests to salespeople; switch the sales layer on (sales.enabled: true)',
    ru: 'диспетчер направляет заявки продавцам; включите слой продаж (sales.enabled: true)',
  },
  'organisation.needsOwners': {
    en: 'personal ownership deals the clients to the people who work the queue (not the head, a hunter or an account manager, with a work share above 0); there is none',
    ru: 'при личном закреплении клиенты делятся между теми, кто работает с очередью (не руководитель, не охотник и не аккаунт-менеджер, доля работы больше 0); таких нет',
  },
  'tranches.weightPrecision': {
    en: 'weight {value}: with {places} decimal places among this scheme\'s weights it cannot be split to the kopeck exactly (weight × 10^{places} must stay below 2^53); use fewer decimal places or smaller weights',
    ru: 'вес {value}: при {places} знаках после точки среди весов этой схемы его нельзя разделить точно до копейки (вес × 10^{places} должен быть меньше 2^53); уменьшите число знаков или веса',
  },
  'measure.pieceRate': {
    en: 'a piece rate pays for process units and process units are paid by a piece rate; got measure "{measure}" with formula "{formula}"',
    ru: 'сдельная ставка платится за единицы бизнес-процесса, а они — только сдельной ставкой; указано: показатель "{measure}", формула "{formula}"',
  },
  'tranches.units': {
    en: 'gates count a result by a day of the month, but process units are planned by the month: a piece-rate scheme cannot have tranches',
    ru: 'условия траншей считают результат к дню месяца, а единицы процесса планируются на месяц: у сдельной схемы траншей быть не может',
  },
  'award.topNegative': {
    en: 'an award to the top contributor must be 0 or more (got {value})',
    ru: 'премия лучшему сотруднику должна быть не меньше 0 (получено: {value})',
  },
  'award.bottomPositive': {
    en: 'a penalty of the bottom contributor must be 0 or less (got {value})',
    ru: 'удержание с худшего сотрудника должно быть не больше 0 (получено: {value})',
  },
  'effort.floorAboveMax': {
    en: 'dutyFloor ({dutyFloor}) must not exceed maxEffort ({maxEffort})',
    ru: 'dutyFloor ({dutyFloor}) не должен превышать maxEffort ({maxEffort})',
  },
  'issues.truncated': {
    en: '…and {count} more',
    ru: '…и ещё {count}',
  },
} satisfies Record<string, Template>;

export type IssueCode = keyof typeof TEMPLATES;

/** Every issue code, for documentation and tests. */
export const ISSUE_CODES = Object.keys(TEMPLATES) as IssueCode[];

const TYPE_NAMES: Record<Lang, Record<string, string>> = {
  en: {
    null: 'null',
    array: 'a list',
    object: 'an object',
    string: 'a string',
    number: 'a number',
    boolean: 'true/false',
    undefined: 'nothing',
    other: 'a non-JSON value',
  },
  ru: {
    null: 'null',
    array: 'список',
    object: 'объект',
    string: 'строка',
    number: 'число',
    boolean: 'true/false',
    undefined: 'ничего',
    other: 'не JSON-значение',
  },
};

const WEEKDAYS: Record<Lang, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  ru: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
};

function paramText(name: string, value: string | number, lang: Lang): string {
  if (name === 'got') return TYPE_NAMES[lang][String(value)] ?? String(value);
  if (name === 'weekday' && typeof value === 'number') return WEEKDAYS[lang][value] ?? String(value);
  return String(value);
}

export function isCode(code: string): code is IssueCode {
  return Object.prototype.hasOwnProperty.call(TEMPLATES, code);
}

/** The message for a code without the path; unknown codes give the code itself. */
export function renderMessage(code: string, params: Record<string, string | number>, lang: Lang): string {
  if (!isCode(code)) return code;
  const template = TEMPLATES[code][lang] ?? TEMPLATES[code].en;
  return fillTemplate(template, params, (name, value) => paramText(name, value, lang));
}
