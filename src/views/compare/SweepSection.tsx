import { memo, useId, useState } from 'react';
import {
  DEFAULT_SWEEP,
  SWEEP_LIMITS,
  compareAlong,
  type SweepAxis,
  type SweepPoint,
  type SweepRequest,
} from '../../analysis/engine-free';
import type { AnalysisPool } from '../../client';
import { crossoverText } from './crossover-text';
import { LineChart, SweepLegend } from './LineChart';
import { AXIS_HEADING, AXIS_LABEL, formatY, seriesOf, SWEEP_METRICS } from './sweep-series';
import { useSweep } from './useSweep';
import { formatCount, useWidth } from '../charts';

const CHAIN_CHOICES = [1, 2, 4, 8, 16];
const VM_CHOICES = [1, 2, 4, 8, 16, 32, 64];

/**
 * The sweep: how context switches, spurious interrupts and CPU time per
 * interrupt grow with the number of VMs and with chain length, broadcast
 * against selective, computed in the workers without keeping any trace.
 */
export function SweepSection({ pool }: { pool: AnalysisPool | null }) {
  const id = useId();
  const [raises, setRaises] = useState(DEFAULT_SWEEP.raises);
  const [chain, setChain] = useState(DEFAULT_SWEEP.chainForVmAxis);
  const [vms, setVms] = useState(DEFAULT_SWEEP.vmsForChainAxis);
  const { state, start, cancel } = useSweep(pool);
  const { ref, width } = useWidth<HTMLElement>(900);
  const busy = state.status === 'running' || state.status === 'cancelling';
  const request: SweepRequest = {
    ...DEFAULT_SWEEP,
    raises,
    chainForVmAxis: chain,
    vmsForChainAxis: vms,
  };
  const shown = state.request ?? request;
  const chartWidth = Math.max(240, Math.min(420, Math.floor((width - 24) / 3)));

  return (
    <section className="sweep" aria-labelledby={`${id}-title`} ref={ref}>
      <h2 id={`${id}-title`}>Sweep: how the gap grows</h2>
      <p className="muted">
        N VMs share one level-triggered line, each owning one device; every VM&apos;s chain has C
        ISRs (C − 1 for devices not on this line, its own last). Each point is a full metrics-only
        run of the engine with seeded random raises.
      </p>
      <form
        className="sweep-controls"
        // Our own check names the request field; the browser's would stop silently on a hidden rule.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void start(request);
        }}
      >
        <label className="field">
          <span>Raises per point</span>
          <input
            type="number"
            min={1}
            max={SWEEP_LIMITS.raises}
            step={1}
            value={raises}
            disabled={busy}
            onChange={(e) => setRaises(Math.trunc(Number(e.target.value)))}
          />
        </label>
        <label className="field">
          <span>ISRs per chain while VMs vary</span>
          <select value={chain} disabled={busy} onChange={(e) => setChain(Number(e.target.value))}>
            {CHAIN_CHOICES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>VMs while chains vary</span>
          <select value={vms} disabled={busy} onChange={(e) => setVms(Number(e.target.value))}>
            {VM_CHOICES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy || !pool}>
            Run sweep
          </button>
          <button type="button" onClick={cancel} disabled={state.status !== 'running'}>
            Cancel
          </button>
        </div>
      </form>

      <div className="sweep-progress" data-testid="sweep-status" data-status={state.status}>
        <label htmlFor={`${id}-progress`}>Points</label>
        <progress id={`${id}-progress`} max={Math.max(1, state.total)} value={state.done} />
        <span role="status">
          {statusText(state.status, state.done, state.total, state.elapsedMs)}
        </span>
      </div>
      {state.error ? (
        <p className="banner error" role="alert">
          Sweep: {state.error}
        </p>
      ) : null}

      {state.points.length > 0 ? (
        <>
          <SweepLegend />
          {(['vms', 'chain'] as const).map((axis) => (
            <AxisCharts
              key={axis}
              axis={axis}
              points={state.points}
              xValues={axis === 'vms' ? shown.vmCounts : shown.chainLengths}
              fixed={
                axis === 'vms'
                  ? `${shown.chainForVmAxis} ISRs per chain`
                  : `${shown.vmsForChainAxis} VMs`
              }
              width={chartWidth}
            />
          ))}
          <SweepTable points={state.points} />
        </>
      ) : null}
    </section>
  );
}

function statusText(status: string, done: number, total: number, ms: number): string {
  const time = `${(ms / 1000).toFixed(1)} s`;
  switch (status) {
    case 'idle':
      return 'Not run yet';
    case 'running':
      return `${done} of ${total} points, ${time}`;
    case 'cancelling':
      return `Cancelling after the points already running (${done} of ${total})`;
    case 'done':
      return `Done: ${done} points in ${time}`;
    case 'cancelled':
      return `Cancelled: ${done} of ${total} points in ${time}`;
    default:
      return 'Failed';
  }
}

// Memoized: a render for the progress alone (the same points) redraws no chart.
const AxisCharts = memo(function AxisCharts({
  axis,
  points,
  xValues,
  fixed,
  width,
}: {
  axis: SweepAxis;
  points: readonly SweepPoint[];
  xValues: readonly number[];
  fixed: string;
  width: number;
}) {
  const note = crossoverText(compareAlong(points, axis, 'cpuNs'), axis);
  return (
    <div className="sweep-axis" data-axis={axis}>
      <h3>
        {AXIS_HEADING[axis]} <span className="muted">({fixed})</span>
      </h3>
      <div className="sweep-charts">
        {SWEEP_METRICS.map((m) => (
          <LineChart
            key={m.key}
            title={m.title}
            series={seriesOf(points, axis, m.key)}
            xValues={xValues}
            xLabel={AXIS_LABEL[axis]}
            width={width}
            format={(y) => formatY(y, m.time)}
          />
        ))}
      </div>
      {note ? (
        <p className="crossover" data-testid={`crossover-${axis}`}>
          {note}
        </p>
      ) : null}
    </div>
  );
});

const SweepTable = memo(function SweepTable({ points }: { points: readonly SweepPoint[] }) {
  const rows = [...points].sort(
    (a, b) => a.axis.localeCompare(b.axis) || a.value - b.value || a.policy.localeCompare(b.policy),
  );
  return (
    <details className="sweep-numbers">
      <summary>Every point&apos;s numbers</summary>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">VMs</th>
            <th scope="col">ISRs</th>
            <th scope="col">Policy</th>
            <th scope="col">Serviced</th>
            <th scope="col">Switches / int.</th>
            <th scope="col">Spurious / int.</th>
            <th scope="col">Config reads / int.</th>
            <th scope="col">CPU / int.</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={`${p.axis}-${p.value}-${p.policy}`}>
              <td>{p.vms}</td>
              <td>{p.chain}</td>
              <td>{p.policy}</td>
              <td>{formatCount(p.totals.serviced)}</td>
              <td>{formatY(p.perInterrupt.contextSwitches, false)}</td>
              <td>{formatY(p.perInterrupt.spurious, false)}</td>
              <td>{formatY(p.perInterrupt.configReads, false)}</td>
              <td>{formatY(p.perInterrupt.cpuNs, true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
});
