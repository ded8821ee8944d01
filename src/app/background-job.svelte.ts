/**
 * What every long job of the workbench has in common — the comparison run, the
 * sensitivity sweep, the optimiser's search and the fit to a payment history: it starts
 * (the one before it gives way), counts its progress, can be cancelled, and ends done,
 * cancelled or failed, with the failure kept as it came and said in the user's words;
 * its clean-up runs however it ended. A job that was superseded or dropped changes
 * nothing more: its late progress and results are not shown.
 */
import type { Lang } from './i18n.ts';
import { runErrorText } from './i18n-status.ts';

export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/**
 * The page shows a job's progress at most this often (the latest count, a little later):
 * each count shown restyles and repaints the top bar, on the cores the work needs. Two
 * workers end a run's chunks about 60 times a second; shown at each, the page took a fifth
 * of a core from them (headless Chromium, 2 cores). The last count is shown as the job ends.
 */
export const PROGRESS_MS = 200;

/** What a job's work sees of itself. */
export interface JobTicket {
  readonly signal: AbortSignal;
  /** Still the latest job: what it finds is shown. */
  readonly current: boolean;
  /** Milliseconds since it started. */
  readonly elapsedMs: number;
  /** Work done so far, and the total when the work learns it as it goes (ignored once superseded). */
  progress(done: number, total?: number): void;
}

export interface JobOptions {
  /** What the job is called in its abort reasons ("The fit was cancelled"). */
  noun: string;
  /** The user's language now (a failure is said in it, and follows a switch). */
  lang: () => Lang;
  /** A failure in the user's words, when the job has words of its own (default: runErrorText). */
  describe?: (error: unknown, lang: Lang) => string;
}

export class BackgroundJob {
  status = $state<JobStatus>('idle');
  done = $state(0);
  total = $state(0);
  elapsedMs = $state(0);
  /** Why the latest job failed, as it came (`error` says it in the user's words). */
  cause = $state.raw<unknown>(null);

  readonly #options: JobOptions;
  #abort: AbortController | null = null;
  /** Counts jobs started and dropped: only the latest one's callbacks count. */
  #generation = 0;

  constructor(options: JobOptions) {
    this.#options = options;
  }

  get running(): boolean {
    return this.status === 'running';
  }

  get progress(): number {
    return this.total > 0 ? this.done / this.total : 0;
  }

  /** Estimated milliseconds left, from the pace so far (null before the first progress). */
  get etaMs(): number | null {
    if (!this.running || this.done === 0) return null;
    return (this.elapsedMs / this.done) * (this.expectedTotal - this.done);
  }

  /** The work the job will likely do: its total, unless a job knows it will likely stop sooner. */
  protected get expectedTotal(): number {
    return this.total;
  }

  /** The latest job's failure in the user's language, or null. */
  get error(): string | null {
    if (this.cause === null) return null;
    return (this.#options.describe ?? runErrorText)(this.cause, this.#options.lang());
  }

  cancel(): void {
    this.#abort?.abort(new DOMException(`The ${this.#options.noun} was cancelled`, 'AbortError'));
  }

  /** Stops the job in flight and forgets it: it ends unseen. True when one was in flight. */
  protected drop(): boolean {
    const inFlight = this.#abort !== null;
    this.cancel();
    this.#abort = null;
    this.#generation++;
    return inFlight;
  }

  /** The job could not start (what was asked does not hold): said as its failure. */
  protected refuse(error: unknown): void {
    this.status = 'error';
    this.cause = error;
  }

  /**
   * Runs `work` as the latest job, `total` its size so far; the job before it is cancelled.
   * While it is still the latest when the work ends, `finish` takes what it found and the
   * status says how it ended. `cleanup` runs however it ended.
   */
  protected async launch<T>(total: number, work: (job: JobTicket) => Promise<T>, finish: (found: T) => void, cleanup?: () => void): Promise<void> {
    this.#abort?.abort(new DOMException(`Superseded by a new ${this.#options.noun}`, 'AbortError'));
    const abort = new AbortController();
    this.#abort = abort;
    const generation = ++this.#generation;
    const startedAt = performance.now();
    const latest = () => generation === this.#generation;
    // The latest count, and when one was last shown (the next waits up to PROGRESS_MS).
    let counted: { done: number; total?: number } | null = null;
    let shownAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (counted === null || !latest()) return;
      this.done = counted.done;
      if (counted.total !== undefined) this.total = counted.total;
      counted = null;
      shownAt = performance.now();
      this.elapsedMs = shownAt - startedAt;
    };
    const job: JobTicket = {
      signal: abort.signal,
      get current() {
        return latest();
      },
      get elapsedMs() {
        return performance.now() - startedAt;
      },
      progress: (done, total) => {
        if (!latest()) return;
        counted = { done, total: total ?? counted?.total };
        // A new total (the work learnt its size) is shown at once; a count, at the pace above.
        const wait = total !== undefined && total !== this.total ? 0 : shownAt + PROGRESS_MS - performance.now();
        if (wait <= 0) show();
        else timer ??= setTimeout(show, wait);
      },
    };
    this.status = 'running';
    this.done = 0;
    this.total = total;
    this.cause = null;
    this.elapsedMs = 0;
    try {
      const found = await work(job);
      if (!latest()) return;
      show();
      this.elapsedMs = performance.now() - startedAt;
      finish(found);
      this.status = 'done';
    } catch (error) {
      if (!latest()) return;
      show();
      this.elapsedMs = performance.now() - startedAt;
      if (abort.signal.aborted) this.status = 'cancelled';
      else {
        this.status = 'error';
        this.cause = error;
      }
    } finally {
      if (timer !== null) clearTimeout(timer);
      cleanup?.();
      if (this.#abort === abort) this.#abort = null;
    }
  }
}
