import { memo, useMemo } from 'react';
import type { DeviceSummary, EntitySummary, Totals } from '../../engine/summary-types';
import { HBarChart } from '../charts';
import {
  deviceRows,
  ENTITY_COLUMNS,
  entityRows,
  formatMetric,
  totalItems,
  type EntityMetric,
} from './metric-rows';

/**
 * The metrics panel's sections, each memoized on its own part of the summary,
 * so a step that changes one number re-renders only the section that shows it.
 */

export const TotalsList = memo(function TotalsList({
  totals,
  complete,
}: {
  totals: Totals;
  complete: boolean;
}) {
  return (
    <dl className="metrics-totals">
      {totalItems({ totals }, complete).map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd data-metric={item.label}>{formatMetric(item.value, item)}</dd>
        </div>
      ))}
    </dl>
  );
});

/** One entity's row; memoized on its summary, which the store keeps while its numbers hold. */
const EntityRow = memo(function EntityRow({ id, values }: { id: string; values: EntitySummary }) {
  return (
    <tr data-entity={id}>
      <th scope="row">{id}</th>
      {ENTITY_COLUMNS.map((c) => (
        <td key={c.key}>{formatMetric(values[c.key], c)}</td>
      ))}
    </tr>
  );
});

export const EntitySection = memo(function EntitySection({
  entities,
  metric,
  onMetric,
  width,
}: {
  entities: Record<string, EntitySummary>;
  metric: EntityMetric;
  onMetric: (metric: EntityMetric) => void;
  width: number;
}) {
  const column = ENTITY_COLUMNS.find((c) => c.key === metric) ?? ENTITY_COLUMNS[0]!;
  const rows = entityRows({ entities });
  // The chart shows one column: it is drawn again only when that column's numbers
  // change (busy time changes on most steps, the charted switches rarely).
  const charted = rows.map((r) => `${r.id}=${r.values[metric]}`).join(' ');
  const chart = useMemo(
    () => (
      <HBarChart
        title={column.label}
        width={width}
        bars={rows.map((r) => ({ id: r.id, value: r.values[metric] }))}
        format={(v) => formatMetric(v, column)}
      />
    ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `charted` stands for the rows' values
    [charted, column, width, metric],
  );
  return (
    <>
      <h3>Per entity</h3>
      <label className="field">
        <span>Chart</span>
        <select value={metric} onChange={(e) => onMetric(e.target.value as EntityMetric)}>
          {ENTITY_COLUMNS.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {chart}
      <table className="metrics-table">
        <thead>
          <tr>
            <th scope="col">Entity</th>
            {ENTITY_COLUMNS.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <EntityRow key={r.id} id={r.id} values={r.values} />
          ))}
        </tbody>
      </table>
    </>
  );
});

export const DeviceTable = memo(function DeviceTable({
  devices,
  complete,
}: {
  devices: Record<string, DeviceSummary>;
  complete: boolean;
}) {
  return (
    <>
      <h3>Per device</h3>
      <table className="metrics-table">
        <thead>
          <tr>
            <th scope="col">Device</th>
            <th scope="col">Raised</th>
            <th scope="col">Serviced</th>
            <th scope="col">{complete ? 'Lost' : 'Open'}</th>
            <th scope="col" title="Latency from raise to service: min / mean / max">
              Latency µs
            </th>
          </tr>
        </thead>
        <tbody>
          {deviceRows({ devices }).map((d) => (
            <tr key={d.id} data-device={d.id}>
              <th scope="row">{d.id}</th>
              <td>{d.raised}</td>
              <td>{d.serviced}</td>
              <td>{d.unserviced}</td>
              <td>
                {d.serviced > 0
                  ? [d.latencyMin, d.latencyMean, d.latencyMax]
                      .map((ns) => (ns / 1000).toFixed(1))
                      .join(' / ')
                  : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
