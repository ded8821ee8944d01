/**
 * Words of the status line's warnings, in English and Russian: a worker that died or fell
 * silent, and a workspace the browser could not keep. Kept apart from i18n.ts, like
 * i18n-files.ts, so these and the editor's words grow without treading on each other.
 */
import { OptimiseError } from '../engine/index.ts';
import { WorkerStoppedError } from '../workers/runner.ts';
import type { Lang } from './i18n.ts';

const en = {
  workerCrashed: (n: number, detail: string) => `background worker ${n} crashed (${detail}). Your scenario is kept: run it again.`,
  workerSilent: (n: number, seconds: string) =>
    `background worker ${n} stopped answering: no sign of life for ${seconds} s. It was stopped; your scenario is kept: run it again.`,
  notKept: 'This browser’s storage is full: your work is not being kept here across reloads.',
  saveFile: 'Save a file',
  dismiss: 'Dismiss',
};

export type StatusWords = typeof en;

const ru: StatusWords = {
  workerCrashed: (n, detail) => `фоновый обработчик ${n} аварийно завершился (${detail}). Сценарий сохранён: запустите расчёт снова.`,
  workerSilent: (n, seconds) =>
    `фоновый обработчик ${n} перестал отвечать: ${seconds} с без признаков жизни. Он остановлен; сценарий сохранён: запустите расчёт снова.`,
  notKept: 'Хранилище браузера заполнено: ваша работа здесь не сохраняется между перезагрузками.',
  saveFile: 'Сохранить в файл',
  dismiss: 'Скрыть',
};

export const STATUS_WORDS: Record<Lang, StatusWords> = { en, ru };

/**
 * Why a run or a background job failed, in the user's words: a worker that stopped, an
 * engine error that carries its own Russian (the optimiser's), else the message as it came.
 */
export function runErrorText(error: unknown, lang: Lang): string {
  const w = STATUS_WORDS[lang];
  if (error instanceof WorkerStoppedError) return error.kind === 'crashed' ? w.workerCrashed(error.worker, error.detail) : w.workerSilent(error.worker, error.detail);
  if (error instanceof OptimiseError) return error.text(lang);
  return error instanceof Error ? error.message : String(error);
}
