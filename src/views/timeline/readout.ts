import type { Lane } from '../../replay/lanes';
import { firstAtOrAfter, valueAt } from './window';

/** What the hover readout says about one lane at one time: pure, so it is tested. */

/** How close (px) the pointer must be to a spurious mark to name it. */
export const MARK_HIT_PX = 4;

/** A lane's value in words: "1", "0", an ISR's id or "none", "—" before the lane starts. */
export function valueText(lane: Lane, value: number | null): string {
  if (value === null) return '—';
  if (lane.kind === 'vector') return lane.valueNames?.[value] ?? String(value);
  return String(value);
}

/**
 * The readout for `lane` at time `t`. For spurious marks, the nearest mark
 * within `hitNs` (the time a few pixels span) is named, or "none here".
 */
export function hoverValue(lane: Lane, t: number, hitNs: number): string {
  if (lane.kind !== 'marks') return valueText(lane, valueAt(lane, t));
  const { times, values } = lane;
  let i = firstAtOrAfter(times, t - hitNs);
  while (i < times.length && times[i]! <= t + hitNs) {
    if (values[i] === 1) {
      let n = 0;
      // The count so far: every rise up to this one.
      for (let k = 0; k <= i; k++) if (values[k] === 1) n += 1;
      return `spurious interrupt #${n}`;
    }
    i += 1;
  }
  return 'none here';
}
