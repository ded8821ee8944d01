/**
 * What the workbench keeps in the browser (localStorage): the language chosen, "stop when
 * settled" and the precision it asks, and the workspace — the last valid scenario, as its file text, read back through the one door
 * on the next visit. Storage may be off or full (private windows, quotas): then nothing is
 * kept and nothing fails; a full one is reported (the status line offers to save a file).
 */
import type { Lang } from './i18n.ts';

export const STORAGE_KEYS = { lang: 'paybench.lang', workspace: 'paybench.workspace', settling: 'paybench.settling' } as const;

function get(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores a value; false only when the storage is full (a quota error). Storage that is off is not an error to report. */
function set(key: string, value: string): boolean {
  try {
    globalThis.localStorage?.setItem(key, value);
    return true;
  } catch (e) {
    return !isQuotaError(e);
  }
}

function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  const code = (e as { code?: unknown } | null)?.code;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

export function storedLang(): Lang | null {
  const lang = get(STORAGE_KEYS.lang);
  return lang === 'en' || lang === 'ru' ? lang : null;
}

export const storeLang = (lang: Lang): void => void set(STORAGE_KEYS.lang, lang);

/** The saved workspace's scenario text (parse it through `parseScenarioText`). */
export const storedWorkspace = (): string | null => get(STORAGE_KEYS.workspace);

/** Keeps the workspace; false when the browser's storage is full (then say so: Workbench.kept). */
export const storeWorkspace = (text: string): boolean => set(STORAGE_KEYS.workspace, text);

/** "Stop when settled" and the precision it asks (a share of profit), as chosen last. */
export interface SettlingChoice {
  untilSettled: boolean;
  tolerance: number;
}

/** The choice kept, if it is one of `tolerances` (anything else, from an older page or a hand, is ignored). */
export function storedSettling(tolerances: readonly number[]): SettlingChoice | null {
  try {
    const v = JSON.parse(get(STORAGE_KEYS.settling) ?? 'null') as Partial<SettlingChoice> | null;
    if (typeof v?.untilSettled !== 'boolean' || !tolerances.includes(v.tolerance as number)) return null;
    return { untilSettled: v.untilSettled, tolerance: v.tolerance! };
  } catch {
    return null;
  }
}

export const storeSettling = (choice: SettlingChoice): void => void set(STORAGE_KEYS.settling, JSON.stringify(choice));
