import { devtools, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { KeyValueStorage } from '../persist';
import type { SimApi } from '../protocol/api';
import { deriving } from './derived';
import { FrameCache } from './frame-cache';
import { defaultStorage } from './memory-storage';
import { createBreakpointsSlice } from './breakpoints-slice';
import { createImportSlice } from './import-slice';
import { createLessonSlice } from './lesson-slice';
import { createPlaybackSlice } from './playback-slice';
import { preferencesOptions } from './preferences';
import { createRequestCounter } from './request-counter';
import { createRunSlice } from './run-slice';
import { createScenarioSlice } from './scenario-slice';
import type { AppState, StoreDeps } from './types';
import { createViewOptionsSlice } from './view-options-slice';

export interface AppStoreOptions {
  /** Where preferences persist; tests pass a memory storage. Default: localStorage. */
  storage?: StateStorage<unknown>;
  /** Where lesson progress is kept; default: localStorage (null: nowhere, e.g. tests). */
  lessonStorage?: KeyValueStorage | null;
  /** Name shown in the Redux DevTools extension. */
  devtoolsName?: string;
}

/**
 * One app store, composed from slices, around one simulation API. A factory
 * (not a module singleton) so that every test and every provider gets a
 * fresh store.
 */
export function createAppStore(api: SimApi, options: AppStoreOptions = {}) {
  const runs = createRequestCounter();
  const deps: StoreDeps = {
    api,
    seeks: createRequestCounter(),
    runs,
    frames: new FrameCache(runs),
  };
  const storage = options.storage ?? defaultStorage();
  const store = createStore<AppState>()(
    devtools(
      persist(
        deriving((...a) => ({
          ...createScenarioSlice(...a),
          ...createRunSlice(deps)(...a),
          ...createPlaybackSlice(deps)(...a),
          ...createViewOptionsSlice(...a),
          ...createImportSlice(deps)(...a),
          ...createLessonSlice(
            options.lessonStorage === undefined
              ? (defaultStorage() as KeyValueStorage)
              : options.lessonStorage,
          )(...a),
          ...createBreakpointsSlice(deps)(...a),
        })),
        preferencesOptions(storage),
      ),
      { name: options.devtoolsName ?? 'INTx Lab' },
    ),
  );
  // A new run has its own hits: find them again.
  store.subscribe((state, previous) => {
    if (state.run !== previous.run && state.breakpoints.length > 0)
      void state.refreshBreakpointHits();
  });
  // The same storage for what else the page keeps (the editor's draft): tests
  // that pass a memory storage keep it all in memory.
  return Object.assign(store, { storage: storage as KeyValueStorage });
}

export type AppStore = ReturnType<typeof createAppStore>;
