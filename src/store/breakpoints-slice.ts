import { breakpointHits, breakpointKey, type Breakpoint } from '../replay/breakpoints';
import type { BreakpointsSlice, SliceCreator, StoreDeps } from './types';

/** Events read per request while finding where breakpoints are met. */
const SCAN_CHUNK = 50_000;

/**
 * The breakpoints slice: conditions to run to, and the cursors of the current
 * run where they are met (found once per run and per change of the set, off
 * the events, so play and Shift+arrows need only a binary search).
 */
export function createBreakpointsSlice({ api }: StoreDeps): SliceCreator<BreakpointsSlice> {
  let ticket = 0;
  return (set, get) => ({
    breakpoints: [],
    breakpointHits: null,

    toggleBreakpoint(bp: Breakpoint) {
      const key = breakpointKey(bp);
      const now = get().breakpoints;
      const next = now.some((b) => breakpointKey(b) === key)
        ? now.filter((b) => breakpointKey(b) !== key)
        : [...now, bp];
      set({ breakpoints: next }, false, { type: 'breakpoints/toggle', key });
      void get().refreshBreakpointHits();
    },

    clearBreakpoints() {
      set({ breakpoints: [], breakpointHits: null }, false, 'breakpoints/clear');
    },

    async refreshBreakpointHits() {
      const { run, breakpoints } = get();
      const mine = ++ticket;
      if (!run || breakpoints.length === 0) {
        set({ breakpointHits: null }, false, 'breakpoints/none');
        return;
      }
      // The matcher keeps state across events (re-delivery), so read them all in order.
      const events = [];
      for (let from = 0; from < run.eventCount; from += SCAN_CHUNK) {
        events.push(...(await api.events(from, Math.min(run.eventCount, from + SCAN_CHUNK))));
        if (mine !== ticket || get().run !== run) return;
      }
      set({ breakpointHits: { run, cursors: breakpointHits(events, breakpoints) } }, false, {
        type: 'breakpoints/hits',
      });
    },
  });
}
