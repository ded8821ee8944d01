/**
 * Progress on stderr: a live bar on a terminal (redrawn at most 10 times a second), a few
 * plain lines (every 25%) in a log, nothing with --quiet; in the language of the rest of
 * the command's output (--lang).
 */
import type { ParsedArgs } from './args.ts';
import type { Lang } from './format.ts';
import type { CliIo } from './io.ts';
import { likelyAhead, type Likely as Foreseen } from '../engine/index.ts';
import { candidateWordRu, onRunsRu, pluralRu, runWordRu, runsEn, wordEn } from '../charts/plural.ts';

// A unit's noun goes with the total ("21/21 прогон", "1/1 run"): a form for each count.
const WORDS = {
  en: {
    units: {
      runs: (n: number) => wordEn(n, 'run'),
      schemeRuns: (n: number) => wordEn(n, 'scheme-run'),
      scenarios: (n: number) => wordEn(n, 'scenario'),
      candidates: (n: number) => wordEn(n, 'candidate'),
    },
    left: (time: string) => `${time} left`,
    upTo: (time: string) => `up to ${time} left`,
    about: (time: string) => `about ${time} left`,
    likelyAt: (runs: number) => `likely settled at ${runsEn(runs)}`,
    likelyAll: 'likely every run',
    seconds: (s: string) => `${s} s`,
    minutes: (m: number) => `${m} min`,
    doneIn: (s: string) => `done in ${s} s`,
  },
  ru: {
    units: {
      runs: runWordRu,
      schemeRuns: (n: number) => `${runWordRu(n)} схем`,
      scenarios: (n: number) => pluralRu(n, 'сценарий', 'сценария', 'сценариев'),
      candidates: candidateWordRu,
    },
    left: (time: string) => `осталось ${time}`,
    upTo: (time: string) => `осталось не больше ${time}`,
    about: (time: string) => `осталось около ${time}`,
    likelyAt: (runs: number) => `вероятно, устоится на ${onRunsRu(runs)}`,
    likelyAll: 'вероятно, все прогоны',
    seconds: (s: string) => `${s} с`,
    minutes: (m: number) => `${m} мин`,
    doneIn: (s: string) => `готово за ${s} с`,
  },
} satisfies Record<Lang, unknown>;
/** What a progress counts. */
export type Unit = keyof (typeof WORDS)['en']['units'];

export interface Progress {
  /** `unit`: what is counted (runs by default). */
  update(done: number, total: number, unit?: Unit): void;
  /** Where the batch will likely settle (--until-converged): its runs of each scheme, and its work in the units counted; null: not known. */
  likely(at: Likely | null): void;
  finish(): void;
}

/** Where the batch will likely settle: its step's runs and its work in the units counted. */
export type Likely = Pick<Foreseen, 'runs' | 'total'>;

/**
 * A command's progress: with --quiet none; a bar on a terminal, lines in a log. Written as
 * it is (io.rawStderr): the bar's own control codes must reach the terminal, not be escaped
 * as text from input is.
 */
export function commandProgress(io: CliIo, args: ParsedArgs, lang: Lang, options: { mayStopSooner?: boolean } = {}): Progress {
  return createProgress(io.rawStderr ?? io.stderr, args.booleans.has('quiet') ? 'quiet' : io.isTTY ? 'tty' : 'log', io.now ?? Date.now, { ...options, lang });
}

/**
 * `mayStopSooner`: the batch stops once the answer is settled (--until-converged), so the
 * time left is what every run would take: "up to" — until a step read says where it will
 * likely settle, and the time left is to there ("about").
 */
export function createProgress(
  write: (s: string) => void,
  mode: 'tty' | 'log' | 'quiet',
  now: () => number,
  { mayStopSooner = false, lang = 'en' as Lang } = {},
): Progress {
  if (mode === 'quiet') return { update() {}, likely() {}, finish() {} };
  const w = WORDS[lang];
  const started = now();
  // The pace is read from the first runs in, not from the start: starting the workers and
  // their first compiled code would count as runs and inflate the first estimates several times over.
  let first: { at: number; done: number } | null = null;
  let lastDraw = -Infinity;
  let lastQuarter = 0;
  let drawn = false;
  let likely: Likely | null = null;
  const left = (done: number, total: number) => {
    if (first === null || done <= first.done) return '';
    const pace = (now() - first.at) / 1000 / (done - first.done);
    // Past the step foreseen, the next step read says more: until then, the most it takes.
    const to = likelyAhead(likely, done);
    const sooner = to !== null && to.total < total;
    const seconds = pace * ((sooner ? to.total : total) - done);
    const time = seconds >= 60 ? w.minutes(Math.round(seconds / 60)) : w.seconds(seconds.toFixed(1));
    if (to) return ` · ${w.about(time)} (${sooner ? w.likelyAt(to.runs) : w.likelyAll})`;
    return ` · ${mayStopSooner ? w.upTo(time) : w.left(time)}`;
  };
  return {
    likely(at) {
      likely = at;
    },
    update(done, total, unit = 'runs') {
      if (first === null && done > 0) first = { at: now(), done };
      if (mode === 'tty') {
        if (done < total && now() - lastDraw < 100) return;
        lastDraw = now();
        const width = 24;
        const full = Math.round((done / total) * width);
        // The step where the answer likely settles, marked until the bar reaches it.
        const to = likelyAhead(likely, done);
        const mark = to !== null && to.total < total ? Math.round((to.total / total) * width) : -1;
        let bar = '';
        for (let i = 0; i < width; i++) bar += i < full ? '█' : i === mark ? '│' : '░';
        write(`\r[${bar}] ${done}/${total} ${w.units[unit](total)}${left(done, total)}   `);
        drawn = true;
      } else {
        const quarter = Math.floor((done / total) * 4);
        if (quarter > lastQuarter) {
          lastQuarter = quarter;
          write(`${done}/${total} ${w.units[unit](total)} (${quarter * 25}%)${done < total ? left(done, total) : ''}\n`);
        }
      }
    },
    finish() {
      const seconds = ((now() - started) / 1000).toFixed(1);
      if (mode === 'tty' && drawn) write('\r\x1b[2K');
      write(`${w.doneIn(seconds)}\n`);
    },
  };
}
