/**
 * A scheme's name derived from its parameters, in English or Russian: the formula, the
 * gated tranches and the split in words — "(C − 40M) × 0.5%, ⅓ by the 15th at 50%, ⅓ by
 * the 25th at 90%; head 40%, awards and penalties, the rest equally". The workbench shows
 * it for a scheme the user has not named, and the optimiser names the schemes it
 * suggests with it, so two schemes with the same parameters always read the same.
 * Pure and exact: rates and amounts are read from their decimal strings, never rounded
 * through a float into a different number.
 */
import type { Scheme, Split, Tranche } from '../scenario/types.ts';
import { NBSP, moneyName, percentName, type NameLang } from './name-words.ts';
import { formulaWords } from './formulas/index.ts';

export type { NameLang } from './name-words.ts';
export { moneyName, percentName, ratePercentText } from './name-words.ts';

const FRACTIONS: Record<string, string> = { '1/2': '½', '1/3': '⅓', '2/3': '⅔', '1/4': '¼', '3/4': '¾', '1/5': '⅕', '2/5': '⅖', '3/5': '⅗', '4/5': '⅘' };

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A tranche's part of the pool: "⅓" where weights are small whole numbers, else a percent. */
function partName(weight: string, total: number, lang: NameLang): string {
  const w = Number(weight);
  if (Number.isInteger(w) && Number.isInteger(total) && total > 0) {
    const g = gcd(w, total);
    const glyph = FRACTIONS[`${w / g}/${total / g}`];
    if (glyph) return glyph;
    if (w === total) return lang === 'ru' ? 'всё' : 'all';
  }
  return percentName(String(Math.round((w / total) * 1e4) / 1e4), lang);
}

function trancheName(t: Tranche, total: number, lang: NameLang): string | null {
  const gate = t.gate;
  if (!gate) return null;
  const part = partName(t.weight, total, lang);
  const at = percentName(gate.minPlanShare, lang);
  if (gate.keyClients !== undefined) {
    return lang === 'ru'
      ? `${part}, если ${gate.keyClients} крупнейших клиентов заплатят ${at} к${NBSP}${gate.byDay}-му`
      : `${part} if the ${gate.keyClients} largest clients pay ${at} by the ${ordinal(gate.byDay)}`;
  }
  return lang === 'ru' ? `${part} к${NBSP}${gate.byDay}-му при ${at}` : `${part} by the ${ordinal(gate.byDay)} at ${at}`;
}

function ordinal(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function splitName(split: Split, lang: NameLang): string {
  const head = 'headShare' in split ? (lang === 'ru' ? `начальнику ${percentName(split.headShare, lang)}` : `head ${percentName(split.headShare, lang)}`) : '';
  const rest = {
    en: {
      equal: 'equal split',
      headShareEqual: 'the rest equally',
      discretion: 'the rest at the head’s discretion',
      doubleDiscretion: 'the rest by the head and the director',
      awardsEqual: 'awards and penalties, the rest equally',
      proportional: 'the rest by contribution',
    },
    ru: {
      equal: 'поровну',
      headShareEqual: 'остальным поровну',
      discretion: 'остальное на усмотрение начальника',
      doubleDiscretion: 'остальное решают начальник и коммерческий директор',
      awardsEqual: 'премии и удержания, остальным поровну',
      proportional: 'остальное по вкладу',
    },
  }[lang][split.type];
  return head ? `${head}, ${rest}` : rest;
}

const ORGANISATION = {
  en: { team: '', personal: 'Own clients', conveyor: 'Processing centre', hunterFarmer: 'Hunters and account managers', dispatcher: 'Marketing and a dispatcher' },
  ru: { team: '', personal: '«Свои» клиенты', conveyor: 'Процессинговый центр', hunterFarmer: 'МПК и МРК', dispatcher: 'Маркетинг и диспетчер' },
} as const;

/**
 * The name of a scheme from its parameters. `plan` is the company plan: a scheme's own
 * plan is named only where it differs from it.
 */
export function schemeName(scheme: Scheme, lang: NameLang, plan?: string): string {
  const total = scheme.tranches.reduce((sum, t) => sum + Number(t.weight), 0);
  const pay = [
    formulaWords(scheme.formula, scheme.measure, lang),
    ...(scheme.period === 'quarter' ? [lang === 'ru' ? 'за квартал' : 'a quarter'] : []),
    ...(scheme.plan !== undefined && (plan === undefined || Number(scheme.plan) !== Number(plan))
      ? [lang === 'ru' ? `план ${moneyName(scheme.plan, lang)}` : `plan ${moneyName(scheme.plan, lang)}`]
      : []),
    ...scheme.tranches.flatMap((t) => trancheName(t, total, lang) ?? []),
  ].join(', ');
  const teamPool = (scheme.measure ?? 'teamCollections') === 'teamCollections' && scheme.organisation !== 'hunterFarmer';
  const extras = [
    ...(teamPool ? [splitName(scheme.split, lang)] : []),
    ...(scheme.marketing ? [lang === 'ru' ? `маркетинг ${moneyName(scheme.marketing.monthlyCost, lang)} в месяц` : `marketing ${moneyName(scheme.marketing.monthlyCost, lang)} a month`] : []),
    ...(scheme.attestationMonths > 0 ? [lang === 'ru' ? `переаттестация раз в ${scheme.attestationMonths} мес.` : `re-attestation every ${scheme.attestationMonths} months`] : []),
    ...(scheme.deputyHead ? [lang === 'ru' ? 'заместитель' : 'deputy head'] : []),
  ];
  const org = ORGANISATION[lang][scheme.organisation ?? 'team'];
  return (org ? `${org}: ` : '') + [pay, ...extras].join('; ');
}
