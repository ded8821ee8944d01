/**
 * The scenario being edited: a draft read through the one door (`parseScenario`), its
 * errors by field, the edits the page makes to its schemes and staff, the names that
 * follow their parameters and the language, and undo / redo. It runs nothing: the
 * Workbench (workbench.svelte.ts) builds on it and runs what it holds.
 */
import { formatIssue, parseScenario, schemeName } from '../engine/index.ts';
import type { Scenario, ScenarioIssue, Scheme } from '../engine/index.ts';
import type { Lang } from './i18n.ts';
import { EditHistory } from './history.svelte.ts';
import { NameKeeper } from './name-keeper.ts';
import { newPerson, newScheme, schemeCopy } from './draft-edits.ts';
import type { FieldKind } from './field-message.ts';

export const MIN_SCHEMES = 2;
export const MAX_SCHEMES = 6;

export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function validScenario(draft: Scenario): Scenario | null {
  const parsed = parseScenario(clone(draft));
  return parsed.ok ? parsed.scenario : null;
}

export class EditedScenario {
  /** The scenario as edited: money and rates stay decimal strings, as in files. */
  draft = $state<Scenario>() as Scenario;
  lang = $state<Lang>('en');
  /** The label of each field on the page, by path (the error list words its errors as the fields do). */
  readonly fields: Record<string, { label: string; kind: FieldKind; text?: string }> = $state({});
  /** The scheme being edited (its editor opens beside the results), by id. */
  editing = $state<string | null>(null);

  readonly parsed = $derived(parseScenario($state.snapshot(this.draft)));

  /** Undo / redo of the draft's edits (App turns every change into `changed()`, which records it). */
  readonly history: EditHistory;

  readonly #names = new NameKeeper();

  constructor(scenario: Scenario, lang: Lang) {
    this.draft = clone(scenario);
    // A workspace kept from a visit in the other language opens with its bundled names in this one.
    this.#names.switchTo(this.draft, validScenario(this.draft), lang);
    this.history = new EditHistory(JSON.stringify(this.draft));
    this.lang = lang;
  }

  /** The valid scenario, or null while the draft has errors. */
  get scenario(): Scenario | null {
    return this.parsed.ok ? this.parsed.scenario : null;
  }

  get issues(): ScenarioIssue[] {
    return this.parsed.ok ? [] : this.parsed.errors;
  }

  /** The errors at a field's path (the form words them itself: field-message.ts). */
  issuesAt(path: string): ScenarioIssue[] {
    return this.issues.filter((i) => i.path === path);
  }

  /** Error messages for a field (`company.plan`) or everything under a section (`staff`, prefix), path first. */
  errorsAt(path: string, { prefix = false } = {}): string[] {
    return this.issues
      .filter((i) => i.path === path || (prefix && (i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))))
      .map((i) => formatIssue(i, this.lang));
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
    const scheme = newScheme(this.draft, this.lang);
    this.#names.adopt(scheme.id, scheme.name); // it follows its edits until the user names it
    this.draft.schemes.push(scheme);
  }

  /** The scheme's name from its parameters again; it follows them from now on. */
  nameFromParameters(index: number): void {
    const scheme = this.draft.schemes[index];
    const valid = this.scenario?.schemes[index];
    if (!scheme || !valid) return;
    scheme.name = schemeName(valid, this.lang, this.draft.company.plan);
    this.#names.adopt(scheme.id, scheme.name);
  }

  /** Switches the language; bundled and derived names switch with it (a rename, not a re-run). */
  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.history.breakStep();
    this.#names.switchTo(this.draft, this.scenario, lang);
  }

  duplicateScheme(index: number): void {
    const source = this.draft.schemes[index];
    if (!source || !this.canAddScheme) return;
    const valid = this.scenario?.schemes[index];
    const derived = valid !== undefined && source.name === schemeName(valid, this.lang, this.draft.company.plan);
    const copy = schemeCopy(this.draft, $state.snapshot(source) as Scheme, this.lang, derived);
    if (derived) this.#names.adopt(copy.id, copy.name);
    this.draft.schemes.splice(index + 1, 0, copy);
  }

  /** Adds a whole scheme (the optimiser's suggestion) after the one with id `after`, as one undo step; false when there is no room. */
  insertScheme(scheme: Scheme, after: string): boolean {
    if (!this.canAddScheme) return false;
    const ids = this.draft.schemes.map((s) => s.id);
    let id = scheme.id;
    for (let k = 2; ids.includes(id); k++) id = `${scheme.id}-${k}`;
    this.history.breakStep();
    this.draft.schemes.splice(ids.indexOf(after) + 1 || ids.length, 0, { ...clone(scheme), id });
    this.#names.adopt(id, scheme.name);
    this.history.record(this.#snapshot());
    this.history.breakStep();
    return true;
  }

  deleteScheme(index: number): void {
    if (!this.canDeleteScheme) return;
    const [gone] = this.draft.schemes.splice(index, 1);
    if (gone && gone.id === this.editing) this.editing = null;
    if (gone && gone.id === this.draft.baseline) this.draft.baseline = this.draft.schemes[0].id;
  }

  setBaseline(index: number): void {
    const scheme = this.draft.schemes[index];
    if (scheme) this.draft.baseline = scheme.id;
  }

  // ---------------------------------------------------------------- staff

  addPerson(): void {
    this.draft.staff.push(newPerson(this.draft, this.lang));
  }

  removePerson(index: number): void {
    this.draft.staff.splice(index, 1);
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
    this.#names.forget();
    this.draft = JSON.parse(text) as Scenario;
  }

  redo(): void {
    const text = this.history.redo();
    if (text === null) return;
    this.#names.forget();
    this.draft = JSON.parse(text) as Scenario;
  }

  /** The draft was edited: derived names follow, and the edit is an undo step (or part of one). */
  protected recordEdit(): void {
    this.#names.follow(this.draft, this.scenario, this.lang);
    this.history.record(this.#snapshot());
  }

  /** Puts a whole scenario in the draft's place (a bundled one, a file, a fit): one undo step of its own. */
  protected replaceDraft(scenario: Scenario): void {
    this.history.breakStep();
    this.editing = null;
    this.#names.forget();
    this.draft = clone(scenario);
    this.history.record(this.#snapshot());
    this.history.breakStep();
  }

  #snapshot(): string {
    return JSON.stringify($state.snapshot(this.draft));
  }
}
