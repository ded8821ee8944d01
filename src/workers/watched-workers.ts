/**
 * The web pool's workers, each started when first needed and watched for life. A worker can
 * die without a word (`self.close()`, an engine that hangs): no event comes, and its answer
 * never does. So every call to a worker is watched: a worker that owes an answer and has
 * shown no sign of life — an answer, or the heartbeat it sends during a chunk
 * (web-worker.ts) — for `stallMs` is ended and the call fails with a WorkerStoppedError,
 * which the workbench reports in the user's words. An error event ends it the same way.
 * An ended worker's place is empty until it is next needed: a fresh one starts there.
 */
import * as Comlink from 'comlink';
import { WorkerStoppedError } from './runner.ts';
import type { WebWorkerApi } from './web-worker.ts';

/**
 * A worker owing an answer sends a heartbeat at least every second while it computes (between
 * runs); one run of the largest scenario allowed takes seconds: 30 s of silence is a dead worker.
 */
export const STALL_MS = 30_000;

export interface Slot {
  worker: Worker;
  api: Comlink.Remote<WebWorkerApi>;
  /** performance.now() of its last answer, heartbeat or call. */
  lastSign: number;
  /** Rejecters of the calls it owes an answer to. */
  owed: Set<(error: Error) => void>;
}

export class WatchedWorkers {
  readonly #slots: (Slot | null)[];
  #watchdog: ReturnType<typeof setInterval> | null = null;
  #lastTick = 0;

  constructor(
    size: number,
    private readonly create: () => Worker,
    /** Silence (ms) after which a worker owing an answer is ended; tests shorten it. */
    public stallMs: number,
  ) {
    this.#slots = Array.from({ length: size }, () => null);
  }

  /** Worker `index` if it runs (null: never started, or ended). */
  at(index: number): Slot | null {
    return this.#slots[index] ?? null;
  }

  /** Worker `index`, started if it does not run. */
  slot(index: number): Slot {
    const existing = this.#slots[index];
    if (existing) return existing;
    const worker = this.create();
    const slot: Slot = { worker, api: Comlink.wrap<WebWorkerApi>(worker), lastSign: performance.now(), owed: new Set() };
    // Any message (an answer, a heartbeat) is a sign of life; an error event is a death.
    worker.addEventListener('message', () => (slot.lastSign = performance.now()));
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      this.#kill(slot, new WorkerStoppedError(index + 1, 'crashed', event.message || 'unknown error'));
    });
    worker.addEventListener('messageerror', () => this.#kill(slot, new WorkerStoppedError(index + 1, 'crashed', 'a message could not be read')));
    this.#slots[index] = slot;
    return slot;
  }

  /** A call to a worker that fails if the worker dies or falls silent before answering. */
  call<T>(slot: Slot, call: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      slot.owed.add(reject);
      slot.lastSign = performance.now();
      this.#watch();
      call().then(
        (value) => {
          slot.owed.delete(reject);
          slot.lastSign = performance.now();
          resolve(value);
        },
        (error: unknown) => {
          slot.owed.delete(reject);
          reject(error);
        },
      );
    });
  }

  /** Ends worker `index`, if it runs: the calls it owes fail, and a fresh one starts next time. */
  drop(index: number): void {
    const slot = this.#slots[index];
    if (slot) this.#kill(slot, new Error(`worker ${index + 1} was ended`));
  }

  dropAll(): void {
    this.#slots.forEach((_, i) => this.drop(i));
  }

  /** Checks once a second, while any call is owed, that the workers owing answers are alive. */
  #watch(): void {
    if (this.#watchdog !== null) return;
    const every = Math.min(1000, Math.max(50, this.stallMs / 4));
    this.#lastTick = performance.now();
    this.#watchdog = setInterval(() => {
      const now = performance.now();
      const live = this.#slots.filter((s): s is Slot => s !== null);
      // The page itself was asleep (a laptop lid, a frozen tab): nobody's silence counts.
      if (now - this.#lastTick > 3 * every + 1000) for (const s of live) s.lastSign = now;
      this.#lastTick = now;
      for (const [i, s] of this.#slots.entries()) {
        if (s && s.owed.size > 0 && now - s.lastSign > this.stallMs) {
          this.#kill(s, new WorkerStoppedError(i + 1, 'silent', String(Math.round((now - s.lastSign) / 1000))));
        }
      }
      if (!this.#slots.some((s) => s !== null && s.owed.size > 0)) {
        clearInterval(this.#watchdog!);
        this.#watchdog = null;
      }
    }, every);
  }

  /** Ends a worker that died or fell silent; every call it owes fails with `error`. */
  #kill(slot: Slot, error: Error): void {
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots[index] = null;
    slot.worker.terminate();
    for (const reject of [...slot.owed]) reject(error);
    slot.owed.clear();
  }
}
