/** The command's progress on stderr (cli/progress.ts): the time left, and where a batch stopping when settled likely ends. */
import { describe, expect, it } from 'vitest';
import { commandProgress, createProgress } from '../../src/cli/progress.ts';
import type { CliIo } from '../../src/cli/io.ts';
import type { ParsedArgs } from '../../src/cli/args.ts';
import type { Lang } from '../../src/cli/format.ts';

/** A progress written to `lines`, on a clock the test sets (`at`, in ms). */
function progressAt(mayStopSooner: boolean, { mode = 'log' as 'log' | 'tty', lang = 'en' as Lang } = {}) {
  const lines: string[] = [];
  let ms = 0;
  const progress = createProgress((s) => lines.push(s), mode, () => ms, { mayStopSooner, lang });
  const at = (t: number) => void (ms = t);
  /** 10 of 1,000 runs in at 0.5 s (the pace is read from there), 250 at 1 s: 240 runs in 0.5 s, 750 to go. */
  const firstQuarter = () => {
    at(500);
    progress.update(10, 1000);
    at(1000);
    progress.update(250, 1000);
  };
  return { lines, progress, at, firstQuarter };
}

describe('progress in a log', () => {
  it('says the time left at the pace since the first runs came in', () => {
    const { lines, firstQuarter } = progressAt(false);
    firstQuarter();
    expect(lines).toEqual(['250/1000 runs (25%) · 1.6 s left\n']);
  });

  it('says "up to" while stopping when settled, then the time to where a step read says it likely settles', () => {
    const { lines, progress, at, firstQuarter } = progressAt(true);
    firstQuarter();
    // 100 runs of each of 2 schemes read: likely settled at 400 runs, 800 of the 1,000.
    progress.likely({ runs: 400, total: 800 });
    at(2000);
    progress.update(500, 1000);
    // Likely every run: "about", and the time to the last.
    progress.likely({ runs: 500, total: 1000 });
    at(3000);
    progress.update(750, 1000);
    expect(lines).toEqual([
      '250/1000 runs (25%) · up to 1.6 s left\n',
      '500/1000 runs (50%) · about 0.9 s left (likely settled at 400 runs)\n',
      '750/1000 runs (75%) · about 0.8 s left (likely every run)\n',
    ]);
  });

  it('forgets the forecast when told nothing is foreseen', () => {
    const { lines, progress, firstQuarter } = progressAt(true);
    progress.likely({ runs: 400, total: 800 });
    progress.likely(null);
    firstQuarter();
    expect(lines).toEqual(['250/1000 runs (25%) · up to 1.6 s left\n']);
  });
});

describe('progress on a terminal', () => {
  it('marks on the bar the step where the answer likely settles, until the runs pass it', () => {
    const { lines, progress, at } = progressAt(true, { mode: 'tty' });
    at(1000);
    progress.update(300, 3000);
    progress.likely({ runs: 400, total: 1200 });
    at(2000);
    progress.update(600, 3000);
    at(5000);
    progress.update(1500, 3000);
    expect(lines).toEqual([
      // The first runs in: no pace yet.
      `\r[${'█'.repeat(2)}${'░'.repeat(22)}] 300/3000 runs   `,
      `\r[${'█'.repeat(5)}${'░'.repeat(5)}│${'░'.repeat(13)}] 600/3000 runs · about 2.0 s left (likely settled at 400 runs)   `,
      // Past the step foreseen, not settled there: the most it takes, until the next step is read.
      `\r[${'█'.repeat(12)}${'░'.repeat(12)}] 1500/3000 runs · up to 5.0 s left   `,
    ]);
  });
});

describe('progress in Russian (--lang ru)', () => {
  it('counts runs and time in the language of the rest of the output', () => {
    const { lines, progress, at, firstQuarter } = progressAt(true, { lang: 'ru' });
    firstQuarter();
    progress.likely({ runs: 400, total: 800 });
    at(2000);
    progress.update(500, 1000);
    progress.finish();
    expect(lines).toEqual([
      '250/1000 прогонов (25%) · осталось не больше 1.6 с\n',
      '500/1000 прогонов (50%) · осталось около 0.9 с (вероятно, устоится на 400 прогонах)\n',
      'готово за 2.0 с\n',
    ]);
  });
});

describe('the counted noun', () => {
  it('agrees with the total, in both languages', () => {
    const write = (lang: Lang, total: number, unit?: 'runs' | 'schemeRuns' | 'scenarios' | 'candidates') => {
      const { lines, progress } = progressAt(false, { lang });
      progress.update(total, total, unit);
      return lines[0].replace(/ \(100%\)\n$/, '');
    };
    expect([write('ru', 21), write('ru', 22), write('ru', 25), write('ru', 111)]).toEqual(['21/21 прогон', '22/22 прогона', '25/25 прогонов', '111/111 прогонов']);
    expect([write('ru', 3, 'scenarios'), write('ru', 31, 'candidates'), write('ru', 1, 'schemeRuns')]).toEqual(['3/3 сценария', '31/31 вариант', '1/1 прогон схем']);
    expect([write('en', 1), write('en', 2), write('en', 1, 'scenarios')]).toEqual(['1/1 run', '2/2 runs', '1/1 scenario']);
  });
});

describe("a command's progress", () => {
  it('draws its bar on a terminal with its own control codes, not escaped as text from input is', () => {
    const escaped: string[] = [];
    const raw: string[] = [];
    let ms = 0;
    const io = { stderr: (t: string) => escaped.push(t), rawStderr: (t: string) => raw.push(t), isTTY: true, now: () => ms } as unknown as CliIo;
    const args = { booleans: new Set<string>(), values: {}, positional: [] } as unknown as ParsedArgs;
    const progress = commandProgress(io, args, 'en');
    progress.update(1, 45, 'scenarios');
    ms = 1000;
    progress.finish();
    expect(escaped).toEqual([]);
    expect(raw[0]).toBe(`\r[${'█'.repeat(1)}${'░'.repeat(23)}] 1/45 scenarios   `);
    expect(raw.at(-1)).toBe('done in 1.0 s\n');
  });

  it('says nothing with --quiet', () => {
    const out: string[] = [];
    const io = { stderr: (t: string) => out.push(t), rawStderr: (t: string) => out.push(t), isTTY: true, now: () => 0 } as unknown as CliIo;
    const progress = commandProgress(io, { booleans: new Set(['quiet']), values: {}, positional: [] } as unknown as ParsedArgs, 'en');
    progress.update(1, 2);
    progress.finish();
    expect(out).toEqual([]);
  });
});
