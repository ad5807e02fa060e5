import type { StateStorage } from 'zustand/middleware';
import { safeStorage, type SafeStorage } from './safe-storage';

/** A StateStorage kept in a Map: for tests (node has no localStorage) and as a fallback. */
export function createMemoryStorage(): StateStorage<void> {
  const items = new Map<string, string>();
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => {
      items.set(name, value);
    },
    removeItem: (name) => {
      items.delete(name);
    },
  };
}

/**
 * The browser's localStorage behind a wrapper that never throws (see
 * safe-storage.ts); memory only when there is no localStorage at all or
 * touching it throws (some privacy modes).
 */
export function defaultStorage(): SafeStorage {
  try {
    if (typeof localStorage !== 'undefined') {
      localStorage.getItem('intx-lab:probe');
      return safeStorage(localStorage);
    }
  } catch {
    // fall through
  }
  return safeStorage(null);
}
