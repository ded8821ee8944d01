import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultWorkerCount, MAX_DEFAULT_WORKERS } from '../../src/workers/web-worker-count.ts';

afterEach(() => vi.unstubAllGlobals());

describe('the browser pool size', () => {
  it('is one worker per core but one (one per core on one or two cores), and stops at the memory cap', () => {
    const cores = (n: number | undefined) => {
      vi.stubGlobal('navigator', { hardwareConcurrency: n });
      return defaultWorkerCount();
    };
    expect(cores(1)).toBe(1);
    expect(cores(2)).toBe(2);
    expect(cores(4)).toBe(3);
    expect(cores(3)).toBe(2);
    expect(cores(undefined)).toBe(2); // unknown: assume two cores
    expect(cores(MAX_DEFAULT_WORKERS + 1)).toBe(MAX_DEFAULT_WORKERS);
    expect(cores(64)).toBe(MAX_DEFAULT_WORKERS);
  });
});
