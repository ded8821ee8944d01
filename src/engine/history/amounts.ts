/**
 * Amounts as statements write them: "1 234 567,89" (spaces or non-breaking spaces
 * grouping, a decimal comma: Russian banks and 1C), "1,234,567.89", "1.234.567,89",
 * "-500.00", "(500,00)", "−500", "1 500 руб." — read to whole kopecks, exactly (from the
 * digits, never through a float's rounding of the text).
 */

export type DecimalMark = ',' | '.';

/** Spaces that group digits: space, no-break space, narrow no-break space, thin space, apostrophes. */
const GROUPING = /[\s\u00a0\u202f\u2009\u2007'’]/g;
/** A currency written beside the amount. */
const CURRENCY = /^(?:руб\.?|р\.?|₽|rub|rur|rub\.)|(?:руб(?:лей|ля|ль)?\.?|р\.|₽|rub|rur)$/i;

/** Largest amount read: 10 trillion roubles (exact as a double in kopecks). */
export const MAX_AMOUNT_KOPECKS = 1e15;

function clean(text: string): { body: string; negative: boolean } | null {
  let t = text.trim();
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  t = t.replace(GROUPING, '');
  for (let k = 0; k < 2; k++) t = t.replace(CURRENCY, '');
  if (/^[-−–+]/.test(t)) {
    negative = negative !== (t[0] !== '+');
    t = t.slice(1);
  } else if (/[-−–]$/.test(t)) {
    negative = !negative;
    t = t.slice(0, -1);
  }
  return t === '' ? null : { body: t, negative };
}

/**
 * The decimal mark of a column: the mark that is followed by one or two digits at the end
 * of some amount ("1234,5", "12,34"), or the later one where both appear ("1.234,56").
 * Null when no amount shows one (whole roubles, or "1,234" alone, which could be either).
 */
export function detectDecimalMark(samples: readonly string[]): DecimalMark | null {
  let comma = 0;
  let dot = 0;
  for (const s of samples) {
    const c = clean(s);
    if (!c) continue;
    const lastComma = c.body.lastIndexOf(',');
    const lastDot = c.body.lastIndexOf('.');
    if (lastComma >= 0 && lastDot >= 0) {
      if (lastComma > lastDot) comma++;
      else dot++;
    } else if (/,\d{1,2}$/.test(c.body) || /,\d{4,}$/.test(c.body)) comma++;
    else if (/\.\d{1,2}$/.test(c.body) || /\.\d{4,}$/.test(c.body)) dot++;
  }
  if (comma === 0 && dot === 0) return null;
  return comma >= dot ? ',' : '.';
}

export type AmountRead = { ok: true; kopecks: number } | { ok: false; reason: 'notNumber' | 'tooLarge' };

/**
 * Reads an amount to kopecks, signed (negative: money out). The other mark may group
 * thousands ("1.234.567,89" with a decimal comma). Digits past the kopecks round half up.
 */
export function readAmount(text: string, mark: DecimalMark): AmountRead {
  const c = clean(text);
  if (!c) return { ok: false, reason: 'notNumber' };
  const group = mark === ',' ? '.' : ',';
  const [whole, fraction, extra] = c.body.split(mark);
  if (extra !== undefined || whole === undefined) return { ok: false, reason: 'notNumber' };
  const groups = whole.split(group);
  if (groups.length > 1 && (groups[0].length === 0 || groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3))) return { ok: false, reason: 'notNumber' };
  const digits = groups.join('');
  if (!/^\d*$/.test(digits) || (fraction !== undefined && !/^\d+$/.test(fraction)) || (digits === '' && !fraction)) return { ok: false, reason: 'notNumber' };
  const frac = (fraction ?? '').padEnd(3, '0');
  const roubles = digits.replace(/^0+(?=\d)/, '');
  if (roubles.length > 14) return { ok: false, reason: 'tooLarge' };
  let kopecks = Number(roubles || '0') * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) kopecks += 1;
  if (kopecks > MAX_AMOUNT_KOPECKS) return { ok: false, reason: 'tooLarge' };
  return { ok: true, kopecks: c.negative ? -kopecks : kopecks };
}
