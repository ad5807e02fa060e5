import { useState } from 'react';
import { selectFrameCursor, selectFrameSummary, selectRun, useAppStore } from '../../store';
import { HBarChart, ScopeToggle, useWidth } from '../charts';
import {
  deviceRows,
  ENTITY_COLUMNS,
  entityRows,
  formatMetric,
  totalItems,
  type EntityMetric,
} from './metric-rows';
import './metrics.css';

type Scope = 'cursor' | 'run';

/**
 * Per entity, per device and total numbers, at the cursor or for the whole
 * run. The numbers are the engine's summary; this panel only lays them out.
 */
export function MetricsPanel() {
  const run = useAppStore(selectRun);
  const cursor = useAppStore(selectFrameCursor);
  const [scope, setScope] = useState<Scope>('cursor');
  const [metric, setMetric] = useState<EntityMetric>('contextSwitches');
  const { ref, width } = useWidth<HTMLDivElement>(320);
  // The frame carries the summary at its cursor (one worker round trip per step); at
  // the end of the run the run's own summary is the answer (an imported trace's, as recorded).
  const atFrame = useAppStore(selectFrameSummary);
  const atCursor = run && cursor >= run.eventCount ? run.summary : atFrame;
  const summary = scope === 'run' ? (run?.summary ?? null) : atCursor;
  const complete = scope === 'run' || (run !== null && cursor >= run.eventCount);
  const column = ENTITY_COLUMNS.find((c) => c.key === metric) ?? ENTITY_COLUMNS[0]!;

  return (
    <section className="panel metrics-panel" aria-label="Metrics">
      <div className="metrics-head">
        <h2>Metrics</h2>
        <ScopeToggle
          label="Metrics scope"
          value={scope}
          onChange={setScope}
          options={[
            { value: 'cursor', label: 'At cursor' },
            { value: 'run', label: 'Whole run' },
          ]}
        />
      </div>
      {!summary ? (
        <p className="muted">Counting…</p>
      ) : (
        <div className="metrics-body" ref={ref} data-testid="metrics" data-scope={scope}>
          <dl className="metrics-totals">
            {totalItems(summary, complete).map((item) => (
              <div key={item.label}>
                <dt>{item.label}</dt>
                <dd data-metric={item.label}>{formatMetric(item.value, item)}</dd>
              </div>
            ))}
          </dl>

          <h3>Per entity</h3>
          <label className="field">
            <span>Chart</span>
            <select value={metric} onChange={(e) => setMetric(e.target.value as EntityMetric)}>
              {ENTITY_COLUMNS.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <HBarChart
            title={column.label}
            width={width}
            bars={entityRows(summary).map((r) => ({ id: r.id, value: r.values[metric] }))}
            format={(v) => formatMetric(v, column)}
          />
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
              {entityRows(summary).map((r) => (
                <tr key={r.id} data-entity={r.id}>
                  <th scope="row">{r.id}</th>
                  {ENTITY_COLUMNS.map((c) => (
                    <td key={c.key}>{formatMetric(r.values[c.key], c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>

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
              {deviceRows(summary).map((d) => (
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
        </div>
      )}
    </section>
  );
}
