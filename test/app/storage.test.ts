import { afterEach, describe, expect, it } from 'vitest';
import { storeSettling, storeWorkspace, storedSettling, storedWorkspace } from '../../src/app/storage.ts';
import { TOLERANCES } from '../../src/app/comparison.svelte.ts';

const withStorage = (setItem: (key: string, value: string) => void) => {
  const data = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      setItem(k, v);
      data.set(k, v);
    },
  };
};

describe('keeping the workspace', () => {
  afterEach(() => delete (globalThis as { localStorage?: unknown }).localStorage);

  it('says whether it was kept: a full storage is reported, storage that is off is not', () => {
    withStorage(() => {});
    expect(storeWorkspace('{"a":1}')).toBe(true);
    expect(storedWorkspace()).toBe('{"a":1}');
    withStorage(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(storeWorkspace('{"a":2}')).toBe(false);
    withStorage(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(storeWorkspace('{"a":3}')).toBe(true);
  });
});

describe('keeping "stop when settled" and its precision', () => {
  afterEach(() => delete (globalThis as { localStorage?: unknown }).localStorage);

  it('reads back what was chosen, and nothing from a value it does not offer or no storage', () => {
    expect(storedSettling(TOLERANCES)).toBeNull();
    withStorage(() => {});
    expect(storedSettling(TOLERANCES)).toBeNull();
    storeSettling({ untilSettled: false, tolerance: 0.02 });
    expect(storedSettling(TOLERANCES)).toEqual({ untilSettled: false, tolerance: 0.02 });
    for (const junk of ['{"untilSettled":true,"tolerance":0.03}', '{"untilSettled":"yes","tolerance":0.02}', '{"tolerance":0.02}', 'not json', '0.02', 'null']) {
      globalThis.localStorage.setItem('paybench.settling', junk);
      expect(storedSettling(TOLERANCES)).toBeNull();
    }
  });
});
