import { describe, expect, it } from 'vitest';
import { loadedStore, makeStore } from './make-store';

describe('playback slice', () => {
  it('loading a preset gives a run with events and a frame at cursor 0', async () => {
    const store = await loadedStore();
    const s = store.getState();
    expect(s.error).toBeNull();
    expect(s.run?.eventCount).toBeGreaterThan(0);
    expect(s.cursor).toBe(0);
    expect(s.frame?.cursor).toBe(0);
    expect(s.frame?.event).toBeNull();
  });

  it('stepForward moves the cursor by one and shows the event before it', async () => {
    const store = await loadedStore();
    await store.getState().stepForward();
    await store.getState().stepForward();
    const s = store.getState();
    expect(s.cursor).toBe(2);
    expect(s.frame?.cursor).toBe(2);
    expect(s.frame?.event?.seq).toBe(s.cursor - 1);
  });

  it('stepBack at the oldest step stays at 0', async () => {
    const store = await loadedStore();
    await store.getState().stepBack();
    expect(store.getState().cursor).toBe(0);
    await store.getState().stepForward();
    await store.getState().stepBack();
    await store.getState().stepBack();
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().frame?.event).toBeNull();
  });

  it('last goes to the end and stepForward there stays', async () => {
    const store = await loadedStore();
    await store.getState().last();
    const n = store.getState().run!.eventCount;
    expect(store.getState().cursor).toBe(n);
    await store.getState().stepForward();
    expect(store.getState().cursor).toBe(n);
    expect(store.getState().frame?.event?.type).toBe('run.end');
    await store.getState().first();
    expect(store.getState().cursor).toBe(0);
  });

  it('interrupt granularity jumps from marker to marker', async () => {
    const store = await loadedStore();
    const markers = store.getState().run!.interruptCursors;
    expect(markers.length).toBeGreaterThan(1);
    store.getState().setGranularity('interrupt');
    await store.getState().stepForward();
    expect(store.getState().cursor).toBe(markers[0]);
    expect(store.getState().frame?.event?.type).toBe('ioapic.deliver');
    await store.getState().stepForward();
    expect(store.getState().cursor).toBe(markers[1]);
    await store.getState().stepBack();
    expect(store.getState().cursor).toBe(markers[0]);
    await store.getState().stepBack();
    expect(store.getState().cursor).toBe(0);
  });

  it('nextInterrupt after the last marker does nothing', async () => {
    const store = await loadedStore();
    await store.getState().last();
    const n = store.getState().cursor;
    await store.getState().nextInterrupt();
    expect(store.getState().cursor).toBe(n);
  });

  it('ignores a stale frame when seeks overlap', async () => {
    const store = await loadedStore();
    const slow = store.getState().seek(3);
    const fast = store.getState().seek(7);
    await Promise.all([slow, fast]);
    expect(store.getState().cursor).toBe(7);
    expect(store.getState().frame?.cursor).toBe(7);
  });

  it('clamps seeks to the run', async () => {
    const store = await loadedStore();
    await store.getState().seek(-5);
    expect(store.getState().cursor).toBe(0);
    await store.getState().seek(1e9);
    expect(store.getState().cursor).toBe(store.getState().run!.eventCount);
  });

  it('speed stays within 0.25x..8x', () => {
    const store = makeStore();
    for (let i = 0; i < 10; i++) store.getState().speedUp();
    expect(store.getState().speed).toBe(8);
    for (let i = 0; i < 10; i++) store.getState().speedDown();
    expect(store.getState().speed).toBe(0.25);
    store.getState().setSpeed(100);
    expect(store.getState().speed).toBe(8);
  });

  it('play from the end starts over', async () => {
    const store = await loadedStore();
    await store.getState().last();
    await store.getState().play();
    expect(store.getState().playing).toBe(true);
    expect(store.getState().cursor).toBe(0);
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(false);
  });

  it('quick steps add up although each frame arrives later', async () => {
    const store = await loadedStore();
    const pending = [1, 2, 3, 4, 5].map(() => store.getState().stepForward());
    await Promise.all(pending);
    expect(store.getState().cursor).toBe(5);
    expect(store.getState().frame?.cursor).toBe(5);
    await Promise.all([store.getState().stepBack(), store.getState().stepBack()]);
    expect(store.getState().cursor).toBe(3);
  });
});

describe('breakpoints in the store', () => {
  it('Shift+arrows jump between the hits; clearing goes back to interrupts', async () => {
    const store = await loadedStore('fig3-broadcast');
    store.getState().toggleBreakpoint({ kind: 'spurious' });
    await store.getState().refreshBreakpointHits();
    const hits = store.getState().breakpointHits!.cursors;
    // fig3-broadcast: 8 spurious interrupts.
    expect(hits).toHaveLength(8);
    await store.getState().nextInterrupt();
    expect(store.getState().cursor).toBe(hits[0]);
    expect(store.getState().frame!.event!.type).toBe('entity.spurious');
    await store.getState().nextInterrupt();
    expect(store.getState().cursor).toBe(hits[1]);
    await store.getState().prevInterrupt();
    expect(store.getState().cursor).toBe(hits[0]);
    store.getState().clearBreakpoints();
    await store.getState().nextInterrupt();
    expect(store.getState().run!.interruptCursors).toContain(store.getState().cursor);
  });

  it('finds the hits again for a new run', async () => {
    const store = await loadedStore('fig3-broadcast');
    store.getState().toggleBreakpoint({ kind: 'spurious' });
    await store.getState().refreshBreakpointHits();
    await store.getState().setPolicy('selective');
    await store.getState().refreshBreakpointHits();
    // Selective forwarding: no spurious interrupt, so nothing to stop at.
    expect(store.getState().breakpointHits!.run).toBe(store.getState().run);
    expect(store.getState().breakpointHits!.cursors).toEqual([]);
  });
});
