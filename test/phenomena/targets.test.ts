/**
 * The bundled scenarios meet their targets at their defaults: each story's targets file
 * (scenarios/*.targets.json: the article's figures and the papers' effect sizes) checked
 * on seed 777, which no calibration used, at the file's own runs (400 for the client
 * department, 200 for the others), one thread. A target is a range, so the tolerance is
 * the range itself; this is the check `paybench targets` makes.
 *
 * One target is known to miss and is listed with its reason; the test fails if it starts
 * to hold too (then take it off the list).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildResultsJson, checkTargets, GENERATOR, parseScenarioText, parseTargets, targetScenario } from '../../src/engine/index.ts';
import { InlineRunner } from '../../src/workers/inline-runner.ts';

const SEED = 777;
const STORIES = ['client-department', 'team-split', 'absence-and-departures', 'sales-stagnation', 'star-inbound-sector'];

/** Target ids that miss at the defaults, and why (the README's model notes say the same). */
const KNOWN_MISSES: Record<string, string> = {
  // The awards in the scenario (15,000 ₽ to the best, −6,000 ₽ to the worst of six) are large
  // against a 30,000 ₽ staff pool, and nothing in the model restrains free-riding under the
  // equal split (no peer pressure): the model gives +15%, the paper's whole team bonus +3%.
  'team-split/split-effect-size': 'awards and penalties over the equal split: about 1.15 against at most 1.06',
};

const read = (name: string) => readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8');

describe(`the bundled scenarios meet their targets (seed ${SEED}, each file's runs × its months)`, () => {
  for (const story of STORIES) {
    it(story, async () => {
      const targets = parseTargets(read(`${story}.targets.json`));
      const parsed = parseScenarioText(read(targets.scenario));
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
      const scenario = targetScenario({ ...parsed.scenario, simulation: { ...parsed.scenario.simulation, seed: SEED } }, targets);
      const results = buildResultsJson(scenario, await new InlineRunner().run(scenario), { generator: GENERATOR });
      for (const c of checkTargets(targets.targets, results)) {
        const id = `${story}/${c.target.id}`;
        const what = `${id} (${c.target.label}) = ${c.value}, range ${c.target.min ?? '…'} … ${c.target.max ?? '…'}`;
        expect(c.pass, what).toBe(!(id in KNOWN_MISSES));
      }
    }, 300_000);
  }
});
