// Loaded with `node --import` by the bench: prints the process's peak resident memory
// (worker threads included: they share the process) on stderr as it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\nmaxrss-kib ${process.resourceUsage().maxRSS}\n`));
