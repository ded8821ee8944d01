/**
 * How many jobs the web pool sends a worker at once: about `targetMs` of work at the
 * measured pace, so a message is worth sending and a cancel or a new batch is never far
 * off. Never changes a result (the plan is fixed before it is split).
 */

/**
 * A piece run ahead of a checkpoint is this much smaller than the others (in time): if the
 * batch stops there it is dropped, and the summary that ends the batch queues behind every
 * piece a worker holds.
 */
export const AHEAD_SHARE = 4;

export interface ChunkAsk {
  /** A size the caller fixed (options.chunkSize). */
  fixed: number | undefined;
  /** Jobs left before the next bound (a checkpoint or the end). */
  remaining: number;
  schemes: number;
  /** Jobs already sent to this worker in this batch. */
  sent: number;
  /** Measured milliseconds per job (0: not yet). */
  msPerJob: number;
  targetMs: number;
  workers: number;
  /** The piece runs ahead of the next checkpoint, while it is read. */
  ahead: boolean;
}

export function chunkSize({ fixed, remaining, schemes, sent, msPerJob, targetMs, workers, ahead }: ChunkAsk): number {
  if (fixed !== undefined) return Math.max(1, Math.floor(fixed));
  // Unmeasured: one run of every scheme, which also times the job.
  const size = msPerJob > 0 ? Math.round((ahead ? targetMs / AHEAD_SHARE : targetMs) / msPerJob) : schemes;
  // Near the end, smaller pieces keep every worker busy until the last one.
  const fair = Math.ceil(remaining / workers);
  // At the start, a worker's pieces grow with the jobs sent to it: the first results are in
  // (and a summary asked for then waits) after small pieces, not after a full helping, and
  // a worker that starts late starts small too.
  const ramp = Math.max(schemes, sent);
  return Math.max(1, Math.min(size, 256, fair, ramp));
}
