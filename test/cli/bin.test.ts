/**
 * The installed command: bin.mjs runs the bundled JavaScript (src/cli/bundle.mjs), rebuilt
 * when a source is newer than the bundle, so it never runs stale code and never compiles
 * TypeScript as it starts.
 */
import { execFileSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const run = (...args: string[]) => execFileSync('node', [ROOT + 'src/cli/bin.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('the paybench command', () => {
  it('validates a bundled scenario through the bundle', () => {
    expect(run('validate', 'scenarios/client-department.json')).toMatch(/OK/);
  });

  it('rebuilds the bundle when a source file is newer', async () => {
    const { CLI, isStale } = await import('../../src/cli/bundle.mjs');
    run('--help');
    expect(isStale()).toBe(false);
    // The bundle an hour older than the sources, as after editing one.
    const past = new Date(statSync(CLI).mtimeMs - 3_600_000);
    utimesSync(CLI, past, past);
    expect(isStale()).toBe(true);
    expect(run('--help')).toMatch(/paybench/);
    expect(isStale()).toBe(false);
  });
});
