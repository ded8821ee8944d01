/**
 * A behaviour module: one way people act that a scenario can switch on or off (absence,
 * attrition, star syndrome), with a known call at known moments of a run, as an agent's
 * step is in an agent-based model. Each module says what it reads and what it changes;
 * the registry (registry.ts) lists them, and the day loop calls the registry, never a
 * module by name. The team's daily decisions (effort, forecast, how a split is seen)
 * are the agents' own mind (agents/), not modules.
 *
 * A module is made once per model and scheme and reused by every run; one that keeps
 * anything of its own resets it in `startRun`, so nothing leaks from one run into the next.
 */
import type { Model, SchemeModel } from '../model/model.ts';
import type { RunSeed } from '../numeric/random.ts';
import type { Department } from '../world/department.ts';
import type { Workforce } from '../world/workforce.ts';
import type { SalesMonth } from '../agents/sales-month.ts';
import type { Behaviour } from '../scenario/types.ts';

/** What a run's modules act on: one per model and scheme. */
export interface RunWorld {
  readonly model: Model;
  readonly scheme: SchemeModel;
  readonly dept: Department;
  readonly workforce: Workforce;
  /** Staff indices of the client books' owners (personal ownership), else empty. */
  readonly owners: readonly number[];
  /** This run's selling, when the scenario sells (made anew for each run). */
  selling: SalesMonth | null;
}

export interface BehaviourModule {
  /** Its section in the scenario's `behaviour`, which holds its switch and parameters. */
  readonly key: keyof Behaviour;
  /** In words, for a reader: what it reads and what it changes, and when. */
  readonly reads: string;
  readonly changes: string;
  /** A run begins, before its first day (the run's seed for its own draws). */
  startRun?(seed: RunSeed): void;
  /** Month m begins, once its bills are out and the posts are filled for it. */
  startMonth?(m: number): void;
  /** Month m's pay has been paid and recorded in everyone's pay history. */
  endMonth?(m: number): void;
}
