/**
 * The verdict, generated from the glance's figures: for each scheme against the baseline
 * one sentence — the profit a year (said as a difference only where its 90% interval
 * keeps clear of zero), the mid-month cash gap (the share of months without one, as far
 * as the quantiles tell) and the month's worst day, and whose pay falls — best first.
 * "Tranches — +85M ₽ profit a year against 0.1%, better in 100% of runs; no mid-month gap
 * in most months, though the worst day of a typical month is 8M ₽ short; nobody's pay falls."
 */
import { compactMoney, percent, type Lang } from '../charts/format.ts';
import type { Glance, SchemeAtGlance } from './glance.ts';

export interface SchemeVerdict {
  scheme: string;
  text: string;
}

export interface Verdict {
  /** A sentence before the schemes' when none of them clearly beats the baseline. */
  lead: string | null;
  /** One per scheme other than the baseline, the largest median profit difference first. */
  schemes: SchemeVerdict[];
}

const money = (x: number, lang: Lang, signed = false) => compactMoney(x, lang, { signed });
/** Gaps to a tenth of a million: 13.2M and 13.6M are different months. */
const gap = (x: number, lang: Lang) => compactMoney(x, lang, Math.abs(x) >= 1e6 && Math.abs(x) < 1e9 ? { digits: 1, fixed: true } : {});

/** "19 months of 20", "3 months of 4", "most months" — what a zero quantile tells. */
function monthsWithout(share: number, lang: Lang): string {
  if (share >= 0.95) return lang === 'ru' ? 'в 19 месяцах из 20' : 'in 19 months of 20';
  if (share >= 0.75) return lang === 'ru' ? 'в 3 месяцах из 4' : 'in 3 months of 4';
  return lang === 'ru' ? 'в большинстве месяцев' : 'in most months';
}

function profitPart(s: SchemeAtGlance, base: string, lang: Lang): string {
  const d = s.diffYear;
  const better = s.shareBetter === null ? '' : percent(s.shareBetter, lang);
  if (!d) return lang === 'ru' ? `с «${base}» пока нечего сравнить` : `no runs to compare with “${base}” yet`;
  if (d.p5 > 0 || d.p95 < 0) {
    const amount = money(d.median, lang, true);
    return lang === 'ru'
      ? `${amount} прибыли в год против «${base}», лучше в ${better} прогонов`
      : `${amount} profit a year against “${base}”, better in ${better} of runs`;
  }
  const range = `${money(d.p5, lang, true)} … ${money(d.p95, lang, true)}`;
  return lang === 'ru'
    ? `явной разницы в прибыли с «${base}» нет (${range} в год; лучше в ${better} прогонов)`
    : `no clear difference in profit from “${base}” (${range} a year; better in ${better} of runs)`;
}

function gapPart(s: SchemeAtGlance, base: SchemeAtGlance | null, lang: Lang): string {
  const whole = s.gapWhole ?? 0;
  const mid = s.gapMid ?? 0;
  let text: string;
  if (s.noMidGapShare !== null && s.noMidGapShare >= 0.5) {
    text = lang === 'ru' ? `разрыва в середине месяца нет ${monthsWithout(s.noMidGapShare, lang)}` : `no mid-month gap ${monthsWithout(s.noMidGapShare, lang)}`;
  } else {
    const was = base && base.id !== s.id && base.gapMid !== null ? (lang === 'ru' ? ` (при «${base.name}» ${gap(base.gapMid, lang)})` : ` (${gap(base.gapMid, lang)} under “${base.name}”)`) : '';
    text = lang === 'ru' ? `разрыв в середине типичного месяца ${gap(mid, lang)}${was}` : `a mid-month gap of ${gap(mid, lang)} in a typical month${was}`;
  }
  // The whole month tells more when its worst day lies outside days 11–25.
  if (whole > 0 && whole > 1.1 * mid) {
    text += lang === 'ru' ? `, хотя в худший день типичного месяца не хватает ${gap(whole, lang)}` : `, though the worst day of a typical month is ${gap(whole, lang)} short`;
  }
  return text;
}

function payPart(s: SchemeAtGlance, lang: Lang): string {
  const falls = s.people.filter((p) => p.change !== null && p.change < 0 && !p.within);
  if (falls.length === 0) return lang === 'ru' ? 'ничья оплата не падает' : 'nobody’s pay falls';
  const who = falls.map((p) => `${p.name} ${money(p.change!, lang, true)}`).join(', ');
  return lang === 'ru' ? `оплата в месяц падает: ${who}` : `pay a month falls: ${who}`;
}

export function verdictOf(g: Glance, lang: Lang): Verdict {
  const base = g.baseline;
  const others = g.schemes.filter((s) => !s.isBaseline).sort((a, b) => (b.diffYear?.median ?? -Infinity) - (a.diffYear?.median ?? -Infinity));
  const baseName = base?.name ?? '';
  const schemes = others.map((s) => ({
    scheme: s.id,
    text: `${s.name} — ${profitPart(s, baseName, lang)}; ${gapPart(s, base, lang)}; ${payPart(s, lang)}.`,
  }));
  const best = others[0];
  const clear = best?.diffYear && best.diffYear.p5 > 0;
  const lead = best && !clear
    ? lang === 'ru'
      ? `Ни одна схема не приносит явно больше прибыли, чем «${baseName}».`
      : `No scheme clearly earns more profit than “${baseName}”.`
    : null;
  return { lead, schemes };
}
