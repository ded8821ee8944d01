/**
 * The comparison run: every scheme of a scenario run on the workbench's engine, with
 * progress, Cancel, and results that refine as they come — a first summary once the first
 * runs of every scheme are in, then every few hundred milliseconds, then the complete one,
 * which is exactly what `paybench run` prints for the same scenario, seed and runs. With
 * "stop when settled" it ends once the answer is settled (batch/converge.ts), as a
 * convergence monitor does.
 */
import { DEFAULT_TOLERANCE, checkpoints, settling } from '../engine/index.ts';
import type { Precision, ResultsJson, Scenario } from '../engine/index.ts';
import type { SummarizingRunner } from '../workers/runner.ts';
import { relabelResults, sameButNames } from './results-names.ts';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A first result once this many runs of every scheme are in. */
export const FIRST_RESULT_RUNS = 25;
/** Refresh partial results at most this often. */
export const REFRESH_MS = 400;

export class Comparison {
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
  /** Why the latest run failed (shown in the user's words: Workbench.error). */
  failure = $state.raw<unknown>(null);
  /** Milliseconds from the start of the latest run to its first and its complete result. */
  firstResultMs = $state<number | null>(null);
  completeMs = $state<number | null>(null);

  /** The scenario of the latest run, renamed along with the draft (names change no number). */
  #runScenario: Scenario | null = null;
  #abort: AbortController | null = null;
  #runId = 0;
  #startedAt = 0;

  constructor(private readonly engine: SummarizingRunner) {}

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

  /**
   * `scenario` differs from the latest run's only in its names: the numbers stand, and the
   * results shown take the new names without a run. False when a number changed.
   */
  renamed(scenario: Scenario): boolean {
    if (!this.#runScenario || !sameButNames(scenario, this.#runScenario)) return false;
    this.#runScenario = scenario;
    if (this.results && this.resultsScenario && sameButNames(scenario, this.resultsScenario)) {
      this.results = relabelResults(this.results, scenario);
      this.resultsScenario = scenario;
    }
    return true;
  }

  cancel(): void {
    this.#abort?.abort(new DOMException('The run was cancelled', 'AbortError'));
  }

  /** Runs `scenario`; a run in progress is cancelled first. Resolves when it ends. */
  async run(scenario: Scenario): Promise<void> {
    this.#abort?.abort(new DOMException('Superseded by a new run', 'AbortError'));
    const abort = new AbortController();
    this.#abort = abort;
    this.#runScenario = scenario;
    const id = ++this.#runId;
    const current = () => id === this.#runId;
    const engine = this.engine;
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
}
