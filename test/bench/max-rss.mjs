// Loaded with `node --import` by the bench: prints the process's peak resident memory
// (worker threads included: they share the process) on stderr as it exits.
// Read from /proc (VmHWM), not process.resourceUsage().maxRSS: Linux carries maxRSS over
// from the parent through fork and exec, so a child started by a bench that holds 320 MiB
// reported 320 MiB whatever it used itself.
import { readFileSync, writeSync } from 'node:fs';

function peakKiB() {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // no /proc (not Linux): the operating system's own figure
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => writeSync(2, `\nmaxrss-kib ${peakKiB()}\n`));
