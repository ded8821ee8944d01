import { afterEach, describe, expect, it } from 'vitest';
import { storeWorkspace, storedWorkspace } from '../../src/app/storage.ts';

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
