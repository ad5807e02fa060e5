import { useEffect } from 'react';
import {
  EVENTS_PER_SECOND,
  INTERRUPTS_PER_SECOND,
  nextMarker,
  playerEnd,
  playTarget,
  selectBreakpointCursors,
  stopAtBreakpoint,
  useAppStoreApi,
  type AppState,
} from '../store';

/** Steps per second at the state's speed and granularity. */
function rate(s: AppState): number {
  const base = s.granularity === 'interrupt' ? INTERRUPTS_PER_SECOND : EVENTS_PER_SECOND;
  return base * s.speed;
}

/**
 * The play loop: a requestAnimationFrame clock outside the store that turns
 * elapsed time into steps (base rate × speed) and seeks. It waits for each
 * frame before asking for the next, so a slow simulation skips steps rather
 * than queueing requests; it pauses at a breakpoint and at the end of the run.
 */
export function usePlayback(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    let raf = 0;
    let last: number | null = null;
    let budget = 0;
    let inFlight = false;

    const tick = (now: number) => {
      raf = 0;
      const s = store.getState();
      if (!s.playing || !s.run) return;
      const perSecond = rate(s);
      if (last !== null) budget = Math.min(budget + ((now - last) / 1000) * perSecond, perSecond);
      last = now;
      if (!inFlight && budget >= 1) {
        const steps = Math.floor(budget);
        budget -= steps;
        // A lesson's open question ends playback early, like the end of the run.
        const end = playerEnd(s.run.eventCount, s.cursorLimit);
        const target = playTarget(s.cursor, steps, end, s.run.interruptCursors, s.granularity);
        if (target === s.cursor) {
          s.pause();
          return;
        }
        // Run to a condition: a breakpoint met on the way stops play there.
        const hits = selectBreakpointCursors(s);
        const stop = stopAtBreakpoint(s.cursor, target, hits);
        const atBreakpoint = nextMarker(hits, s.cursor) === stop;
        inFlight = true;
        void s.seek(stop).finally(() => {
          inFlight = false;
          const now = store.getState();
          if (atBreakpoint || now.cursor >= playerEnd(now.run?.eventCount ?? 0, now.cursorLimit))
            now.pause();
        });
      }
      raf = requestAnimationFrame(tick);
    };

    const start = () => {
      if (raf !== 0) return;
      last = null;
      budget = 0;
      raf = requestAnimationFrame(tick);
    };

    const unsubscribe = store.subscribe((state, prev) => {
      if (state.playing && !prev.playing) start();
    });
    if (store.getState().playing) start();
    return () => {
      unsubscribe();
      if (raf !== 0) cancelAnimationFrame(raf);
    };
  }, [store]);
}
