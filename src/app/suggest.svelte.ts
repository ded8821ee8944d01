/**
 * The workbench's optimiser (engine/batch/optimise): "Suggest…" on a scheme card opens a
 * form — what may change with its ranges prefilled, the goal and the limits in plain words
 * — and runs the search through the workbench's own engine (the web workers), block by
 * block, with progress and Cancel. The page only steers: every run is simulated in the
 * workers. The answer is the same as `paybench optimise` gives for the same inputs.
 *
 * Fields hold text as typed (rates and shares in percent, amounts in roubles, in the
 * user's locale); they are read when the search starts, and what the engine refuses is
 * said in the user's words.
 */
import { DEFAULT_OPTIMISE_BUDGET, DEFAULT_OPTIMISE_RUNS, OptimiseError, checkedInput, defaultInputs, optimise, parseGoal } from '../engine/index.ts';
import type { BlockRunner, Scenario, Scheme, SchemeInput, Suggestion } from '../engine/index.ts';
import type { SummarizingRunner } from '../workers/runner.ts';
import type { Lang } from './i18n.ts';
import { normalizeDecimal, percentToRate, rateToPercent } from './decimal-text.ts';
import { SUGGEST_WORDS } from './i18n-suggest.ts';
import { runErrorText } from './i18n-status.ts';
import { BackgroundJob } from './background-job.svelte.ts';
import { summarizedRuns } from './summarized-runs.ts';

/** How an input is typed: a percent of a rate or share, roubles, or a plain number (days). */
export type InputUnit = 'percent' | 'money' | 'plain';

export interface InputRow {
  field: string;
  unit: InputUnit;
  use: boolean;
  lo: string;
  hi: string;
  step: string;
}

export interface SuggestForm {
  inputs: InputRow[];
  goal: string;
  gapLimit: boolean;
  /** Empty: no worse than now (the start's own gap). */
  gapAtMost: string;
  payLimit: boolean;
  bonusLimit: boolean;
  bonusAtMost: string;
  runs: string;
  budget: string;
}

export const GOALS = ['profitTotal.p50', 'profitTotal.mean', 'profitTotal.p10', 'vsBaseline.profit.p50', 'collectionsMonthly.p50'] as const;

export function unitOf(field: string): InputUnit {
  if (/(rate|minPlanShare|headShare)$/.test(field)) return 'percent';
  if (/(threshold|amount|premium|cap|from)$/.test(field)) return 'money';
  return 'plain';
}

/** A value as the field shows it: 0.005 → "0.5" (percent), 40000000 → "40000000". */
export function shown(x: number, unit: InputUnit): string {
  const text = String(Number(x.toPrecision(12)));
  return unit === 'percent' ? rateToPercent(text) : text;
}

/** What was typed, as the engine's number; null when it is not a number. */
export function typed(text: string, unit: InputUnit, lang: Lang): number | null {
  const plain = unit === 'percent' ? percentToRate(text, lang) : normalizeDecimal(text, lang);
  if (plain.trim() === '') return null;
  const x = Number(plain);
  return Number.isFinite(x) ? x : null;
}

/** A refusal of one input's range, with the field it is about (the form names it by its label). */
export class FieldError extends OptimiseError {
  constructor(
    readonly field: string,
    cause: OptimiseError,
  ) {
    super(cause.message, cause.ru);
  }
}

export function defaultForm(scenario: Scenario, schemeId: string): SuggestForm {
  return {
    inputs: defaultInputs(scenario, schemeId).map((i) => {
      const unit = unitOf(i.field);
      return { field: i.field, unit, use: true, lo: shown(i.lo, unit), hi: shown(i.hi, unit), step: shown(i.step, unit) };
    }),
    goal: 'profitTotal.p50',
    gapLimit: true,
    gapAtMost: '',
    payLimit: true,
    bonusLimit: false,
    bonusAtMost: '',
    runs: String(DEFAULT_OPTIMISE_RUNS),
    budget: String(DEFAULT_OPTIMISE_BUDGET),
  };
}

/** The request the form describes; throws OptimiseError in the user's words. */
export function requestOf(form: SuggestForm, scenario: Scenario, schemeId: string, lang: Lang): { inputs: SchemeInput[]; limits: string[]; runs: number; budget: number } {
  const number = (text: string, unit: InputUnit, what: string): number => {
    const x = typed(text, unit, lang);
    if (x === null) throw new OptimiseError(`${what}: “${text}” is not a number`, `${what}: «${text}» — не число`);
    return x;
  };
  const inputs = form.inputs
    .filter((r) => r.use)
    .map((r) => {
      try {
        return checkedInput(scenario, schemeId, { field: r.field, lo: number(r.lo, r.unit, r.field), hi: number(r.hi, r.unit, r.field), step: number(r.step, r.unit, r.field) });
      } catch (e) {
        throw e instanceof OptimiseError ? new FieldError(r.field, e) : e;
      }
    });
  const limits: string[] = [];
  if (form.gapLimit) limits.push(form.gapAtMost.trim() === '' ? 'maxCashGapMidMonth.p90 <= start' : `maxCashGapMidMonth.p90 <= ${number(form.gapAtMost, 'money', 'gap')}`);
  if (form.payLimit) limits.push('staff.*.pay.p50 >= start');
  if (form.bonusLimit) limits.push(`bonusTotal.p50 <= ${number(form.bonusAtMost, 'money', 'bonus')}`);
  const whole = (text: string, what: string) => {
    const x = number(text, 'plain', what);
    if (!Number.isInteger(x) || x < 2) throw new OptimiseError(`${what}: a whole number of at least 2`, `${what}: целое число, не меньше 2`);
    return x;
  };
  return { inputs, limits, runs: whole(form.runs, 'runs'), budget: whole(form.budget, 'budget') };
}

/** What the search could not do, in the user's words: a refused range is named by its field's label. */
function suggestErrorText(error: unknown, lang: Lang): string {
  return error instanceof FieldError ? `${SUGGEST_WORDS[lang].inputLabel(error.field)} — ${error.text(lang)}` : runErrorText(error, lang);
}

export class SuggestState extends BackgroundJob {
  /** The scheme the panel is open for (null: closed). */
  schemeId = $state<string | null>(null);
  form = $state<SuggestForm | null>(null);
  result = $state.raw<Suggestion | null>(null);
  /** The suggested scheme was added to the schemes (false: no room, or none). */
  added = $state(false);

  constructor(
    private readonly engine: SummarizingRunner,
    lang: () => Lang,
    /** Adds the suggested scheme beside the others (one undo step); false when there is no room. */
    private readonly addScheme: (scheme: Scheme, after: string) => boolean,
  ) {
    super({ noun: 'run', lang, describe: suggestErrorText });
  }

  open(scenario: Scenario, schemeId: string): void {
    this.cancel();
    this.schemeId = schemeId;
    this.form = defaultForm(scenario, schemeId);
    this.status = 'idle';
    this.result = null;
    this.cause = null;
    this.added = false;
  }

  close(): void {
    this.cancel();
    this.schemeId = null;
  }

  /** Runs the search on `scenario` (as it stands) for the open scheme. */
  async start(scenario: Scenario, lang: Lang): Promise<void> {
    const schemeId = this.schemeId;
    const form = this.form;
    if (!schemeId || !form) return;
    this.cancel();
    this.cause = null;
    this.result = null;
    this.added = false;
    let request;
    try {
      request = requestOf($state.snapshot(form) as SuggestForm, scenario, schemeId, lang);
    } catch (e) {
      return this.refuse(e);
    }
    const { inputs, limits, runs, budget } = request;
    await this.launch(
      budget * runs,
      (job) => {
        const run: BlockRunner = summarizedRuns(this.engine, job.signal);
        const goal = parseGoal(form.goal, limits, scenario.staff.map((p) => p.id));
        return optimise(scenario, { schemeId, inputs, goal }, run, { runs, budget, lang, signal: job.signal, onProgress: (done, total) => job.progress(done, total) });
      },
      (result) => {
        this.result = result;
        if (result.suggested) this.added = this.addScheme(result.suggested, schemeId);
      },
    );
  }

  /** Adds the suggestion when there was no room before (a scheme was removed since). */
  addNow(): void {
    const s = this.result?.suggested;
    if (s && !this.added && this.schemeId) this.added = this.addScheme(s, this.schemeId);
  }

  /** The scenario was replaced (another file): the panel closes. */
  reset(): void {
    this.close();
    this.result = null;
    this.form = null;
    this.status = 'idle';
  }
}
