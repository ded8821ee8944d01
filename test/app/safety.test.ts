/**
 * Names and labels from files and links are data: no source file renders HTML from a
 * string ({@html}, innerHTML) or runs code from one (eval, new Function, string timers).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|svelte|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe('no markup or code from strings', () => {
  it('has no {@html}, innerHTML, outerHTML writes, eval, new Function or string timers in src/', () => {
    const found: string[] = [];
    const banned = [/\{@html\b/, /\.innerHTML\s*=/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bset(Timeout|Interval)\s*\(\s*['"`]/, /document\.write\s*\(/];
    for (const file of files(join(process.cwd(), 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const re of banned) if (re.test(text)) found.push(`${file}: ${re}`);
    }
    expect(found).toEqual([]);
  });
});
