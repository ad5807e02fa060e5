import { describe, expect, it } from 'vitest';
import { createAppStore, createMemoryStorage } from '../../src/store';
import {
  DEFAULT_PREFERENCES,
  PREFERENCES_KEY,
  PREFERENCES_VERSION,
} from '../../src/store/preferences';
import { createLocalApi } from '../../src/worker/local';

describe('persisted preferences', () => {
  it('keeps only speed, panels, theme and granularity', async () => {
    const storage = createMemoryStorage();
    const store = createAppStore(createLocalApi(), { storage });
    await store.getState().loadPreset('fig2-native');
    store.getState().setSpeed(4);
    store.getState().setTheme('dark');
    store.getState().setGranularity('interrupt');
    store.getState().togglePanel('eventLog');
    const saved = JSON.parse(String(storage.getItem(PREFERENCES_KEY)));
    expect(saved.version).toBe(PREFERENCES_VERSION);
    expect(Object.keys(saved.state).sort()).toEqual(['granularity', 'panels', 'speed', 'theme']);
    expect(saved.state).toMatchObject({ speed: 4, theme: 'dark', granularity: 'interrupt' });
    expect(saved.state.panels.eventLog).toBe(false);

    const again = createAppStore(createLocalApi(), { storage });
    expect(again.getState()).toMatchObject({ speed: 4, theme: 'dark', granularity: 'interrupt' });
    expect(again.getState().run).toBeNull();
  });

  it('writes the preferences only when they change, not on every state change', async () => {
    const storage = createMemoryStorage();
    const writes: string[] = [];
    const counting = {
      getItem: (key: string) => storage.getItem(key),
      removeItem: (key: string) => storage.removeItem(key),
      setItem(key: string, value: string) {
        if (key === PREFERENCES_KEY) writes.push(value);
        storage.setItem(key, value);
      },
    };
    const store = createAppStore(createLocalApi(), { storage: counting });
    await store.getState().loadPreset('fig2-native');
    const before = writes.length;
    // Steps change the state (cursor, frame) but not a preference.
    await store.getState().seek(3);
    await store.getState().seek(5);
    expect(writes).toHaveLength(before);
    store.getState().setSpeed(4);
    expect(writes).toHaveLength(before + 1);
    expect(JSON.parse(writes.at(-1)!).state.speed).toBe(4);
  });

  it('ignores invalid stored values', () => {
    const storage = createMemoryStorage();
    storage.setItem(
      PREFERENCES_KEY,
      JSON.stringify({ version: PREFERENCES_VERSION, state: { speed: 99, theme: 'pink' } }),
    );
    const store = createAppStore(createLocalApi(), { storage });
    expect(store.getState().speed).toBe(8);
    expect(store.getState().theme).toBe('system');
    expect(store.getState().panels).toEqual(DEFAULT_PREFERENCES.panels);
  });

  it('keeps stored panel flags and gives panels added since their defaults', () => {
    const storage = createMemoryStorage();
    storage.setItem(
      PREFERENCES_KEY,
      JSON.stringify({
        version: PREFERENCES_VERSION,
        state: { panels: { narration: false, eventLog: 'yes' } },
      }),
    );
    const store = createAppStore(createLocalApi(), { storage });
    expect(store.getState().panels).toEqual({
      ...DEFAULT_PREFERENCES.panels,
      narration: false,
    });
  });
});
