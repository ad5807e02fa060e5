import { DEFAULT_PRESET } from '../../src/presets';
import { createAppStore, createMemoryStorage, type AppStore } from '../../src/store';
import { createLocalApi } from '../../src/worker/local';

/** A fresh store on the main-thread simulation, with preferences kept in memory. */
export function makeStore(): AppStore {
  return createAppStore(createLocalApi(), { storage: createMemoryStorage() });
}

/** A fresh store with a preset loaded (the default one unless named). */
export async function loadedStore(preset = DEFAULT_PRESET): Promise<AppStore> {
  const store = makeStore();
  await store.getState().loadPreset(preset);
  return store;
}
