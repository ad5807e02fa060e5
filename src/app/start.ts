import { DEFAULT_PRESET } from '../presets';
import { createAppStore, type AppStore } from '../store';
import { bootSimulation } from './boot';

export interface StartedApp {
  store: AppStore;
  notice: string | null;
}

/**
 * Boots the simulation, creates the store and starts loading the default
 * preset (not awaited: the page shows its own loading state and any error).
 */
export async function startApp(): Promise<StartedApp> {
  const { api, notice } = await bootSimulation();
  const store = createAppStore(api);
  void store.getState().loadPreset(DEFAULT_PRESET);
  return { store, notice };
}
