/**
 * The workbench's payment history: a statement opens through the door and says what it
 * says; a bad one (or a bad choice of encoding) is reported with its lines and changes
 * nothing; the user's choices read the same bytes again; a fit replaces the scenario as
 * one undo step, names it as fitted, and a cancelled fit changes nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../../src/app/workbench.svelte.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { localEngine } from './local-engine.ts';

const ROOT = new URL('../../', import.meta.url);
function bundled(): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL('scenarios/client-department.json', ROOT), 'utf8'));
  if (!parsed.ok) throw new Error('the bundled scenario does not parse');
  return { ...parsed.scenario, simulation: { ...parsed.scenario.simulation, runs: 5 } };
}
const example = () => new Uint8Array(readFileSync(new URL('scenarios/history-example.csv', ROOT)));
/** The example cut to its first two months (a fit in seconds). */
function twoMonths(): Uint8Array {
  const text = new TextDecoder().decode(example());
  const lines = text.split('\r\n').filter((l, i) => i === 0 || /^\d\d\.0[12]\.2027;/.test(l));
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}
const SMALL = { runs: 2, budget: 4, checkRuns: 2 };

describe('the payment history in the workbench', () => {
  it('opens the bundled example and says what it says', () => {
    const wb = new Workbench(bundled(), localEngine(), 'en');
    expect(wb.payments.open('history-example.csv', example(), {}, true)).toBe(true);
    expect(wb.payments.simulated).toBe(true); // said so beside its name
    expect(wb.payments.opened).toBe(1);
    expect(wb.payments.detected).toMatchObject({ encoding: 'utf-8', delimiter: ';', decimal: ',', dateFormat: 'DD.MM.YYYY' });
    expect(wb.payments.view!.horizon).toEqual({ start: '2027-01', months: 12 });
    expect(wb.payments.view!.largest).toHaveLength(10);
  });

  it('refuses a bad statement with its lines and keeps what was open', () => {
    const wb = new Workbench(bundled(), localEngine(), 'en');
    wb.payments.open('history-example.csv', example());
    const before = { view: wb.payments.view, draft: JSON.stringify(wb.draft) };
    expect(wb.payments.open('broken.csv', new TextEncoder().encode('Дата;Сумма\n09.01.2027;сто\n'))).toBe(false);
    expect(wb.payments.failure).toMatchObject({ name: 'broken.csv', errors: [{ line: 2, code: 'row.badAmount' }] });
    expect(wb.payments.view).toBe(before.view);
    expect(wb.payments.name).toBe('history-example.csv');
    expect(JSON.stringify(wb.draft)).toBe(before.draft);
    expect(wb.payments.opened).toBe(2); // the History tab shows the problem
  });

  it('reads the same bytes again with the user\'s choices; a choice that does not read changes nothing', () => {
    const wb = new Workbench(bundled(), localEngine(), 'en');
    wb.payments.open('history-example.csv', example());
    expect(wb.payments.reread({ columns: { client: null } })).toBe(true);
    expect(wb.payments.history!.hasClients).toBe(false);
    expect(wb.payments.simulated).toBe(false);
    expect(wb.payments.view!.largest).toEqual([]);
    expect(wb.payments.reread({ delimiter: ',' })).toBe(false);
    expect(wb.payments.failure!.errors[0].code).toBe('header.notFound');
    expect(wb.payments.history!.hasClients).toBe(false);
    expect(wb.payments.opened).toBe(1);
  });

  it('fits: the fitted scenario replaces the current one as one undo step', async () => {
    const wb = new Workbench(bundled(), localEngine(), 'en');
    wb.payments.open('two-months.csv', twoMonths());
    const before = JSON.stringify(wb.draft);
    const undoDepth = wb.history.undoDepth;
    await wb.payments.fit(wb, SMALL);
    expect(wb.payments.status).toBe('done');
    expect(wb.payments.report!.horizon).toEqual({ start: '2027-01', months: 2 });
    expect(wb.draft.name).toBe('Client department (article 002) (fitted)');
    expect(JSON.stringify(wb.draft)).not.toBe(before);
    expect(wb.history.undoDepth).toBe(undoDepth + 1);
    wb.undo();
    expect(JSON.stringify(wb.draft)).toBe(before);
    expect(wb.payments.report).not.toBeNull(); // the report stays: it says what the fit found
  });

  it('a cancelled fit changes nothing', async () => {
    const wb = new Workbench(bundled(), localEngine(), 'ru');
    wb.payments.open('two-months.csv', twoMonths());
    const before = JSON.stringify(wb.draft);
    const running = wb.payments.fit(wb, SMALL);
    expect(wb.payments.running).toBe(true);
    wb.payments.cancel();
    await running;
    expect(wb.payments.status).toBe('cancelled');
    expect(JSON.stringify(wb.draft)).toBe(before);
    expect(wb.payments.report).toBeNull();
  });
});
