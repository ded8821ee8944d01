/**
 * The words a scheme's name is made of (scheme-name.ts), in English or Russian: rates as
 * percents and amounts as "40M" / "40 млн", read from their decimal strings, never rounded
 * through a float into a different number; and what a rate is a share of, by the measure.
 */
export type NameLang = 'en' | 'ru';

export const NBSP = '\u00A0';

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
export const OF = {
  en: { teamCollections: 'of collections', personalCollections: 'of own clients’ payments', newClientRevenue: 'of new clients’ payments', processUnits: 'of units' },
  ru: { teamCollections: 'от оборота', personalCollections: 'от платежей своих клиентов', newClientRevenue: 'от платежей новых клиентов', processUnits: 'от единиц' },
} as const;

/** The measure a threshold is taken off: the team's collections C, or one's own. */
export const MEASURE = { en: { team: 'C', own: 'own' }, ru: { team: 'C', own: 'свой оборот' } } as const;

/** ", at most 2M" / ", не больше 2 млн" for a capped formula, else nothing. */
export function capWords(cap: string | undefined, lang: NameLang): string {
  if (cap === undefined) return '';
  return lang === 'ru' ? `, не больше ${moneyName(cap, lang)}` : `, at most ${moneyName(cap, lang)}`;
}
