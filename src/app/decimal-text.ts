/**
 * Decimal strings as the user types them and as scenario files hold them. Exact: the
 * point is moved in the text, never through a float, so "0.005" shown as "0.5" % goes
 * back as "0.005".
 */

/**
 * "50 000 000,5" / "50,000,000.5" → "50000000.5"; anything else is returned trimmed.
 * One comma and no point is a decimal comma, except in English before exactly three
 * digits ("40,000"); several commas, or commas with a point, group digits.
 */
export function normalizeDecimal(text: string, lang: 'en' | 'ru' = 'ru'): string {
  let s = text.trim().replace(/[\s\u00A0\u202F\u2009_']/g, '').replace(/\u2212/g, '-');
  const commas = (s.match(/,/g) ?? []).length;
  const grouping = s.includes('.') || commas > 1 || (lang === 'en' && /,\d{3}$/.test(s));
  if (commas > 0) s = grouping ? s.replace(/,/g, '') : s.replace(',', '.');
  return s;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Moves the decimal point `places` to the right (negative: left); canonical result. */
export function shiftDecimal(text: string, places: number): string | null {
  const m = DECIMAL.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const sign = m[1] === '-' ? '-' : '';
  let digits = m[2] + (m[3] ?? '');
  let point = m[2].length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const frac = digits.slice(point).replace(/0+$/, '');
  const out = frac ? `${whole}.${frac}` : whole;
  return out === '0' ? '0' : sign + out;
}

/** A rate "0.005" as percent text "0.5"; unparseable text is shown as it is. */
export function rateToPercent(rate: string | number): string {
  return shiftDecimal(String(rate), 2) ?? String(rate);
}

/** Percent text "0,5" → rate "0.005"; text that is not a number is kept (validation names it). */
export function percentToRate(text: string, lang: 'en' | 'ru' = 'ru'): string {
  const n = normalizeDecimal(text, lang);
  return shiftDecimal(n, -2) ?? n;
}
