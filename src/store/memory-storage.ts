import type { StateStorage } from 'zustand/middleware';

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

/** The browser's localStorage when it can be used, else a memory storage. */
export function defaultStorage(): StateStorage<unknown> {
  try {
    if (typeof localStorage !== 'undefined') {
      // Touching it throws in some privacy modes; then preferences live in memory.
      localStorage.getItem('intx-lab:probe');
      return localStorage;
    }
  } catch {
    // fall through
  }
  return createMemoryStorage();
}
