/**
 * When the workbench runs: a change re-runs after a short pause (the keystrokes of one
 * number make one run), or waits for the Run button in manual mode. A configuration that
 * grows past a size where a run takes long switches manual mode on by itself.
 */
import type { Scenario } from '../engine/index.ts';

/** Wait this long after the last edit before re-running. */
export const DEBOUNCE_MS = 350;
/** Above this many scheme-runs, running waits for the Run button. */
export const AUTO_RUN_LIMIT = 24_000;

const schemeRuns = (scenario: Scenario): number => scenario.simulation.runs * scenario.schemes.length;

export class RunSchedule {
  /** Re-run on edits (off: manual mode, the Run button). */
  autoRun = $state(true);
  /** Manual mode is on because the configuration is large, not because the user chose it (never with autoRun). */
  offForSize = $state(false);
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Size of the configuration at the last change (manual mode starts when it grows past the limit). */
  #lastRuns = 0;

  /** `start` runs the scenario (looked up when the pause ends: a test may stand in for it). */
  constructor(
    scenario: Scenario,
    private readonly start: () => void,
  ) {
    this.opened(scenario);
  }

  /** A scenario was opened: it re-runs on edits unless it is large. */
  opened(scenario: Scenario): void {
    this.autoRun = schemeRuns(scenario) <= AUTO_RUN_LIMIT;
    this.offForSize = !this.autoRun;
    this.#lastRuns = schemeRuns(scenario);
  }

  /** The inputs changed to `scenario`: run it after a pause, unless running waits for the button. */
  changed(scenario: Scenario): void {
    this.clear();
    // A configuration grown large waits for the Run button instead of starting on a keystroke.
    const runs = schemeRuns(scenario);
    if (this.autoRun && runs > AUTO_RUN_LIMIT && this.#lastRuns <= AUTO_RUN_LIMIT) {
      this.autoRun = false;
      this.offForSize = true;
    }
    this.#lastRuns = runs;
    if (!this.autoRun) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.start();
    }, DEBOUNCE_MS);
  }

  /** The user switches re-running on edits on or off: manual mode is theirs now, whatever the size. */
  choose(on: boolean): void {
    this.autoRun = on;
    this.offForSize = false;
  }

  /** No run is waiting for the pause to end. */
  clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
