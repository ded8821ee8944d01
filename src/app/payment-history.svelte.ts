/**
 * The department's own payment history in the workbench: a statement read through the
 * one door (`parseHistoryBytes`), what it says (`describeHistory`), the user's choices of
 * encoding, delimiter, decimal mark, date format and columns (the same bytes read again),
 * and the fit, run with progress and Cancel; the fitted scenario replaces the current one
 * as one undo step (Workbench.load). A statement that does not open is reported with
 * its lines and reasons and changes nothing — neither the scenario nor the history shown.
 */
import { HISTORY_LIMITS, describeHistory, fitHistory, historyIssue, parseHistoryBytes } from '../engine/index.ts';
import type { Detected, FitEvaluator, FitReport, History, HistoryIssue, HistoryOptions, HistoryView, Scenario } from '../engine/index.ts';
import { HISTORY_WORDS } from './i18n-history.ts';
import type { Lang } from './i18n.ts';
import { BackgroundJob } from './background-job.svelte.ts';

/** Threads for a fit's candidates (web workers in the app); null: run them here, between frames. */
export type FitPoolFactory = (signal: AbortSignal) => { evaluate: FitEvaluator; dispose(): void } | null;

/** What a fit needs of the workbench: the scenario, the language, and a way to put the fitted one in its place (one undo step). */
export interface FitHost {
  readonly scenario: Scenario | null;
  readonly lang: Lang;
  load(scenario: Scenario): void;
}

export interface HistoryFailure {
  name: string;
  errors: HistoryIssue[];
}

const megabytes = (b: number) => `${(b / (1024 * 1024)).toFixed(1)} MB`;

/** A statement and the fit to it: the job's status, progress and error are the fit's. */
export class PaymentHistory extends BackgroundJob {
  /** The statement's file name, how it was read, what it says; null before one opens. */
  name = $state<string | null>(null);
  /** The statement is a simulated one (the bundled example), and is said to be. */
  simulated = $state(false);
  options = $state.raw<HistoryOptions>({});
  history = $state.raw<History | null>(null);
  detected = $state.raw<Detected | null>(null);
  view = $state.raw<HistoryView | null>(null);
  warnings = $state.raw<HistoryIssue[]>([]);
  /** The last statement (or re-reading) that did not open. */
  failure = $state.raw<HistoryFailure | null>(null);
  /** Counts statements given to open, opened or not, and fits adopted (the results show the History tab when either grows). */
  opened = $state(0);
  adopted = $state(0);

  /** The scheme in force over the history (default: the scenario's baseline). */
  scheme = $state<string | null>(null);
  report = $state.raw<FitReport | null>(null);

  #bytes: Uint8Array | null = null;
  #rereading = false;

  constructor(
    lang: () => Lang,
    private readonly pool: FitPoolFactory = () => null,
  ) {
    super({ noun: 'fit', lang });
  }

  /** A dropped or picked file: refused by its size before it is read. */
  async openFile(file: File): Promise<boolean> {
    if (file.size > HISTORY_LIMITS.maxBytes) {
      this.opened++;
      this.failure = { name: file.name, errors: [historyIssue(0, 'file.tooLarge', { size: megabytes(file.size), max: megabytes(HISTORY_LIMITS.maxBytes) })] };
      return false;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      this.opened++;
      this.failure = { name: file.name, errors: [historyIssue(0, 'internal', { reason: e instanceof Error ? e.message : String(e) })] };
      return false;
    }
    return this.open(file.name, bytes);
  }

  /** A statement's bytes through the door; a bad one is reported and changes nothing. */
  open(name: string, bytes: Uint8Array, options: HistoryOptions = {}, simulated = false): boolean {
    if (!this.#rereading) this.opened++;
    const read = parseHistoryBytes(bytes, options);
    if (!read.ok) {
      this.failure = { name, errors: read.errors };
      return false;
    }
    this.drop(); // a fit of the previous statement ends unseen
    this.#bytes = bytes;
    this.name = name;
    if (!this.#rereading) this.simulated = simulated;
    this.options = options;
    this.history = read.history;
    this.detected = read.detected;
    this.view = describeHistory(read.history);
    this.warnings = read.warnings;
    this.failure = null;
    this.report = null;
    this.status = 'idle';
    this.cause = null;
    return true;
  }

  /** The same statement read again with the user's choices (a change of encoding, a column…). */
  reread(options: HistoryOptions): boolean {
    if (!this.#bytes || this.name === null) return false;
    this.#rereading = true;
    try {
      return this.open(this.name, this.#bytes, options);
    } finally {
      this.#rereading = false;
    }
  }

  /** Fits the host's scenario to the history; the fitted scenario, named as fitted, replaces it (one undo step). */
  async fit(host: FitHost, size: { runs?: number; budget?: number; checkRuns?: number } = {}): Promise<void> {
    const scenario = host.scenario;
    const history = this.history;
    if (!scenario || !history) return;
    let pool: ReturnType<FitPoolFactory> = null;
    await this.launch(
      0,
      (job) => {
        pool = this.pool(job.signal);
        const schemeId = this.scheme && scenario.schemes.some((s) => s.id === this.scheme) ? this.scheme : scenario.baseline;
        return fitHistory(scenario, history, {
          schemeId,
          ...size,
          ...(pool ? { evaluate: pool.evaluate } : {}),
          signal: job.signal,
          onProgress: (done, total) => job.progress(done, total),
          // Between candidates run here, the page draws and a Cancel lands.
          pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
        });
      },
      (fit) => {
        this.report = fit.report;
        const mark = HISTORY_WORDS[host.lang].fitted;
        const name = fit.scenario.name.endsWith(mark) ? fit.scenario.name : `${fit.scenario.name.slice(0, 199 - mark.length)} ${mark}`;
        host.load({ ...fit.scenario, name });
        this.adopted++;
      },
      () => pool?.dispose(),
    );
  }
}
