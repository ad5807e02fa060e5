import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET } from '../../src/presets';
import type { Frame, SimApi } from '../../src/protocol/api';
import { createAppStore, createMemoryStorage } from '../../src/store';
import { createLocalApi } from '../../src/worker/local';

/** The local API, but frame answers take longer for smaller cursors (out of order). */
function outOfOrderApi(): SimApi {
  const api = createLocalApi();
  return {
    load: (s) => api.load(s),
    loadTrace: (t) => api.loadTrace(t),
    events: (from, to) => api.events(from, to),
    cursorAtTime: (t) => api.cursorAtTime(t),
    summaryAt: (c) => api.summaryAt(c),
    trace: () => api.trace(),
    exportFile: (k) => api.exportFile(k),
    compare: (s, t) => api.compare(s, t),
    sweepPoint: (r, p) => api.sweepPoint(r, p),
    openFile: (bytes, name, onProgress) => api.openFile(bytes, name, onProgress),
    checkRerun: () => api.checkRerun(),
    lanes: () => api.lanes(),
    framesAt: async (cursors) => {
      const frames = await api.framesAt(cursors);
      await new Promise((r) => setTimeout(r, Math.max(0, 40 - Math.min(...cursors))));
      return frames;
    },
    frameAt: async (cursor: number): Promise<Frame> => {
      const frame = await api.frameAt(cursor);
      await new Promise((r) => setTimeout(r, Math.max(0, 40 - cursor)));
      return frame;
    },
  };
}

describe('overlapping seeks', () => {
  it('show the newest request, not the last answer', async () => {
    const store = createAppStore(outOfOrderApi(), { storage: createMemoryStorage() });
    await store.getState().loadPreset(DEFAULT_PRESET);
    // Asked first, answered last (after 38 ms): its frame must not replace 35's (5 ms).
    const older = store.getState().seek(2);
    const newer = store.getState().seek(35);
    await Promise.all([older, newer]);
    expect(store.getState().cursor).toBe(35);
    expect(store.getState().frame?.cursor).toBe(35);
  });

  it('stop on the frame on screen when paused: a frame still in flight is dropped', async () => {
    const store = createAppStore(outOfOrderApi(), { storage: createMemoryStorage() });
    await store.getState().loadPreset(DEFAULT_PRESET);
    await store.getState().seek(10);
    await store.getState().play();
    // A frame not kept near the cursor (a step is shown at once): asked for, 10 ms away.
    const inFlight = store.getState().seek(30);
    store.getState().pause();
    await inFlight;
    expect(store.getState().playing).toBe(false);
    expect(store.getState().frame?.cursor).toBe(10);
    expect(store.getState().cursor).toBe(10);
    // Stepping after the pause counts from what was on screen.
    await store.getState().stepForward();
    expect(store.getState().frame?.cursor).toBe(11);
  });
});
