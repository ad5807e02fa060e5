import { describe, expect, it } from 'vitest';
import { apiOf } from '../../src/client/calls';
import { DEFAULT_PRESET, presetScenario } from '../../src/presets';
import type { Frame, SimApi } from '../../src/protocol/api';
import { createAppStore, createMemoryStorage, type AppStore } from '../../src/store';
import { FrameCache } from '../../src/store/frame-cache';
import { createRequestCounter } from '../../src/store/request-counter';
import { SimSession } from '../../src/worker/session';

/**
 * The main-thread session behind a fake transport that counts the calls and
 * can hold `framesAt` answers back (a slow worker), to be let go in any order.
 */
function fakeApi() {
  const session = new SimSession();
  const calls: string[] = [];
  const held: (() => void)[] = [];
  let hold = false;
  const api: SimApi = apiOf((method) => async (...args: unknown[]) => {
    calls.push(method);
    const call = (session[method] as (...a: unknown[]) => Promise<unknown>).bind(session);
    if (method !== 'framesAt' || !hold) return call(...args);
    // Answered as the worker would at the time it reads the message; delivered later.
    const answer = call(...args);
    await new Promise<void>((resolve) => held.push(resolve));
    return answer;
  });
  return {
    api,
    calls,
    /** Hold the next frame answers back until `release`. */
    hold: () => void (hold = true),
    release: async () => {
      hold = false;
      for (const go of held.splice(0)) go();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

async function storeOn(fake: ReturnType<typeof fakeApi>): Promise<AppStore> {
  const store = createAppStore(fake.api, { storage: createMemoryStorage() });
  await store.getState().loadPreset(DEFAULT_PRESET);
  return store;
}

/** The frame a fresh session of the store's scenario gives at `cursor`: what must be on screen. */
async function expected(store: AppStore, cursor: number): Promise<Frame> {
  const reference = new SimSession();
  await reference.load(store.getState().run!.scenario);
  return reference.frameAt(cursor);
}

function shown(store: AppStore) {
  const { frame, cursor } = store.getState();
  return { cursor, frameCursor: frame?.cursor, view: frame?.view, event: frame?.event };
}

async function expectShownAt(store: AppStore, cursor: number): Promise<void> {
  const frame = await expected(store, cursor);
  expect(shown(store)).toEqual({
    cursor,
    frameCursor: cursor,
    view: frame.view,
    event: frame.event,
  });
  expect(store.getState().frame?.summary).toEqual(frame.summary);
}

describe('a step is shown without waiting for the simulation', () => {
  it('the first step after a run is on screen before its promise settles, one round trip each', async () => {
    const fake = fakeApi();
    const store = await storeOn(fake);
    fake.calls.length = 0;
    for (let i = 1; i <= 5; i++) {
      const step = store.getState().stepForward();
      // Synchronously, in the same task as the key press.
      expect(store.getState().cursor).toBe(i);
      await step;
      await expectShownAt(store, i);
    }
    // At most one call a step, for the neighbour the next step needs (none when that one
    // is kept already: an interrupt marker's frame is); never a frame alone.
    expect(new Set(fake.calls)).toEqual(new Set(['framesAt']));
    expect(fake.calls.length).toBeGreaterThanOrEqual(4);
    expect(fake.calls.length).toBeLessThanOrEqual(5);
  });

  it('steps back from the cache, and the frames are those of their cursors', async () => {
    const fake = fakeApi();
    const store = await storeOn(fake);
    await store.getState().seek(20);
    for (const c of [19, 18, 17]) {
      const step = store.getState().stepBack();
      expect(store.getState().cursor).toBe(c);
      await step;
      await expectShownAt(store, c);
    }
    // Forward again: the frames behind are still kept.
    fake.calls.length = 0;
    void store.getState().stepForward();
    expect(store.getState().cursor).toBe(18);
    await expectShownAt(store, 18);
  });

  it('quick presses add up while the worker is slow, and each shown frame is right', async () => {
    const fake = fakeApi();
    const store = await storeOn(fake);
    await store.getState().seek(10);
    fake.hold();
    const steps = [1, 2, 3, 4].map(() => store.getState().stepForward());
    // The first press had its frame; the next ones wait for theirs but count from the last.
    expect(store.getState().cursor).toBe(11);
    await fake.release();
    await Promise.all(steps);
    await expectShownAt(store, 14);
    // Stepping back over what the slow answers brought.
    void store.getState().stepBack();
    expect(store.getState().cursor).toBe(13);
    await expectShownAt(store, 13);
  });

  it('a lesson limit is never stepped past, even with the frame beyond it kept', async () => {
    const fake = fakeApi();
    const store = await storeOn(fake);
    await store.getState().seek(6);
    // The frame at 7 is kept now; a lesson question stops the player at 6.
    store.setState({ cursorLimit: 6 });
    await store.getState().stepForward();
    expect(store.getState().cursor).toBe(6);
    await expectShownAt(store, 6);
    store.setState({ cursorLimit: null });
    void store.getState().stepForward();
    expect(store.getState().cursor).toBe(7);
  });

  it('interrupt granularity jumps to the next marker at once, with the right frame', async () => {
    const fake = fakeApi();
    const store = await storeOn(fake);
    const markers = store.getState().run!.interruptCursors;
    store.getState().setGranularity('interrupt');
    await store.getState().stepForward();
    expect(store.getState().cursor).toBe(markers[0]);
    void store.getState().stepForward();
    expect(store.getState().cursor).toBe(markers[1]);
    await expectShownAt(store, markers[1]!);
    void store.getState().stepBack();
    expect(store.getState().cursor).toBe(markers[0]);
    await expectShownAt(store, markers[0]!);
  });

  it('a run loaded between keeps no frame of the run before it', async () => {
    const fake = fakeApi();
    const store = await storeOn(fake);
    await store.getState().seek(8);
    // A step whose neighbours arrive only after another run is on screen.
    fake.hold();
    const late = store.getState().stepForward();
    expect(store.getState().cursor).toBe(9);
    const before = store.getState().run;
    const edit = store.getState().setPolicy('selective');
    await fake.release();
    await Promise.all([late, edit]);
    expect(store.getState().run).not.toBe(before);
    const at = store.getState().cursor;
    for (const c of [at + 1, at + 2, at + 1, at]) {
      await store.getState().seek(c);
      await expectShownAt(store, c);
    }
  });

  it('frames answered by the next run before it is committed are not shown for it', async () => {
    const fake = fakeApi();
    const store = await storeOn(fake);
    await store.getState().seek(8);
    // The simulation takes the new run before the page commits it: a step asked for in
    // between is answered with the new run's frames, which must not be kept for the old.
    fake.hold();
    const edit = store.getState().setPolicy('selective');
    const step = store.getState().seek(30);
    await fake.release();
    await Promise.all([edit, step]);
    for (const c of [29, 30, 31]) {
      await store.getState().seek(c);
      await expectShownAt(store, c);
    }
  });
});

describe('FrameCache', () => {
  it('reads and keeps nothing while a run is on its way, nor for another run', async () => {
    const session = new SimSession();
    const run = await session.load((await presetScenario(DEFAULT_PRESET))!);
    const other = { ...run };
    const frames = await session.framesAt([0, 1, 2]);
    const runs = createRequestCounter();
    const cache = new FrameCache(runs);
    runs.next();
    cache.reset(run, frames.slice(0, 2));
    const key = cache.key(run);
    expect(cache.get(key, 1)).toBe(frames[1]);
    expect(cache.key(other)).toBeNull();
    expect(cache.get({ run: other, epoch: runs.current() }, 1)).toBeUndefined();
    // A run asked for: the simulation may answer with its frames from now on.
    runs.next();
    expect(cache.key(run)).toBeNull();
    expect(cache.get(key, 1)).toBeUndefined();
    cache.add(key, [frames[2]!], [0, 1, 2]);
    // That run failed (the one on screen stays): still nothing, until a run is committed.
    expect(cache.has(cache.key(run), 2)).toBe(false);
    cache.reset(run, [frames[0]!]);
    expect(cache.get(cache.key(run), 0)).toBe(frames[0]);
    expect(cache.get(cache.key(run), 1)).toBeUndefined();
  });

  it('keeps only the frames near the cursor it is told', async () => {
    const session = new SimSession();
    const run = await session.load((await presetScenario(DEFAULT_PRESET))!);
    const frames = await session.framesAt([0, 1, 2, 3, 4]);
    const cache = new FrameCache(createRequestCounter());
    cache.reset(run, frames.slice(0, 3));
    const key = cache.key(run);
    cache.add(key, frames.slice(3), [2, 3, 4]);
    expect([0, 1, 2, 3, 4].map((c) => cache.has(key, c))).toEqual([false, false, true, true, true]);
  });
});
