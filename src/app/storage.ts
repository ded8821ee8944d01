/**
 * What the workbench keeps in the browser (localStorage): the language chosen and the
 * workspace — the last valid scenario, as its file text, read back through the one door
 * on the next visit. Storage may be off or full (private windows, quotas): then nothing is
 * kept and nothing fails.
 */
import type { Lang } from './i18n.ts';

export const STORAGE_KEYS = { lang: 'paybench.lang', workspace: 'paybench.workspace' } as const;

function get(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function set(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // storage off or full: the workspace simply is not kept
  }
}

export function storedLang(): Lang | null {
  const lang = get(STORAGE_KEYS.lang);
  return lang === 'en' || lang === 'ru' ? lang : null;
}

export const storeLang = (lang: Lang): void => set(STORAGE_KEYS.lang, lang);

/** The saved workspace's scenario text (parse it through `parseScenarioText`). */
export const storedWorkspace = (): string | null => get(STORAGE_KEYS.workspace);

export const storeWorkspace = (text: string): void => set(STORAGE_KEYS.workspace, text);
