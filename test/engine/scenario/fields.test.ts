/**
 * Every field of the scenario types is written by Save (fields.ts drives the serializer):
 * the field lists are compared with the declarations in types.ts and scheme-types.ts, read with the
 * TypeScript compiler, so a field added to a type and not to its list fails here (as well
 * as in `tsc`). And the generators of the round-trip property produce every field.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FIELDS } from '../../../src/engine/scenario/fields.ts';
import { serializeScenario } from '../../../src/engine/scenario/parse.ts';
import { scenarioArb } from './arbitraries.ts';
import { fieldsIn } from './field-walk.ts';

const TYPES = ['types.ts', 'scheme-types.ts'].map((f) => fileURLToPath(new URL(`../../../src/engine/scenario/${f}`, import.meta.url)));

/** Interface (or union variant `Alias.type`) → its declared property names. */
function declaredFields(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of TYPES) declaredIn(file, out);
  return out;
}

function declaredIn(file: string, out: Map<string, string[]>): void {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names = (members: ts.NodeArray<ts.TypeElement>) => members.filter(ts.isPropertySignature).map((m) => m.name.getText(source));
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) out.set(node.name.text, names(node.members));
    if (ts.isTypeAliasDeclaration(node) && ts.isUnionTypeNode(node.type)) {
      for (const variant of node.type.types) {
        if (!ts.isTypeLiteralNode(variant)) continue;
        const type = variant.members.filter(ts.isPropertySignature).find((m) => m.name.getText(source) === 'type');
        const literal = type?.type && ts.isLiteralTypeNode(type.type) && ts.isStringLiteral(type.type.literal) ? type.type.literal.text : null;
        if (literal) out.set(`${node.name.text}.${literal}`, names(variant.members));
      }
    }
  });
}

/** Which list of fields.ts answers for which declaration of types.ts and scheme-types.ts. */
const LISTS: Record<string, readonly string[]> = {
  Scenario: FIELDS.scenario,
  SimulationSettings: FIELDS.simulation,
  Company: FIELDS.company,
  CalendarSettings: FIELDS.calendar,
  PaymentHabit: FIELDS.habit,
  ClientBook: FIELDS.clients,
  StaffMember: FIELDS.staff,
  Behaviour: FIELDS.behaviour,
  StarBehaviour: FIELDS.star,
  AbsenceBehaviour: FIELDS.absence,
  AttritionBehaviour: FIELDS.attrition,
  EffortBehaviour: FIELDS.effort,
  SplitPerception: FIELDS.splitPerception,
  SalesSettings: FIELDS.sales,
  Scheme: FIELDS.scheme,
  Marketing: FIELDS.marketing,
  Tier: FIELDS.tier,
  Tranche: FIELDS.tranche,
  Gate: FIELDS.gate,
  AwardRule: FIELDS.award,
  ...Object.fromEntries(Object.entries(FIELDS.formula).map(([k, v]) => [`PayoutFormula.${k}`, v])),
  ...Object.fromEntries(Object.entries(FIELDS.split).map(([k, v]) => [`Split.${k}`, v])),
};

describe('the field lists that Save writes', () => {
  const declared = declaredFields();

  it('cover every type declared in types.ts and scheme-types.ts, field for field', () => {
    expect([...declared.keys()].sort()).toEqual(Object.keys(LISTS).sort());
    for (const [type, fields] of declared) expect([...LISTS[type]].sort(), type).toEqual([...fields].sort());
  });

  it('list each field once', () => {
    for (const [type, list] of Object.entries(LISTS)) expect(new Set(list).size, type).toBe(list.length);
  });

  it('are what the generators produce and what the serializer writes, optional fields included', () => {
    const all = new Set(Object.entries(LISTS).flatMap(([type, list]) => list.map((k) => `${type}.${k}`)));
    const produced = new Set<string>();
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const mine = fieldsIn(s);
        mine.forEach((f) => produced.add(f));
        expect(fieldsIn(JSON.parse(serializeScenario(s)))).toEqual(mine);
      }),
      { numRuns: 300, seed: 15 },
    );
    expect([...all].filter((f) => !produced.has(f))).toEqual([]);
    expect([...produced].filter((f) => !all.has(f))).toEqual([]);
  });
});
