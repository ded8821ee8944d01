/**
 * The workbench's sensitivity analysis (engine/batch/sensitivity.ts): asked for with a button,
 * not run on every edit — it is many comparisons (each input lower and higher). Runs
 * through the workbench's engine one scenario at a time with progress and Cancel; an edit
 * or a new main run cancels it and drops the tornado, whose inputs no longer hold.
 */
import { planSensitivity, runSensitivity, sensitivityRuns } from '../engine/index.ts';
import type { Scenario, Tornado } from '../engine/index.ts';
import type { SummarizingRunner } from '../workers/runner.ts';

export type SensitivityStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export class SensitivityState {
  status = $state<SensitivityStatus>('idle');
  done = $state(0);
  total = $state(0);
  result = $state.raw<Tornado | null>(null);
  error = $state<string | null>(null);
  /** Inputs left out of the sweep (their paths), with the last result. */
  skipped = $state.raw<string[]>([]);
  #abort: AbortController | null = null;

  constructor(private readonly engine: SummarizingRunner) {}

  /** Runs the sweep of `scenario` (at most `runs` runs per scheme for each scenario). */
  async compute(scenario: Scenario, runs?: number): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.#abort = abort;
    const engine = this.engine;
    const plan = planSensitivity(scenario, { runs });
    this.total = sensitivityRuns(plan);
    this.done = 0;
    this.error = null;
    this.result = null;
    this.status = 'running';
    try {
      const tornado = await runSensitivity(
        plan,
        async (s, onRuns) => {
          await engine.run(s, { signal: abort.signal, onProgress: onRuns });
          const results = await engine.summarize();
          if (!results || abort.signal.aborted) throw abort.signal.reason ?? new DOMException('The run was cancelled', 'AbortError');
          return results;
        },
        (done) => {
          if (this.#abort === abort) this.done = done;
        },
      );
      if (this.#abort !== abort) return;
      this.result = tornado;
      this.skipped = plan.skipped.map((s) => s.input.path);
      this.status = 'done';
    } catch (error) {
      if (this.#abort !== abort) return;
      if (abort.signal.aborted) this.status = 'cancelled';
      else {
        this.status = 'error';
        this.error = error instanceof Error ? error.message : String(error);
      }
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  cancel(): void {
    this.#abort?.abort(new DOMException('The run was cancelled', 'AbortError'));
  }

  /** The inputs changed: stop, and drop a tornado that no longer holds. */
  invalidate(): void {
    const running = this.#abort !== null;
    this.cancel();
    this.#abort = null;
    if (running || this.result) {
      this.result = null;
      this.status = 'idle';
    }
  }
}
