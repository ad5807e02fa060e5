import { saveWork, type KeyValueStorage, type SavedWork } from '../persist';
import type { AppStore } from './create-app-store';
import type { AppState } from './types';

/** Quiet time after the last change before writing: playing changes the cursor every frame. */
export const SAVE_DEBOUNCE_MS = 400;

export interface PersistWorkOptions {
  debounceMs?: number;
  /** Told when the browser refuses to save (once until a save works again). */
  onError?: (message: string) => void;
  /** Where to listen for `pagehide` (flush before a reload); none in tests. */
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

/** The work in a state, or null while nothing is loaded. */
export function workOf(state: AppState): SavedWork | null {
  if (!state.scenario || !state.run) return null;
  return { scenario: state.scenario, presetName: state.presetName, cursor: state.cursor };
}

/**
 * Saves the scenario, preset name and cursor whenever they change, debounced,
 * and at once when the page is hidden or unloaded (a reload right after a step
 * keeps that step). Saves what is shown at once, too. Returns a stop function that also flushes.
 */
export function persistWork(
  store: AppStore,
  storage: KeyValueStorage,
  options: PersistWorkOptions = {},
): () => void {
  const delay = options.debounceMs ?? SAVE_DEBOUNCE_MS;
  const target = options.target === undefined ? (globalThis.window ?? null) : options.target;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let reported = false;
  let last: SavedWork | null = null;

  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const work = workOf(store.getState());
    if (!work) return;
    if (
      last &&
      last.scenario === work.scenario &&
      last.cursor === work.cursor &&
      last.presetName === work.presetName
    ) {
      return;
    }
    const error = saveWork(storage, work);
    if (error === null) {
      last = work;
      reported = false;
    } else if (!reported) {
      reported = true;
      options.onError?.(error);
    }
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.scenario === previous.scenario &&
      state.cursor === previous.cursor &&
      state.presetName === previous.presetName
    ) {
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  });
  const onHide = (): void => flush();
  // What is shown now is saved at once: the page may be reloaded before any change.
  flush();
  target?.addEventListener('pagehide', onHide);
  target?.addEventListener('visibilitychange', onHide);
  return () => {
    unsubscribe();
    target?.removeEventListener('pagehide', onHide);
    target?.removeEventListener('visibilitychange', onHide);
    flush();
  };
}
