import { describe, expect, it } from 'vitest';
import {
  parseScenario,
  serializeScenario,
  formatIssue,
} from '../../../src/engine/scenario/parse.ts';
import { defaultScenario, fillDefaults } from '../../../src/engine/scenario/defaults.ts';
import { MIGRATIONS } from '../../../src/engine/scenario/upgrade.ts';
import { SCENARIO_VERSION, type Scenario } from '../../../src/engine/scenario/types.ts';
import { expectError, minimalFile } from './helpers.ts';

function ok(r: ReturnType<typeof parseScenario>): Scenario {
  if (!r.ok) throw new Error(r.errors.map((e) => formatIssue(e, 'en')).join('\n'));
  return r.scenario;
}

describe('the default scenario', () => {
  it('is valid and has no warnings', () => {
    const r = parseScenario(defaultScenario());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual([]);
  });

  it('round-trips: serialize → parse gives an equal scenario', () => {
    const s = defaultScenario();
    const text = serializeScenario(s);
    const back = ok(parseScenario(JSON.parse(text)));
    expect(back).toEqual(s);
    expect(serializeScenario(back)).toBe(text);
  });

  it('holds the article 002 calibration', () => {
    const s = defaultScenario();
    expect(s.company.plan).toBe('50000000');
    expect(s.company.breakEven).toBe('40000000');
    expect(s.simulation).toEqual({ runs: 1000, seed: 20260, months: 12, startMonth: '2027-01', burnInMonths: 3 });
    expect(s.staff.map((p) => [p.id, p.role, p.salary])).toEqual([
      ['head', 'head', '40000'],
      ['masha', 'collector', '20000'],
      ['vasya', 'collector', '20000'],
      ['olya', 'collector', '20000'],
    ]);
    expect(s.clients.habits.map((h) => h.volumeShare)).toEqual(['0.2', '0.55', '0.25']);
    expect(s.baseline).toBe(s.schemes[0].id);
  });

  it('is a fresh copy every time', () => {
    const a = defaultScenario();
    a.company.plan = '1';
    a.clients.habits.pop();
    expect(defaultScenario().company.plan).toBe('50000000');
    expect(defaultScenario().clients.habits).toHaveLength(3);
  });
});

describe('a minimal file', () => {
  it('gets every default', () => {
    const s = ok(parseScenario(minimalFile()));
    const d = defaultScenario();
    expect(s.description).toBe('');
    expect(s.simulation).toEqual(d.simulation);
    expect(s.company).toEqual(d.company);
    expect(s.calendar).toEqual(d.calendar);
    expect(s.clients).toEqual(d.clients);
    expect(s.behaviour).toEqual(d.behaviour);
    expect(s.staff).toEqual([
      { id: 'boss', name: 'boss', role: 'head', salary: '40000', skill: 1, workShare: 1, effortCost: 1, favour: 0 },
      { id: 'ann', name: 'ann', role: 'collector', salary: '20000', skill: 1, workShare: 1, effortCost: 1, favour: 0 },
    ]);
    expect(s.schemes).toEqual([
      { id: 'flat', name: 'flat', organisation: 'team', measure: 'teamCollections', period: 'month', attestationMonths: 0, deputyHead: false, formula: { type: 'fixed', amount: '10000' }, tranches: [], split: { type: 'equal' } },
      { id: 'lin', name: 'lin', organisation: 'team', measure: 'teamCollections', period: 'month', attestationMonths: 0, deputyHead: false, formula: { type: 'linear', rate: '0.001' }, tranches: [], split: { type: 'headShareEqual', headShare: '0.4' } },
    ]);
    expect(s.baseline).toBe('flat');
  });

  it('fills missing fields inside a present section and keeps the given ones', () => {
    const f = { ...minimalFile(), company: { plan: '60000000' }, behaviour: { effort: { enabled: false } } };
    const s = ok(parseScenario(f));
    expect(s.company).toEqual({ ...defaultScenario().company, plan: '60000000' });
    expect(s.behaviour.effort).toEqual({ ...defaultScenario().behaviour.effort, enabled: false });
    expect(s.behaviour.splitPerception).toEqual(defaultScenario().behaviour.splitPerception);
  });

  it('fills award minDeviation and an empty awards list', () => {
    const f = minimalFile();
    (f.schemes as unknown[]).push(
      { id: 'aw', formula: { type: 'fixed', amount: 1 }, split: { type: 'awardsEqual', headShare: 0.4, awards: [{ to: 'topContributor', amount: 100 }] } },
      { id: 'aw0', formula: { type: 'fixed', amount: 1 }, split: { type: 'awardsEqual', headShare: 0.4 } },
    );
    const s = ok(parseScenario(f));
    expect(s.schemes[2].split).toEqual({ type: 'awardsEqual', headShare: '0.4', awards: [{ to: 'topContributor', amount: '100', minDeviation: '0' }] });
    expect(s.schemes[3].split).toEqual({ type: 'awardsEqual', headShare: '0.4', awards: [] });
  });

  it('does not modify its input', () => {
    const f = minimalFile();
    const copy = structuredClone(f);
    parseScenario(f);
    fillDefaults(f);
    expect(f).toEqual(copy);
  });
});

describe('money and rates', () => {
  function withCompany(company: Record<string, unknown>) {
    return parseScenario({ ...minimalFile(), company });
  }

  it('are stored as canonical decimal strings', () => {
    const s = ok(withCompany({ plan: '050000000.00', breakEven: 40000000, variableCostRatio: '0.200', openingCash: '-12.5', overdraftRate: 1e-7, minReserve: '-0' }));
    expect(s.company.plan).toBe('50000000');
    expect(s.company.breakEven).toBe('40000000');
    expect(s.company.variableCostRatio).toBe('0.2');
    expect(s.company.openingCash).toBe('-12.5');
    expect(s.company.overdraftRate).toBe('0.0000001');
    expect(s.company.minReserve).toBe('0');
  });

  it('trims the ends of decimal strings', () => {
    expect(ok(withCompany({ plan: ' 100 ' })).company.plan).toBe('100');
  });

  it('refuse exponents, NaN, Infinity and other syntax clearly', () => {
    expectError(withCompany({ plan: '1e5' }), 'company.plan', 'decimal.exponent');
    expectError(withCompany({ plan: 'NaN' }), 'company.plan', 'decimal.notFinite');
    expectError(withCompany({ plan: '-Infinity' }), 'company.plan', 'decimal.notFinite');
    expectError(withCompany({ plan: '1,5' }), 'company.plan', 'decimal.syntax');
    expectError(withCompany({ plan: '0x10' }), 'company.plan', 'decimal.syntax');
    expectError(withCompany({ plan: '' }), 'company.plan', 'decimal.syntax');
    expectError(withCompany({ plan: '1'.repeat(41) }), 'company.plan', 'decimal.tooLong');
    expectError(withCompany({ plan: true }), 'company.plan', 'type.decimal');
    expectError(withCompany({ plan: Number.NaN }), 'company.plan', 'number.notFinite');
    expectError(withCompany({ plan: Number.POSITIVE_INFINITY }), 'company.plan', 'number.notFinite');
  });

  it('never round money silently', () => {
    const e = expectError(withCompany({ fixedCosts: '100.005' }), 'company.fixedCosts', 'money.decimals');
    expect(formatIssue(e, 'en')).toBe('company.fixedCosts: 100.005: money has at most 2 decimal places (kopecks)');
    // 0.1 + 0.2 as a JSON number is 0.30000000000000004: refused, not rounded.
    expectError(withCompany({ fixedCosts: 0.1 + 0.2 }), 'company.fixedCosts', 'money.decimals');
    expect(ok(withCompany({ fixedCosts: 0.1 })).company.fixedCosts).toBe('0.1');
  });

  it('allow rates up to 10 decimal places', () => {
    expect(ok(withCompany({ overdraftRate: '0.0000000001' })).company.overdraftRate).toBe('0.0000000001');
    expectError(withCompany({ overdraftRate: '0.00000000001' }), 'company.overdraftRate', 'rate.decimals');
  });

  it('check ranges', () => {
    expectError(withCompany({ plan: '0' }), 'company.plan', 'range.aboveAtMost');
    expectError(withCompany({ variableCostRatio: '1.5' }), 'company.variableCostRatio', 'range.between');
    expectError(withCompany({ fixedCosts: '-1' }), 'company.fixedCosts', 'range.between');
    expectError(withCompany({ openingCash: '100000000000000' }), 'company.openingCash', 'range.between');
  });
});

describe('strings', () => {
  it('keeps names verbatim apart from the trimmed ends', () => {
    const f = { ...minimalFile(), name: '  Отдел  «Клиенты»  №1 😀 ' };
    expect(ok(parseScenario(f)).name).toBe('Отдел  «Клиенты»  №1 😀');
  });

  it('refuses control characters in names and allows line breaks in the description', () => {
    expectError(parseScenario({ ...minimalFile(), name: 'a\u0007b' }), 'name', 'string.control');
    expectError(parseScenario({ ...minimalFile(), name: 'a\nb' }), 'name', 'string.control');
    expectError(parseScenario({ ...minimalFile(), name: 'a\ud800b' }), 'name', 'string.surrogate');
    expectError(parseScenario({ ...minimalFile(), description: 'a\u0000' }), 'description', 'string.control');
    expect(ok(parseScenario({ ...minimalFile(), description: 'line 1\nline 2\ttab' })).description).toBe('line 1\nline 2\ttab');
  });

  it('bounds lengths', () => {
    expectError(parseScenario({ ...minimalFile(), name: 'x'.repeat(201) }), 'name', 'string.tooLong');
    expect(ok(parseScenario({ ...minimalFile(), name: '😀'.repeat(200) })).name).toHaveLength(400);
    expectError(parseScenario({ ...minimalFile(), name: '   ' }), 'name', 'string.empty');
    expectError(parseScenario({ ...minimalFile(), description: 'x'.repeat(2001) }), 'description', 'string.tooLong');
  });
});

describe('unknown keys', () => {
  it('are warnings with their path, not errors', () => {
    const f = minimalFile();
    f.colour = 'red';
    (f.staff as Record<string, unknown>[])[1].hobby = 'chess';
    (f.schemes as Record<string, unknown>[])[0].formula = { type: 'fixed', amount: '1', rate: '0.1' };
    f.company = { plan: '1', 'odd key': 1 };
    const r = parseScenario(f);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => [w.path, w.code])).toEqual([
      ['colour', 'key.unknown'],
      ['company["odd key"]', 'key.unknown'],
      ['staff[1].hobby', 'key.unknown'],
      ['schemes[0].formula.rate', 'key.unknown'],
    ]);
    expect(formatIssue(r.warnings[0], 'en')).toBe('colour: unknown field "colour", ignored');
    expect(formatIssue(r.warnings[0], 'ru')).toBe('colour: неизвестное поле "colour", пропущено');
  });

  it('handles a "__proto__" key as data, without touching prototypes', () => {
    const f = JSON.parse(
      JSON.stringify(minimalFile()).replace('{', '{"__proto__":{"polluted":true},'),
    ) as Record<string, unknown>;
    const r = parseScenario(f);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.path)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('caps the number of reported issues', () => {
    const f = minimalFile();
    for (let i = 0; i < 5000; i++) f[`k${i}`] = i;
    const r = parseScenario(f);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toHaveLength(201);
    expect(r.warnings[200]).toMatchObject({ path: '', code: 'issues.truncated', params: { count: 4800 } });
  });
});

describe('versions', () => {
  it('needs the format', () => {
    const { format: _, ...rest } = minimalFile();
    expectError(parseScenario(rest), 'format', 'format.missing');
    expectError(parseScenario({ ...minimalFile(), format: 'excalidraw' }), 'format', 'format.wrong');
  });

  it('refuses a missing, zero or non-integer version (no migration from them exists)', () => {
    const { version: _, ...rest } = minimalFile();
    expectError(parseScenario(rest), 'version', 'version.missing');
    expectError(parseScenario({ ...minimalFile(), version: 0 }), 'version', 'version.unsupported');
    expectError(parseScenario({ ...minimalFile(), version: '1' }), 'version', 'version.invalid');
    expectError(parseScenario({ ...minimalFile(), version: 1.5 }), 'version', 'version.invalid');
  });

  it('refuses a newer version', () => {
    const e = expectError(parseScenario({ ...minimalFile(), version: SCENARIO_VERSION + 1 }), 'version', 'version.newer');
    expect(formatIssue(e, 'en')).toContain('made by a newer Paybench');
    expect(formatIssue(e, 'ru')).toContain('более новой версией Paybench');
  });

  it('has a consistent migration chain', () => {
    let at: number | undefined;
    for (const m of MIGRATIONS) {
      expect(m.to).toBeGreaterThan(m.from);
      if (at !== undefined) expect(m.from).toBe(at);
      at = m.to;
    }
    if (at !== undefined) expect(at).toBe(SCENARIO_VERSION);
  });
});
