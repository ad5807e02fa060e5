import type { Lane, LaneGroup } from '../../replay/lanes';

/**
 * The vertical layout of the lanes: one header row per group (device, line,
 * controller pin, entity), then its lanes unless it is collapsed. Rows have
 * fixed heights so the visible ones are found by binary search, and only
 * those are drawn: 32 VMs and 16 devices stay as cheap as three.
 */

export const GROUP_ROW_PX = 24;
export const LANE_ROW_PX = 22;
/** Above this many lanes, groups start collapsed (each still shows its header lane). */
export const EXPAND_LIMIT = 40;

export interface Row {
  key: string;
  kind: 'group' | 'lane';
  group: LaneGroup;
  /** Lane rows: their lane. Group rows: the header lane while collapsed, else null. */
  lane: Lane | null;
  y: number;
  height: number;
}

export interface RowLayout {
  rows: Row[];
  height: number;
}

export function layoutRows(
  groups: readonly LaneGroup[],
  collapsed: ReadonlySet<string>,
): RowLayout {
  const rows: Row[] = [];
  let y = 0;
  for (const group of groups) {
    const closed = collapsed.has(group.key);
    const header = closed ? (group.lanes.find((l) => l.key === group.headerLaneKey) ?? null) : null;
    rows.push({ key: group.key, kind: 'group', group, lane: header, y, height: GROUP_ROW_PX });
    y += GROUP_ROW_PX;
    if (closed) continue;
    for (const lane of group.lanes) {
      rows.push({ key: lane.key, kind: 'lane', group, lane, y, height: LANE_ROW_PX });
      y += LANE_ROW_PX;
    }
  }
  return { rows, height: y };
}

/** The index of the row at `y`, or -1 outside the rows. */
export function rowIndexAt(rows: readonly Row[], y: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.y <= y) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  return i >= 0 && y < rows[i]!.y + rows[i]!.height ? i : -1;
}

/** Rows that overlap [top, bottom), in order. */
export function visibleRows(rows: readonly Row[], top: number, bottom: number): Row[] {
  if (rows.length === 0) return [];
  const first = Math.max(0, rowIndexAt(rows, Math.max(0, top)));
  const out: Row[] = [];
  for (let i = first; i < rows.length && rows[i]!.y < bottom; i++) out.push(rows[i]!);
  return out;
}

/** The order groups are shown in: what every interrupt passes through first. */
const SCOPE_ORDER: Readonly<Record<LaneGroup['scope'], number>> = {
  line: 0,
  controller: 1,
  entity: 2,
  device: 3,
};

/** Lines, then controller pins, then entities, then devices; scenario order within each. */
export function orderGroups(groups: readonly LaneGroup[]): LaneGroup[] {
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => SCOPE_ORDER[a.g.scope] - SCOPE_ORDER[b.g.scope] || a.i - b.i)
    .map(({ g }) => g);
}

/**
 * Groups collapsed at first: every device, to its pin (530), so the line,
 * controller and VM lanes fit above the fold; for big machines the entities
 * too, to their "running" lane.
 */
export function initialCollapsed(groups: readonly LaneGroup[]): Set<string> {
  const lanes = groups.reduce((n, g) => n + g.lanes.length, 0);
  const big = lanes > EXPAND_LIMIT;
  return new Set(
    groups.filter((g) => g.scope === 'device' || (big && g.scope === 'entity')).map((g) => g.key),
  );
}
