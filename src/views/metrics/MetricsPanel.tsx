import { memo, useState } from 'react';
import { selectFrameCursor, selectFrameSummary, selectRun, useAppStore } from '../../store';
import { ScopeToggle, useWidth } from '../charts';
import type { EntityMetric } from './metric-rows';
import { DeviceTable, EntitySection, TotalsList } from './MetricsSections';
import './metrics.css';

type Scope = 'cursor' | 'run';

const SCOPES: readonly { value: Scope; label: string }[] = [
  { value: 'cursor', label: 'At cursor' },
  { value: 'run', label: 'Whole run' },
];

const Scopes = memo(function Scopes({
  scope,
  onScope,
}: {
  scope: Scope;
  onScope: (scope: Scope) => void;
}) {
  return <ScopeToggle label="Metrics scope" value={scope} onChange={onScope} options={SCOPES} />;
});

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
  // The store keeps a part's old object while its numbers hold (shareFrame), so each
  // memoized section re-renders only when what it shows changed.
  const totals = summary?.totals;
  const entities = summary?.entities;
  const devices = summary?.devices;

  return (
    <section className="panel metrics-panel" aria-label="Metrics">
      <div className="metrics-head">
        <h2>Metrics</h2>
        <Scopes scope={scope} onScope={setScope} />
      </div>
      {!totals || !entities || !devices ? (
        <p className="muted">Counting…</p>
      ) : (
        <div className="metrics-body" ref={ref} data-testid="metrics" data-scope={scope}>
          <TotalsList totals={totals} complete={complete} />
          <EntitySection entities={entities} metric={metric} onMetric={setMetric} width={width} />
          <DeviceTable devices={devices} complete={complete} />
        </div>
      )}
    </section>
  );
}
