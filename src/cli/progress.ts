/**
 * Progress on stderr: a live bar on a terminal (redrawn at most 10 times a second), a few
 * plain lines (every 25%) in a log, nothing with --quiet.
 */
export interface Progress {
  /** `unit`: what is counted (runs by default). */
  update(done: number, total: number, unit?: string): void;
  finish(): void;
}

/**
 * `mayStopSooner`: the batch stops once the answer is settled (--until-converged), so the
 * time left is what every run would take: "up to".
 */
export function createProgress(write: (s: string) => void, mode: 'tty' | 'log' | 'quiet', now: () => number, { mayStopSooner = false } = {}): Progress {
  if (mode === 'quiet') return { update() {}, finish() {} };
  const upTo = mayStopSooner ? 'up to ' : '';
  const started = now();
  let lastDraw = -Infinity;
  let lastQuarter = 0;
  let drawn = false;
  const left = (done: number, total: number) => {
    if (done === 0) return '';
    const seconds = ((now() - started) / 1000) * ((total - done) / done);
    return seconds >= 60 ? ` · ${upTo}${Math.round(seconds / 60)} min left` : ` · ${upTo}${seconds.toFixed(1)} s left`;
  };
  return {
    update(done, total, unit = 'runs') {
      if (mode === 'tty') {
        if (done < total && now() - lastDraw < 100) return;
        lastDraw = now();
        const width = 24;
        const full = Math.round((done / total) * width);
        write(`\r[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${done}/${total} ${unit}${left(done, total)}   `);
        drawn = true;
      } else {
        const quarter = Math.floor((done / total) * 4);
        if (quarter > lastQuarter) {
          lastQuarter = quarter;
          write(`${done}/${total} ${unit} (${quarter * 25}%)${done < total ? left(done, total) : ''}\n`);
        }
      }
    },
    finish() {
      const seconds = ((now() - started) / 1000).toFixed(1);
      if (mode === 'tty' && drawn) write('\r\x1b[2K');
      write(`done in ${seconds} s\n`);
    },
  };
}
