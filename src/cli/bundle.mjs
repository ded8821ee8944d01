// The command and its worker threads as plain JavaScript: two esbuild bundles under
// node_modules/.cache/paybench, built by `npm install` (prepare) and again whenever a source
// file is newer, so `paybench` never compiles TypeScript as it starts (≈0.1 s, not 1–3 s).
// Run as a script it builds; imported, ensureBundle() builds only when stale.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUT = join(ROOT, 'node_modules/.cache/paybench');
export const CLI = join(OUT, 'paybench.mjs');
// The runner finds its worker beside itself (new URL('./node-worker.mjs', import.meta.url)).
const WORKER = join(OUT, 'node-worker.mjs');
// …and the fit's worker beside itself too (fit-pool.ts: new URL('./fit-worker.mjs', import.meta.url)).
const FIT_WORKER = join(OUT, 'fit-worker.mjs');
const SOURCES = ['src/engine', 'src/cli', 'src/workers'].map((d) => join(ROOT, d));

function newestSource() {
  let newest = statSync(join(ROOT, 'package.json')).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  SOURCES.forEach(walk);
  return newest;
}

export function isStale() {
  if (!existsSync(CLI) || !existsSync(WORKER) || !existsSync(FIT_WORKER)) return true;
  return Math.min(statSync(CLI).mtimeMs, statSync(WORKER).mtimeMs, statSync(FIT_WORKER).mtimeMs) < newestSource();
}

export async function build() {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(OUT, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    // A CommonJS dependency bundled into ESM may still call require: give it one.
    banner: { js: "import { createRequire as __paybenchRequire } from 'node:module'; const require = __paybenchRequire(import.meta.url);" },
  };
  const bundles = await Promise.all([
    esbuild({ ...common, entryPoints: [join(ROOT, 'src/cli/node-main.ts')], outfile: CLI, write: false }),
    esbuild({ ...common, entryPoints: [join(ROOT, 'src/workers/node-worker.ts')], outfile: WORKER, write: false }),
    esbuild({ ...common, entryPoints: [join(ROOT, 'src/workers/fit-worker.ts')], outfile: FIT_WORKER, write: false }),
  ]);
  // Written beside and renamed into place: a command started meanwhile (or another one
  // rebuilding at the same time) reads the old file or the new one whole, never half of one.
  for (const { outputFiles } of bundles) {
    for (const file of outputFiles) {
      const part = `${file.path}.${process.pid}.part`;
      writeFileSync(part, file.contents);
      renameSync(part, file.path);
    }
  }
}

export async function ensureBundle() {
  if (isStale()) await build();
  return CLI;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await build();
  process.stdout.write(`paybench: built ${dirname(CLI)}\n`);
}
