import { describe, expect, it } from 'vitest';
import { formatIssue, parseScenario } from '../../../src/engine/scenario/parse.ts';
import { defaultScenario } from '../../../src/engine/scenario/defaults.ts';
import { ISSUE_CODES, renderMessage } from '../../../src/engine/scenario/messages.ts';
import { errorsOf, expectError, minimalFile } from './helpers.ts';

type File = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function broken(edit: (f: File) => void): ReturnType<typeof parseScenario> {
  const f = JSON.parse(JSON.stringify(defaultScenario())) as File;
  edit(f);
  return parseScenario(f);
}

interface Case {
  title: string;
  edit: (f: File) => void;
  path: string;
  code: string;
  en: string;
  ru: string;
}

const cases: Case[] = [
  {
    title: 'a string where a number is expected',
    edit: (f) => (f.simulation.runs = '1000'),
    path: 'simulation.runs',
    code: 'type.number',
    en: 'simulation.runs: must be a number (got a string)',
    ru: 'simulation.runs: должно быть числом (получено: строка)',
  },
  {
    title: 'an object where a list is expected',
    edit: (f) => (f.staff = { head: {} }),
    path: 'staff',
    code: 'type.array',
    en: 'staff: must be a list (got an object)',
    ru: 'staff: должно быть списком (получено: объект)',
  },
  {
    title: 'null where a boolean is expected',
    edit: (f) => (f.behaviour.effort.enabled = null),
    path: 'behaviour.effort.enabled',
    code: 'type.boolean',
    en: 'behaviour.effort.enabled: must be true or false (got null)',
    ru: 'behaviour.effort.enabled: должно быть true или false (получено: null)',
  },
  {
    title: 'an unknown payout formula',
    edit: (f) => (f.schemes[1].formula = { type: 'exponential', rate: '0.1' }),
    path: 'schemes[1].formula.type',
    code: 'formula.unknown',
    en: 'schemes[1].formula.type: unknown payout formula "exponential"; expected one of: fixed, linear, threshold, tiers, pieceRate',
    ru: 'schemes[1].formula.type: неизвестная формула выплаты "exponential"; допустимо: fixed, linear, threshold, tiers, pieceRate',
  },
  {
    title: 'an unknown split',
    edit: (f) => (f.schemes[0].split = { type: 'lottery' }),
    path: 'schemes[0].split.type',
    code: 'split.unknown',
    en: 'schemes[0].split.type: unknown split "lottery"; expected one of: equal, headShareEqual, discretion, doubleDiscretion, awardsEqual, proportional',
    ru: 'schemes[0].split.type: неизвестный способ раздела "lottery"; допустимо: equal, headShareEqual, discretion, doubleDiscretion, awardsEqual, proportional',
  },
  {
    title: 'an unknown award recipient',
    edit: (f) => (f.schemes[3].split.awards[1].to = 'everyone'),
    path: 'schemes[3].split.awards[1].to',
    code: 'award.unknownTo',
    en: 'schemes[3].split.awards[1].to: unknown award recipient "everyone"; expected one of: topContributor, bottomContributor',
    ru: 'schemes[3].split.awards[1].to: неизвестный получатель премии "everyone"; допустимо: topContributor, bottomContributor',
  },
  {
    title: 'a duplicate scheme id',
    edit: (f) => (f.schemes[2].id = 'linear'),
    path: 'schemes[2].id',
    code: 'id.duplicate',
    en: 'schemes[2].id: duplicate id "linear" (already used by schemes[0])',
    ru: 'schemes[2].id: повторяющийся идентификатор "linear" (уже занят: schemes[0])',
  },
  {
    title: 'a duplicate staff id',
    edit: (f) => (f.staff[3].id = 'masha'),
    path: 'staff[3].id',
    code: 'id.duplicate',
    en: 'staff[3].id: duplicate id "masha" (already used by staff[1])',
    ru: 'staff[3].id: повторяющийся идентификатор "masha" (уже занят: staff[1])',
  },
  {
    title: 'a malformed id',
    edit: (f) => (f.staff[0].id = 'the head'),
    path: 'staff[0].id',
    code: 'id.pattern',
    en: 'staff[0].id: "the head" is not a valid id: use 1 to 40 letters A–Z, digits, "_" or "-"',
    ru: 'staff[0].id: "the head" — недопустимый идентификатор: 1–40 латинских букв, цифр, "_" или "-"',
  },
  {
    title: 'a baseline naming no scheme',
    edit: (f) => (f.baseline = 'bonus'),
    path: 'baseline',
    code: 'baseline.unknown',
    en: 'baseline: no scheme has the id "bonus"; schemes: linear, threshold, tranches, tranchesAwards',
    ru: 'baseline: нет схемы с идентификатором "bonus"; схемы: linear, threshold, tranches, tranchesAwards',
  },
  {
    title: 'a gate day out of range',
    edit: (f) => (f.schemes[2].tranches[0].gate.byDay = 32),
    path: 'schemes[2].tranches[0].gate.byDay',
    code: 'integer.range',
    en: 'schemes[2].tranches[0].gate.byDay: must be a whole number from 1 to 31',
    ru: 'schemes[2].tranches[0].gate.byDay: должно быть целым числом от 1 до 31',
  },
  {
    title: 'a fractional gate day',
    edit: (f) => (f.schemes[2].tranches[1].gate.byDay = 15.5),
    path: 'schemes[2].tranches[1].gate.byDay',
    code: 'integer.range',
    en: 'schemes[2].tranches[1].gate.byDay: must be a whole number from 1 to 31',
    ru: 'schemes[2].tranches[1].gate.byDay: должно быть целым числом от 1 до 31',
  },
  {
    title: 'a gate share of zero',
    edit: (f) => (f.schemes[2].tranches[0].gate.minPlanShare = '0'),
    path: 'schemes[2].tranches[0].gate.minPlanShare',
    code: 'range.aboveAtMost',
    en: 'schemes[2].tranches[0].gate.minPlanShare: must be greater than 0 and at most 2',
    ru: 'schemes[2].tranches[0].gate.minPlanShare: должно быть больше 0 и не больше 2',
  },
  {
    title: 'habit shares not summing to 1',
    edit: (f) => (f.clients.habits[0].volumeShare = '0.15'),
    path: 'clients.habits',
    code: 'habits.sum',
    en: 'clients.habits: volume shares of the payment habits must sum to 1 (they sum to 0.95)',
    ru: 'clients.habits: доли объёма платёжных привычек должны в сумме давать 1 (сейчас 0.95)',
  },
  {
    title: 'a duplicate habit',
    edit: (f) => (f.clients.habits[2].id = 'selfPayer'),
    path: 'clients.habits[2].id',
    code: 'id.duplicate',
    en: 'clients.habits[2].id: duplicate id "selfPayer" (already used by clients.habits[0])',
    ru: 'clients.habits[2].id: повторяющийся идентификатор "selfPayer" (уже занят: clients.habits[0])',
  },
  {
    title: 'a head share without a head',
    edit: (f) => (f.staff[0].role = 'collector'),
    path: 'schemes[0].split',
    code: 'split.needsOneHead',
    en: 'schemes[0].split: split "headShareEqual" gives the head a share, so staff must have exactly one member with role "head" (has 0)',
    ru: 'schemes[0].split: раздел "headShareEqual" выделяет долю начальнику, поэтому в staff должен быть ровно один сотрудник с ролью "head" (сейчас 0)',
  },
  {
    title: 'too many clients',
    edit: (f) => (f.clients.count = 1_000_000),
    path: 'clients.count',
    code: 'integer.range',
    en: 'clients.count: must be a whole number from 1 to 20000',
    ru: 'clients.count: должно быть целым числом от 1 до 20000',
  },
  {
    title: 'a newer version',
    edit: (f) => (f.version = 7),
    path: 'version',
    code: 'version.newer',
    en: 'version: made by a newer Paybench (scenario version 7; this one reads up to version 2); update Paybench to open it',
    ru: 'version: файл создан более новой версией Paybench (версия сценария 7; эта читает до версии 2); обновите Paybench',
  },
  {
    title: 'a gate in a quarterly scheme',
    edit: (f) => (f.schemes[2].period = 'quarter'),
    path: 'schemes[2].tranches[0].gate',
    code: 'gate.quarterly',
    en: 'schemes[2].tranches[0].gate: a quarterly scheme cannot have gates (gates are by day of month); use period "month" or remove the gate',
    ru: 'schemes[2].tranches[0].gate: у квартальной схемы не может быть условий по дате (они задаются днём месяца); выберите period "month" или уберите gate',
  },
  {
    title: 'tiers not ascending',
    edit: (f) =>
      (f.schemes[0].formula = { type: 'tiers', mode: 'marginal', tiers: [{ from: '0', rate: '0' }, { from: '40000000', rate: '0.005' }, { from: '40000000', rate: '0.01' }] }),
    path: 'schemes[0].formula.tiers[2].from',
    code: 'tiers.notAscending',
    en: 'schemes[0].formula.tiers[2].from: tier "from" values must increase: 40000000 is not greater than the previous tier\'s 40000000',
    ru: 'schemes[0].formula.tiers[2].from: значения "from" уровней должны возрастать: 40000000 не больше, чем 40000000 у предыдущего уровня',
  },
  {
    title: 'a penalty given as an award',
    edit: (f) => (f.schemes[3].split.awards[1].amount = '6000'),
    path: 'schemes[3].split.awards[1].amount',
    code: 'award.bottomPositive',
    en: 'schemes[3].split.awards[1].amount: a penalty of the bottom contributor must be 0 or less (got 6000)',
    ru: 'schemes[3].split.awards[1].amount: удержание с худшего сотрудника должно быть не больше 0 (получено: 6000)',
  },
  {
    title: 'a negative award to the top contributor',
    edit: (f) => (f.schemes[3].split.awards[0].amount = -1),
    path: 'schemes[3].split.awards[0].amount',
    code: 'award.topNegative',
    en: 'schemes[3].split.awards[0].amount: an award to the top contributor must be 0 or more (got -1)',
    ru: 'schemes[3].split.awards[0].amount: премия лучшему сотруднику должна быть не меньше 0 (получено: -1)',
  },
  {
    title: 'a missing required field',
    edit: (f) => delete f.schemes[1].formula,
    path: 'schemes[1].formula',
    code: 'required',
    en: 'schemes[1].formula: is required',
    ru: 'schemes[1].formula: обязательное поле',
  },
  {
    title: 'an invalid start month',
    edit: (f) => (f.simulation.startMonth = '2027-13'),
    path: 'simulation.startMonth',
    code: 'month.invalid',
    en: 'simulation.startMonth: "2027-13" is not a valid month "YYYY-MM" with a year from 2000 to 2100',
    ru: 'simulation.startMonth: "2027-13" — не корректный месяц "ГГГГ-ММ" с годом от 2000 до 2100',
  },
  {
    title: 'an impossible date',
    edit: (f) => (f.calendar.extraHolidays = ['2027-03-08', '2027-02-29']),
    path: 'calendar.extraHolidays[1]',
    code: 'date.invalid',
    en: 'calendar.extraHolidays[1]: "2027-02-29" is not a valid date "YYYY-MM-DD" with a year from 2000 to 2100',
    ru: 'calendar.extraHolidays[1]: "2027-02-29" — не корректная дата "ГГГГ-ММ-ДД" с годом от 2000 до 2100',
  },
  {
    title: 'too many schemes',
    edit: (f) => (f.schemes = Array.from({ length: 13 }, (_, i) => ({ ...f.schemes[0], id: `s${i}` }))),
    path: 'schemes',
    code: 'array.tooLong',
    en: 'schemes: too many entries (13); at most 12',
    ru: 'schemes: слишком много элементов (13); не более 12',
  },
  {
    title: 'a piece rate on collections (roubles are not process units)',
    edit: (f) => (f.schemes[0].formula = { type: 'pieceRate', rate: '100', norm: '150', premium: '180' }),
    path: 'schemes[0].measure',
    code: 'measure.pieceRate',
    en: 'schemes[0].measure: a piece rate pays for process units and process units are paid by a piece rate; got measure "teamCollections" with formula "pieceRate"',
    ru: 'schemes[0].measure: сдельная ставка платится за единицы бизнес-процесса, а они — только сдельной ставкой; указано: показатель "teamCollections", формула "pieceRate"',
  },
  {
    title: 'process units without the sales layer',
    edit: (f) => {
      f.schemes[0].measure = 'processUnits';
      f.schemes[0].formula = { type: 'pieceRate', rate: '100', norm: '150', premium: '180' };
    },
    path: 'schemes[0].measure',
    code: 'measure.needsSales',
    en: 'schemes[0].measure: measure "processUnits" counts the work of salespeople; switch the sales layer on (sales.enabled: true)',
    ru: 'schemes[0].measure: показатель "processUnits" считает работу продавцов; включите слой продаж (sales.enabled: true)',
  },
  {
    title: 'gates on a piece rate',
    edit: (f) => {
      f.sales.enabled = true;
      f.schemes[2].measure = 'processUnits';
      f.schemes[2].formula = { type: 'pieceRate', rate: '100', norm: '150', premium: '180' };
    },
    path: 'schemes[2].tranches',
    code: 'tranches.units',
    en: 'schemes[2].tranches: gates count a result by a day of the month, but process units are planned by the month: a piece-rate scheme cannot have tranches',
    ru: 'schemes[2].tranches: условия траншей считают результат к дню месяца, а единицы процесса планируются на месяц: у сдельной схемы траншей быть не может',
  },
  {
    title: 'no staff',
    edit: (f) => (f.staff = []),
    path: 'staff',
    code: 'array.tooShort',
    en: 'staff: needs at least 1 entries (has 0)',
    ru: 'staff: нужно не менее 1 элементов (есть 0)',
  },
  {
    title: 'a duty floor above the maximum effort',
    edit: (f) => (f.behaviour.effort.dutyFloor = 2),
    path: 'behaviour.effort.dutyFloor',
    code: 'effort.floorAboveMax',
    en: 'behaviour.effort.dutyFloor: dutyFloor (2) must not exceed maxEffort (1.75)',
    ru: 'behaviour.effort.dutyFloor: dutyFloor (2) не должен превышать maxEffort (1.75)',
  },
];

describe('broken files', () => {
  for (const c of cases) {
    it(`${c.title} → ${c.path}: ${c.code}`, () => {
      const e = expectError(broken(c.edit), c.path, c.code);
      expect(formatIssue(e, 'en')).toBe(c.en);
      expect(formatIssue(e, 'ru')).toBe(c.ru);
      expect(e.message).toBe(c.en.slice(c.path.length + 2));
    });
  }

  it('accumulates all errors of a file in one pass', () => {
    const r = broken((f) => {
      f.simulation.months = 0;
      f.company.plan = 'lots';
      f.staff[1].salary = '20000.001';
      f.schemes[1].formula.type = 'magic';
      f.schemes[2].tranches[0].weight = '0';
      f.clients.habits[1].promiseProbability = 2;
    });
    expect(errorsOf(r).map((e) => e.path)).toEqual([
      'simulation.months',
      'company.plan',
      'clients.habits[1].promiseProbability',
      'staff[1].salary',
      'schemes[1].formula.type',
      'schemes[2].tranches[0].weight',
    ]);
  });

  it('reports two heads under a head share', () => {
    const r = broken((f) => (f.staff[1].role = 'head'));
    const e = errorsOf(r);
    expect(e.filter((x) => x.code === 'split.needsOneHead').map((x) => x.path)).toEqual([
      'schemes[0].split',
      'schemes[1].split',
      'schemes[2].split',
      'schemes[3].split',
    ]);
  });

  it('needs someone besides the head under a head share', () => {
    const r = broken((f) => (f.staff = [f.staff[0]]));
    const e = expectError(r, 'schemes[1].split', 'split.needsMembers');
    expect(formatIssue(e, 'en')).toBe(
      'schemes[1].split: split "headShareEqual" shares the rest of the pool among the staff other than the head, but there are none',
    );
  });

  it('allows any number of heads under an equal split', () => {
    const f = minimalFile();
    f.schemes = [(f.schemes as unknown[])[0]];
    (f.staff as Record<string, unknown>[])[1].role = 'head';
    expect(parseScenario(f).ok).toBe(true);
  });

  it('gives a huge list one error, not a million', () => {
    const r = broken((f) => (f.staff = new Array(1_000_000).fill({ id: 'x' })));
    expect(errorsOf(r)).toEqual([
      expect.objectContaining({ path: 'staff', code: 'array.tooLong', params: { length: 1_000_000, max: 200 } }),
    ]);
    const h = broken((f) => (f.calendar.workingWeekends = new Array(5000).fill('nope')));
    expect(errorsOf(h).map((e) => e.code)).toEqual(['array.tooLong']);
  });

  it('does not let the missing default baseline cascade', () => {
    const f = minimalFile();
    (f.schemes as Record<string, unknown>[])[0].id = 'bad id';
    expect(errorsOf(parseScenario(f)).map((e) => [e.path, e.code])).toEqual([['schemes[0].id', 'id.pattern']]);
  });

  it('warns (only) about a working weekend that is a weekday and duplicate dates', () => {
    const f = { ...minimalFile(), calendar: { workingWeekends: ['2027-01-09', '2027-01-11'], extraHolidays: ['2027-05-04', '2027-05-04'] } };
    const r = parseScenario(f);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => formatIssue(w, 'en'))).toEqual([
      'calendar.extraHolidays[1]: 2027-05-04 is listed more than once',
      'calendar.workingWeekends[1]: 2027-01-11 is a Monday, not a Saturday or Sunday; it is a working day anyway',
    ]);
    expect(formatIssue(r.warnings[1], 'ru')).toBe(
      'calendar.workingWeekends[1]: 2027-01-11 — понедельник, а не суббота или воскресенье; это и так рабочий день',
    );
  });
});

describe('messages', () => {
  it('exist in both languages for every code, with the same parameters', () => {
    for (const code of ISSUE_CODES) {
      const en = renderMessage(code, {}, 'en');
      const ru = renderMessage(code, {}, 'ru');
      expect(en.length, code).toBeGreaterThan(0);
      expect(ru, code).not.toBe(en);
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(ru), code).toEqual(names(en));
    }
  });

  it('format a root issue without a path prefix', () => {
    const r = parseScenario(42);
    expect(formatIssue(errorsOf(r)[0], 'en')).toBe('must be an object (got a number)');
  });
});
