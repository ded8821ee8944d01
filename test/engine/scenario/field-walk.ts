/**
 * The fields present in a scenario tree, named by their type in types.ts
 * (`Scheme.plan`, `PayoutFormula.threshold.cap`, `Gate.keyClients`), whatever list or
 * position they sit in: what the round-trip tests compare.
 */
type Tree = Record<string, unknown>;

/** Type of the object under each key (a list's items share it); `Alias.type` for unions. */
const CHILDREN: Record<string, Record<string, string>> = {
  Scenario: {
    simulation: 'SimulationSettings',
    company: 'Company',
    calendar: 'CalendarSettings',
    clients: 'ClientBook',
    staff: 'StaffMember',
    behaviour: 'Behaviour',
    sales: 'SalesSettings',
    schemes: 'Scheme',
  },
  ClientBook: { habits: 'PaymentHabit' },
  Behaviour: { effort: 'EffortBehaviour', splitPerception: 'SplitPerception', absence: 'AbsenceBehaviour', attrition: 'AttritionBehaviour', star: 'StarBehaviour' },
  Scheme: { formula: 'PayoutFormula', marketing: 'Marketing', tranches: 'Tranche', split: 'Split' },
  PayoutFormula: { tiers: 'Tier' },
  Tranche: { gate: 'Gate' },
  Split: { awards: 'AwardRule' },
};
const UNIONS = new Set(['PayoutFormula', 'Split']);

export function fieldsIn(tree: unknown, type = 'Scenario', out = new Set<string>()): Set<string> {
  if (Array.isArray(tree)) {
    for (const item of tree) fieldsIn(item, type, out);
    return out;
  }
  if (tree === null || typeof tree !== 'object') return out;
  const o = tree as Tree;
  const name = UNIONS.has(type) ? `${type}.${String(o.type)}` : type;
  for (const [key, value] of Object.entries(o)) {
    if (value === undefined) continue;
    out.add(`${name}.${key}`);
    const child = CHILDREN[type]?.[key];
    if (child) fieldsIn(value, child, out);
  }
  return out;
}
