/**
 * A scenario error as the form says it: the field's own label, the reason in the user's
 * words, and an example typed the way the field takes it in the user's locale
 * ("Threshold: “abc” is not a number; type it like 40 000 000"). Percent fields speak in
 * percent (a rate from 0 to 1 is "from 0 % to 100 %"). Files and links keep the path
 * (formatIssue): there the path is what finds the place.
 */
import { renderMessage, ratePercentText } from '../engine/index.ts';
import type { ScenarioIssue } from '../engine/index.ts';
import type { Lang } from './i18n.ts';
import { pluralRu, wordEn } from '../charts/plural.ts';

export type FieldKind = 'text' | 'money' | 'decimal' | 'percent' | 'number';

const EXAMPLE: Record<Lang, Record<FieldKind, string>> = {
  en: { money: '40,000,000', percent: '0.5', decimal: '1.5', number: '15', text: '' },
  ru: { money: '40 000 000', percent: '0,5', decimal: '1,5', number: '15', text: '' },
};

const WORDS = {
  en: {
    notNumber: (typed: string, example: string) => `${typed ? `“${typed}” is not a number` : 'a number is needed'}; type it like ${example}`,
    exponent: (example: string) => `write the number out in full, like ${example}`,
    wholeRange: (min: string, max: string) => `a whole number from ${min} to ${max}, please`,
    range: (min: string, max: string) => `must be from ${min} to ${max}`,
    aboveAtMost: (min: string, max: string) => `must be above ${min} and at most ${max}`,
    kopecks: (example: string) => `at most two digits after the point (kopecks), like ${example}`,
    places: (max: number) => `at most ${max} ${wordEn(max, 'digit')} after the point`,
    empty: 'must not be empty',
    required: 'is required',
    forExample: (example: string) => `for example ${example}`,
  },
  ru: {
    notNumber: (typed: string, example: string) => `${typed ? `«${typed}» — не число` : 'нужно число'}; введите, например, ${example}`,
    exponent: (example: string) => `напишите число полностью, например ${example}`,
    wholeRange: (min: string, max: string) => `нужно целое число от ${min} до ${max}`,
    range: (min: string, max: string) => `должно быть от ${min} до ${max}`,
    aboveAtMost: (min: string, max: string) => `должно быть больше ${min} и не больше ${max}`,
    kopecks: (example: string) => `не больше двух знаков после запятой (копейки), например ${example}`,
    places: (max: number) => `не больше ${max} ${pluralRu(max, 'знака', 'знаков', 'знаков')} после запятой`,
    empty: 'не должно быть пустым',
    required: 'обязательное поле',
    forExample: (example: string) => `например, ${example}`,
  },
};

/** A bound as the field shows it: a percent for rates, grouped digits and a local decimal mark. */
function bound(value: string | number | undefined, kind: FieldKind, lang: Lang): string {
  if (value === undefined) return '';
  let text = kind === 'percent' ? ratePercentText(String(value)) : String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [whole, frac] = text.split('.');
  const grouped = kind === 'money' || kind === 'number' ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? '\u00A0' : ',') : whole;
  text = grouped + (frac ? (lang === 'ru' ? ',' : '.') + frac : '');
  return kind === 'percent' ? `${text}${lang === 'ru' ? '\u00A0%' : '%'}` : text;
}

/** A value halfway through a range, typed as the field takes it (a rate from 0 to 1 as "50"). */
function midway(min: string | number | undefined, max: string | number | undefined, kind: FieldKind, lang: Lang): string {
  const mid = ((Number(min) + Number(max)) / 2) * (kind === 'percent' ? 100 : 1);
  const text = String(Math.round(mid * 100) / 100);
  return bound(text, kind === 'percent' ? 'decimal' : kind, lang);
}

/** The reason, in the form's words. */
function reason(issue: ScenarioIssue, kind: FieldKind, lang: Lang, typed: string): string {
  const w = WORDS[lang];
  const example = EXAMPLE[lang][kind] || EXAMPLE[lang].number;
  const p = issue.params;
  switch (issue.code) {
    case 'decimal.syntax':
    case 'decimal.notFinite':
    case 'number.notFinite':
    case 'type.decimal':
    case 'type.number':
      return w.notNumber(typed.trim(), example);
    case 'decimal.exponent':
      return w.exponent(example);
    case 'integer.range':
      return w.wholeRange(bound(p.min, kind, lang), bound(p.max, kind, lang));
    case 'range.between':
      return `${w.range(bound(p.min, kind, lang), bound(p.max, kind, lang))}; ${w.forExample(midway(p.min, p.max, kind, lang))}`;
    case 'range.aboveAtMost':
      return w.aboveAtMost(bound(p.min, kind, lang), bound(p.max, kind, lang));
    case 'money.decimals':
      return w.kopecks(lang === 'ru' ? '27 000,50' : '27,000.50');
    case 'rate.decimals':
      return w.places(kind === 'percent' ? Math.max(0, Number(p.max) - 2) : Number(p.max));
    case 'string.empty':
      return w.empty;
    case 'required':
      return w.required;
    default:
      return renderMessage(issue.code, issue.params, lang);
  }
}

/** "Threshold: “abc” is not a number; type it like 40,000,000". */
export function fieldMessage(issue: ScenarioIssue, label: string, kind: FieldKind, lang: Lang, typed = ''): string {
  return `${label}: ${reason(issue, kind, lang, typed)}`;
}
