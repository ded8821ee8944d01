/**
 * The engine is pure: the same code runs in a Web Worker, in Vitest and in the CLI, so
 * src/engine may import no DOM, Svelte, Comlink or Node APIs, and no UI or runner code,
 * nor use Math functions whose last bit depends on the JavaScript engine.
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
// Chromium takes these from the system's libm, Node from V8's own port: the last bit differs,
// and the same seed must give the same numbers in the browser and in the CLI.
const unportableMath = /Math\.(sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh)\s*\(/;

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
      expect(code).not.toMatch(unportableMath);
    });
  }
});
