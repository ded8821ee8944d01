/**
 * Keeps the draft's names in step with its schemes and the language: a scheme named from
 * its parameters (`schemeName`) is renamed as they change and when the language switches;
 * a bundled story's names switch language (bundled.ts); names the user gave stay.
 */
import { schemeName } from '../engine/index.ts';
import type { Scenario } from '../engine/index.ts';
import { bundledNamesIn } from './bundled.ts';
import { isDerivedName } from './scheme-names.ts';
import type { Lang } from './i18n.ts';

export class NameKeeper {
  /** Scheme id → the name last derived for it: while the scheme still has it, it follows. */
  #derived = new Map<string, string>();

  /** After the draft was replaced (load, undo): which names follow is read afresh from the names. */
  forget(): void {
    this.#derived.clear();
  }

  /** Re-derives the names that follow their parameters (`valid` is the draft as parsed). */
  follow(draft: Scenario, valid: Scenario | null, lang: Lang): void {
    if (!valid) return; // a half-typed number: names wait for a valid scheme
    const plan = valid.company.plan;
    draft.schemes.forEach((s, i) => {
      const v = valid.schemes[i];
      if (!v || v.id !== s.id) return;
      const last = this.#derived.get(s.id);
      const follows = last !== undefined ? s.name === last : isDerivedName(v, plan);
      if (!follows) {
        this.#derived.delete(s.id);
        return;
      }
      const name = schemeName(v, lang, plan);
      if (s.name !== name) s.name = name;
      this.#derived.set(s.id, name);
    });
  }

  /** The draft's names in `lang`: bundled names switched, derived ones derived again. */
  switchTo(draft: Scenario, valid: Scenario | null, lang: Lang): void {
    const names = bundledNamesIn(draft, lang);
    if (draft.name !== names.name) draft.name = names.name;
    draft.schemes.forEach((s, i) => {
      if (s.name !== names.schemes[i]) s.name = names.schemes[i];
    });
    draft.staff.forEach((p, i) => {
      if (p.name !== names.staff[i]) p.name = names.staff[i];
    });
    this.follow(draft, valid, lang);
  }

  /** Marks a scheme's current name as derived (a new scheme, or "name it from its parameters"). */
  adopt(id: string, name: string): void {
    this.#derived.set(id, name);
  }
}
