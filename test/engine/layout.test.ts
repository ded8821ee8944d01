/**
 * The engine's house rules, read from the imports of its files:
 * - the front ends (workbench, charts, workers, CLI) enter the engine by its one door,
 *   src/engine/index.ts;
 * - the engine's folders follow the data's way, and a folder imports only from the
 *   folders below it in LAYERS (type-only imports included: a type is a dependency too);
 * - no file imports itself round a circle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const ENGINE = join(ROOT, 'src/engine');

/** Top to bottom: each folder may import from itself and from the folders after it. */
const LAYERS = ['batch', 'history', 'results', 'run', 'behaviour', 'agents', 'world', 'model', 'pay', 'scenario', 'money', 'numeric'];

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(p) ? [p] : [];
  });
}

/** Relative imports of a file, resolved to paths from the repository root. */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
    out.push(relative(ROOT, normalize(join(dirname(file), m[1]))));
  }
  return out;
}

const layerOf = (path: string) => path.split('/')[2];

describe('engine layout', () => {
  const engineFiles = files(ENGINE, /\.ts$/).map((f) => relative(ROOT, f));

  it('has one file at its root, the door', () => {
    expect(engineFiles.filter((f) => f.split('/').length === 3)).toEqual(['src/engine/index.ts']);
  });

  it('puts every file in a known layer', () => {
    const unknown = engineFiles.filter((f) => f !== 'src/engine/index.ts' && !LAYERS.includes(layerOf(f)));
    expect(unknown).toEqual([]);
  });

  it('imports only downward', () => {
    const upward: string[] = [];
    for (const f of engineFiles) {
      if (f === 'src/engine/index.ts') continue;
      const from = LAYERS.indexOf(layerOf(f));
      for (const target of importsOf(join(ROOT, f))) {
        if (!target.startsWith('src/engine/')) continue;
        const to = target === 'src/engine/index.ts' ? -1 : LAYERS.indexOf(layerOf(target));
        if (to < from) upward.push(`${f} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import circles', () => {
    const graph = new Map(engineFiles.map((f) => [f, importsOf(join(ROOT, f)).filter((t) => t.startsWith('src/engine/'))]));
    const circles: string[] = [];
    const state = new Map<string, 1 | 2>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 2) return;
      if (state.get(f) === 1) {
        circles.push([...path.slice(path.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 1);
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 2);
    };
    for (const f of engineFiles) visit(f, []);
    expect(circles).toEqual([]);
  });

  it('is entered by the front ends through its door only', () => {
    const outside = ['src/app', 'src/charts', 'src/workers', 'src/cli'].flatMap((d) => files(join(ROOT, d), /\.(ts|svelte|mjs)$/));
    const bypass: string[] = [];
    for (const f of outside) {
      for (const target of importsOf(f)) {
        if (target.startsWith('src/engine/') && target !== 'src/engine/index.ts') bypass.push(`${relative(ROOT, f)} → ${target}`);
      }
    }
    expect(bypass).toEqual([]);
  });
});
