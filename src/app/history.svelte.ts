/**
 * Undo and redo of the workbench's edits, as snapshots of the draft (its JSON text: a
 * scenario is a few kilobytes). Edits in quick succession — the keystrokes of one number —
 * make one step; opening a scenario is always a step of its own.
 */
export const COALESCE_MS = 800;
export const MAX_STEPS = 200;

export class EditHistory {
  /** Steps that Undo / Redo can take (reactive: the buttons read them). */
  undoDepth = $state(0);
  redoDepth = $state(0);

  #past: string[] = [];
  #future: string[] = [];
  #current: string;
  #lastAt = -Infinity;

  constructor(initial: string) {
    this.#current = initial;
  }

  /** The draft is now `snapshot` (the same text as the current state is not an edit). */
  record(snapshot: string, now: number = performance.now()): void {
    if (snapshot === this.#current) return;
    if (now - this.#lastAt > COALESCE_MS || this.#past.length === 0) {
      this.#past.push(this.#current);
      if (this.#past.length > MAX_STEPS) this.#past.shift();
    }
    this.#current = snapshot;
    this.#lastAt = now;
    this.#future = [];
    this.#sync();
  }

  /** The next edit starts a step of its own (after opening a scenario, say). */
  breakStep(): void {
    this.#lastAt = -Infinity;
  }

  /** The state to go back to, or null when there is none. */
  undo(): string | null {
    const previous = this.#past.pop();
    if (previous === undefined) return null;
    this.#future.push(this.#current);
    this.#current = previous;
    this.breakStep();
    this.#sync();
    return previous;
  }

  redo(): string | null {
    const next = this.#future.pop();
    if (next === undefined) return null;
    this.#past.push(this.#current);
    this.#current = next;
    this.breakStep();
    this.#sync();
    return next;
  }

  #sync(): void {
    this.undoDepth = this.#past.length;
    this.redoDepth = this.#future.length;
  }
}
