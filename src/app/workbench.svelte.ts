/**
 * The workbench's state: the scenario being edited (edited-scenario.svelte.ts), the
 * comparison run on it (comparison.svelte.ts), and the jobs asked for beside them
 * (sensitivity, suggest, the fit to a payment history). The components read the run
 * through the Workbench, which also says when the results no longer match the inputs;
 * when it runs is the schedule's (run-schedule.svelte.ts).
 */
import type { ParseResult, ResultsJson, Scenario } from '../engine/index.ts';
import type { SummarizingRunner } from '../workers/runner.ts';
import { browserLang, type Lang } from './i18n.ts';
import { EditedScenario } from './edited-scenario.svelte.ts';
import { Comparison, type RunReason } from './comparison.svelte.ts';
import type { JobStatus } from './background-job.svelte.ts';
import { SensitivityState } from './sensitivity.svelte.ts';
import { SuggestState } from './suggest.svelte.ts';
import type { OpenFailure, OpenSource } from './doors.ts';
import { PaymentHistory, type FitPoolFactory } from './payment-history.svelte.ts';
import { RunSchedule } from './run-schedule.svelte.ts';

/** Where the runs go and how they come back summarised (web workers in the app, inline in tests). */
export type RunEngine = SummarizingRunner;

export class Workbench extends EditedScenario {
  /** The browser's storage is full: the workspace is not kept (said once, in the status line). */
  notKept = $state(false);
  #notKeptSaid = false;

  /** The last file or link that did not open (shown until dismissed or another opens). */
  openFailure = $state<OpenFailure | null>(null);
  /** Counts scenarios opened: views holding their own inputs (the payout calculator) start afresh on it. */
  loads = $state(0);
  /** Every scheme of the scenario run side by side, with progress; its results are what the page shows. */
  readonly comparison: Comparison;
  /** Which inputs move each scheme's advantage most, computed on request (sensitivity.svelte.ts). */
  readonly sensitivity: SensitivityState;
  /** The department's own payment history and the fit to it (payment-history.svelte.ts). */
  readonly payments: PaymentHistory;
  /** A better version of a scheme within the owner's limits, searched on request (suggest.svelte.ts). */
  readonly suggest: SuggestState;

  readonly #inputsKey = $derived(this.parsed.ok ? JSON.stringify(this.parsed.scenario) : null);
  readonly #resultsKey = $derived(this.resultsScenario ? JSON.stringify(this.resultsScenario) : null);
  /**
   * The inputs changed since the shown results were computed (manual mode, an edit during
   * a run, the debounce, or a draft with errors): the results are marked and dimmed.
   */
  readonly stale = $derived(this.results !== null && this.#inputsKey !== this.#resultsKey);

  readonly #engine: RunEngine;
  readonly #schedule: RunSchedule;

  constructor(scenario: Scenario, engine: RunEngine, lang: Lang = browserLang(), options: { fitPool?: FitPoolFactory } = {}) {
    super(scenario, lang);
    this.#engine = engine;
    this.comparison = new Comparison(engine, () => this.lang);
    this.sensitivity = new SensitivityState(engine, () => this.lang);
    this.payments = new PaymentHistory(() => this.lang, options.fitPool);
    this.suggest = new SuggestState(engine, () => this.lang, (scheme, after) => this.insertScheme(scheme, after));
    this.#schedule = new RunSchedule(scenario, () => void this.run('edited'));
  }

  /** Re-run on edits (off: the Run button). */
  get autoRun(): boolean {
    return this.#schedule.autoRun;
  }
  set autoRun(on: boolean) {
    this.#schedule.choose(on);
  }
  /** Re-running on edits is off because the configuration is large (not by the user's choice). */
  get autoRunOffForSize(): boolean {
    return this.#schedule.offForSize;
  }

  // ------------------------------------------- the comparison run, as the page reads it

  get status(): JobStatus {
    return this.comparison.status;
  }
  get running(): boolean {
    return this.comparison.running;
  }
  get done(): number {
    return this.comparison.done;
  }
  get total(): number {
    return this.comparison.total;
  }
  get progress(): number {
    return this.comparison.progress;
  }
  get elapsedMs(): number {
    return this.comparison.elapsedMs;
  }
  get etaMs(): number | null {
    return this.comparison.etaMs;
  }
  get firstResultMs(): number | null {
    return this.comparison.firstResultMs;
  }
  get completeMs(): number | null {
    return this.comparison.completeMs;
  }
  get results(): ResultsJson | null {
    return this.comparison.results;
  }
  get resultsScenario(): Scenario | null {
    return this.comparison.resultsScenario;
  }
  /**
   * The results shown hold fewer runs than asked because runs still go on (or were cancelled):
   * the glance and the deck say "partial". An answer that settled sooner is complete.
   */
  get partial(): boolean {
    const results = this.results;
    return results !== null && (this.running || this.status === 'cancelled') && results.scenario.runs < (this.resultsScenario?.simulation.runs ?? 0);
  }
  get settled(): Comparison['settled'] {
    return this.comparison.settled;
  }
  get unsettled(): Comparison['unsettled'] {
    return this.comparison.unsettled;
  }
  /** Where the run under way will likely settle, while its runs have not passed it: Comparison.foreseen. */
  get likely(): Comparison['likely'] {
    return this.comparison.foreseen;
  }
  /** Schemes the latest run kept from a run before (as the edit left them): Comparison.keptSchemes. */
  get keptSchemes(): number {
    return this.comparison.keptSchemes;
  }
  get untilSettled(): boolean {
    return this.comparison.untilSettled;
  }
  set untilSettled(on: boolean) {
    if (on === this.comparison.untilSettled) return;
    this.comparison.untilSettled = on;
    this.#settlingChanged();
  }
  /** The precision "stop when settled" asks: Comparison.tolerance. */
  get tolerance(): number {
    return this.comparison.tolerance;
  }
  set tolerance(share: number) {
    if (share === this.comparison.tolerance) return;
    this.comparison.tolerance = share;
    if (this.comparison.untilSettled) this.#settlingChanged();
  }

  /**
   * When to stop changed: the answer shown was read under the old rule, so it is run again
   * as an edit would be (after the same pause, which lets a keyboard step through the
   * choices). Runs held from the last comparison serve where they can: a looser precision
   * finds its step in their profits and re-runs only up to it. A sweep or a search under
   * way is not given up for it (the scenario is the same): the rule applies from the next run.
   */
  #settlingChanged(): void {
    const scenario = this.scenario;
    if (!scenario || this.comparison.status === 'idle' || this.sensitivity.running || this.suggest.running) return;
    this.#schedule.changed(scenario);
  }
  /** The latest run's failure in the user's language, or null. */
  get error(): string | null {
    return this.comparison.error;
  }

  /** The workspace was (`true`) or was not kept in browser storage: a full storage is said once. */
  kept(ok: boolean): void {
    if (ok) this.notKept = false;
    else if (!this.#notKeptSaid) {
      this.#notKeptSaid = true;
      this.notKept = true;
    }
  }

  /** Replaces the whole draft (a bundled scenario, a file): one undo step of its own. */
  load(scenario: Scenario): void {
    this.sensitivity.invalidate();
    this.suggest.reset();
    this.replaceDraft(scenario);
    this.loads++;
    this.#schedule.opened(scenario);
  }

  /**
   * Opens what came through a door (file, drop, link): a valid scenario replaces the
   * draft; anything else is reported and leaves the workspace exactly as it was.
   */
  open(result: ParseResult, source: OpenSource): boolean {
    if (!result.ok) {
      this.openFailure = { source, issues: result.errors };
      return false;
    }
    this.openFailure = null;
    this.load(result.scenario);
    return true;
  }

  // ---------------------------------------------------------------- running

  /** Called on every change of the draft: re-run after a pause, or mark the results stale. */
  changed(): void {
    this.recordEdit();
    const scenario = this.scenario;
    if (!scenario) return this.sensitivity.invalidate();
    if (this.comparison.renamed(scenario)) {
      // A rename: the numbers stand, the names follow without a run.
      this.#schedule.clear();
      return;
    }
    this.sensitivity.invalidate();
    this.suggest.cancel(); // searching a scenario that is no longer the one on screen
    this.#schedule.changed(scenario);
  }

  cancel(): void {
    this.#schedule.clear();
    this.comparison.cancel();
  }

  /** Runs the current scenario; a run in progress is cancelled first. Resolves when it ends. `why`: Comparison.run's. */
  async run(why: RunReason = 'asked'): Promise<void> {
    const scenario = this.scenario;
    if (!scenario) return;
    this.#schedule.clear();
    // The engine runs one batch at a time: a sweep or a search in progress gives way.
    this.sensitivity.cancel();
    this.suggest.cancel();
    await this.comparison.run(scenario, why);
  }

  /** Browser tests: make the next chunk throw in its worker (or kill the worker). */
  injectFault(fault: 'throw' | 'crash' | 'close' | 'hang'): void {
    this.#engine.injectFault?.(fault);
  }

  dispose(): void {
    this.cancel();
    this.payments.cancel();
    void this.#engine.dispose();
  }
}
