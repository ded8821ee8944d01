/**
 * A scheme's name against its parameters. A name derived from the parameters
 * (`schemeName`, either language) follows them as they change; a name the user gave
 * stays, but when it cites a figure — a percentage, a gate's day, an amount — that the
 * scheme no longer has ("50% by the 15th" after the gate moved to the 12th), the card
 * flags it.
 */
import { schemeName } from '../engine/index.ts';
import type { Scheme } from '../engine/index.ts';

/** The names the parameters give, in English and Russian. */
export function derivedNames(scheme: Scheme, plan?: string): string[] {
  return [schemeName(scheme, 'en', plan), schemeName(scheme, 'ru', plan)];
}

export function isDerivedName(scheme: Scheme, plan?: string): boolean {
  return derivedNames(scheme, plan).includes(scheme.name);
}

const NUMBER = String.raw`(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[.,](\d+))?`;
const PERCENT = new RegExp(`${NUMBER}\\s?%`, 'g');
const MONEY = new RegExp(`${NUMBER}[\\s\\u00A0]?(bn|млрд|M|млн|k|тыс\\.?|₽)(?![A-Za-zа-яё])`, 'g');
const DAY_EN = /\b(\d{1,2})(?:st|nd|rd|th)\b/g;
const DAY_RU = /(?<![\d,.])(\d{1,2})-(?:му|го|е|ое|ого|ому)(?![а-яё])/g;
const UNIT: Record<string, number> = { bn: 1e9, млрд: 1e9, M: 1e6, млн: 1e6, k: 1e3, 'тыс.': 1e3, тыс: 1e3, '₽': 1 };

const numberOf = (whole: string, frac: string | undefined) => Number(`${whole.replace(/[ \u00A0\u202F]/g, '')}.${frac ?? '0'}`);

/** The figures a scheme has: its rates and shares (as percents), gate days and amounts. */
function figuresOf(scheme: Scheme, company: { plan?: string; breakEven?: string }) {
  const f = scheme.formula as Record<string, unknown>;
  const rates: number[] = [];
  const amounts: number[] = [];
  const days: number[] = [];
  const rate = (x: unknown) => x !== undefined && rates.push(Number(x) * 100);
  const amount = (x: unknown) => x !== undefined && amounts.push(Math.abs(Number(x)));
  rate(f.rate);
  for (const key of ['threshold', 'cap', 'amount', 'premium'] as const) amount(f[key]);
  if (f.type === 'pieceRate') amount(f.rate);
  for (const tier of (f.tiers as { from: string; rate: string }[] | undefined) ?? []) rate(tier.rate), amount(tier.from);
  const total = scheme.tranches.reduce((s, t) => s + Number(t.weight), 0);
  for (const t of scheme.tranches) {
    if (total > 0) rates.push((Number(t.weight) / total) * 100);
    if (t.gate) rate(t.gate.minPlanShare), days.push(t.gate.byDay);
  }
  const split = scheme.split as Record<string, unknown>;
  rate(split.headShare);
  for (const a of (split.awards as { amount: string; minDeviation: string }[] | undefined) ?? []) amount(a.amount), rate(a.minDeviation);
  amount(scheme.plan);
  amount(scheme.marketing?.monthlyCost);
  amount(company.plan);
  amount(company.breakEven);
  rates.push(100);
  return { rates, amounts, days };
}

const near = (a: number, b: number, relative: number) => Math.abs(a - b) <= Math.max(1e-9, relative * Math.max(Math.abs(a), Math.abs(b)));

/**
 * The figures the name cites that the scheme's parameters lack, as written in the name
 * ("15th", "40M"); empty when the name fits (or cites none). Amounts are matched to the
 * name's precision (half a percent: "13.33M" is 13 333 333.33).
 */
export function figuresNotInScheme(name: string, scheme: Scheme, company: { plan?: string; breakEven?: string } = {}): string[] {
  const has = figuresOf(scheme, company);
  const missing: string[] = [];
  for (const m of name.matchAll(PERCENT)) if (!has.rates.some((r) => near(r, numberOf(m[1], m[2]), 1e-9))) missing.push(m[0]);
  for (const m of name.matchAll(MONEY)) {
    const value = numberOf(m[1], m[2]) * UNIT[m[3]];
    if (!has.amounts.some((a) => near(a, value, 0.005))) missing.push(m[0]);
  }
  for (const m of [...name.matchAll(DAY_EN), ...name.matchAll(DAY_RU)]) if (!has.days.includes(Number(m[1]))) missing.push(m[0]);
  return missing;
}
