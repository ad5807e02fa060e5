import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseStart, WORK_KEY, type KeyValueStorage } from '../../src/persist';
import { createAppStore } from '../../src/store';
import { defaultStorage } from '../../src/store/memory-storage';
import { persistWork } from '../../src/store/persist-work';
import { safeStorage } from '../../src/store/safe-storage';
import { createLocalApi } from '../../src/worker/local';

/** localStorage as another app on the origin leaves it: every write over the quota. */
function fullStorage(initial: Record<string, string> = {}): KeyValueStorage & {
  items: Map<string, string>;
} {
  const items = new Map(Object.entries(initial));
  const quota = () => {
    const e = new Error("Failed to execute 'setItem' on 'Storage': quota exceeded");
    e.name = 'QuotaExceededError';
    return e;
  };
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: () => {
      throw quota();
    },
    removeItem: (k) => void items.delete(k),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a full localStorage', () => {
  it('the store made with the default storage still runs', async () => {
    vi.stubGlobal('localStorage', fullStorage());
    const store = createAppStore(createLocalApi());
    await store.getState().loadPreset('fig4-selective');
    store.getState().setSpeed(2);
    expect(store.getState().speed).toBe(2);
  });

  it('does not stop the store: preferences live in memory and the failure is told once', async () => {
    vi.stubGlobal('localStorage', fullStorage());
    const storage = defaultStorage();
    const told: string[] = [];
    storage.onFailure((m) => told.push(m));
    const store = createAppStore(createLocalApi(), { storage });
    await store.getState().loadPreset('fig4-selective');
    store.getState().setSpeed(2);
    store.getState().setSpeed(4);
    expect(store.getState().speed).toBe(4);
    expect(store.getState().run?.eventCount).toBeGreaterThan(0);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/QuotaExceededError.*runs from memory/);
  });

  it('reads back what was written to memory, and says what is only in memory', () => {
    const s = safeStorage(fullStorage());
    s.setItem('k', 'v');
    expect(s.getItem('k')).toBe('v');
    expect(s.isDurable('k')).toBe(false);
    s.removeItem('k');
    expect(s.getItem('k')).toBeNull();
  });

  it('a listener that comes late hears the failure at once', () => {
    const s = safeStorage(fullStorage());
    s.setItem('k', 'v');
    const told: string[] = [];
    s.onFailure((m) => told.push(m));
    expect(told).toHaveLength(1);
    expect(s.failure).toBe(told[0]);
  });

  it('a storage that throws on read reads as empty', () => {
    const s = safeStorage({
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    });
    expect(s.getItem('x')).toBeNull();
    expect(s.failure).toMatch(/refused to read saved data \(Error: SecurityError\)/);
  });
});

describe('a full quota and saved work that does not read', () => {
  it('keeps the work where it is, says so, and saves nothing over it', async () => {
    const corrupt = '{"format":"intx-lab/work","version":1,"cursor":0,"scenario":{"nope":1}}';
    const backing = fullStorage({ [WORK_KEY]: corrupt });
    const storage = safeStorage(backing);
    const choice = await chooseStart({ hash: '', search: '', storage });
    expect(choice.save).toBe(false);
    expect(choice.notes[0]).toMatch(/could not be set aside/);
    expect(choice.notes[0]).toContain(`stays under "${WORK_KEY}"`);
    expect(backing.items.get(WORK_KEY)).toBe(corrupt);

    // What the page does with save: false: no saving starts, so the stored text survives.
    const store = createAppStore(createLocalApi(), { storage });
    await store.getState().loadPreset('fig3-broadcast');
    if (choice.save) persistWork(store, storage, { target: null })();
    expect(backing.items.get(WORK_KEY)).toBe(corrupt);
  });
});
