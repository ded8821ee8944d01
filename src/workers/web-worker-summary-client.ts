/**
 * The page's side of the summary worker (web-worker-summary.ts): starts it, forwards each
 * batch's results to it (transferred, not copied) and asks it for the results contract.
 *
 * `accumulatorFor(batch)` is a ResultsAccumulator whose runs live in the summary worker:
 * a Runner adds results to it as usual, and they move on instead of staying on the page.
 */
import * as Comlink from 'comlink';
import type { Scenario } from '../engine/scenario/types.ts';
import type { RunResult } from '../engine/run-result.ts';
import type { ResultsJson } from '../engine/summarize.ts';
import { ResultsAccumulator } from '../engine/accumulator.ts';
import { transferables } from './runner.ts';
import type { SummaryWorkerApi } from './web-worker-summary.ts';

const startWorker = () =>
  new Worker(new URL('./web-worker-summary.ts', import.meta.url), { type: 'module', name: 'paybench-summary' });

export class SummaryClient {
  #worker: Worker | null = null;
  #api: Comlink.Remote<SummaryWorkerApi> | null = null;
  #batch = 0;
  readonly #create: () => Worker;

  constructor(createWorker: () => Worker = startWorker) {
    this.#create = createWorker;
  }

  get #remote(): Comlink.Remote<SummaryWorkerApi> {
    if (!this.#api) {
      this.#worker = this.#create();
      this.#api = Comlink.wrap<SummaryWorkerApi>(this.#worker);
    }
    return this.#api;
  }

  /** Starts a new batch: drops whatever the worker held. Returns the batch id. */
  reset(scenario: Scenario): number {
    const batch = ++this.#batch;
    void this.#remote.reset(batch, scenario);
    return batch;
  }

  /** An accumulator that forwards every result of `batch` to the worker. */
  accumulatorFor(batch: number): ResultsAccumulator {
    return new ForwardingAccumulator((results) => {
      void this.#remote.add(batch, Comlink.transfer(results, transferables(results)));
    });
  }

  /** The summary of everything the worker holds for `batch` (null if a newer batch started). */
  summarize(batch: number): Promise<ResultsJson | null> {
    return this.#remote.summarize(batch);
  }

  /** Ends the worker (a summary it is computing is abandoned); the next call starts a fresh one. */
  restart(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
  }

  dispose(): void {
    this.restart();
  }
}

/** Holds nothing itself: counts what it forwards. Reading runs back is not possible here. */
class ForwardingAccumulator extends ResultsAccumulator {
  readonly #forward: (results: RunResult[]) => void;
  #count = 0;

  constructor(forward: (results: RunResult[]) => void) {
    super();
    this.#forward = forward;
  }

  override add(result: RunResult): this {
    return this.addAll([result]);
  }

  override addAll(results: Iterable<RunResult>): this {
    const list = [...results];
    this.#count += list.length;
    if (list.length > 0) this.#forward(list);
    return this;
  }

  override get size(): number {
    return this.#count;
  }

  override merge(): this {
    throw new Error('these runs are held by the summary worker');
  }
}
