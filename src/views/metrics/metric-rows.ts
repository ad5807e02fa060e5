import type { EntitySummary, Summary } from '../../engine/summary-types';
import { formatCount, formatMicros } from '../charts/numbers';

/**
 * Pure arrangement of a summary into the rows and columns the panel shows.
 * Nothing is computed here that the summary does not already hold, except
 * ratios of its own totals.
 */
export type EntityMetric = keyof EntitySummary;

export interface ColumnSpec<K extends string> {
  key: K;
  label: string;
  /** Time columns are nanoseconds shown in microseconds. */
  time?: boolean;
}

export const ENTITY_COLUMNS: readonly ColumnSpec<EntityMetric>[] = [
  { key: 'interrupts', label: 'Received' },
  { key: 'spurious', label: 'Spurious' },
  { key: 'isrCalls', label: 'ISR calls' },
  { key: 'contextSwitches', label: 'Switches' },
  { key: 'busyNs', label: 'Busy', time: true },
];

export interface EntityRow {
  id: string;
  values: EntitySummary;
}

export function entityRows(summary: Pick<Summary, 'entities'>): EntityRow[] {
  return Object.entries(summary.entities).map(([id, values]) => ({ id, values }));
}

export interface DeviceRow {
  id: string;
  raised: number;
  serviced: number;
  /** Raised, not serviced, not withdrawn: lost at the end of a run, still open before it. */
  unserviced: number;
  withdrawn: number;
  latencyMin: number;
  latencyMean: number;
  latencyMax: number;
}

export function deviceRows(summary: Pick<Summary, 'devices'>): DeviceRow[] {
  return Object.entries(summary.devices).map(([id, d]) => ({
    id,
    raised: d.raised,
    serviced: d.serviced,
    unserviced: d.lost,
    withdrawn: d.withdrawn,
    latencyMin: d.latencyNs.min,
    latencyMean: d.latencyNs.mean,
    latencyMax: d.latencyNs.max,
  }));
}

export interface TotalItem {
  label: string;
  value: number;
  time?: boolean;
  /** Ratios are shown with two decimals. */
  ratio?: boolean;
}

/** Per serviced raise: what one device interrupt cost the whole system. */
function perService(value: number, serviced: number): number {
  return serviced > 0 ? value / serviced : 0;
}

export function totalItems(summary: Pick<Summary, 'totals'>, complete: boolean): TotalItem[] {
  const t = summary.totals;
  return [
    { label: 'Raised', value: t.raised },
    { label: 'Serviced', value: t.serviced },
    { label: complete ? 'Lost' : 'Not yet serviced', value: t.lost },
    { label: 'Controller deliveries', value: t.deliveries },
    { label: 'Config reads', value: t.configReads },
    { label: 'Context switches', value: t.contextSwitches },
    { label: 'Spurious', value: t.spurious },
    { label: 'ISR calls', value: t.isrCalls },
    { label: 'Busy time', value: t.busyNs, time: true },
    {
      label: 'Switches per service',
      value: perService(t.contextSwitches, t.serviced),
      ratio: true,
    },
    { label: 'Spurious per service', value: perService(t.spurious, t.serviced), ratio: true },
    {
      label: 'Busy per service',
      value: perService(t.busyNs, t.serviced),
      time: true,
    },
  ];
}

/** Formats one cell: counts as integers, times in µs, ratios with two decimals. */
export function formatMetric(value: number, kind: { time?: boolean; ratio?: boolean }): string {
  // The panel formats every cell on every step: formatters made once (charts/numbers.ts).
  if (kind.time) return formatMicros(value);
  if (kind.ratio) return value.toFixed(2);
  return formatCount(value);
}
