/**
 * Numbers for charts, per language. Russian: narrow no-break spaces group digits
 * ("27 000,00"), no-break spaces join a number to its unit ("25 млн ₽"); a true minus sign.
 * Compact amounts on axes ("25 млн ₽" / "25M ₽", "300 тыс. ₽" / "300k ₽"), exact ones to the
 * kopeck ("27 000,00 ₽" / "27,000.00 ₽").
 */
export type Lang = 'en' | 'ru';

/** No-break space (before units) and narrow no-break space (digit groups, ru). */
export const NBSP = '\u00A0';
export const NNBSP = '\u202F';
const MINUS = '\u2212';

const UNITS: Record<Lang, { k: string; M: string; B: string; sep: string }> = {
  en: { k: 'k', M: 'M', B: 'bn', sep: '' },
  ru: { k: 'тыс.', M: 'млн', B: 'млрд', sep: NBSP },
};

function groupDigits(whole: string, lang: Lang): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? NNBSP : ',');
}

/** A non-negative decimal string "1234.5" → "1,234.5" / "1 234,5". */
function localDecimal(text: string, lang: Lang): string {
  const [whole, frac] = text.split('.');
  return groupDigits(whole, lang) + (frac === undefined ? '' : (lang === 'ru' ? ',' : '.') + frac);
}

function signOf(x: number, signed: boolean): string {
  if (x < 0) return MINUS;
  return signed && x > 0 ? '+' : '';
}

/** x with `digits` decimals, trailing zeros trimmed unless `fixed`. */
export function formatNumber(x: number | null, lang: Lang, digits = 0, { fixed = false, signed = false } = {}): string {
  if (x === null || !Number.isFinite(x)) return '–';
  let text = Math.abs(x).toFixed(digits);
  if (!fixed && text.includes('.')) text = text.replace(/\.?0+$/, '');
  const zero = Number(text) === 0;
  return (zero ? '' : signOf(x, signed)) + localDecimal(text, lang);
}

export type MoneyUnit = 1 | 1e3 | 1e6 | 1e9;

/** The unit a compact amount of this size is written in. */
export function moneyUnit(x: number): MoneyUnit {
  const a = Math.abs(x);
  return a >= 1e9 ? 1e9 : a >= 1e6 ? 1e6 : a >= 1e3 ? 1e3 : 1;
}

function unitName(unit: MoneyUnit, lang: Lang): string {
  const u = UNITS[lang];
  return unit === 1e9 ? u.B : unit === 1e6 ? u.M : unit === 1e3 ? u.k : '';
}

export interface CompactOptions {
  /** Decimals of the unit; default: 1 below 10 units, else 0. */
  digits?: number;
  /** Write this unit instead of the value's own (a whole axis shares one). */
  unit?: MoneyUnit;
  /** "+" before positive amounts (differences). */
  signed?: boolean;
  /** Keep trailing zeros ("52,40 млн ₽"). */
  fixed?: boolean;
  /** Leave out " ₽". */
  bare?: boolean;
}

/** 25e6 → "25M ₽" / "25 млн ₽"; 3e5 → "300k ₽" / "300 тыс. ₽". */
export function compactMoney(x: number | null, lang: Lang, options: CompactOptions = {}): string {
  if (x === null || !Number.isFinite(x)) return '–';
  const unit = options.unit ?? moneyUnit(x);
  const v = x / unit;
  const digits = options.digits ?? (unit === 1 ? 0 : Math.abs(v) < 10 ? 1 : 0);
  const num = formatNumber(v, lang, digits, { fixed: options.fixed, signed: options.signed });
  const name = unitName(unit, lang);
  const withUnit = name === '' ? num : num + UNITS[lang].sep + name;
  return options.bare ? withUnit : withUnit + NBSP + '₽';
}

/** 27000 → "27,000.00 ₽" / "27 000,00 ₽" (to the kopeck). */
export function exactMoney(x: number | null, lang: Lang, { signed = false } = {}): string {
  if (x === null || !Number.isFinite(x)) return '–';
  return formatNumber(x, lang, 2, { fixed: true, signed }) + NBSP + '₽';
}

/**
 * A formatter for money ticks: one unit for the whole axis (from its largest tick), as
 * many decimals as the tick step needs; zero is "0".
 */
export function moneyTicks(ticks: readonly number[], lang: Lang, { bare = false } = {}): (x: number) => string {
  const finite = ticks.filter(Number.isFinite);
  const top = finite.reduce((m, t) => Math.max(m, Math.abs(t)), 0);
  const unit = moneyUnit(top);
  const sorted = [...finite].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < sorted.length; i++) step = Math.min(step, sorted[i] - sorted[i - 1]);
  const digits = Number.isFinite(step) && step > 0 ? Math.max(0, Math.min(3, -Math.floor(Math.log10(step / unit) + 1e-9))) : 0;
  return (x) => (x === 0 ? '0' : compactMoney(x, lang, { unit, digits, bare }));
}

/** 0.935 → "94%" / "94 %"; `fixed: false` trims trailing zeros (0.0101 at 2 digits → "1.01%", 0.01 → "1%"). */
export function percent(share: number | null, lang: Lang, digits = 0, { signed = false, fixed = true } = {}): string {
  if (share === null || !Number.isFinite(share)) return '–';
  return formatNumber(share * 100, lang, digits, { fixed, signed }) + (lang === 'ru' ? NBSP + '%' : '%');
}

/** A formatter for share ticks: whole percents unless the step needs decimals. */
export function percentTicks(ticks: readonly number[], lang: Lang): (x: number) => string {
  const sorted = [...ticks].filter(Number.isFinite).sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < sorted.length; i++) step = Math.min(step, sorted[i] - sorted[i - 1]);
  const digits = Number.isFinite(step) && step > 0 && step < 0.01 ? Math.min(2, -Math.floor(Math.log10(step * 100) + 1e-9)) : 0;
  return (x) => percent(x, lang, digits);
}

/** English ordinal suffix. */
function ordinal(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** 15 → "15th" / "15-е" (the day of the month). */
export function dayOfMonth(day: number, lang: Lang): string {
  return lang === 'ru' ? `${day}-е` : ordinal(day);
}

/** 15 → "by the 15th" / "к 15-му" (a gate's deadline). */
export function byDay(day: number, lang: Lang): string {
  return lang === 'ru' ? `к${NBSP}${day}-му` : `by the ${ordinal(day)}`;
}

const intlCache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let f = intlCache.get(key);
  if (!f) intlCache.set(key, (f = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', ...options })));
  return f;
}

/** "2027-03" → a UTC date on the 1st. */
export function monthDate(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1));
}

/** "2027-03" → "Mar 2027" / "март 2027" (style "long": "March 2027"; "month": "Mar" / "мар."). */
export function monthLabel(month: string | Date, lang: Lang, style: 'short' | 'long' | 'month' = 'short'): string {
  const date = typeof month === 'string' ? monthDate(month) : month;
  if (style === 'month') return dateFormat(lang, { month: 'short' }).format(date);
  const name = dateFormat(lang, { month: style === 'long' ? 'long' : 'short' }).format(date);
  return `${name} ${date.getUTCFullYear()}`;
}

/** A calendar day → "15 Mar 2027" / "15 мар. 2027". */
export function dateLabel(date: Date, lang: Lang): string {
  const dm = dateFormat(lang, { day: 'numeric', month: 'short' }).format(date);
  return `${dm} ${date.getUTCFullYear()}`;
}

/** Recorded day k (0-based) of a horizon starting on the 1st of `startMonth`. */
export function horizonDate(startMonth: string, k: number): Date {
  const start = monthDate(startMonth);
  return new Date(start.getTime() + k * 86_400_000);
}
