/**
 * How many web workers the workbench runs by default, for a comparison and for a fit: one
 * per core but one, except on small machines, and never so many that the tab's memory
 * outgrows the speed they add.
 */

/**
 * Each worker is a JavaScript heap of its own: about 80 MiB more for the tab while a batch
 * runs (mostly V8's young generation, whatever the runs). Beyond this many the memory
 * grows faster than a comparison speeds up.
 */
export const MAX_DEFAULT_WORKERS = 8;

/**
 * One per core but one (the page keeps a core to draw on), at most MAX_DEFAULT_WORKERS;
 * on one or two cores, one per core: the page draws only now and then, and one worker
 * would leave the second core idle (a comparison completes about 1.4× sooner with two on
 * two cores). The first look stays quick because a crowded pool starts a batch asked for
 * a glimpse on one worker alone.
 */
export function defaultWorkerCount(): number {
  const cores = coreCount();
  return Math.min(MAX_DEFAULT_WORKERS, cores <= 2 ? cores : cores - 1);
}

/** The cores the browser says it has (two when it does not say). */
export function coreCount(): number {
  return typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
}
