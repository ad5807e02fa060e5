import type { Stimulus } from '../engine/scenario';
import type { TraceEvent } from '../engine/events';
import type { CursorPlacement } from './types';

/** Cursor placements for a fresh run. */

export const atStart: CursorPlacement = async () => 0;

/** The same simulated time as before the re-run (cursor 0 stays 0). */
export function atTime(t: number, previousCursor: number): CursorPlacement {
  return async (_run, api) => (previousCursor === 0 ? 0 : api.cursorAtTime(t));
}

/** Events scanned per request while looking for a hand edit's first event. */
const SCAN_CHUNK = 512;

/** True when `ev` is the event a hand stimulus produced. */
export function isHandEvent(ev: TraceEvent, st: Stimulus): boolean {
  if (ev.t < st.at) return false;
  switch (ev.type) {
    case 'device.raise':
      return st.action === 'raise' && ev.device === st.device && ev.source === 'hand';
    case 'device.withdraw':
      return st.action === 'withdraw' && ev.device === st.device && ev.source === 'hand';
    case 'device.enable':
      return st.action === 'set-enable' && ev.device === st.device && ev.source === 'hand';
    case 'device.intx-disable':
      return st.action === 'set-intx-disable' && ev.device === st.device && ev.by === 'hand';
    default:
      return false;
  }
}

/** Hand stimuli in `stimuli` that make the same kind of event as `st` at its instant. */
export function sameHandActionsBefore(stimuli: readonly Stimulus[], st: Stimulus): number {
  return stimuli.filter(
    (o) =>
      o.source === 'hand' && o.at === st.at && o.device === st.device && o.action === st.action,
  ).length;
}

/**
 * Just after the event a hand edit produced, so the narration and the graph
 * show its consequence at once. Stimuli at one instant apply in array order, so
 * when `before` older hand actions of the same kind share the instant, the new
 * one's event is the next match after theirs (not the first: that is an older
 * action). The last match found stands in when fewer events came (a raise on a
 * device already pending may merge); with none, the first event at or after the
 * edit's time (an edit that changes nothing produces no event).
 */
export function atHandEdit(st: Stimulus, before = 0): CursorPlacement {
  return async (run, api) => {
    // Every event before the edit's time is unchanged by it, so start there.
    const earlier = st.at > 0 ? await api.cursorAtTime(st.at - 1e-6) : 0;
    let found = -1;
    let matches = 0;
    for (let from = earlier; from < run.eventCount; from += SCAN_CHUNK) {
      const events = await api.events(from, Math.min(run.eventCount, from + SCAN_CHUNK));
      for (let i = 0; i < events.length; i++) {
        if (!isHandEvent(events[i]!, st)) continue;
        found = from + i + 1;
        if (++matches > before) return found;
      }
      const last = events[events.length - 1];
      // Past the edit's instant: every event it could have made is behind us.
      if (last && last.t > st.at) break;
    }
    return found >= 0 ? found : Math.min(run.eventCount, earlier + 1);
  };
}
