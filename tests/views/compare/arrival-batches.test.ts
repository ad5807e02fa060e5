import { describe, expect, it } from 'vitest';
import { arrivalBatches, POINTS_EVERY_MS } from '../../../src/views/compare/arrival-batches';

/** A hand-driven clock: `frame(ms)` moves time on and runs the frame's callbacks. */
function fakeClock() {
  let t = 0;
  let queued: (() => void)[] = [];
  return {
    now: () => t,
    nextFrame: (run: () => void) => void queued.push(run),
    frame(ms = 16) {
      t += ms;
      const run = queued;
      queued = [];
      run.forEach((f) => f());
    },
    pending: () => queued.length,
  };
}

describe('arrivalBatches: a sweep’s points handed on in batches', () => {
  it('hands the first point on at the next frame, then points at most every POINTS_EVERY_MS', () => {
    const clock = fakeClock();
    const taken: { items: number[]; done: number }[] = [];
    const at: number[] = [];
    const a = arrivalBatches<number>((items, done) => {
      taken.push({ items, done });
      at.push(clock.now());
    }, clock);
    a.add(1, 1);
    expect(taken).toEqual([]);
    clock.frame();
    expect(taken).toEqual([{ items: [1], done: 1 }]);

    // Two more in the next frames: the count moves each frame, the points wait.
    a.add(2, 2);
    clock.frame();
    a.add(3, 3);
    clock.frame();
    expect(taken.slice(1)).toEqual([
      { items: [], done: 2 },
      { items: [], done: 3 },
    ]);
    // No more arrivals: the points held are still handed on once their time comes.
    while (taken.length === 3) clock.frame();
    expect(taken[3]).toEqual({ items: [2, 3], done: 3 });
    // At the first frame once POINTS_EVERY_MS have passed since the last points.
    expect(at[3]! - at[0]!).toBeGreaterThanOrEqual(POINTS_EVERY_MS);
    expect(at[3]! - at[0]!).toBeLessThan(POINTS_EVERY_MS + 16);
    // Nothing left: no frame is asked for.
    expect(clock.pending()).toBe(0);
  });

  it('flush hands on what is left at once, and nothing twice', () => {
    const clock = fakeClock();
    const taken: { items: number[]; done: number }[] = [];
    const a = arrivalBatches<number>((items, done) => taken.push({ items, done }), clock);
    a.add(1, 1);
    clock.frame();
    a.add(2, 2);
    a.add(3, 3);
    a.flush();
    expect(taken).toEqual([
      { items: [1], done: 1 },
      { items: [2, 3], done: 3 },
    ]);
    clock.frame();
    a.flush();
    expect(taken).toHaveLength(2);
  });
});
