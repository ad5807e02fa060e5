import type { Busy, LaneWindow, Level, Mark } from './window';

/**
 * SVG path data for one lane row: a handful of `<path>` elements per row,
 * whatever the number of changes, so panning never creates or removes DOM
 * nodes by the thousand. Coordinates are rounded to 0.1 px to keep strings short.
 */

const r = (v: number) => Math.round(v * 10) / 10;

export interface RowBox {
  /** Height of the row's drawing area (px). */
  height: number;
  /** Inset from the top and bottom for the high and low levels. */
  pad: number;
}

/** A wire: the outline (high at the top, low at the bottom, vertical edges) and a fill under high. */
export function bitPaths(win: LaneWindow, box: RowBox): { line: string; fill: string } {
  const hi = box.pad;
  const lo = box.height - box.pad;
  let line = '';
  let fill = '';
  let prev: Level | null = null;
  for (const s of win.levels) {
    const y = s.value !== 0 ? hi : lo;
    if (prev && Math.abs(prev.x1 - s.x0) < 0.01) line += `V${y}H${r(s.x1)}`;
    else line += `M${r(s.x0)} ${y}H${r(s.x1)}`;
    if (s.value !== 0) fill += `M${r(s.x0)} ${hi}H${r(s.x1)}V${lo}H${r(s.x0)}Z`;
    prev = s;
  }
  return { line, fill };
}

/** Rectangles over the full row height for merged changes. */
export function busyPath(busy: readonly Busy[], box: RowBox): string {
  let d = '';
  for (const b of busy) {
    d += `M${r(b.x0)} ${box.pad}H${r(b.x1)}V${box.height - box.pad}H${r(b.x0)}Z`;
  }
  return d;
}

/** A named value (which ISR): a box while non-zero, a middle line while zero. */
export function vectorPaths(win: LaneWindow, box: RowBox): { line: string; boxes: string } {
  const mid = box.height / 2;
  const top = box.pad;
  const bottom = box.height - box.pad;
  let line = '';
  let boxes = '';
  for (const s of win.levels) {
    if (s.value === 0) line += `M${r(s.x0)} ${mid}H${r(s.x1)}`;
    else {
      // A slanted start and end, as waveform viewers draw buses.
      const e = Math.min(3, (s.x1 - s.x0) / 2);
      boxes +=
        `M${r(s.x0)} ${mid}L${r(s.x0 + e)} ${top}H${r(s.x1 - e)}L${r(s.x1)} ${mid}` +
        `L${r(s.x1 - e)} ${bottom}H${r(s.x0 + e)}Z`;
    }
  }
  return { line, boxes };
}

/** A small downward triangle per mark. */
export function marksPath(marks: readonly Mark[], box: RowBox): string {
  let d = '';
  const top = box.pad;
  const size = Math.max(3, (box.height - 2 * box.pad) / 2);
  for (const m of marks) {
    d += `M${r(m.x - size)} ${top}H${r(m.x + size)}L${r(m.x)} ${r(top + 2 * size)}Z`;
  }
  return d;
}

/** Labels that fit inside their box (px per character is approximate, by design). */
export function vectorLabels(
  win: LaneWindow,
  names: readonly string[] | undefined,
  charPx = 6.5,
): { x: number; text: string; key: number }[] {
  const out: { x: number; text: string; key: number }[] = [];
  for (const s of win.levels) {
    if (s.value === 0) continue;
    const text = names?.[s.value] ?? String(s.value);
    // Only the visible part of a box has room for its label.
    const x0 = Math.max(0, s.x0);
    const room = s.x1 - x0 - 8;
    if (room < charPx * 3) continue;
    const fits = Math.floor(room / charPx);
    const shown = text.length <= fits ? text : `${text.slice(0, Math.max(1, fits - 1))}…`;
    out.push({ x: x0 + 5, text: shown, key: s.index });
  }
  return out;
}
