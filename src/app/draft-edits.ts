/** New schemes and people for the draft: free ids, starting parameters, names in the user's language. */
import { schemeName } from '../engine/index.ts';
import type { Scenario, Scheme, StaffMember } from '../engine/index.ts';
import type { Lang } from './i18n.ts';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** `base-2`, `base-3`, … the first id no scheme has. */
export function freeSchemeId(draft: Scenario, base: string): string {
  const stem = base.replace(/-\d+$/, '').slice(0, 30) || 'scheme';
  const taken = new Set(draft.schemes.map((s) => s.id));
  for (let k = 2; ; k++) if (!taken.has(`${stem}-${k}`)) return `${stem}-${k}`;
}

/** 0.1% of collections, the head's 40% and the rest equally — named from its parameters. */
export function newScheme(draft: Scenario, lang: Lang): Scheme {
  const scheme: Scheme = {
    id: freeSchemeId(draft, 'scheme'),
    name: '',
    organisation: 'team',
    measure: 'teamCollections',
    attestationMonths: 0,
    deputyHead: false,
    period: 'month',
    formula: { type: 'linear', rate: '0.001' },
    tranches: [],
    split: { type: 'headShareEqual', headShare: '0.4' },
  };
  scheme.name = schemeName(scheme, lang, draft.company.plan);
  return scheme;
}

/** A copy under a free id; a given name is marked a copy, a derived one stays as it is (it follows the copy). */
export function schemeCopy(draft: Scenario, source: Scheme, lang: Lang, derivedName: boolean): Scheme {
  const copy = clone(source);
  copy.id = freeSchemeId(draft, source.id);
  if (!derivedName) copy.name = `${source.name} (${lang === 'ru' ? 'копия' : 'copy'})`;
  return copy;
}

export function newPerson(draft: Scenario, lang: Lang): StaffMember {
  const taken = new Set(draft.staff.map((s) => s.id));
  let k = draft.staff.length + 1;
  while (taken.has(`person-${k}`)) k++;
  return {
    id: `person-${k}`,
    name: lang === 'ru' ? `Сотрудник ${k}` : `Person ${k}`,
    role: 'collector',
    salary: '20000',
    skill: 1,
    workShare: 1,
    effortCost: 1,
    favour: 0,
  };
}
