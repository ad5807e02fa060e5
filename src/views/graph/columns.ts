import { ROW_GAP, SUB_COLUMN_GAP } from './sizes';

export interface Box {
  width: number;
  height: number;
}

export interface PlacedColumn {
  /** Top-left of each item, relative to the column's own top-left. */
  positions: { x: number; y: number }[];
  width: number;
  height: number;
}

/**
 * Stacks boxes top to bottom. Past `perSubColumn` items the column splits into
 * sub-columns filled round-robin and staggered by a fraction of a row, like
 * bricks: items still read top to bottom in order, and an edge entering an item
 * of a right sub-column passes through the gap between items of the left one.
 */
export function placeColumn(items: readonly Box[], perSubColumn: number): PlacedColumn {
  const n = items.length;
  if (n === 0) return { positions: [], width: 0, height: 0 };
  const k = Math.max(1, Math.ceil(n / perSubColumn));
  const widths = new Array<number>(k).fill(0);
  items.forEach((item, i) => {
    const c = i % k;
    widths[c] = Math.max(widths[c]!, item.width);
  });
  const xs: number[] = [];
  let x = 0;
  for (const w of widths) {
    xs.push(x);
    x += w + SUB_COLUMN_GAP;
  }
  const tallest = Math.max(...items.map((item) => item.height));
  const step = k > 1 ? (tallest + ROW_GAP) / k : 0;
  const nextFree = new Array<number>(k).fill(0);
  const positions: { x: number; y: number }[] = [];
  let prevY = 0;
  items.forEach((item, i) => {
    const c = i % k;
    const y = Math.max(nextFree[c]!, i === 0 ? 0 : prevY + step);
    positions.push({ x: xs[c]!, y });
    nextFree[c] = y + item.height + ROW_GAP;
    prevY = y;
  });
  return { positions, width: x - SUB_COLUMN_GAP, height: Math.max(...nextFree) - ROW_GAP };
}

/**
 * Stacks boxes top to bottom, each as close as it can get to having its centre
 * at `centers[i]` (null: right after the previous box) without overlapping the
 * one above. Lines use it to sit level with the devices that drive them.
 */
export function alignColumn(
  items: readonly Box[],
  centers: readonly (number | null)[],
): PlacedColumn {
  const positions: { x: number; y: number }[] = [];
  let nextFree = 0;
  items.forEach((item, i) => {
    const center = centers[i] ?? null;
    const wanted = center === null ? nextFree : Math.round(center - item.height / 2);
    const y = Math.max(0, nextFree, wanted);
    positions.push({ x: 0, y });
    nextFree = y + item.height + ROW_GAP;
  });
  const width = Math.max(0, ...items.map((item) => item.width));
  return { positions, width, height: Math.max(0, nextFree - ROW_GAP) };
}
