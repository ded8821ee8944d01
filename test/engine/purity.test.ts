/**
 * The engine is pure: the same code runs in a Web Worker, in Vitest and in the CLI, so
 * src/engine may import no DOM, Svelte, Comlink or Node APIs, and no UI or runner code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../src/engine/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const forbiddenImport = /from\s+['"](svelte[^'"]*|comlink|node:[^'"]*|fs|path|os|worker_threads|child_process|\.\.\/\.\.\/(app|charts|workers|cli)[^'"]*)['"]/;
const forbiddenGlobal = /\b(document|window|navigator|localStorage|process|require)\s*[.(]|\bpostMessage\s*\(|Math\.random\s*\(/;

describe('src/engine purity', () => {
  const all = files(root);
  it('has engine files to check', () => expect(all.length).toBeGreaterThan(10));
  for (const file of all) {
    it(`${file.slice(root.length)} imports nothing impure and uses no global randomness`, () => {
      const code = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
        .join('\n');
      expect(code).not.toMatch(forbiddenImport);
      expect(code).not.toMatch(forbiddenGlobal);
    });
  }
});
