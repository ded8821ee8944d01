/**
 * The behaviour modules a run calls, in the order they act at the same moment. A new
 * module is a file beside these (behaviour.ts says what it implements), one line in
 * MODULES, and its section in the scenario (scenario/types.ts, defaults, validation, the
 * editor).
 */
import type { RunSeed } from '../numeric/random.ts';
import type { BehaviourModule, RunWorld } from './behaviour.ts';
import { Absence } from './absence.ts';
import { Attrition } from './attrition.ts';
import { StarSyndrome } from './star-syndrome.ts';

const MODULES: readonly ((world: RunWorld) => BehaviourModule)[] = [
  (w) => new Absence(w),
  (w) => new Attrition(w),
  (w) => new StarSyndrome(w),
];

/** Every module, made for one model and scheme; the day loop calls these, not a module by name. */
export class Behaviours {
  readonly modules: readonly BehaviourModule[];
  private readonly atRunStart: BehaviourModule[];
  private readonly atMonthStart: BehaviourModule[];
  private readonly atMonthEnd: BehaviourModule[];

  constructor(readonly world: RunWorld) {
    this.modules = MODULES.map((make) => make(world));
    this.atRunStart = this.modules.filter((b) => b.startRun);
    this.atMonthStart = this.modules.filter((b) => b.startMonth);
    this.atMonthEnd = this.modules.filter((b) => b.endMonth);
  }

  startRun(seed: RunSeed): void {
    for (const b of this.atRunStart) b.startRun!(seed);
  }

  startMonth(m: number): void {
    for (const b of this.atMonthStart) b.startMonth!(m);
  }

  endMonth(m: number): void {
    for (const b of this.atMonthEnd) b.endMonth!(m);
  }
}
