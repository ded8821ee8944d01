/** Hands a file to the browser's downloads (an `<a download>` click). */
export function download(data: Blob | string, filename: string, type = 'text/plain;charset=utf-8'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A file name from a user's scenario or chart name: letters (any script) and digits kept,
 * everything else (slashes, quotes, dots, control characters, markup) folded to '-'.
 */
export function fileStem(name: string, fallback = 'scenario'): string {
  const stem = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return stem === '' ? fallback : stem;
}
