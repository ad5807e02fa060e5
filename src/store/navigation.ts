/** Pure cursor arithmetic shared by the playback slice and the commands. */

/** Playback speeds offered, slowest first. */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8];
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 8;

export function clampCursor(cursor: number, eventCount: number): number {
  if (!Number.isFinite(cursor)) return 0;
  return Math.max(0, Math.min(eventCount, Math.trunc(cursor)));
}

/** The last cursor the player may reach: the run's end, or an earlier limit (a lesson's open question). */
export function playerEnd(eventCount: number, limit: number | null): number {
  return limit === null ? eventCount : Math.max(0, Math.min(eventCount, limit));
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.max(MIN_SPEED, Math.min(MAX_SPEED, speed));
}

/** The next speed in SPEEDS above (+1) or below (-1) `speed`, staying in range. */
export function stepSpeed(speed: number, direction: 1 | -1): number {
  if (direction > 0) return SPEEDS.find((s) => s > speed) ?? MAX_SPEED;
  return [...SPEEDS].reverse().find((s) => s < speed) ?? MIN_SPEED;
}

/** The first interrupt marker after `cursor`, or null when there is none. */
export function nextMarker(markers: readonly number[], cursor: number): number | null {
  // Markers are sorted ascending (they are cursors in trace order).
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid]! <= cursor) lo = mid + 1;
    else hi = mid;
  }
  return markers[lo] ?? null;
}

/** The last interrupt marker before `cursor`, or null when there is none. */
export function prevMarker(markers: readonly number[], cursor: number): number | null {
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid]! < cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? markers[lo - 1]! : null;
}

/** Base playback rate at 1x: events per second (interrupt granularity: interrupts per second). */
export const EVENTS_PER_SECOND = 8;
export const INTERRUPTS_PER_SECOND = 1;

/**
 * Where playback goes after `steps` ticks: that many events ahead, or the
 * next interrupt marker (then the end) when stepping by interrupt.
 */
export function playTarget(
  cursor: number,
  steps: number,
  eventCount: number,
  markers: readonly number[],
  granularity: 'event' | 'interrupt',
): number {
  if (granularity === 'event') return Math.min(eventCount, cursor + steps);
  let target = cursor;
  for (let i = 0; i < steps && target < eventCount; i++) {
    target = nextMarker(markers, target) ?? eventCount;
  }
  return target;
}

/**
 * Where play stops on its way from `cursor` to `target`: the first breakpoint
 * hit after the cursor, if it comes before (or at) the target; else the target.
 */
export function stopAtBreakpoint(cursor: number, target: number, hits: readonly number[]): number {
  const hit = nextMarker(hits, cursor);
  return hit !== null && hit <= target ? hit : target;
}

/**
 * The cursors one step from `cursor` can land on: an event either way, and the
 * interrupt markers either side (Shift+arrows, or interrupt granularity), with
 * `cursor` itself. The frame cache keeps the frames at these.
 */
export function stepNeighbours(
  cursor: number,
  eventCount: number,
  markers: readonly number[],
): number[] {
  const next = nextMarker(markers, cursor);
  const near = [prevMarker(markers, cursor) ?? 0, cursor - 1, cursor, cursor + 1];
  if (next !== null) near.push(next);
  return [...new Set(near.filter((c) => c >= 0 && c <= eventCount))];
}
