/**
 * What a suggested scheme is called: its name from its parameters (schemeName: "(C − 38M)
 * × 0.6%, ⅓ by the 12th at 55%, …"), and an id that says the same in a file's characters
 * (`t38m-0_6pct-12at55-24at90`: the threshold and rate, then each gate's day and share of
 * plan), unique among the scenario's ids.
 */
import type { Scheme } from '../../scenario/types.ts';
import { SCENARIO_LIMITS } from '../../scenario/limits.ts';
import { ratePercentText, schemeName, type NameLang } from '../../pay/scheme-name.ts';

/** 38000000 → "38m", 38500000 → "38_5m", 15000 → "15k". */
function moneyId(amount: string): string {
  const x = Number(amount);
  const [v, unit] = x >= 1e9 ? [x / 1e9, 'bn'] : x >= 1e6 ? [x / 1e6, 'm'] : x >= 1e3 ? [x / 1e3, 'k'] : [x, ''];
  return `${Number(v.toPrecision(4))}`.replace('.', '_') + unit;
}

const pct = (rate: string) => `${ratePercentText(rate).replace('.', '_')}pct`;

function formulaId(s: Scheme): string {
  const f = s.formula;
  switch (f.type) {
    case 'threshold':
      return `t${moneyId(f.threshold)}-${pct(f.rate)}`;
    case 'linear':
      return `r${pct(f.rate)}`;
    case 'tiers':
      return `tiers-${f.tiers.map((t) => pct(t.rate)).join('-')}`;
    case 'pieceRate':
      return `piece${moneyId(f.rate)}-${moneyId(f.premium)}`;
    case 'fixed':
      return `fixed${moneyId(f.amount)}`;
  }
}

/** An id for the scheme from its parameters, not among `taken`. */
export function suggestedId(s: Scheme, taken: readonly string[]): string {
  const gates = s.tranches.flatMap((t) => (t.gate ? [`${t.gate.byDay}at${ratePercentText(t.gate.minPlanShare).replace('.', '_')}`] : []));
  const max = SCENARIO_LIMITS.maxIdLength;
  let id = [formulaId(s), ...gates].join('-').replace(/[^A-Za-z0-9_-]/g, '');
  if (id.length > max - 3) id = id.slice(0, max - 3).replace(/-+$/, '');
  let unique = id;
  for (let k = 2; taken.includes(unique); k++) unique = `${id}-${k}`;
  return unique;
}

/** The suggested scheme under its id and its name from its parameters. */
export function namedSuggestion(s: Scheme, taken: readonly string[], lang: NameLang, plan: string): Scheme {
  return { ...s, id: suggestedId(s, taken), name: schemeName(s, lang, plan) };
}
