/**
 * The comparison run: every scheme of a scenario run on the workbench's engine, with
 * progress, Cancel, and results that refine as they come — a first summary once the first
 * runs of every scheme are in, then every few hundred milliseconds, then the complete one,
 * which is exactly what `paybench run` prints for the same scenario, seed and runs. With
 * "stop when settled" it ends once the answer is settled (batch/converge.ts), as a
 * convergence monitor does.
 */
import { DEFAULT_TOLERANCE, ProfitLedger, checkpoints, profitFigures, settling, settlingOf } from '../engine/index.ts';
import type { Precision, ResultsJson, Scenario, Settling } from '../engine/index.ts';
import type { SummarizingRunner } from '../workers/runner.ts';
import type { Lang } from './i18n.ts';
import { BackgroundJob, type JobTicket } from './background-job.svelte.ts';
import { relabelResults, sameButNames } from './results-names.ts';

/**
 * A first result once this many runs of every scheme are in (in each worker's hands): a
 * rough picture within a few tenths of a second of an edit, refined as the runs come in.
 */
export const FIRST_RESULT_RUNS = 10;
/** Refresh partial results at most this often. */
export const REFRESH_MS = 400;

/** Where the answer stood at a step: runs in, the widest 90% interval as a share of profit, the tolerance asked. */
export interface Reading {
  runs: number;
  widest: number | null;
  tolerance: number;
}

const readingOf = (s: Settling): Reading => ({ runs: s.runs, widest: s.precision.widest, tolerance: DEFAULT_TOLERANCE });

export class Comparison extends BackgroundJob {
  /** Stop a run once the answer is settled (batch/converge.ts), as a convergence monitor does. */
  untilSettled = $state(true);
  /** The latest run stopped settled: at how many runs, and its widest interval as a share of profit. */
  settled = $state<Reading | null>(null);
  /** The latest run (stop when settled on) reached its runs unsettled: how wide its widest interval still was. */
  unsettled = $state<Reading | null>(null);

  results = $state.raw<ResultsJson | null>(null);
  /** The scenario the shown results were computed from (charts read both together). */
  resultsScenario = $state.raw<Scenario | null>(null);
  /** Milliseconds from the start of the latest run to its first and its complete result. */
  firstResultMs = $state<number | null>(null);
  completeMs = $state<number | null>(null);

  /** The scenario of the latest run, renamed along with the draft (names change no number). */
  #runScenario: Scenario | null = null;

  constructor(
    private readonly engine: SummarizingRunner,
    lang: () => Lang,
  ) {
    super({ noun: 'run', lang });
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

  /** Runs `scenario`; a run in progress is cancelled first. Resolves when it ends. */
  run(scenario: Scenario): Promise<void> {
    this.#runScenario = scenario;
    const schemes = scenario.schemes.length;
    // The first picture is a glimpse of one worker's runs: wait until it holds about
    // FIRST_RESULT_RUNS (a crowded pool starts on that worker alone).
    const sharing = this.engine.crowded ? 1 : (this.engine.size ?? 1);
    const firstAt = Math.min(scenario.simulation.runs, FIRST_RESULT_RUNS * sharing) * schemes;
    this.firstResultMs = null;
    this.completeMs = null;
    this.settled = null;
    this.unsettled = null;
    return this.launch(
      scenario.simulation.runs * schemes,
      (job) => this.#refining(scenario, firstAt, job),
      () => (this.completeMs = this.elapsedMs),
    );
  }

  /** Runs `scenario` on the engine, showing its summary as it refines; ends with the complete one. */
  async #refining(scenario: Scenario, firstAt: number, job: JobTicket): Promise<void> {
    const engine = this.engine;
    const untilSettled = this.untilSettled;
    let inFlight: Promise<void> | null = null;
    let lastAt = 0;
    let lastCost = 0;
    let shown = false;
    const refresh = (last = false): Promise<void> => {
      const asked = performance.now();
      // The first picture is a glimpse (one worker's runs): with several workers, gathering
      // theirs would wait behind the chunks each holds. The last is every worker's, even
      // when the batch ended before a first picture was due.
      return (inFlight = engine.summarize({ glimpse: !shown && !last }).then((results) => {
        inFlight = null;
        lastAt = performance.now();
        lastCost = lastAt - asked;
        if (!job.current || !results) return;
        // Renamed since the run started: shown under the draft's names.
        const named = this.#runScenario ?? scenario;
        this.results = named === scenario ? results : relabelResults(results, named);
        this.resultsScenario = named;
        shown = true;
        this.firstResultMs ??= job.elapsedMs;
      }));
    };

    // Settled yet? Read at 100, 200, 400, … runs: every run below the step is in, none above it.
    // Read from the runs' profit totals (the same figures as the summaries): no worker's
    // summaries are gathered for it, so the workers barely pause.
    let previous: Precision | null = null;
    const profits = new ProfitLedger();
    const onCheckpoint = async (runs: number): Promise<boolean> => {
      if (!job.current) return false;
      const s = settlingOf(profitFigures(scenario, profits), runs, previous, DEFAULT_TOLERANCE);
      previous = s.precision;
      if (s.settled) this.settled = readingOf(s);
      return s.settled;
    };

    await engine.run(scenario, {
      signal: job.signal,
      glimpseFirst: true,
      ...(untilSettled ? { checkpoints: checkpoints(scenario.simulation.runs), onCheckpoint, profits } : {}),
      onProgress: (done, total) => {
        if (!job.current) return;
        job.progress(done);
        // Summaries grow with the runs held: space them so they take at most a fifth of the time,
        // and further apart as the run goes on (the later ones change the picture less).
        const due = shown ? performance.now() - lastAt >= Math.max(REFRESH_MS, 4 * lastCost, job.elapsedMs / 4) : done >= firstAt;
        if (done < total && due && !inFlight) void refresh();
      },
    });
    if (!job.current) return;
    await (inFlight ?? Promise.resolve());
    await refresh(true);
    // Every run made and not settled: how far the answer still is from it, as the CLI says.
    if (untilSettled && !this.settled && job.current && this.results) {
      const s = settling(this.results, previous, DEFAULT_TOLERANCE);
      if (s.settled) this.settled = readingOf(s);
      else this.unsettled = readingOf(s);
    }
  }
}
