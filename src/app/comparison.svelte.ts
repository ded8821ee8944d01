/**
 * The comparison run: every scheme of a scenario run on the workbench's engine, with
 * progress, Cancel, and results that refine as they come — a first summary once the first
 * runs of every scheme are in, then every few hundred milliseconds, then the complete one,
 * which is exactly what `paybench run` prints for the same scenario, seed and runs. With
 * "stop when settled" it ends once the answer is settled (batch/converge.ts), as a
 * convergence monitor does. An edit that leaves some schemes as one of the last comparisons
 * had them keeps their runs (kept-schemes.ts) and runs the others alone: the same results,
 * sooner; going back to one of them (an Undo) runs nothing.
 */
import { DEFAULT_TOLERANCE, ProfitLedger, checkpoints, likelyAhead, likelySettling, profitFigures, settling, settlingOf } from '../engine/index.ts';
import type { Likely, Precision, ResultsJson, Scenario, Settling } from '../engine/index.ts';
import type { SummarizingRunner } from '../workers/runner.ts';
import type { Lang } from './i18n.ts';
import { BackgroundJob, type JobTicket } from './background-job.svelte.ts';
import { relabelResults, sameButNames } from './results-names.ts';
import { keptCount, keptSchemes } from './kept-schemes.ts';

/**
 * A first result once this many runs of every scheme are in (in each worker's hands): a
 * rough picture within a few tenths of a second of an edit, refined as the runs come in.
 */
export const FIRST_RESULT_RUNS = 10;
/** Refresh partial results at most this often. */
export const REFRESH_MS = 400;
/**
 * No partial picture when the whole answer is likely this close: it would be replaced as
 * soon as it is read, and gathering it takes a worker from the runs (a tenth of a second of
 * summarising in an edit of a second and a half). The pace is read from the start, when the
 * first worker runs alone until the first picture, so it overstates the time left a little.
 */
export const NEAR_END_MS = 1500;

/**
 * At the pace so far (`done` of the work in `elapsedMs`), the answer is likely in within
 * NEAR_END_MS: at the step where it likely settles (`likely`, while the runs have not passed
 * it: likelyAhead), else at the last run (`total`).
 */
export function likelyNearEnd(elapsedMs: number, done: number, total: number, likely: { total: number } | null): boolean {
  const expected = likelyAhead(likely, done)?.total ?? total;
  return done > 0 && (elapsedMs / done) * (expected - done) < NEAR_END_MS;
}

/** Where the answer stood at a step: runs in, the widest 90% interval as a share of profit, the tolerance asked. */
export interface Reading {
  runs: number;
  widest: number | null;
  tolerance: number;
}


/** Why a comparison runs: the user asked (the Run button), or an edit re-runs it. */
export type RunReason = 'asked' | 'edited';

/** A run that ended, at how many runs (fewer once settled), and every one of its runs' profits. */
interface Ended {
  scenario: Scenario;
  runs: number;
  profits: ProfitLedger;
  /** The precision asked when it ran (it matters where it settled before the scenario's runs). */
  tolerance: number;
}

const readingOf = (s: Settling, tolerance: number): Reading => ({ runs: s.runs, widest: s.precision.widest, tolerance });

/**
 * The precisions the workbench offers: the widest 90% interval of a paired profit difference,
 * as a share of profit. Twice as wide takes about a quarter of the runs (the bundled client
 * department settles at 300 of 1,000 runs at 2%, and runs them all at 1%).
 */
export const TOLERANCES = [0.005, 0.01, 0.02, 0.05] as const;

export class Comparison extends BackgroundJob {
  /** Stop a run once the answer is settled (batch/converge.ts), as a convergence monitor does. */
  untilSettled = $state(true);
  /** How narrow the interval must be to stop: one of TOLERANCES (`paybench run --tolerance`). */
  tolerance = $state<number>(DEFAULT_TOLERANCE);
  /** The latest run stopped settled: at how many runs, and its widest interval as a share of profit. */
  settled = $state<Reading | null>(null);
  /** The latest run (stop when settled on) reached its runs unsettled: how wide its widest interval still was. */
  unsettled = $state<Reading | null>(null);
  /** The run under way, from its first step read on: where it will likely settle (null: not known). */
  likely = $state<Likely | null>(null);

  results = $state.raw<ResultsJson | null>(null);
  /** The scenario the shown results were computed from (charts read both together). */
  resultsScenario = $state.raw<Scenario | null>(null);
  /** Milliseconds from the start of the latest run to its first and its complete result. */
  firstResultMs = $state<number | null>(null);
  completeMs = $state<number | null>(null);

  /** How many schemes the latest run kept from a run before (as the edit left them) instead of running them. */
  keptSchemes = $state(0);

  /** The scenario of the latest run, renamed along with the draft (names change no number). */
  #runScenario: Scenario | null = null;
  /**
   * The latest runs that ended, newest first, each with every one of its runs' profits (what
   * reading a checkpoint needs of a kept scheme); those the engine no longer holds are dropped.
   */
  #lasts: Ended[] = [];

  constructor(
    private readonly engine: SummarizingRunner,
    lang: () => Lang,
  ) {
    super({ noun: 'run', lang });
  }

  /**
   * Time left: once a step was read, to where the answer likely settles; before that, what
   * every run would take (the most it takes).
   */
  protected override get expectedTotal(): number {
    return this.foreseen?.total ?? this.total;
  }

  /** `likely` while the runs have not passed it (likelyAhead). */
  get foreseen(): Likely | null {
    return likelyAhead(this.likely, this.done);
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

  /**
   * Runs `scenario`; a run in progress is cancelled first. Resolves when it ends. `why`:
   * the user asked for a run (the Run button), or an edit re-runs it (an Undo back to the
   * runs held reads them again at once, where a run asked for runs again).
   */
  run(scenario: Scenario, why: RunReason = 'asked'): Promise<void> {
    this.#runScenario = scenario;
    const { keep, from } = this.#keepable(scenario, why);
    this.firstResultMs = null;
    this.completeMs = null;
    this.settled = null;
    this.unsettled = null;
    return this.launch(
      (from?.runs ?? scenario.simulation.runs) * (scenario.schemes.length - keptCount(keep)),
      async (job) => {
        // Kept schemes can only end where their runs do: an answer settled sooner, or not
        // settled where a settled comparison kept from stopped, is read again from every scheme's runs.
        if (await this.#refining(scenario, keep, from, job)) return;
        job.progress(0, scenario.simulation.runs * scenario.schemes.length);
        await this.#refining(scenario, [], null, job);
      },
      () => (this.completeMs = this.elapsedMs),
    );
  }

  /**
   * Per scheme, where the engine holds its every run from one of this comparison's last runs
   * (`from`, the one that keeps most), which the edit left as it was (keptSchemes); [] when
   * none is kept — or when nothing was edited and the user asked for the run: a Run asked
   * for again runs again. A comparison that stopped settled holds the runs below its step:
   * with "stop when settled" on, an edit keeps them and runs the others up to that step,
   * where the answer is read (most edits settle there again; one that does not runs every
   * scheme on). Not at a stricter precision than it settled at: its step would not do.
   */
  #keepable(scenario: Scenario, why: RunReason): { keep: number[]; from: Ended | null } {
    const none = { keep: [], from: null };
    let best: { keep: number[]; from: Ended | null } = none;
    const steps = this.untilSettled ? checkpoints(scenario.simulation.runs) : [scenario.simulation.runs];
    for (const held of this.engine.holds?.() ?? []) {
      const last = this.#lasts.find((l) => l.scenario === held.scenario && l.runs === held.runs);
      // Settled sooner at a looser precision than asked now: its step would not settle it.
      const settledSooner = last !== undefined && last.runs < last.scenario.simulation.runs;
      if (!last || !steps.includes(held.runs) || (settledSooner && this.tolerance < last.tolerance)) continue;
      const keep = keptSchemes(held.scenario, scenario);
      const unedited = keep.length === held.scenario.schemes.length && keep.every((from, i) => from === i);
      if (unedited && why === 'asked') return none;
      // The most schemes kept; of those, the fewest runs (the others run only up to its step).
      const more = keptCount(keep) - keptCount(best.keep);
      if (more > 0 || (more === 0 && best.from !== null && last.runs < best.from.runs)) best = { keep, from: last };
    }
    return best;
  }

  /**
   * Runs `scenario` on the engine (but the schemes it `keep`s: #keepable), showing its
   * summary as it refines; ends with the complete one. False: it settled before the kept runs
   * end, so the answer must be read from every scheme's runs at that count, or it did not
   * settle where the kept runs end before the scenario's runs do (nothing final shown).
   */
  async #refining(scenario: Scenario, keep: readonly number[], from: Ended | null, job: JobTicket): Promise<boolean> {
    const engine = this.engine;
    const untilSettled = this.untilSettled;
    const tolerance = this.tolerance;
    const kept = keptCount(keep);
    const schemes = scenario.schemes.length - kept;
    // The first picture is a glimpse of one worker's runs: wait until it holds about
    // FIRST_RESULT_RUNS (a crowded pool starts on that worker alone).
    const sharing = engine.crowded ? 1 : (engine.size ?? 1);
    const firstAt = Math.min(scenario.simulation.runs, FIRST_RESULT_RUNS * sharing) * schemes;
    this.keptSchemes = kept;
    this.likely = null;
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

    // Settled yet? Read at 100, 200, 300, … runs (checkpoints): every run below the step is in, none above it.
    // Read from the runs' profit totals (the same figures as the summaries): no worker's
    // summaries are gathered for it, so the workers barely pause.
    let previous: Precision | null = null;
    const profits = new ProfitLedger();
    // The kept schemes' profits join the ledger up to each checkpoint, as their runs would have.
    const before = from?.profits;
    let keptTo = 0;
    const keepTo = (runs: number) => {
      keep.forEach((from, i) => {
        for (let r = keptTo; from >= 0 && r < runs; r++) profits.record(i, r, before!.profit(from, r));
      });
      keptTo = runs;
    };
    let early = false;
    // Kept from a comparison settled sooner, the batch runs up to its step (its schemes hold no more).
    const end = from?.runs ?? scenario.simulation.runs;
    let stoppedAt = end;
    const onCheckpoint = async (runs: number): Promise<boolean> => {
      if (!job.current) return false;
      keepTo(runs);
      const s = settlingOf(profitFigures(scenario, profits), runs, previous, tolerance);
      previous = s.precision;
      // Past the runs kept from a comparison settled sooner, every scheme would run again from
      // the start: not foreseen.
      const likely = likelySettling(s, scenario.simulation.runs, schemes, tolerance);
      this.likely = likely === null || likely.runs > end ? null : likely;
      if (s.settled && kept > 0 && runs < end) early = true;
      else if (s.settled) this.settled = readingOf(s, tolerance);
      if (s.settled) stoppedAt = runs;
      return s.settled;
    };

    const nearEnd = (done: number, total: number): boolean => likelyNearEnd(job.elapsedMs, done, total, this.likely);

    // Nothing to run (a scheme was only removed): the steps are read here, from the kept runs.
    if (schemes === 0 && untilSettled) {
      for (const step of checkpoints(scenario.simulation.runs).filter((c) => c < end)) if (await onCheckpoint(step)) return false;
    }
    await engine.run(scenario, {
      signal: job.signal,
      glimpseFirst: true,
      hold: true,
      profits,
      ...(from ? { keep, keepFrom: from.scenario, runsTo: end } : {}),
      ...(untilSettled ? { checkpoints: checkpoints(scenario.simulation.runs), onCheckpoint } : {}),
      onProgress: (done, total) => {
        if (!job.current) return;
        job.progress(done);
        // Summaries grow with the runs held: space them so they take at most a fifth of the time,
        // and further apart as the run goes on (the later ones change the picture less).
        const due = shown ? performance.now() - lastAt >= Math.max(REFRESH_MS, 4 * lastCost, job.elapsedMs / 4) && !nearEnd(done, total) : done >= firstAt;
        if (done < total && due && !inFlight) void refresh();
      },
    });
    if (!job.current) return true;
    if (early) return false;
    keepTo(end);
    // The step a settled comparison stopped at, read as a batch of every scheme reads it there.
    if (end < scenario.simulation.runs && !(await onCheckpoint(end))) return false;
    await (inFlight ?? Promise.resolve());
    await refresh(true);
    const held = this.engine.holds?.() ?? [];
    // The same scenario stopped at another step (the precision asked changed) is another run ended.
    const other = (l: Ended) => l.scenario !== scenario || l.runs !== stoppedAt;
    this.#lasts = [{ scenario, runs: stoppedAt, profits, tolerance }, ...this.#lasts.filter((l) => other(l) && held.some((h) => h.scenario === l.scenario && h.runs === l.runs))];
    // Every run made and not settled: how far the answer still is from it, as the CLI says.
    if (untilSettled && !this.settled && job.current && this.results) {
      const s = settling(this.results, previous, tolerance);
      if (s.settled) this.settled = readingOf(s, tolerance);
      else this.unsettled = readingOf(s, tolerance);
    }
    return true;
  }
}
