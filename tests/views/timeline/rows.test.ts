import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../../src/engine/trace-types';
import { buildLanes } from '../../../src/replay/lanes';
import {
  EXPAND_LIMIT,
  GROUP_ROW_PX,
  initialCollapsed,
  LANE_ROW_PX,
  layoutRows,
  orderGroups,
  rowIndexAt,
  visibleRows,
} from '../../../src/views/timeline/rows';
import { presetScenario, run } from '../../engine/helpers';

function groupsOf(preset: string) {
  const scenario = presetScenario(preset);
  const { events, summary } = run(scenario);
  return buildLanes(buildTrace(scenario, events, summary)).groups;
}

describe('timeline rows', () => {
  const groups = groupsOf('fig3-broadcast');

  it('stacks a header per group and its lanes under it', () => {
    const { rows, height } = layoutRows(groups, new Set());
    const lanes = groups.reduce((n, g) => n + g.lanes.length, 0);
    expect(rows).toHaveLength(groups.length + lanes);
    expect(height).toBe(groups.length * GROUP_ROW_PX + lanes * LANE_ROW_PX);
    expect(rows[0]).toMatchObject({ kind: 'group', y: 0, lane: null });
    expect(rows[1]).toMatchObject({ kind: 'lane', y: GROUP_ROW_PX });
    rows.slice(1).forEach((r, i) => expect(r.y).toBe(rows[i]!.y + rows[i]!.height));
  });

  it('shows a collapsed group as one row carrying its header lane', () => {
    const { rows } = layoutRows(groups, new Set(['entity:vm1', 'device:nic0']));
    const vm1 = rows.find((r) => r.key === 'entity:vm1')!;
    expect(vm1.lane?.name).toBe('running');
    expect(rows.find((r) => r.key === 'device:nic0')!.lane?.name).toBe('pin');
    expect(rows.some((r) => r.key.startsWith('entity:vm1:'))).toBe(false);
    expect(rows.some((r) => r.key.startsWith('entity:vm2:'))).toBe(true);
  });

  it('finds the row under a point and the rows in a scrolled window', () => {
    const { rows, height } = layoutRows(groups, new Set());
    expect(rowIndexAt(rows, -1)).toBe(-1);
    expect(rowIndexAt(rows, 0)).toBe(0);
    expect(rowIndexAt(rows, GROUP_ROW_PX)).toBe(1);
    expect(rowIndexAt(rows, height)).toBe(-1);
    const shown = visibleRows(rows, 100, 200);
    expect(shown[0]!.y).toBeLessThanOrEqual(100);
    expect(shown.at(-1)!.y).toBeLessThan(200);
    expect(shown.at(-1)!.y + shown.at(-1)!.height).toBeGreaterThanOrEqual(200);
    expect(visibleRows([], 0, 100)).toEqual([]);
  });

  it('starts devices collapsed to their pin, and for 32 VMs the VMs too', () => {
    const small = initialCollapsed(groups);
    expect([...small].sort()).toEqual(['device:disk0', 'device:nic0', 'device:usb0']);
    const big = groupsOf('scale-32-vms');
    expect(big.reduce((n, g) => n + g.lanes.length, 0)).toBeGreaterThan(EXPAND_LIMIT);
    const closed = initialCollapsed(big);
    expect(closed.has('entity:vm1')).toBe(true);
    expect(closed.has('line:INTA')).toBe(false);
    const { rows } = layoutRows(big, closed);
    expect(rows.length).toBeLessThan(60);
  });
});

describe('timeline group order', () => {
  it('puts the line, then the controller, then the entities, then the devices', () => {
    const ordered = orderGroups(groupsOf('fig3-broadcast')).map((g) => g.key);
    expect(ordered).toEqual([
      'line:INTA',
      'controller:INTA',
      'entity:vm1',
      'entity:vm2',
      'entity:vm3',
      'device:nic0',
      'device:disk0',
      'device:usb0',
    ]);
  });
});
