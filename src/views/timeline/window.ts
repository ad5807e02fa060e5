import type { Lane } from '../../replay/lanes';
import type { TimeScale } from './scale';

/**
 * What one lane draws in the visible window, in pixels. Work is bounded by
 * the width in pixels, not by the number of changes: changes closer than a
 * pixel are skipped over by binary search and drawn as one "busy" mark, so a
 * whole run of 100,000 events costs about as much as a few hundred.
 */

/** From `x0` to `x1` the lane holds `value` (`index` into the lane's arrays). */
export interface Level {
  x0: number;
  x1: number;
  value: number;
  index: number;
}

/** Several changes narrower than a pixel each, merged: the lane is busy there. */
export interface Busy {
  x0: number;
  x1: number;
  /** How many changes the mark stands for. */
  changes: number;
}

export interface LaneWindow {
  levels: Level[];
  busy: Busy[];
}

/** A spurious mark; `count` marks closer than a pixel are drawn as one. */
export interface Mark {
  x: number;
  t: number;
  count: number;
}

/** Narrower than this (px) a segment is not drawn on its own. */
export const MIN_SEGMENT_PX = 1;
/** Drawing stops this far (px) outside the window, so strokes at the edges stay whole. */
const OVERDRAW_PX = 2;

/** The last index with `times[i] <= t` in [from, to), or from - 1 when there is none. */
export function indexAt(times: ArrayLike<number>, t: number, from = 0, to = times.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The first index with `times[i] >= t` in [from, to), or `to` when there is none. */
export function firstAtOrAfter(
  times: ArrayLike<number>,
  t: number,
  from = 0,
  to = times.length,
): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lane's value at time `t` (after every change at or before t), null before its start. */
export function valueAt(lane: Pick<Lane, 'times' | 'values'>, t: number): number | null {
  const i = indexAt(lane.times, t);
  return i < 0 ? null : lane.values[i]!;
}

/** Linear map of the scale, read once so the loops below do plain arithmetic. */
function linear(scale: TimeScale): { t0: number; t1: number; k: number; width: number } {
  const [t0, t1] = scale.domain() as [number, number];
  const [r0, r1] = scale.range() as [number, number];
  return { t0, t1, k: (r1 - r0) / Math.max(1e-12, t1 - t0), width: r1 - r0 };
}

/**
 * The levels and busy marks of one lane between the scale's domain ends.
 * The last value lasts until `endT`; nothing is drawn after the run ends.
 */
export function laneWindow(
  lane: Pick<Lane, 'times' | 'values'>,
  endT: number,
  scale: TimeScale,
): LaneWindow {
  const { times, values } = lane;
  const n = times.length;
  const levels: Level[] = [];
  const busy: Busy[] = [];
  if (n === 0) return { levels, busy };
  const { t0, t1, k, width } = linear(scale);
  const x = (t: number) => (t - t0) * k;
  const invert = (px: number) => t0 + px / k;
  const clip = (px: number) => Math.min(width + OVERDRAW_PX, Math.max(-OVERDRAW_PX, px));
  const end = Math.max(endT, times[n - 1]!);
  const endOf = (i: number) => (i + 1 < n ? times[i + 1]! : end);
  const narrow = (i: number) => i + 1 < n && x(times[i + 1]!) - x(times[i]!) < MIN_SEGMENT_PX;

  // A busy mark is at least a pixel wide; the level after it starts where it ends.
  let floor = -Infinity;
  let i = Math.max(0, indexAt(times, t0));
  while (i < n && times[i]! <= t1) {
    if (!narrow(i)) {
      const x0 = Math.max(floor, clip(x(times[i]!)));
      const x1 = clip(x(endOf(i)));
      if (x1 > x0) levels.push({ x0, x1, value: values[i]!, index: i });
      i += 1;
      continue;
    }
    // A run of narrow segments: jump a pixel at a time to the last change
    // before it, until a segment wide enough to draw (or the last) begins.
    const bx0 = x(times[i]!);
    let j = i;
    let changes = 0;
    do {
      const m = indexAt(times, invert(x(times[j]!) + MIN_SEGMENT_PX), j + 1);
      changes += m - j;
      j = m;
    } while (narrow(j) && times[j]! <= t1);
    const x0 = Math.max(floor, clip(bx0));
    floor = clip(Math.max(x(times[j]!), bx0 + MIN_SEGMENT_PX));
    if (floor > x0) busy.push({ x0, x1: floor, changes });
    i = j;
  }
  return { levels, busy };
}

/**
 * The marks of a pulse lane (values alternate 1, 0, 1, 0... as `signalChanges`
 * makes them): one per rise, those within one pixel merged and counted.
 */
export function laneMarks(lane: Pick<Lane, 'times' | 'values'>, scale: TimeScale): Mark[] {
  const { times, values } = lane;
  const n = times.length;
  const { t0, t1, k } = linear(scale);
  const marks: Mark[] = [];
  let i = firstAtOrAfter(times, t0);
  while (i < n && times[i]! <= t1) {
    if (values[i] !== 1) {
      i += 1;
      continue;
    }
    const px = Math.floor((times[i]! - t0) * k);
    const j = firstAtOrAfter(times, t0 + (px + 1) / k, i + 1);
    // Values alternate, starting with this rise: the 1s in [i, j) are every other one.
    marks.push({ x: (times[i]! - t0) * k, t: times[i]!, count: Math.ceil((j - i) / 2) });
    i = j;
  }
  return marks;
}
