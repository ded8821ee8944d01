import { describe, expect, it } from 'vitest';
import { keepsBook, sells } from '../../../src/engine/scenario/staff-roles.ts';
import type { StaffRole } from '../../../src/engine/index.ts';

describe('staff roles', () => {
  const roles: StaffRole[] = ['head', 'collector', 'hunter', 'accountManager', 'inbound'];

  it('hunters and account managers sell and keep a book; the inbound sector sells without one; the rest neither', () => {
    expect(roles.map((r) => [r, sells(r), keepsBook(r)])).toEqual([
      ['head', false, false],
      ['collector', false, false],
      ['hunter', true, true],
      ['accountManager', true, true],
      ['inbound', true, false],
    ]);
  });

  it('whoever keeps a book sells', () => {
    for (const r of roles) if (keepsBook(r)) expect(sells(r)).toBe(true);
  });
});
