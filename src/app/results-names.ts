/**
 * Names are labels, not inputs: the scenario's, its schemes' and its people's names change
 * no number (the runs depend on the seed, the run index and the parameters). A rename — by
 * the user, or the language switching a bundled story's names — relabels the results
 * shown instead of running them again.
 */
import type { ResultsJson, Scenario, Scheme } from '../engine/index.ts';

/** A scheme as its runs see it: its name blanked. */
export const unnamedScheme = (x: Scheme): Scheme => ({ ...x, name: '' });

/** What every scheme's runs see besides the schemes: the scenario without them, every name blanked. */
export function unnamedInputs(s: Scenario) {
  return { ...s, name: '', description: undefined, schemes: undefined, staff: s.staff.map((x) => ({ ...x, name: '' })) };
}

/** The scenario as the runs see it: every name blanked. */
function unnamed(s: Scenario): string {
  return JSON.stringify({ ...unnamedInputs(s), schemes: s.schemes.map(unnamedScheme) });
}

/** The two scenarios differ in names (or the description) at most. */
export function sameButNames(a: Scenario, b: Scenario): boolean {
  return a === b || unnamed(a) === unnamed(b);
}

/** The results with the names of `scenario` (schemes and people by id). */
export function relabelResults(results: ResultsJson, scenario: Scenario): ResultsJson {
  const schemeName = new Map(scenario.schemes.map((s) => [s.id, s.name]));
  const staffName = new Map(scenario.staff.map((p) => [p.id, p.name]));
  return {
    ...results,
    scenario: { ...results.scenario, name: scenario.name },
    schemes: results.schemes.map((s) => ({
      ...s,
      name: schemeName.get(s.id) ?? s.name,
      staff: s.staff.map((p) => ({ ...p, name: staffName.get(p.id) ?? p.name })),
    })),
  };
}
