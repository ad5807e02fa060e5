import type { Lane } from '../../replay/lanes';
import type { Row } from './rows';
import { formatExactNs, type TimeScale } from './scale';
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

/** Where the pointer is over the lanes: its time and the row under it. */
export interface HoverPoint {
  t: number;
  row: number;
}

/**
 * The bar's readout: the time under the pointer and the hovered lane's value
 * there ("12.000 µs · dev0 530 pin = 1"), or the cursor's time when nothing is hovered.
 */
export function readoutText(
  hover: HoverPoint | null,
  rows: readonly Row[],
  scale: TimeScale,
  cursorT: number,
): string {
  if (!hover) return `cursor ${formatExactNs(cursorT)}`;
  const time = formatExactNs(Math.max(0, hover.t));
  const row = rows[hover.row];
  if (!row?.lane) return time;
  const hitNs = Math.abs(scale.invert(MARK_HIT_PX) - scale.invert(0));
  return `${time} · ${row.group.title} ${row.lane.label} = ${hoverValue(row.lane, hover.t, hitNs)}`;
}
