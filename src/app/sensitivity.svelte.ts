/**
 * The workbench's sensitivity analysis (engine/batch/sensitivity.ts): asked for with a button,
 * not run on every edit — it is many comparisons (each input lower and higher). Runs
 * through the workbench's engine one scenario at a time with progress and Cancel; an edit
 * or a new main run cancels it and drops the tornado, whose inputs no longer hold.
 */
import { planSensitivity, runSensitivity, sensitivityRuns } from '../engine/index.ts';
import type { Scenario, Tornado } from '../engine/index.ts';
import type { SummarizingRunner } from '../workers/runner.ts';
import type { Lang } from './i18n.ts';
import { BackgroundJob } from './background-job.svelte.ts';
import { summarizedRuns } from './summarized-runs.ts';

export class SensitivityState extends BackgroundJob {
  result = $state.raw<Tornado | null>(null);
  /** Inputs left out of the sweep (their paths), with the last result. */
  skipped = $state.raw<string[]>([]);

  constructor(
    private readonly engine: SummarizingRunner,
    lang: () => Lang,
  ) {
    super({ noun: 'run', lang });
  }

  /** Runs the sweep of `scenario` (at most `runs` runs per scheme for each scenario). */
  compute(scenario: Scenario, runs?: number): Promise<void> {
    this.cancel();
    const plan = planSensitivity(scenario, { runs });
    this.result = null;
    return this.launch(
      sensitivityRuns(plan),
      (job) => {
        const run = summarizedRuns(this.engine, job.signal);
        return runSensitivity(plan, (s, onRuns) => run(s, undefined, onRuns), (done) => job.progress(done));
      },
      (tornado) => {
        this.result = tornado;
        this.skipped = plan.skipped.map((s) => s.input.path);
      },
    );
  }

  /** The inputs changed: stop, and drop a tornado that no longer holds. */
  invalidate(): void {
    if (this.drop() || this.result) {
      this.result = null;
      this.status = 'idle';
    }
  }
}
