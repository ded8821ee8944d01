/**
 * The workbench's state: the scenario being edited (edited-scenario.svelte.ts), the run in
 * progress and the latest results, and the jobs asked for beside them (sensitivity,
 * suggest, the fit to a payment history).
 *
 * Running: a change re-runs after a short debounce (or waits for Run in manual mode);
 * results refine progressively — a first summary once the first runs of every scheme are
 * in, then every few hundred milliseconds, then the complete one, which is exactly what
 * `paybench run` prints for the same scenario, seed and runs.
 */
import { DEFAULT_TOLERANCE, checkpoints, settling } from '../engine/index.ts';
import type { ParseResult, Precision, ResultsJson, Scenario } from '../engine/index.ts';
import type { SummarizingRunner } from '../workers/runner.ts';
import { browserLang, type Lang } from './i18n.ts';
import { EditedScenario } from './edited-scenario.svelte.ts';
import { SensitivityState } from './sensitivity.svelte.ts';
import { SuggestState } from './suggest.svelte.ts';
import type { OpenFailure, OpenSource } from './doors.ts';
import { relabelResults, sameButNames } from './results-names.ts';
import { runErrorText } from './i18n-status.ts';
import { PaymentHistory, type FitPoolFactory } from './payment-history.svelte.ts';

/** Where the runs go and how they come back summarised (web workers in the app, inline in tests). */
export type RunEngine = SummarizingRunner;

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A first result once this many runs of every scheme are in. */
export const FIRST_RESULT_RUNS = 25;
/** Refresh partial results at most this often. */
export const REFRESH_MS = 400;
/** Wait this long after the last edit before re-running. */
export const DEBOUNCE_MS = 350;
/** Above this many scheme-runs, running waits for the Run button. */
export const AUTO_RUN_LIMIT = 24_000;

export class Workbench extends EditedScenario {
  autoRun = $state(true);
  /** Stop a run once the answer is settled (batch/converge.ts), as a convergence monitor does. */
  untilSettled = $state(true);
  /** The latest run stopped settled: at how many runs, and its widest interval as a share of profit. */
  settled = $state<{ runs: number; widest: number | null; tolerance: number } | null>(null);

  results = $state.raw<ResultsJson | null>(null);
  /** The scenario the shown results were computed from (charts read both together). */
  resultsScenario = $state.raw<Scenario | null>(null);
  status = $state<RunStatus>('idle');
  done = $state(0);
  total = $state(0);
  elapsedMs = $state(0);
  /** Why the latest run failed (shown in the user's words: `error`). */
  failure = $state.raw<unknown>(null);
  /** The browser's storage is full: the workspace is not kept (said once, in the status line). */
  notKept = $state(false);
  #notKeptSaid = false;
  /** Milliseconds from the start of the latest run to its first and its complete result. */
  firstResultMs = $state<number | null>(null);
  completeMs = $state<number | null>(null);

  readonly #inputsKey = $derived(this.parsed.ok ? JSON.stringify(this.parsed.scenario) : null);
  readonly #resultsKey = $derived(this.resultsScenario ? JSON.stringify(this.resultsScenario) : null);
  /**
   * The inputs changed since the shown results were computed (manual mode, an edit during
   * a run, the debounce, or a draft with errors): the results are marked and dimmed.
   */
  readonly stale = $derived(this.results !== null && this.#inputsKey !== this.#resultsKey);

  /** The last file or link that did not open (shown until dismissed or another opens). */
  openFailure = $state<OpenFailure | null>(null);
  /** Counts scenarios opened: views holding their own inputs (the payout calculator) start afresh on it. */
  loads = $state(0);
  /** Which inputs move each scheme's advantage most, computed on request (sensitivity.svelte.ts). */
  readonly sensitivity: SensitivityState;
  /** The department's own payment history and the fit to it (payment-history.svelte.ts). */
  readonly payments: PaymentHistory;
  /** A better version of a scheme within the owner's limits, searched on request (suggest.svelte.ts). */
  readonly suggest: SuggestState;

  readonly #engine: RunEngine;
  /** The scenario of the latest run, renamed along with the draft (names change no number). */
  #runScenario: Scenario | null = null;
  #abort: AbortController | null = null;
  #runId = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #startedAt = 0;
  /** Size of the configuration at the last change (manual mode starts when it grows past the limit). */
  #lastJobs = 0;

  constructor(scenario: Scenario, engine: RunEngine, lang: Lang = browserLang(), options: { fitPool?: FitPoolFactory } = {}) {
    super(scenario, lang);
    this.#engine = engine;
    this.sensitivity = new SensitivityState(engine);
    this.payments = new PaymentHistory(options.fitPool);
    this.suggest = new SuggestState(engine, (scheme, after) => this.insertScheme(scheme, after));
    this.autoRun = jobsOf(scenario) <= AUTO_RUN_LIMIT;
    this.#lastJobs = jobsOf(scenario);
  }

  /** The latest run's failure in the user's language, or null. */
  get error(): string | null {
    return this.failure === null ? null : runErrorText(this.failure, this.lang);
  }

  /** The workspace was (`true`) or was not kept in browser storage: a full storage is said once. */
  kept(ok: boolean): void {
    if (ok) this.notKept = false;
    else if (!this.#notKeptSaid) {
      this.#notKeptSaid = true;
      this.notKept = true;
    }
  }

  get running(): boolean {
    return this.status === 'running';
  }

  get progress(): number {
    return this.total > 0 ? this.done / this.total : 0;
  }

  /** Estimated milliseconds left, from the pace so far (null before the first chunk). */
  get etaMs(): number | null {
    if (!this.running || this.done === 0) return null;
    return (this.elapsedMs / this.done) * (this.total - this.done);
  }

  /** Replaces the whole draft (a bundled scenario, a file): one undo step of its own. */
  load(scenario: Scenario): void {
    this.sensitivity.invalidate();
    this.suggest.reset();
    this.replaceDraft(scenario);
    this.loads++;
    this.autoRun = jobsOf(scenario) <= AUTO_RUN_LIMIT;
    this.#lastJobs = jobsOf(scenario);
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
    if (this.#runScenario && sameButNames(scenario, this.#runScenario)) {
      // A rename: the numbers stand, the names follow without a run.
      this.#runScenario = scenario;
      if (this.results && this.resultsScenario && sameButNames(scenario, this.resultsScenario)) {
        this.results = relabelResults(this.results, scenario);
        this.resultsScenario = scenario;
      }
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = null;
      return;
    }
    this.sensitivity.invalidate();
    this.suggest.cancel(); // searching a scenario that is no longer the one on screen
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    // A configuration grown large waits for the Run button instead of starting on a keystroke.
    const jobs = jobsOf(scenario);
    if (this.autoRun && jobs > AUTO_RUN_LIMIT && this.#lastJobs <= AUTO_RUN_LIMIT) this.autoRun = false;
    this.#lastJobs = jobs;
    if (!this.autoRun) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.run();
    }, DEBOUNCE_MS);
  }

  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#abort?.abort(new DOMException('The run was cancelled', 'AbortError'));
  }

  /** Runs the current scenario; a run in progress is cancelled first. Resolves when it ends. */
  async run(): Promise<void> {
    const scenario = this.scenario;
    if (!scenario) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#abort?.abort(new DOMException('Superseded by a new run', 'AbortError'));
    // The engine runs one batch at a time: a sweep or a search in progress gives way.
    this.sensitivity.cancel();
    this.suggest.cancel();
    const abort = new AbortController();
    this.#abort = abort;
    this.#runScenario = scenario;
    const id = ++this.#runId;
    const current = () => id === this.#runId;
    const engine = this.#engine;
    const schemes = scenario.schemes.length;
    const firstAt = Math.min(scenario.simulation.runs, FIRST_RESULT_RUNS) * schemes;
    this.status = 'running';
    this.done = 0;
    this.total = scenario.simulation.runs * schemes;
    this.failure = null;
    this.elapsedMs = 0;
    this.firstResultMs = null;
    this.completeMs = null;
    this.settled = null;
    this.#startedAt = performance.now();

    let inFlight: Promise<void> | null = null;
    let lastAt = 0;
    let lastCost = 0;
    let shown = false;
    const refresh = (): Promise<void> => {
      const asked = performance.now();
      return (inFlight = engine.summarize().then((results) => {
        inFlight = null;
        lastAt = performance.now();
        lastCost = lastAt - asked;
        if (!current() || !results) return;
        // Renamed since the run started: shown under the draft's names.
        const named = this.#runScenario ?? scenario;
        this.results = named === scenario ? results : relabelResults(results, named);
        this.resultsScenario = named;
        shown = true;
        this.firstResultMs ??= performance.now() - this.#startedAt;
      }));
    };

    // Settled yet? Read at 100, 200, 400, … runs: every run below the step is in, none above it.
    let previous: Precision | null = null;
    const onCheckpoint = async (runs: number): Promise<boolean> => {
      if (!current()) return false;
      await (inFlight ?? Promise.resolve());
      const results = await engine.summarize();
      if (!current() || !results) return false;
      const s = settling(results, previous, DEFAULT_TOLERANCE);
      previous = s.precision;
      if (!s.settled) return false;
      this.settled = { runs, widest: s.precision.widest, tolerance: DEFAULT_TOLERANCE };
      return true;
    };

    try {
      await engine.run(scenario, {
        signal: abort.signal,
        ...(this.untilSettled ? { checkpoints: checkpoints(scenario.simulation.runs), onCheckpoint } : {}),
        onProgress: (done, total) => {
          if (!current()) return;
          this.done = done;
          this.elapsedMs = performance.now() - this.#startedAt;
          // Summaries grow with the runs held: space them so they take at most a fifth of the time.
          const due = shown ? performance.now() - lastAt >= Math.max(REFRESH_MS, 4 * lastCost) : done >= firstAt;
          if (done < total && due && !inFlight) void refresh();
        },
      });
      if (!current()) return;
      await (inFlight ?? Promise.resolve());
      await refresh();
      if (!current()) return;
      this.elapsedMs = performance.now() - this.#startedAt;
      this.completeMs = this.elapsedMs;
      this.status = 'done';
    } catch (error) {
      if (!current()) return;
      this.elapsedMs = performance.now() - this.#startedAt;
      if (abort.signal.aborted) {
        this.status = 'cancelled';
      } else {
        this.status = 'error';
        this.failure = error;
      }
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
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

export function jobsOf(scenario: Scenario): number {
  return scenario.simulation.runs * scenario.schemes.length;
}
