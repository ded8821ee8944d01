/**
 * Share links: a scenario survives the round trip through the URL hash exactly; a link
 * too long, cut short or made up is refused quickly, before or instead of decoding, and
 * every link ends at the one door.
 */
import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { encodeScenario, MAX_LINK_CHARS, readHash, scenarioHash } from '../../src/app/share-link.ts';
import { readScenarioLink } from '../../src/app/doors.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';

function bundled(file = 'client-department'): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL(`../../scenarios/${file}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('the bundled scenario does not parse');
  return parsed.scenario;
}

describe('share link codec', () => {
  it('round-trips every bundled scenario exactly, in a URL-safe hash', () => {
    for (const file of ['client-department', 'team-split']) {
      const scenario = bundled(file);
      const hash = scenarioHash(scenario)!;
      expect(hash).toMatch(/^#s=[A-Za-z0-9+\-$]+$/);
      expect(hash.length).toBeLessThan(4000);
      const back = readScenarioLink(hash);
      expect(back?.ok && back.scenario).toEqual(scenario);
    }
  });

  it('keeps names in any script and markup as plain text', () => {
    const scenario = { ...bundled(), name: 'Отдел <script>alert(1)</script> & «клиенты»' };
    const back = readScenarioLink(scenarioHash(scenario)!);
    expect(back?.ok && back.scenario.name).toBe(scenario.name);
  });

  it('reads a hash that is not ours as nothing', () => {
    expect(readHash('')).toEqual({ kind: 'none' });
    expect(readHash('#results')).toEqual({ kind: 'none' });
    expect(readScenarioLink('#tab=cash')).toBeNull();
  });

  it('refuses a link too long before decoding it', () => {
    const huge = 'A'.repeat(MAX_LINK_CHARS + 1);
    const read = readScenarioLink(`#s=${huge}`);
    expect(read).toMatchObject({ ok: false, errors: [{ code: 'link.tooLong' }] });
  });

  it('refuses damaged links: cut short, foreign characters, not a scenario', () => {
    const code = encodeScenario(bundled());
    for (const hash of ['#s=', '#s=%3Cscript%3E', `#s=${code.slice(0, code.length / 2)}`, `#s=${LZString.compressToEncodedURIComponent('not json')}`]) {
      const read = readScenarioLink(hash);
      expect(read?.ok, hash.slice(0, 40)).toBe(false);
    }
    const notJson = readScenarioLink(`#s=${LZString.compressToEncodedURIComponent('{"format":"paybench-scenario","version":1}')}`);
    expect(notJson?.ok).toBe(false);
    if (notJson && !notJson.ok) expect(notJson.errors.length).toBeGreaterThan(1); // path + reason for each missing section
  });

  it('refuses a short link that expands a lot', () => {
    // One repeated letter is LZ's best case: the decoded text grows with the square of the
    // link (2,260 characters → 1 M; the 20,000 allowed → ≈ 50 M, about 0.1 s to decode).
    const bomb = LZString.compressToEncodedURIComponent('a'.repeat(1_000_000));
    const read = readScenarioLink(`#s=${bomb}`);
    expect(read).toMatchObject({ ok: false, errors: [{ code: 'text.invalidJson' }] });
  });
});
