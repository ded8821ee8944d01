/**
 * What an edit leaves standing. A scheme's runs depend on the scenario's other inputs, the
 * scheme itself, the seed and the run index — never on the other schemes or on where the
 * scheme stands among them (run i of every scheme shares clients and luck, and nothing else
 * passes between them). So when an edit touches one scheme, or adds, removes or moves one,
 * the others' runs are the ones already made, and the workbench keeps them instead of
 * running them again. Names are labels (results-names.ts): they are left out.
 */
import type { Scenario, Scheme } from '../engine/index.ts';
import { unnamedInputs, unnamedScheme } from './results-names.ts';

const rest = (s: Scenario): string => JSON.stringify(unnamedInputs(s));
const scheme = (s: Scheme): string => JSON.stringify(unnamedScheme(s));

/**
 * For each scheme of `next`, where the same scheme (same id, same rules) stands in `held`
 * when every input but the schemes is the same there: its runs are those. −1: it must run.
 */
export function keptSchemes(held: Scenario, next: Scenario): number[] {
  if (rest(held) !== rest(next)) return next.schemes.map(() => -1);
  const place = new Map(held.schemes.map((s, i) => [s.id, i]));
  return next.schemes.map((s) => {
    const i = place.get(s.id);
    return i !== undefined && scheme(held.schemes[i]) === scheme(s) ? i : -1;
  });
}

/** How many schemes `places` (keptSchemes) keeps. */
export const keptCount = (places: readonly number[]): number => places.filter((p) => p >= 0).length;
