/**
 * Minimising a noisy function of a few inputs with CMA-ES (cmaes.ts), a generation at a
 * time: `evaluate` gets the whole generation, so a caller can run its candidates side by
 * side (and on common random numbers, so that they are compared on the same luck). Stops on
 * the budget of evaluations, on cancel, or when `good` says the best is good enough.
 */
import { Cmaes } from './cmaes.ts';

export interface MinimiseOptions {
  /** Where to start, in [0, 1] per input. */
  start: readonly number[];
  /** Evaluations at most (whole generations: the last may end past it by less than one). */
  budget: number;
  /** Uniform numbers in [0, 1): the search's own luck. */
  random: () => number;
  sigma?: number;
  population?: number;
  signal?: AbortSignal;
  /** Stop once the best value satisfies this. */
  good?: (best: number) => boolean;
  /** After each generation: the best so far and the evaluations done. */
  onGeneration?: (best: { x: number[]; value: number }, evaluations: number) => void;
}

export interface Minimum {
  x: number[];
  value: number;
  evaluations: number;
  generations: number;
}

export async function minimise(evaluate: (xs: number[][]) => Promise<number[]>, options: MinimiseOptions): Promise<Minimum> {
  const es = new Cmaes({ start: options.start, sigma: options.sigma, population: options.population, random: options.random });
  // The start itself is the first candidate: a search never reports worse than where it began.
  const [startValue] = await evaluate([[...es.mean]]);
  let best = { x: [...es.mean], value: startValue };
  let evaluations = 1;
  while (evaluations < options.budget && !(options.good?.(best.value) ?? false)) {
    if (options.signal?.aborted) throw abortError();
    const xs = es.ask();
    const values = await evaluate(xs);
    evaluations += xs.length;
    values.forEach((v, i) => {
      if (v < best.value) best = { x: xs[i], value: v };
    });
    es.tell(xs, values);
    options.onGeneration?.(best, evaluations);
    if (es.sigma < 1e-4) break;
  }
  return { ...best, evaluations, generations: es.generation };
}

function abortError(): Error {
  const e = new Error('cancelled');
  e.name = 'AbortError';
  return e;
}
