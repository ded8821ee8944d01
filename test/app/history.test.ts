/** Undo and redo: quick edits are one step, opening is a step, a new edit clears redo. */
import { describe, expect, it } from 'vitest';
import { EditHistory, COALESCE_MS } from '../../src/app/history.svelte.ts';

describe('EditHistory', () => {
  it('undoes and redoes steps; keystrokes in quick succession are one step', () => {
    const h = new EditHistory('a');
    h.record('a1', 1000);
    h.record('a12', 1000 + COALESCE_MS / 2);
    h.record('b', 1000 + 3 * COALESCE_MS);
    expect(h.undoDepth).toBe(2);
    expect(h.undo()).toBe('a12');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBe('a12');
    expect(h.redoDepth).toBe(1);
    h.record('c', 1000 + 10 * COALESCE_MS);
    expect(h.redoDepth).toBe(0);
    expect(h.redo()).toBeNull();
  });

  it('ignores a state equal to the current one (the echo of an undo)', () => {
    const h = new EditHistory('a');
    h.record('b', 0);
    h.undo();
    h.record('a', 10);
    expect(h.redoDepth).toBe(1);
  });

  it('starts a new step after breakStep, however soon', () => {
    const h = new EditHistory('a');
    h.record('b', 0);
    h.breakStep();
    h.record('c', 1);
    expect(h.undoDepth).toBe(2);
  });
});
