/**
 * Names are labels, not inputs: the scenario's, its schemes' and its people's names change
 * no number (the runs depend on the seed, the run index and the parameters). A rename — by
 * the user, or the language switching a bundled story's names — relabels the results
 * shown instead of running them again.
 */
import type { ResultsJson, Scenario } from '../engine/index.ts';

/** The scenario as the runs see it: every name blanked. */
function unnamed(s: Scenario): string {
  return JSON.stringify({
    ...s,
    name: '',
    description: undefined,
    schemes: s.schemes.map((x) => ({ ...x, name: '' })),
    staff: s.staff.map((x) => ({ ...x, name: '' })),
  });
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
