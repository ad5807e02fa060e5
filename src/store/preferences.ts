import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware';
import { clampSpeed } from './navigation';
import type { AppState, Granularity, PanelId, Theme } from './types';

/** The only state kept across visits: how the person likes to watch, never what they watch. */
export interface Preferences {
  speed: number;
  panels: Record<PanelId, boolean>;
  theme: Theme;
  granularity: Granularity;
}

/** Bump when the shape of Preferences changes; `migrate` then decides what survives. */
export const PREFERENCES_VERSION = 1;
export const PREFERENCES_KEY = 'intx-lab:preferences';

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  speed: 1,
  panels: { narration: true, flow: true, metrics: false, eventLog: true, timeline: true },
  theme: 'system',
  granularity: 'event',
});

export function partializePreferences(state: AppState): Preferences {
  return {
    speed: state.speed,
    panels: state.panels,
    theme: state.theme,
    granularity: state.granularity,
  };
}

const PANEL_IDS = Object.keys(DEFAULT_PREFERENCES.panels) as PanelId[];

/** Each known panel keeps its stored flag when it is a boolean; new panels get their default. */
function sanitizePanels(panels: Partial<Record<PanelId, unknown>>): Record<PanelId, boolean> {
  const out = { ...DEFAULT_PREFERENCES.panels };
  for (const id of PANEL_IDS) {
    const v = panels[id];
    if (typeof v === 'boolean') out[id] = v;
  }
  return out;
}

/** Keeps what is valid of a stored value (it may have been edited by hand or be old). */
export function sanitizePreferences(value: unknown): Preferences {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof Preferences, unknown>
  >;
  const panels = (typeof v.panels === 'object' && v.panels !== null ? v.panels : {}) as Partial<
    Record<PanelId, unknown>
  >;
  return {
    speed: typeof v.speed === 'number' ? clampSpeed(v.speed) : DEFAULT_PREFERENCES.speed,
    panels: sanitizePanels(panels),
    theme: v.theme === 'light' || v.theme === 'dark' || v.theme === 'system' ? v.theme : 'system',
    granularity: v.granularity === 'interrupt' ? 'interrupt' : 'event',
  };
}

/**
 * The persist middleware writes after every state change (a frame, each import
 * progress report); the preferences change far less often. A write of the text
 * already stored is skipped: a storage write is synchronous on the page's thread.
 */
export function skipUnchangedWrites(storage: StateStorage<unknown>): StateStorage<unknown> {
  const written = new Map<string, string>();
  return {
    getItem: (name) => storage.getItem(name),
    setItem(name, value) {
      if (written.get(name) === value) return;
      written.set(name, value);
      return storage.setItem(name, value);
    },
    removeItem(name) {
      written.delete(name);
      return storage.removeItem(name);
    },
  };
}

export function preferencesOptions(
  storage: StateStorage<unknown>,
): PersistOptions<AppState, Preferences> {
  const deduplicated = skipUnchangedWrites(storage);
  return {
    name: PREFERENCES_KEY,
    version: PREFERENCES_VERSION,
    storage: createJSONStorage<Preferences>(() => deduplicated),
    partialize: partializePreferences,
    migrate: (persisted) => sanitizePreferences(persisted),
    merge: (persisted, current) => ({ ...current, ...sanitizePreferences(persisted) }),
  };
}
