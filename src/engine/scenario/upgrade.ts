/**
 * The version chain: a document of an older scenario version is upgraded one step at a
 * time to SCENARIO_VERSION before defaults and validation.
 *
 * To introduce version 2: bump SCENARIO_VERSION in types.ts and append
 * `{ from: 1, to: 2, describe: '…', migrate: (doc) => ({ ...doc, … }) }` to MIGRATIONS.
 * A migration receives a fresh shallow copy of the document (already checked to be an
 * object with the right format) and must not mutate nested values it did not copy; it may
 * leave wrong values for the validator to report, but must not throw on them.
 */
import { SCENARIO_FORMAT, SCENARIO_VERSION } from './types.ts';
import { copyOwn, isObject, own, present, setOwn, shortValue, typeName, type IssueCollector, type RawObject } from './issues.ts';

export interface Migration {
  from: number;
  to: number;
  /** One line for the changelog / the upgrade warning. */
  describe: string;
  migrate(doc: RawObject): RawObject;
}

/**
 * Version 1 is the first published version: a file without a version (or with version 0)
 * is an error rather than a guess.
 *
 * 1 → 2: the effort model became a whole working day — routine work takes a share of it
 * and waits while the team pushes, and a gated tranche lost weighs more than money
 * gained. A version-1 file that sets its own effort model meant every hour of effort as
 * queue work: it keeps that meaning (no routine, nothing waiting, no extra weight on gates).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    describe: 'the effort model of a whole working day (routine share, routine that can wait, loss aversion at gates); a file with its own effort model keeps its meaning',
    migrate(doc) {
      const behaviour = own(doc, 'behaviour');
      if (!isObject(behaviour)) return doc;
      const effort = own(behaviour, 'effort');
      if (!isObject(effort)) return doc;
      const kept = copyOwn(effort);
      for (const [key, value] of [['routineShare', 0], ['routineCanWaitDays', 0], ['gateLossAversion', 1]] as const) {
        if (!present(kept, key)) setOwn(kept, key, value);
      }
      const b = copyOwn(behaviour);
      setOwn(b, 'effort', kept);
      setOwn(doc, 'behaviour', b);
      return doc;
    },
  },
];

/**
 * Checks format and version and upgrades the document to SCENARIO_VERSION.
 * Returns undefined (with errors collected) when the document cannot be read as a scenario.
 */
export function upgradeScenario(json: unknown, issues: IssueCollector): RawObject | undefined {
  if (!isObject(json)) {
    issues.error('', 'type.object', { got: typeName(json) });
    return undefined;
  }

  if (!present(json, 'format')) {
    issues.error('format', 'format.missing', { expected: SCENARIO_FORMAT });
    return undefined;
  }
  const format = own(json, 'format');
  if (format !== SCENARIO_FORMAT) {
    issues.error('format', 'format.wrong', { found: shortValue(format), expected: SCENARIO_FORMAT });
    return undefined;
  }

  if (!present(json, 'version')) {
    issues.error('version', 'version.missing', { current: SCENARIO_VERSION });
    return undefined;
  }
  const version = own(json, 'version');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    issues.error('version', 'version.invalid', { found: shortValue(version) });
    return undefined;
  }
  if (version > SCENARIO_VERSION) {
    issues.error('version', 'version.newer', { version, current: SCENARIO_VERSION });
    return undefined;
  }

  let doc = copyOwn(json);
  let at = version;
  while (at < SCENARIO_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === at);
    if (step === undefined || step.to <= at) {
      issues.error('version', 'version.unsupported', { version, current: SCENARIO_VERSION });
      return undefined;
    }
    doc = step.migrate(copyOwn(doc));
    at = step.to;
  }
  if (at !== version) {
    setOwn(doc, 'version', SCENARIO_VERSION);
    issues.warn('version', 'version.upgraded', { from: version, to: SCENARIO_VERSION });
  }
  return doc;
}
