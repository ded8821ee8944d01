/** `paybench payout FILE --scheme ID --collected AMOUNT …`: one month's exact bonus. */
import type { ParsedArgs } from './args.ts';
import type { CliIo } from './io.ts';
import { InputError, UsageError } from './io.ts';
import { groupAmount, table } from './format.ts';
import type { Lang } from './format.ts';
import { loadScenario } from './scenario-file.ts';
import { PayoutError, calculatePayout } from '../engine/index.ts';
import type { PayoutResult } from '../engine/index.ts';

function pairs(list: string[] | undefined, flag: string, shape: string): [string, string][] {
  return (list ?? []).map((item) => {
    const eq = item.indexOf('=');
    if (eq <= 0 || eq === item.length - 1) throw new UsageError(`--${flag} takes ${shape}, got "${item}"`);
    return [item.slice(0, eq).trim(), item.slice(eq + 1).trim()];
  });
}

/** A day of month, 1–31 (a day beyond the month would be read as a gate's day never entered). */
function dayOfMonth(day: string, flag: string): number {
  if (!/^\d{1,2}$/.test(day) || Number(day) < 1 || Number(day) > 31) throw new UsageError(`--${flag}: "${day}" is not a day of month (1–31)`);
  return Number(day);
}

export async function payoutCommand(args: ParsedArgs, io: CliIo, lang: Lang): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('payout needs a scenario FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const schemeId = args.values.scheme;
  if (schemeId === undefined) throw new UsageError('payout needs --scheme ID');
  const collected = args.values.collected;
  if (collected === undefined) throw new UsageError('payout needs --collected AMOUNT');
  if (/^\s*-/.test(collected)) throw new UsageError(`--collected must be an amount of 0 or more, got "${collected}"`);
  const collectedBy: Record<number, string> = {};
  for (const [day, value] of pairs(args.lists['collected-by'], 'collected-by', 'DAY=AMOUNT')) {
    collectedBy[dayOfMonth(day, 'collected-by')] = value;
  }
  const keyPlanMet: Record<number, boolean> = {};
  for (const [day, value] of pairs(args.lists['key-plan-met'], 'key-plan-met', 'DAY=yes|no')) {
    dayOfMonth(day, 'key-plan-met');
    const answer = value.toLowerCase();
    if (!['yes', 'no', 'да', 'нет'].includes(answer)) throw new UsageError(`--key-plan-met: "${value}" is not yes or no`);
    keyPlanMet[Number(day)] = answer === 'yes' || answer === 'да';
  }
  // Own keys whatever the id: "__proto__=5" is an unknown person, not a prototype.
  const adjustments: Record<string, string> = Object.fromEntries(pairs(args.lists.adjust, 'adjust', 'STAFF_ID=±AMOUNT'));

  const scenario = await loadScenario(io, file, lang);
  let result: PayoutResult;
  try {
    result = calculatePayout(scenario, schemeId, { collected, collectedBy, keyPlanMet, adjustments, person: args.values.person });
  } catch (error) {
    if (error instanceof PayoutError) throw new InputError(error.path ? `${error.path}: ${error.message}` : error.message);
    throw error;
  }
  io.stdout(args.booleans.has('json') ? JSON.stringify(result, null, 2) + '\n' : payoutText(result, lang));
  return 0;
}

const WORDS = {
  en: {
    scheme: 'Scheme', collected: 'Collected', pool: 'Pool', paid: 'Pool paid', tranche: 'Tranche', weight: 'Weight',
    amount: 'Amount', outcome: 'Outcome', yes: 'paid', no: 'not paid', always: 'always',
    gate: (share: string, day: number, need: string, got: string | null) =>
      `≥ ${share} of plan by day ${day}: ${need} needed, ${got ?? 'not entered'} collected`,
    keyGate: (share: string, day: number, n: number, met: boolean) =>
      `each of the ${n} largest clients ≥ ${share} of its volume by day ${day}: ${met ? 'met' : 'not met'}`,
    person: 'Person', role: 'Role', adjustment: 'Award/penalty', bonus: 'Bonus',
    personal: 'A personal measure: the amount is one person\'s result, and the pool is paid whole to them (--person ID).',
  },
  ru: {
    scheme: 'Схема', collected: 'Собрано', pool: 'Бонус К.О.', paid: 'Выплачено', tranche: 'Транш', weight: 'Вес',
    amount: 'Сумма', outcome: 'Итог', yes: 'выплачен', no: 'не выплачен', always: 'всегда',
    gate: (share: string, day: number, need: string, got: string | null) =>
      `≥ ${share} плана к ${day}-му: нужно ${need}, собрано ${got ?? 'не указано'}`,
    keyGate: (share: string, day: number, n: number, met: boolean) =>
      `каждый из ${n} крупнейших клиентов ≥ ${share} своего объёма к ${day}-му: ${met ? 'выполнено' : 'не выполнено'}`,
    person: 'Сотрудник', role: 'Роль', adjustment: 'Премия/удержание', bonus: 'Бонус',
    personal: 'Личный показатель: сумма — результат одного сотрудника, и бонус целиком его (--person ID).',
  },
};

export function payoutText(r: PayoutResult, lang: Lang = 'en'): string {
  const W = WORDS[lang];
  const g = (s: string) => groupAmount(s, lang);
  const signed = (s: string) => (/^[+-]/.test(s) || /^0(\.0+)?$/.test(s) ? g(s) : '+' + g(s));
  const pct = (share: string) => `${+(Number(share) * 100).toFixed(4)}%`;
  const head = [
    `${W.scheme}: ${r.schemeName} (${r.schemeId})`,
    `${W.collected}: ${g(r.collected)}`,
    `${W.pool}: ${g(r.pool)}`,
    ...(r.personal ? [W.personal] : []),
    '',
  ].join('\n');
  const tranches = table(
    [W.tranche, W.weight, W.amount, W.outcome, ''],
    r.tranches.map((t, i) => [
      String(i + 1),
      t.weight,
      g(t.amount),
      t.paid ? W.yes : W.no,
      t.gate?.keyClients !== undefined
        ? W.keyGate(pct(t.gate.minPlanShare), t.gate.byDay, t.gate.keyClients, t.gate.keyPlanMet === true)
        : t.gate ? W.gate(pct(t.gate.minPlanShare), t.gate.byDay, g(t.gate.required), t.gate.collectedBy === null ? null : g(t.gate.collectedBy)) : W.always,
    ]),
  );
  const people = table(
    [W.person, W.role, W.adjustment, W.bonus],
    r.people.map((p) => [`${p.name} (${p.id})`, p.role, signed(p.adjustment), g(p.bonus)]),
  );
  return `${head}\n${tranches}${W.paid}: ${g(r.poolPaid)}\n\n${people}`;
}
