import type { KeyValueStorage } from '../persist';

/**
 * localStorage that never throws. Another app on the same origin can fill the
 * quota, privacy modes refuse it, and the person can clear it: none of that may
 * stop the page. A refused write is kept in memory, so the page reads back
 * what it wrote and runs from memory for the rest of the visit; the first
 * failure is told once to whoever listens (the page shows one banner).
 */
export interface SafeStorage extends KeyValueStorage {
  /** Whether `key`'s current value is in the backing storage (false when only memory holds it). */
  isDurable(key: string): boolean;
  /** The first failure, in words, or null while every call has worked. */
  readonly failure: string | null;
  /** Called once with the first failure (at once when it already happened); returns an unsubscribe. */
  onFailure(listener: (message: string) => void): () => void;
}

export function safeStorage(backing: KeyValueStorage | null): SafeStorage {
  const memory = new Map<string, string>();
  const listeners = new Set<(message: string) => void>();
  let failure: string | null =
    backing === null ? 'This browser offers no storage to this page' : null;
  const fail = (what: string, error: unknown): void => {
    if (failure !== null) return;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const why = text.replace(/\.$/, ''); // the notice adds its own full stop
    failure = `This browser refused to ${what} (${why})`;
    for (const l of listeners) l(notice(failure));
  };
  return {
    getItem(key) {
      const kept = memory.get(key);
      if (kept !== undefined) return kept;
      if (backing === null) return null;
      try {
        return backing.getItem(key);
      } catch (error) {
        fail('read saved data', error);
        return null;
      }
    },
    setItem(key, value) {
      if (backing !== null) {
        try {
          backing.setItem(key, value);
          memory.delete(key);
          return;
        } catch (error) {
          fail('save data', error);
        }
      }
      memory.set(key, value);
    },
    removeItem(key) {
      memory.delete(key);
      if (backing === null) return;
      try {
        backing.removeItem(key);
      } catch (error) {
        fail('remove saved data', error);
      }
    },
    isDurable(key) {
      return backing !== null && !memory.has(key);
    },
    get failure() {
      return failure === null ? null : notice(failure);
    },
    onFailure(listener) {
      if (failure !== null) {
        listener(notice(failure));
        return () => {};
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function notice(failure: string): string {
  return `${failure}. INTx Lab runs from memory: what you do now will not survive a reload. Free some browser storage for this site to save again.`;
}
