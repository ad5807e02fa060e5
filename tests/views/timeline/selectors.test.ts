import { describe, expect, it } from 'vitest';
import {
  selectCursorTime,
  selectSeekTime,
  selectTimelineShown,
} from '../../../src/views/timeline/selectors';
import { loadedStore, makeStore } from '../../store/make-store';

describe('timeline selectors', () => {
  it('read the time of the frame on screen, 0 before any run', async () => {
    expect(selectCursorTime(makeStore().getState())).toBe(0);
    const store = await loadedStore('fig3-broadcast');
    expect(selectCursorTime(store.getState())).toBe(0);
    await store.getState().seek(1);
    expect(selectCursorTime(store.getState())).toBe(store.getState().frame!.view.t);
    expect(selectCursorTime(store.getState())).toBe(1_000_000);
  });

  it('follow the Timeline panel toggle', async () => {
    const store = makeStore();
    const before = selectTimelineShown(store.getState());
    store.getState().togglePanel('timeline');
    expect(selectTimelineShown(store.getState())).toBe(!before);
  });

  it('seek by time to the last event at or before it', async () => {
    const store = await loadedStore('fig3-broadcast');
    await selectSeekTime(store.getState())(1_000_400);
    const { cursor } = store.getState();
    const [next] = await store.getState().fetchEvents(cursor, cursor + 1);
    expect(store.getState().frame!.view.t).toBe(1_000_400);
    expect(next!.t).toBeGreaterThan(1_000_400);
    await selectSeekTime(store.getState())(0);
    expect(store.getState().cursor).toBe(0);
  });
});
