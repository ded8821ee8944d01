/**
 * The ways a scenario comes in from outside — a file (picker or drop), a share link, the
 * saved workspace — each ending at the one door, `parseScenarioText`. Sizes are checked
 * before any reading or decoding, so a huge file or link is refused at once.
 */
import { SCENARIO_LIMITS, formatIssue, makeIssue, parseScenarioText } from '../engine/index.ts';
import type { ParseResult, ScenarioIssue } from '../engine/index.ts';
import { MAX_LINK_CHARS, readHash } from './share-link.ts';
import { FILE_WORDS } from './i18n-files.ts';
import type { Lang } from './i18n.ts';

export type OpenSource = { kind: 'file'; name: string } | { kind: 'link' } | { kind: 'saved' };

/** A scenario that did not open: where from, and every problem with its path. */
export interface OpenFailure {
  source: OpenSource;
  issues: ScenarioIssue[];
}

const failed = (issue: ScenarioIssue): ParseResult => ({ ok: false, errors: [issue], warnings: [] });

/** Problems of the doors themselves (not of the scenario text): codes outside the engine's. */
function doorIssue(code: 'link.tooLong' | 'link.corrupt' | 'file.unreadable', params: Record<string, string | number>): ScenarioIssue {
  return { path: '', code, params, message: code };
}

/** A payment history (a statement: .csv, .tsv, .txt) rather than a scenario (.json). */
export function isStatementFile(file: File): boolean {
  return /\.(csv|tsv|txt)$/i.test(file.name) || /^text\/(csv|plain|tab-separated-values)/.test(file.type);
}

export async function readScenarioFile(file: File): Promise<ParseResult> {
  const max = SCENARIO_LIMITS.maxTextBytes;
  if (file.size > max) {
    const mb = (b: number) => `${(b / (1024 * 1024)).toFixed(1)} MB`;
    return failed(makeIssue('', 'text.tooLarge', { size: mb(file.size), max: mb(max), bytes: file.size, maxBytes: max }));
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return failed(doorIssue('file.unreadable', { reason: e instanceof Error ? e.message : String(e) }));
  }
  return parseScenarioText(text);
}

/** A URL hash: null when it holds no scenario, else what the link opens to. */
export function readScenarioLink(hash: string): ParseResult | null {
  const read = readHash(hash);
  switch (read.kind) {
    case 'none':
      return null;
    case 'tooLong':
      return failed(doorIssue('link.tooLong', { chars: read.chars, max: MAX_LINK_CHARS }));
    case 'corrupt':
      return failed(doorIssue('link.corrupt', {}));
    case 'text':
      return parseScenarioText(read.text);
  }
}

/** An issue in the user's language: `path: reason`. */
export function issueText(issue: ScenarioIssue, lang: Lang): string {
  const w = FILE_WORDS[lang];
  const n = (x: string | number) => Number(x).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB');
  switch (issue.code) {
    case 'link.tooLong':
      return w.linkTooLongIssue(n(issue.params.chars), n(issue.params.max));
    case 'link.corrupt':
      return w.linkCorrupt;
    case 'file.unreadable':
      return w.readFailed(String(issue.params.reason));
    default:
      return formatIssue(issue, lang);
  }
}

export function sourceText(source: OpenSource, lang: Lang): string {
  const w = FILE_WORDS[lang];
  return source.kind === 'file' ? w.sourceFile(source.name) : source.kind === 'link' ? w.sourceLink : w.sourceSaved;
}
