/**
 * A scheme's name derived from its parameters, in English or Russian: the formula, the
 * gated tranches and the split in words — "(C − 40M) × 0.5%, ⅓ by the 15th at 50%, ⅓ by
 * the 25th at 90%; head 40%, awards and penalties, the rest equally". The workbench shows
 * it for a scheme the user has not named, and the optimiser names the schemes it
 * suggests with it, so two schemes with the same parameters always read the same.
 * Pure and exact: rates and amounts are read from their decimal strings, never rounded
 * through a float into a different number.
 */
import type { PayoutFormula, Scheme, Split, Tranche } from '../scenario/types.ts';

export type NameLang = 'en' | 'ru';

const NBSP = '\u00A0';

/** "0.005" → "0.5" (percent of a rate), moving the point in the text. */
export function ratePercentText(rate: string | number): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(String(rate).trim());
  if (!m) return String(rate);
  let digits = (m[2] || '0') + (m[3] ?? '');
  let point = (m[2] || '0').length + 2;
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(point).replace(/0+$/, '');
  return m[1] + whole + (frac ? `.${frac}` : '');
}

const local = (text: string, lang: NameLang) => (lang === 'ru' ? text.replace('.', ',') : text);

/** 0.005 → "0.5%" / "0,5%". */
export function percentName(rate: string | number, lang: NameLang): string {
  return `${local(ratePercentText(rate), lang)}%`;
}

/** Up to two decimals, trailing zeros dropped: 13.3333 → "13.33", 40 → "40". */
function short(x: number): string {
  return (Math.round(x * 100) / 100).toString();
}

/** 40 000 000 → "40M" / "40 млн"; 15 000 → "15k" / "15 тыс."; 600 → "600 ₽". */
export function moneyName(amount: string | number, lang: NameLang): string {
  const x = Number(amount);
  const a = Math.abs(x);
  const sign = x < 0 ? '−' : '';
  const [value, unit] = a >= 1e9 ? [a / 1e9, lang === 'ru' ? `${NBSP}млрд` : 'bn'] : a >= 1e6 ? [a / 1e6, lang === 'ru' ? `${NBSP}млн` : 'M'] : a >= 1e3 ? [a / 1e3, lang === 'ru' ? `${NBSP}тыс.` : 'k'] : [a, `${NBSP}₽`];
  return sign + local(short(value), lang) + unit;
}

/** What a rate is a share of, by the scheme's measure. */
const OF = {
  en: { teamCollections: 'of collections', personalCollections: 'of own clients’ payments', newClientRevenue: 'of new clients’ payments', processUnits: 'of units' },
  ru: { teamCollections: 'от оборота', personalCollections: 'от платежей своих клиентов', newClientRevenue: 'от платежей новых клиентов', processUnits: 'от единиц' },
} as const;

/** The measure a threshold is taken off: the team's collections C, or one's own. */
const MEASURE = { en: { team: 'C', own: 'own' }, ru: { team: 'C', own: 'свой оборот' } } as const;

function formulaName(f: PayoutFormula, measure: Scheme['measure'], lang: NameLang): string {
  const m = measure ?? 'teamCollections';
  const cap = 'cap' in f && f.cap !== undefined ? (lang === 'ru' ? `, не больше ${moneyName(f.cap, lang)}` : `, at most ${moneyName(f.cap, lang)}`) : '';
  switch (f.type) {
    case 'fixed':
      return lang === 'ru' ? `${moneyName(f.amount, lang)} фиксированно` : `${moneyName(f.amount, lang)} fixed`;
    case 'linear':
      return `${percentName(f.rate, lang)} ${OF[lang][m]}${cap}`;
    case 'threshold':
      return `(${MEASURE[lang][m === 'teamCollections' ? 'team' : 'own']} − ${moneyName(f.threshold, lang)}) × ${percentName(f.rate, lang)}${cap}`;
    case 'pieceRate':
      return (
        (lang === 'ru'
          ? `${moneyName(f.rate, lang)} за нормо-час, ${moneyName(f.premium, lang)} сверх ${f.norm}`
          : `${moneyName(f.rate, lang)} a norm-hour, ${moneyName(f.premium, lang)} above ${f.norm}`) + cap
      );
    case 'tiers': {
      const tiers = f.tiers.map((t) => `${percentName(t.rate, lang)} ${lang === 'ru' ? 'от' : 'from'} ${moneyName(t.from, lang)}`).join(', ');
      const mode = lang === 'ru' ? (f.mode === 'marginal' ? 'по ступеням' : 'на весь оборот') : f.mode === 'marginal' ? 'marginal' : 'on the whole';
      return `${tiers} (${mode})${cap}`;
    }
  }
}

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
    formulaName(scheme.formula, scheme.measure, lang),
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
