/**
 * What the workbench opens on: a share link in the address bar, else the workspace kept
 * from the last visit, else the first bundled scenario in the user's language — each read
 * through the one door.
 * A link or saved workspace that does not parse is reported (and the next choice opens).
 */
import { parseScenarioText } from '../engine/index.ts';
import type { Scenario } from '../engine/index.ts';
import { BUNDLED, bundledIn } from './bundled.ts';
import type { Lang } from './i18n.ts';
import { readScenarioLink, type OpenFailure } from './doors.ts';
import { storedWorkspace } from './storage.ts';

export function startingScenario(hash: string, lang: Lang = 'en'): { scenario: Scenario; failure: OpenFailure | null } {
  const link = readScenarioLink(hash);
  if (link?.ok) return { scenario: link.scenario, failure: null };
  let failure: OpenFailure | null = link ? { source: { kind: 'link' }, issues: link.errors } : null;
  const saved = storedWorkspace();
  if (saved !== null) {
    const read = parseScenarioText(saved);
    if (read.ok) return { scenario: read.scenario, failure };
    failure ??= { source: { kind: 'saved' }, issues: read.errors };
  }
  return { scenario: bundledIn(BUNDLED[0], lang), failure };
}
