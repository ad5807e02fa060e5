import type { AppState } from '../../store';

/** The timeline's reads of the store, at module scope so their identities are stable. */

/** The time (ns) of the frame on screen: where the timeline's cursor stands. */
export const selectCursorTime = (s: AppState): number => s.frame?.view.t ?? 0;

/** Whether the person asked for the timeline under the graph. */
export const selectTimelineShown = (s: AppState): boolean => s.panels.timeline;

/** The action that moves the cursor to a time (stable: store actions never change). */
export const selectSeekTime = (s: AppState) => s.seekTime;
