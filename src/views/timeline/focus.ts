import type { Lane, Lanes } from '../../replay/lanes';
import { MIN_SPAN_NS } from './scale';

/**
 * Where the timeline opens: on the interrupt around the cursor, not on the
 * whole run (where each interrupt is a hairline). An interrupt runs from a
 * line's rise to the last change of any lane before the next rise; the window
 * adds a margin on both sides so the rise and the return to rest both show.
 * Pure, so it is tested.
 */

/** Share of the interrupt's length added on each side. */
export const FOCUS_MARGIN = 0.15;

/** Times at which a line's level rises (0 to 1), over every line, sorted. */
export function lineRises(lanes: Lanes): number[] {
  const rises: number[] = [];
  for (const group of lanes.groups) {
    if (group.scope !== 'line') continue;
    for (const lane of group.lanes) {
      if (lane.name !== 'level') continue;
      for (let i = 0; i < lane.times.length; i++) {
        if (lane.values[i] === 1 && (i === 0 || lane.values[i - 1] === 0))
          rises.push(lane.times[i]!);
      }
    }
  }
  return rises.sort((a, b) => a - b);
}

/** The last change of `lane` strictly before `before` (-Infinity: none, which `Math.max` ignores). */
function lastChangeBefore(lane: Lane, before: number): number {
  let lo = 0;
  let hi = lane.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lane.times[mid]! < before) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? lane.times[lo - 1]! : -Infinity;
}

/**
 * The window [t0, t1] (ns) that shows the interrupt at or before time `t` (the
 * first one when `t` comes before any), or null when the line never rises:
 * then the whole run is the view.
 */
export function interruptWindow(lanes: Lanes, t: number): [number, number] | null {
  const rises = lineRises(lanes);
  if (rises.length === 0) return null;
  let i = 0;
  while (i + 1 < rises.length && rises[i + 1]! <= t) i += 1;
  const start = rises[i]!;
  const next = i + 1 < rises.length ? rises[i + 1]! : Infinity;
  let end = start;
  for (const group of lanes.groups) {
    for (const lane of group.lanes) end = Math.max(end, lastChangeBefore(lane, next));
  }
  const span = Math.max(MIN_SPAN_NS, end - start);
  const margin = span * FOCUS_MARGIN;
  return [Math.max(0, start - margin), Math.min(lanes.endT, end) + margin];
}
