import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadWork, saveWork, WORK_KEY, type KeyValueStorage } from '../../src/persist';
import { createMemoryStorage, selectPolicyOverride } from '../../src/store';
import { persistWork } from '../../src/store/persist-work';
import { restoreWork } from '../../src/store/restore-work';
import { loadedStore, makeStore } from '../store/make-store';

const storage = () => createMemoryStorage() as unknown as KeyValueStorage;

afterEach(() => {
  vi.useRealTimers();
});

describe('persisting the work from the store', () => {
  it('saves at once, then debounced after changes, and flushes on stop', async () => {
    const store = await loadedStore('fig4-selective');
    const s = storage();
    const stop = persistWork(store, s, { debounceMs: 50, target: null });
    expect(await loadWork(s)).toMatchObject({
      kind: 'ok',
      work: { cursor: 0, presetName: 'fig4-selective' },
    });

    await store.getState().seek(7);
    // Not yet: the write waits for a quiet moment.
    expect(await loadWork(s)).toMatchObject({ work: { cursor: 0 } });
    await new Promise((r) => setTimeout(r, 120));
    expect(await loadWork(s)).toMatchObject({ work: { cursor: 7 } });

    await store.getState().setPolicy('broadcast');
    await store.getState().seek(11);
    stop();
    const saved = await loadWork(s);
    expect(saved).toMatchObject({ kind: 'ok', work: { cursor: 11 } });
    expect(saved.kind === 'ok' && saved.work.scenario.policy).toBe('broadcast');
  });

  it('flushes when the page is hidden (a reload right after a step keeps it)', async () => {
    const store = await loadedStore('fig3-broadcast');
    const s = storage();
    const target = new EventTarget();
    const stop = persistWork(store, s, { debounceMs: 60_000, target: target as unknown as Window });
    await store.getState().seek(5);
    target.dispatchEvent(new Event('pagehide'));
    expect(await loadWork(s)).toMatchObject({ work: { cursor: 5 } });
    stop();
  });

  it('reports a refused save once', async () => {
    const store = await loadedStore('fig3-broadcast');
    const errors: string[] = [];
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    const stop = persistWork(store, full, {
      debounceMs: 1,
      target: null,
      onError: (m) => errors.push(m),
    });
    await store.getState().seek(3);
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/could not be saved/);
  });
});

describe('restoring work', () => {
  it('shows the saved scenario at its cursor, with reset going back to the preset', async () => {
    const source = await loadedStore('fig3-broadcast');
    await source.getState().setPolicy('selective');
    await source.getState().deviceAction('disk0', 'raise');
    await source.getState().seek(20);
    const s = storage();
    saveWork(s, {
      scenario: source.getState().scenario!,
      presetName: source.getState().presetName,
      cursor: source.getState().cursor,
    });

    const loaded = await loadWork(s);
    if (loaded.kind !== 'ok') throw new Error('not saved');
    const store = makeStore();
    expect(await restoreWork(store, loaded.work)).toBe(true);
    const state = store.getState();
    expect(state.cursor).toBe(20);
    expect(state.frame?.cursor).toBe(20);
    expect(state.scenario).toEqual(source.getState().scenario);
    expect(state.run?.eventCount).toBe(source.getState().run?.eventCount);
    expect(state.presetName).toBe('fig3-broadcast');
    expect(selectPolicyOverride(state)).toBe('selective');

    // Reset to preset: the built-in scenario, without the hand raise or the policy change.
    await state.reset();
    const fresh = await loadedStore('fig3-broadcast');
    expect(store.getState().scenario).toEqual(fresh.getState().scenario);
    expect(selectPolicyOverride(store.getState())).toBeNull();
    expect(store.getState().cursor).toBe(0);
  });

  it('shows the unknown fields of saved work in the opened-file badge, by path and near name', async () => {
    // Work saved by a newer INTx Lab, or edited by hand: a field this one does not know.
    const source = await loadedStore('fig4-selective');
    const scenario = source.getState().scenario!;
    const s = storage();
    saveWork(s, { scenario, presetName: null, cursor: 3 });
    const doc = JSON.parse(s.getItem(WORK_KEY)!) as { scenario: { devices: object[] } };
    doc.scenario.devices[0] = { ...doc.scenario.devices[0], pci32: false };
    s.setItem(WORK_KEY, JSON.stringify(doc));

    const loaded = await loadWork(s);
    if (loaded.kind !== 'ok') throw new Error('not read back');
    const note =
      'saved work: $.scenario.devices[0].pci32: unknown field "pci32" is ignored; did you mean "pci23"?';
    expect(loaded.work.warnings).toEqual([note]);

    const store = makeStore();
    expect(await restoreWork(store, loaded.work)).toBe(true);
    const opened = store.getState().opened;
    expect(opened).toMatchObject({ origin: 'saved', kind: 'scenario', migrationNotes: [note] });
    // Shown while this work is the page's: the badge compares with the original.
    expect(opened?.scenario).toBe(store.getState().original);
    expect(store.getState().cursor).toBe(3);
  });

  it('restores work without unknown fields with no badge', async () => {
    const source = await loadedStore('fig4-selective');
    const s = storage();
    saveWork(s, { scenario: source.getState().scenario!, presetName: null, cursor: 0 });
    const loaded = await loadWork(s);
    if (loaded.kind !== 'ok') throw new Error('not read back');
    expect(loaded.work.warnings).toBeUndefined();
    const store = makeStore();
    await restoreWork(store, loaded.work);
    expect(store.getState().opened).toBeNull();
  });

  it('clamps a cursor past the end of the run', async () => {
    const source = await loadedStore('fig2-native');
    const store = makeStore();
    await restoreWork(store, {
      scenario: source.getState().scenario!,
      presetName: null,
      cursor: 1e9,
    });
    expect(store.getState().cursor).toBe(store.getState().run?.eventCount);
    expect(store.getState().presetName).toBeNull();
  });
});
