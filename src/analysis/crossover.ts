import type { PerInterrupt } from './per-interrupt';
import type { SweepAxis, SweepPoint } from './sweep-plan';

export interface AxisComparison {
  value: number;
  broadcast: number;
  selective: number;
}

/** Broadcast against selective for one metric along one axis, where both points exist. */
export function compareAlong(
  points: readonly SweepPoint[],
  axis: SweepAxis,
  metric: keyof PerInterrupt,
): AxisComparison[] {
  const by = new Map<number, { broadcast?: number; selective?: number }>();
  for (const p of points) {
    if (p.axis !== axis || p.policy === 'msi') continue;
    const row = by.get(p.value) ?? {};
    row[p.policy] = p.perInterrupt[metric];
    by.set(p.value, row);
  }
  return [...by.entries()]
    .filter(([, v]) => v.broadcast !== undefined && v.selective !== undefined)
    .map(([value, v]) => ({ value, broadcast: v.broadcast!, selective: v.selective! }))
    .sort((a, b) => a.value - b.value);
}

/**
 * Where selective's extra work (reading every device's Status register) costs
 * more than it saves: the axis values at which selective is not cheaper than
 * broadcast for the metric.
 */
export function selectiveCostsMore(rows: readonly AxisComparison[]): number[] {
  return rows.filter((r) => r.selective >= r.broadcast).map((r) => r.value);
}
