/**
 * Exact integer-kopeck arithmetic for the Monte Carlo pay settlement.
 *
 * Amounts are plain `number`s holding whole kopecks (safe integers, |k| < 2^53 ≈ 9·10^13
 * roubles). Rates are exact rationals num / 10^k read from their decimal strings, so
 * "0.005" is 5/1000 and never the binary float 0.005. Products stay in `number` while
 * they are below 2^53 and fall back to BigInt above, so the results are exact for every
 * realistic size and fast in the common case.
 *
 * Rounding is half-up in the sense of decimal.js's ROUND_HALF_UP: a tie rounds away from
 * zero (−0.5 kopeck → −1), so rounding is symmetric (round(−x) = −round(x)) and the
 * kopeck path agrees with the decimal.js payout calculator to the kopeck.
 */

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** An exact rate num / den with den = 10^k, from a decimal string. */
export interface ExactRate {
  /** Signed numerator; NaN when it is not a safe integer (then only the BigInt path is used). */
  readonly num: number;
  /** 10^k; NaN when k > 15. */
  readonly den: number;
  readonly numBig: bigint;
  readonly denBig: bigint;
  /** The rate as a float, for the approximate paths. */
  readonly value: number;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

function splitDecimal(text: string): { negative: boolean; whole: string; fraction: string } {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal number: "${text}"`);
  return { negative: m[1] === '-', whole: m[2], fraction: (m[3] ?? '').replace(/0+$/, '') };
}

/** "15000.5" → 1500050. Throws on more than two non-zero decimals or an unsafe size. */
export function parseKopecks(text: string): number {
  const { negative, whole, fraction } = splitDecimal(text);
  if (fraction.length > 2) throw new RangeError(`"${text}" has fractions of a kopeck`);
  const k = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(k)) throw new RangeError(`"${text}" is too large`);
  return negative && k !== 0 ? -k : k;
}

/** 1500050 → "15000.50" (always two decimals). */
export function formatKopecks(k: number): string {
  const sign = k < 0 ? '-' : '';
  const a = Math.abs(k);
  const cents = a % 100;
  return `${sign}${(a - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

/** "0.005" → 5 / 1000, exactly. */
export function parseRate(text: string): ExactRate {
  const { negative, whole, fraction } = splitDecimal(text);
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  const numBig = (negative ? -1n : 1n) * BigInt(digits);
  const denBig = 10n ** BigInt(fraction.length);
  const num = Number(numBig);
  const den = Number(denBig);
  return {
    num: Number.isSafeInteger(num) ? num : NaN,
    den: Number.isSafeInteger(den) ? den : NaN,
    numBig,
    denBig,
    value: Number(text),
  };
}

/** n / d rounded half away from zero, d > 0. */
export function divHalfUpBig(n: bigint, d: bigint): bigint {
  const a = n < 0n ? -n : n;
  let q = a / d;
  if (2n * (a - q * d) >= d) q += 1n;
  return n < 0n ? -q : q;
}

function toSafeNumber(b: bigint): number {
  const n = Number(b);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${b} kopecks is beyond exact arithmetic`);
  return n;
}

/** n / d rounded half away from zero; n, d safe integers, d > 0. */
export function divHalfUp(n: number, d: number): number {
  const a = n < 0 ? -n : n;
  const r = a % d; // exact for integers
  let q = (a - r) / d; // exact: an integer quotient
  if (2 * r >= d) q += 1;
  return n < 0 && q !== 0 ? -q : q;
}

/** kopecks × rate, rounded to a whole kopeck half away from zero. Exact. */
export function mulRateHalfUp(kopecks: number, rate: ExactRate): number {
  const a = kopecks < 0 ? -kopecks : kopecks;
  const m = rate.num < 0 ? -rate.num : rate.num;
  const p = a * m;
  // A float product at most MAX_SAFE means the true product is below 2^53, hence exact.
  if (p <= MAX_SAFE && rate.den <= MAX_SAFE) {
    const q = divHalfUp(p, rate.den);
    return (kopecks < 0) !== (rate.num < 0) && q !== 0 ? -q : q;
  }
  return toSafeNumber(divHalfUpBig(BigInt(kopecks) * rate.numBig, rate.denBig));
}

/** The least whole number of kopecks ≥ kopecks × rate (the amount that reaches a share). */
export function mulRateCeil(kopecks: number, rate: ExactRate): number {
  const p = BigInt(kopecks) * rate.numBig;
  const q = p / rate.denBig; // truncates toward zero
  return toSafeNumber(q * rate.denBig < p ? q + 1n : q);
}

/**
 * Rates as integer weights over a common denominator: ["0.5", "0.25"] → [50, 25].
 * Lets the weights of tranches be split exactly.
 */
export function integerWeights(rates: readonly ExactRate[]): number[] {
  let den = 1n;
  for (const r of rates) if (r.denBig > den) den = r.denBig;
  return rates.map((r) => toSafeNumber((r.numBig * den) / r.denBig));
}

// ---------------------------------------------------------------- largest remainder

let remainders = new Float64Array(16);
let chosen = new Uint8Array(16);

/**
 * Splits `total` kopecks in proportion to `weights` (≥ 0) so that the parts sum exactly
 * to `total` (largest-remainder method): each part is its exact share rounded down, and
 * the kopecks left over go one each to the largest fractional remainders, ties to the
 * lower index. Every part is within one kopeck of its exact share. Integer weights are
 * split exactly (BigInt above 2^53); fractional weights in floating point, corrected so
 * the sum is still exact. All-zero weights split equally. A negative total is split as
 * its absolute value and negated. Writes `out[0..n)`; allocation-free.
 */
export function splitLargestRemainderInto(
  total: number,
  weights: ArrayLike<number>,
  out: { [i: number]: number },
  n: number = weights.length,
): void {
  if (n === 0) {
    if (total !== 0) throw new RangeError('nobody to split a non-zero amount between');
    return;
  }
  if (remainders.length < n) {
    remainders = new Float64Array(2 * n);
    chosen = new Uint8Array(2 * n);
  }
  const t = total < 0 ? -total : total;
  let sum = 0;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || w === Infinity) throw new RangeError(`weight ${w} is not a finite non-negative number`);
    sum += w;
    if (integral && !Number.isInteger(w)) integral = false;
  }
  const equal = sum === 0;
  const W = equal ? n : sum;
  let given = 0;
  if (integral && W <= MAX_SAFE && t * W <= MAX_SAFE) {
    for (let i = 0; i < n; i++) {
      const p = t * (equal ? 1 : weights[i]);
      const r = p % W;
      out[i] = (p - r) / W;
      remainders[i] = r;
      given += out[i];
    }
  } else if (integral && W <= MAX_SAFE) {
    const tb = BigInt(t);
    const Wb = BigInt(W);
    for (let i = 0; i < n; i++) {
      const p = tb * BigInt(equal ? 1 : weights[i]);
      out[i] = Number(p / Wb);
      remainders[i] = Number(p % Wb); // < W ≤ 2^53: exact, so ties are exact too
      given += out[i];
    }
  } else {
    for (let i = 0; i < n; i++) {
      const q = (t * weights[i]) / W;
      out[i] = Math.floor(q);
      remainders[i] = q - out[i];
      given += out[i];
    }
  }
  distributeLeftover(t - given, out, n);
  if (total < 0) for (let i = 0; i < n; i++) out[i] = out[i] === 0 ? 0 : -out[i];
}

/** Gives `left` kopecks one each to the largest remainders (ties: lower index first); takes back if negative. */
function distributeLeftover(left: number, out: { [i: number]: number }, n: number): void {
  while (left !== 0) {
    chosen.fill(0, 0, n);
    const step = left > 0 ? 1 : -1;
    const rounds = Math.min(Math.abs(left), n);
    for (let k = 0; k < rounds; k++) {
      let best = -1;
      for (let i = 0; i < n; i++) {
        if (chosen[i] || (step < 0 && out[i] === 0)) continue;
        if (best < 0 || (step > 0 ? remainders[i] > remainders[best] : remainders[i] < remainders[best])) best = i;
      }
      if (best < 0) throw new RangeError('largest remainder: cannot balance the parts');
      chosen[best] = 1;
      out[best] += step;
      left -= step;
    }
  }
}

/** As `splitLargestRemainderInto`, returning a new array. */
export function splitLargestRemainder(totalKopecks: number, weights: ArrayLike<number>): number[] {
  const out = new Array<number>(weights.length).fill(0);
  splitLargestRemainderInto(totalKopecks, weights, out);
  return out;
}
