/**
 * What an edit leaves standing. A scheme's runs depend on the scenario's other inputs, the
 * scheme itself, the seed and the run index — never on the other schemes (run i of every
 * scheme shares clients and luck, and nothing else passes between them). So when an edit
 * touches one scheme, the others' runs are the ones already made, and the workbench keeps
 * them instead of running them again. Names are labels (results-names.ts): they are left
 * out of the comparison.
 */
import type { Scenario, Scheme } from '../engine/index.ts';

/** Everything but the schemes, names blanked. */
function rest(s: Scenario): string {
  return JSON.stringify({ ...s, name: '', description: undefined, schemes: undefined, staff: s.staff.map((x) => ({ ...x, name: '' })) });
}

function scheme(s: Scheme): string {
  return JSON.stringify({ ...s, name: '' });
}

/**
 * Indices of the schemes of `next` whose runs are those of the same index under `held`:
 * every input but the schemes is the same, and so is the scheme at that place.
 */
export function keptSchemes(held: Scenario, next: Scenario): number[] {
  if (rest(held) !== rest(next)) return [];
  return next.schemes.flatMap((s, i) => (i < held.schemes.length && scheme(held.schemes[i]) === scheme(s) ? [i] : []));
}
