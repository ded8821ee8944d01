/**
 * The workbench's words in English and Russian (GLOSSARY.md terms). Charts carry their
 * own (src/charts/labels.ts); scenario errors come translated from the engine.
 */
import { en, type Words } from './i18n-en.ts';
import { ru } from './i18n-ru.ts';

export type Lang = 'en' | 'ru';
export type { Words };

export const WORDS: Record<Lang, Words> = { en, ru };

/** The first language follows the browser: Russian for ru-*, English otherwise. */
export function browserLang(): Lang {
  const langs = typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : [];
  return langs.some((l) => /^ru\b/i.test(l)) ? 'ru' : 'en';
}

/** 2345 ms → "2.3 s" / "2,3 с". */
export function seconds(ms: number, lang: Lang): string {
  const s = ms / 1000;
  const text = s < 10 ? s.toFixed(1) : Math.round(s).toString();
  return lang === 'ru' ? `${text.replace('.', ',')}\u00A0с` : `${text}\u00A0s`;
}
