/**
 * Node sizes in graph pixels (React Flow's coordinates before zoom). The layout gives every node a fixed width and
 * height, so React Flow can fit the view before measuring and nodes never
 * overlap; graph.css sizes rows to the same numbers (--intx-row and friends).
 */

/** Height of one text row; graph.css uses the same value. */
export const ROW = 20;
/** Row height of ISR cells and host read rows in compact nodes. */
export const COMPACT_ROW = 18;
/** Vertical padding plus borders of a node. */
export const PAD = 16;
/** A row of buttons. */
export const BUTTON_ROW = 30;
/** The Figure 5 gate drawing under an expanded device. */
export const GATE_VIEW_HEIGHT = 156;

/** More nodes than this in a column switches that column to compact nodes. */
export const COMPACT_OVER = 6;
/** Nodes per sub-column before a column splits into staggered sub-columns. */
export const PER_SUB_COLUMN = 8;

export const COLUMN_GAP = 52;
export const SUB_COLUMN_GAP = 24;
export const ROW_GAP = 14;
/** Distance of the host's configuration lane below the lowest node. */
export const BUS_MARGIN = 28;

export const WIDTH = {
  device: 260,
  line: 164,
  controller: 230,
  host: 270,
  // Wide enough for "▶ vm3-serial  other line  not mine" at 12 px.
  entity: 280,
  entityCompact: 250,
} as const;

/** Default chain length above which an entity shows a window of its chain. */
export const DEFAULT_COLLAPSE_CHAINS_OVER = 6;
/** The smallest window that can show head, gap, current ISR and tail. */
export const MIN_CHAIN_WINDOW = 4;

export function deviceHeight(opts: {
  compact: boolean;
  expanded: boolean;
  warning: boolean;
}): number {
  // Normal: title, address, owners, two register bits (+ warning). Compact: title, bits.
  const rows = opts.compact ? 2 : 5 + (opts.warning ? 1 : 0);
  return PAD + rows * ROW + BUTTON_ROW + (opts.expanded ? GATE_VIEW_HEIGHT : 0);
}

export function lineHeight(compact: boolean): number {
  return PAD + (compact ? 2 : 3) * ROW;
}

export function controllerHeight(lineCount: number): number {
  // Title and column headings, then one row per line.
  return PAD + (2 + lineCount) * ROW;
}

export function hostHeight(deviceRows: number, compact: boolean, selective: boolean): number {
  // Title, policy, mode, phase, in flight; the read table only when the host reads.
  const fixed = 5;
  const table = selective ? ROW + deviceRows * (compact ? COMPACT_ROW : ROW) : 0;
  return PAD + fixed * ROW + table;
}

/** A group of entities: title, what they share, who runs, counters, and its button. */
export function entityGroupHeight(): number {
  return PAD + 4 * ROW + BUTTON_ROW;
}

export function entityHeight(visibleIsrRows: number, compact: boolean): number {
  // Title and counters, then the chain rows (at least one row for an empty chain).
  return PAD + 2 * ROW + Math.max(1, visibleIsrRows) * (compact ? COMPACT_ROW : ROW);
}
