import { DEFAULT_PRESET, findPreset } from '../presets';
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
  const asked = initialPresetName();
  void store.getState().loadPreset(asked && findPreset(asked) ? asked : DEFAULT_PRESET);
  const unknown =
    asked && !findPreset(asked)
      ? `There is no preset "${asked}"; showing ${DEFAULT_PRESET}.`
      : null;
  return { store, notice: [notice, unknown].filter(Boolean).join(' ') || null };
}

/** `?preset=NAME` opens the app on a built-in scenario: a link a teacher can hand out. */
function initialPresetName(search = globalThis.location?.search ?? ''): string | null {
  return new URLSearchParams(search).get('preset');
}
