import type { TimeZoom } from './useTimeZoom';

/** Share of the width one arrow key pans. */
const PAN_SHARE = 0.1;

/** A key press on the focused lanes, as far as the timeline reads it. */
export interface LaneKey {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * What a key does on the focused lanes (←/→ pan, +/− zoom about the cursor
 * when it is in view, 0 the whole run), or null when the key is not the
 * timeline's: browser zoom (Ctrl +) and Shift + arrows (step by interrupt) stay the page's.
 */
export function laneKeyAction(
  event: LaneKey,
  zoom: Pick<TimeZoom, 'panBy' | 'zoomBy' | 'fit'>,
  width: number,
  anchor: number | undefined,
): (() => void) | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (event.shiftKey && event.key.startsWith('Arrow')) return null;
  const actions: Record<string, () => void> = {
    ArrowLeft: () => zoom.panBy(-width * PAN_SHARE),
    ArrowRight: () => zoom.panBy(width * PAN_SHARE),
    '+': () => zoom.zoomBy(2, anchor),
    '=': () => zoom.zoomBy(2, anchor),
    '-': () => zoom.zoomBy(0.5, anchor),
    '0': zoom.fit,
  };
  return actions[event.key] ?? null;
}
