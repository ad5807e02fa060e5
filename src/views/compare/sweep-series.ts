import type { PerInterrupt } from '../../analysis/per-interrupt';
import type { SweepAxis, SweepPoint } from '../../analysis/sweep-plan';
import type { SweepPolicy } from '../../analysis/sweep-scenario';
import { formatDecimal, formatMicros } from '../charts/numbers';

/** The sweep's charts: one per axis and metric, a line per policy. */
export interface SeriesPoint {
  x: number;
  y: number;
}

export interface Series {
  policy: SweepPolicy;
  points: SeriesPoint[];
}

export interface MetricSpec {
  key: keyof PerInterrupt;
  title: string;
  /** y values are nanoseconds shown in microseconds. */
  time: boolean;
}

export const SWEEP_METRICS: readonly MetricSpec[] = [
  { key: 'contextSwitches', title: 'Context switches per interrupt', time: false },
  { key: 'spurious', title: 'Spurious interrupts per interrupt', time: false },
  { key: 'cpuNs', title: 'CPU time per interrupt', time: true },
];

export const AXIS_LABEL: Record<SweepAxis, string> = {
  vms: 'VMs sharing the line',
  chain: 'ISRs per chain',
};

export const AXIS_HEADING: Record<SweepAxis, string> = {
  vms: 'As the number of VMs grows',
  chain: 'As the ISR chains grow',
};

export function seriesOf(
  points: readonly SweepPoint[],
  axis: SweepAxis,
  metric: keyof PerInterrupt,
): Series[] {
  return (['broadcast', 'selective', 'msi'] as const).map((policy) => ({
    policy,
    points: points
      .filter((p) => p.axis === axis && p.policy === policy)
      .map((p) => ({ x: p.value, y: p.perInterrupt[metric] }))
      .sort((a, b) => a.x - b.x),
  }));
}

export function formatY(y: number, time: boolean): string {
  return time ? formatMicros(y) : formatDecimal(y);
}
