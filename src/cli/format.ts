/** Numbers for people: grouped roubles, compact millions, percentages, aligned tables. */
export type Lang = 'en' | 'ru';

/** "75000.00" → "75 000.00" (ru: "75 000,00"); keeps the sign. */
export function groupAmount(decimal: string, lang: Lang = 'en'): string {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!m) return decimal;
  const [, sign, whole, frac] = m;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return sign + grouped + (frac === undefined ? '' : (lang === 'ru' ? ',' : '.') + frac);
}

export function amount(x: number, lang: Lang = 'en'): string {
  return groupAmount(x.toFixed(2), lang);
}

/** 52412345 → "52.41M" / "52,41 млн". */
export function millions(x: number | null, lang: Lang = 'en', signed = false): string {
  if (x === null || !Number.isFinite(x)) return '–';
  const text = (x / 1e6).toFixed(2);
  const shown = lang === 'ru' ? text.replace('.', ',') + ' млн' : text + 'M';
  return signed && x > 0 ? '+' + shown : shown.replace(/^-/, '−');
}

export function percent(share: number | null, lang: Lang = 'en', digits = 0): string {
  if (share === null || !Number.isFinite(share)) return '–';
  const text = (share * 100).toFixed(digits);
  return (lang === 'ru' ? text.replace('.', ',') : text) + '%';
}

export function decimal(x: number | null, digits: number, lang: Lang = 'en'): string {
  if (x === null || !Number.isFinite(x)) return '–';
  const text = x.toFixed(digits);
  return lang === 'ru' ? text.replace('.', ',') : text;
}

/** A plain-text table: first column left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c] - [...cell].length);
        return c === 0 ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}
