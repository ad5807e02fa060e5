import { devtools, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { SimApi } from '../protocol/api';
import { defaultStorage } from './memory-storage';
import { createImportSlice } from './import-slice';
import { createLessonSlice } from './lesson-slice';
import type { KeyValueStorage } from '../persist';
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
  const deps: StoreDeps = { api, seeks: createRequestCounter(), runs: createRequestCounter() };
  return createStore<AppState>()(
    devtools(
      persist(
        (...a) => ({
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
        }),
        preferencesOptions(options.storage ?? defaultStorage()),
      ),
      { name: options.devtoolsName ?? 'INTx Lab' },
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
