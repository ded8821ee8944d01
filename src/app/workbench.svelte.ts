/**
 * The workbench's state: the scenario being edited (a draft read through the one door,
 * `parseScenario`), the schemes, the run in progress and the latest results.
 *
 * Running: a change re-runs after a short debounce (or waits for Run in manual mode);
 * results refine progressively — a first summary once the first runs of every scheme are
 * in, then every few hundred milliseconds, then the complete one, which is exactly what
 * `paybench run` prints for the same scenario, seed and runs.
 */
import { formatIssue, parseScenario } from '../engine/index.ts';
import type { ParseResult, ResultsJson, Scenario, ScenarioIssue, Scheme } from '../engine/index.ts';
import type { SummarizingRunner } from '../workers/runner.ts';
import { browserLang, type Lang } from './i18n.ts';
import { EditHistory } from './history.svelte.ts';
import { SensitivityState } from './sensitivity.svelte.ts';
import type { OpenFailure, OpenSource } from './doors.ts';
import { runErrorText } from './i18n-status.ts';

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

export const MIN_SCHEMES = 2;
export const MAX_SCHEMES = 6;

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export class Workbench {
  /** The scenario as edited: money and rates stay decimal strings, as in files. */
  draft = $state<Scenario>() as Scenario;
  lang = $state<Lang>('en');
  autoRun = $state(true);

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
  /** Inputs changed since the shown results (manual mode, or waiting for the debounce). */
  stale = $state(false);
  /** Milliseconds from the start of the latest run to its first and its complete result. */
  firstResultMs = $state<number | null>(null);
  completeMs = $state<number | null>(null);

  readonly parsed = $derived(parseScenario($state.snapshot(this.draft)));

  /** The last file or link that did not open (shown until dismissed or another opens). */
  openFailure = $state<OpenFailure | null>(null);
  /** Counts scenarios opened: views holding their own inputs (the payout calculator) start afresh on it. */
  loads = $state(0);
  /** Undo / redo of the draft's edits (App turns every change into `changed()`, which records it). */
  readonly history: EditHistory;
  /** Which inputs move each scheme's advantage most, computed on request (sensitivity.svelte.ts). */
  readonly sensitivity: SensitivityState;

  readonly #engine: RunEngine;
  #abort: AbortController | null = null;
  #runId = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #startedAt = 0;
  /** Size of the configuration at the last change (manual mode starts when it grows past the limit). */
  #lastJobs = 0;

  constructor(scenario: Scenario, engine: RunEngine, lang: Lang = browserLang()) {
    this.draft = clone(scenario);
    this.history = new EditHistory(JSON.stringify(this.draft));
    this.#engine = engine;
    this.sensitivity = new SensitivityState(engine);
    this.lang = lang;
    this.autoRun = jobsOf(scenario) <= AUTO_RUN_LIMIT;
    this.#lastJobs = jobsOf(scenario);
  }

  /** The valid scenario, or null while the draft has errors. */
  get scenario(): Scenario | null {
    return this.parsed.ok ? this.parsed.scenario : null;
  }

  get issues(): ScenarioIssue[] {
    return this.parsed.ok ? [] : this.parsed.errors;
  }

  /** Error messages for a field (`company.plan`) or everything under a section (`staff`, prefix). */
  errorsAt(path: string, { prefix = false } = {}): string[] {
    return this.issues
      .filter((i) => i.path === path || (prefix && (i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))))
      .map((i) => formatIssue(i, this.lang));
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

  // ---------------------------------------------------------------- schemes

  get canAddScheme(): boolean {
    return this.draft.schemes.length < MAX_SCHEMES;
  }

  get canDeleteScheme(): boolean {
    return this.draft.schemes.length > MIN_SCHEMES;
  }

  addScheme(): void {
    if (!this.canAddScheme) return;
    const scheme: Scheme = {
      id: this.#freeId('scheme'),
      name: this.lang === 'ru' ? 'Новая схема' : 'New scheme',
      organisation: 'team',
      measure: 'teamCollections',
      attestationMonths: 0,
      deputyHead: false,
      period: 'month',
      formula: { type: 'linear', rate: '0.001' },
      tranches: [],
      split: { type: 'headShareEqual', headShare: '0.4' },
    };
    this.draft.schemes.push(scheme);
  }

  duplicateScheme(index: number): void {
    const source = this.draft.schemes[index];
    if (!source || !this.canAddScheme) return;
    const copy = clone($state.snapshot(source)) as Scheme;
    copy.id = this.#freeId(source.id);
    copy.name = `${source.name} (${this.lang === 'ru' ? 'копия' : 'copy'})`;
    this.draft.schemes.splice(index + 1, 0, copy);
  }

  deleteScheme(index: number): void {
    if (!this.canDeleteScheme) return;
    const [gone] = this.draft.schemes.splice(index, 1);
    if (gone && gone.id === this.draft.baseline) this.draft.baseline = this.draft.schemes[0].id;
  }

  setBaseline(index: number): void {
    const scheme = this.draft.schemes[index];
    if (scheme) this.draft.baseline = scheme.id;
  }

  #freeId(base: string): string {
    const stem = base.replace(/-\d+$/, '').slice(0, 30) || 'scheme';
    const taken = new Set(this.draft.schemes.map((s) => s.id));
    for (let k = 2; ; k++) if (!taken.has(`${stem}-${k}`)) return `${stem}-${k}`;
  }

  // ---------------------------------------------------------------- staff

  addPerson(): void {
    const taken = new Set(this.draft.staff.map((s) => s.id));
    let k = this.draft.staff.length + 1;
    while (taken.has(`person-${k}`)) k++;
    this.draft.staff.push({
      id: `person-${k}`,
      name: this.lang === 'ru' ? `Сотрудник ${k}` : `Person ${k}`,
      role: 'collector',
      salary: '20000',
      skill: 1,
      workShare: 1,
      effortCost: 1,
      favour: 0,
    });
  }

  removePerson(index: number): void {
    this.draft.staff.splice(index, 1);
  }

  /** Replaces the whole draft (a bundled scenario, a file): one undo step of its own. */
  load(scenario: Scenario): void {
    this.history.breakStep();
    this.sensitivity.invalidate();
    this.draft = clone(scenario);
    this.history.record(this.#snapshot());
    this.history.breakStep();
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

  // ---------------------------------------------------------------- undo

  get canUndo(): boolean {
    return this.history.undoDepth > 0;
  }

  get canRedo(): boolean {
    return this.history.redoDepth > 0;
  }

  undo(): void {
    const text = this.history.undo();
    if (text === null) return;
    this.draft = JSON.parse(text) as Scenario;
  }

  redo(): void {
    const text = this.history.redo();
    if (text === null) return;
    this.draft = JSON.parse(text) as Scenario;
  }

  #snapshot(): string {
    return JSON.stringify($state.snapshot(this.draft));
  }

  // ---------------------------------------------------------------- running

  /** Called on every change of the draft: re-run after a pause, or mark the results stale. */
  changed(): void {
    this.history.record(this.#snapshot());
    this.sensitivity.invalidate();
    const scenario = this.scenario;
    if (!scenario) return;
    if (this.results) this.stale = true;
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
    // The engine runs one batch at a time: a sweep in progress gives way.
    this.sensitivity.cancel();
    const abort = new AbortController();
    this.#abort = abort;
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
        this.results = results;
        this.resultsScenario = scenario;
        this.stale = false;
        shown = true;
        this.firstResultMs ??= performance.now() - this.#startedAt;
      }));
    };

    try {
      await engine.run(scenario, {
        signal: abort.signal,
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
    void this.#engine.dispose();
  }
}

export function jobsOf(scenario: Scenario): number {
  return scenario.simulation.runs * scenario.schemes.length;
}
