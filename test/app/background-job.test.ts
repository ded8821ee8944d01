/**
 * The shape the workbench's long jobs share (background-job.svelte.ts): done, cancelled
 * and failed endings, the failure said in the user's words (and again after a language
 * switch), clean-up however it ends, and a superseded or dropped job changing nothing.
 * Then the sensitivity sweep on it: the engine's own tornado, Cancel, and an edit that
 * drops the tornado.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { BackgroundJob, PROGRESS_MS, type JobTicket } from '../../src/app/background-job.svelte.ts';
import type { Lang } from '../../src/app/i18n.ts';
import { Workbench } from '../../src/app/workbench.svelte.ts';
import { WorkerStoppedError } from '../../src/workers/runner.ts';
import { OptimiseError } from '../../src/engine/batch/optimise/errors.ts';
import { planSensitivity, runSensitivity } from '../../src/engine/batch/sensitivity.ts';
import { buildResultsJson } from '../../src/engine/results/summarize.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { InlineRunner } from '../../src/workers/inline-runner.ts';
import { localEngine } from './local-engine.ts';

/** A job whose work the test holds: it ends when the test says. */
class HeldJob extends BackgroundJob {
  lang: Lang = 'en';
  found: string[] = [];
  cleanups = 0;
  tickets: JobTicket[] = [];
  #settle: { resolve(v: string): void; reject(e: unknown): void }[] = [];

  constructor() {
    super({ noun: 'test', lang: () => this.lang });
  }

  start(total = 10): Promise<void> {
    return this.launch(
      total,
      (job) => {
        this.tickets.push(job);
        // A cancel rejects the work, as the engine's runners do.
        return new Promise<string>((resolve, reject) => {
          this.#settle.push({ resolve, reject });
          job.signal.addEventListener('abort', () => reject(job.signal.reason));
        });
      },
      (found) => this.found.push(found),
      () => this.cleanups++,
    );
  }

  end(i: number, value: string) {
    this.#settle[i].resolve(value);
  }

  fail(i: number, error: unknown) {
    this.#settle[i].reject(error);
  }

  forget(): boolean {
    return this.drop();
  }
}

describe('a background job', () => {
  it('counts its progress, ends done with what it found, and cleans up', async () => {
    const job = new HeldJob();
    const ended = job.start(10);
    expect(job.status).toBe('running');
    expect(job.running).toBe(true);
    job.tickets[0].progress(4);
    expect(job.done).toBe(4);
    expect(job.progress).toBe(0.4);
    job.tickets[0].progress(5, 20); // a total learnt on the way
    expect(job.total).toBe(20);
    job.end(0, 'answer');
    await ended;
    expect(job.status).toBe('done');
    expect(job.found).toEqual(['answer']);
    expect(job.cleanups).toBe(1);
    expect(job.error).toBeNull();
  });

  it('shows its count at most every PROGRESS_MS, the latest one a little later, and the last as it ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const job = new HeldJob();
      const ended = job.start(100);
      const ticket = job.tickets[0];
      ticket.progress(1); // the first count is shown at once
      expect(job.done).toBe(1);
      vi.advanceTimersByTime(50);
      ticket.progress(2);
      ticket.progress(3);
      expect(job.done).toBe(1); // too soon after the last one shown
      vi.advanceTimersByTime(PROGRESS_MS - 51);
      expect(job.done).toBe(1);
      vi.advanceTimersByTime(1);
      expect(job.done).toBe(3); // the latest, once the pace allows
      expect(job.elapsedMs).toBe(PROGRESS_MS);
      vi.advanceTimersByTime(10);
      ticket.progress(4, 200); // a new total is shown at once, with its count
      expect([job.done, job.total]).toEqual([4, 200]);
      ticket.progress(5, 200); // the same total again: a count like any other
      expect(job.done).toBe(4);
      ticket.progress(6);
      job.end(0, 'answer');
      await ended;
      expect(job.done).toBe(6); // the job ended before the pace showed it: shown as it ends
      expect(job.status).toBe('done');
      vi.advanceTimersByTime(PROGRESS_MS);
      expect(job.done).toBe(6);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows nothing of a job superseded while a count waited to be shown', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const job = new HeldJob();
      void job.start(10);
      job.tickets[0].progress(1);
      job.tickets[0].progress(2); // waits
      void job.start(30);
      vi.advanceTimersByTime(PROGRESS_MS);
      expect([job.done, job.total]).toEqual([0, 30]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends cancelled on Cancel, with nothing found and no error', async () => {
    const job = new HeldJob();
    const ended = job.start();
    job.cancel();
    await ended;
    expect(job.status).toBe('cancelled');
    expect(job.tickets[0].signal.reason).toMatchObject({ name: 'AbortError', message: 'The test was cancelled' });
    expect(job.found).toEqual([]);
    expect(job.cleanups).toBe(1);
    expect(job.error).toBeNull();
  });

  it('says a failure in the user’s words, and again in the other language after a switch', async () => {
    const job = new HeldJob();
    const ended = job.start();
    job.fail(0, new WorkerStoppedError(2, 'crashed', 'out of memory'));
    await ended;
    expect(job.status).toBe('error');
    expect(job.cleanups).toBe(1);
    expect(job.error).toMatch(/^background worker 2 crashed \(out of memory\)/);
    job.lang = 'ru';
    expect(job.error).toMatch(/^фоновый обработчик 2 аварийно завершился/);
    const next = job.start();
    expect(job.error).toBeNull(); // a new job starts with no failure
    job.fail(1, new OptimiseError('no such input', 'нет такого входа'));
    await next;
    expect(job.error).toBe('нет такого входа');
  });

  it('a new job supersedes the one before: its late progress and answer change nothing', async () => {
    const job = new HeldJob();
    const first = job.start(10);
    const second = job.start(30);
    expect(job.tickets[0].signal.aborted).toBe(true);
    expect(job.tickets[0].current).toBe(false);
    expect(job.tickets[1].current).toBe(true);
    job.tickets[0].progress(9);
    expect(job.done).toBe(0);
    await first;
    expect(job.status).toBe('running'); // the first one's cancellation is not the second one's
    job.end(1, 'second');
    await second;
    expect(job.found).toEqual(['second']);
    expect(job.total).toBe(30);
    expect(job.cleanups).toBe(2);
  });

  it('a dropped job ends unseen, and only a job in flight counts as dropped', async () => {
    const job = new HeldJob();
    expect(job.forget()).toBe(false);
    const ended = job.start();
    expect(job.forget()).toBe(true);
    job.status = 'idle';
    await ended;
    expect(job.status).toBe('idle');
    expect(job.cleanups).toBe(1);
    expect(job.forget()).toBe(false);
  });
});

function small(): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL('../../scenarios/client-department.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('the bundled scenario does not parse');
  return { ...parsed.scenario, simulation: { ...parsed.scenario.simulation, runs: 2, months: 2, burnInMonths: 1 } };
}

describe('the sensitivity sweep in the workbench', () => {
  it('gives the engine’s own tornado, with progress to the last run', async () => {
    const scenario = small();
    const wb = new Workbench(scenario, localEngine(), 'en');
    await wb.sensitivity.compute(wb.scenario!, 2);
    expect(wb.sensitivity.status).toBe('done');
    expect(wb.sensitivity.done).toBe(wb.sensitivity.total);
    const plan = planSensitivity(scenario, { runs: 2 });
    const direct = await runSensitivity(plan, async (s) => buildResultsJson(s, await new InlineRunner().run(s)));
    expect(JSON.stringify(wb.sensitivity.result)).toBe(JSON.stringify(direct));
    expect(wb.sensitivity.skipped).toEqual(plan.skipped.map((s) => s.input.path));
  }, 60_000);

  it('Cancel stops it with no tornado; an edit drops a tornado that no longer holds', async () => {
    const wb = new Workbench(small(), localEngine(), 'en');
    const running = wb.sensitivity.compute(wb.scenario!, 2);
    wb.sensitivity.cancel();
    await running;
    expect(wb.sensitivity.status).toBe('cancelled');
    expect(wb.sensitivity.result).toBeNull();
    await wb.sensitivity.compute(wb.scenario!, 2);
    expect(wb.sensitivity.result).not.toBeNull();
    wb.draft.company.plan = '51000000';
    wb.changed();
    expect(wb.sensitivity.status).toBe('idle');
    expect(wb.sensitivity.result).toBeNull();
  }, 60_000);
});
