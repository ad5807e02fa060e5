import { memo, useMemo } from 'react';
import { flowRows, type FlowRow } from '../../replay/flow';
import type { FlowBox } from '../../replay/narrate';
import { selectFlow, selectPolicy, selectRunEnded, useAppStore } from '../../store';
import { Term } from '../terms';
import './flow-panel.css';

// Memoized: the contrast row does not depend on the lit box, so a step leaves it alone.
const Row = memo(function Row({
  row,
  lit,
  active,
}: {
  row: FlowRow;
  lit: FlowBox | null;
  active: boolean;
}) {
  return (
    <div
      className={active ? 'flow-row' : 'flow-row reference'}
      role="group"
      aria-label={active ? `${row.heading}, this run` : `${row.heading}, for contrast`}
      data-policy={row.policy}
    >
      <h3>
        {row.heading}
        {active ? null : <span className="muted"> · instead</span>}
      </h3>
      <ol className="flow-steps">
        {row.steps.map((step) => {
          const current = active && lit === step.box;
          return (
            <li
              key={step.box}
              className={current ? 'flow-step current' : 'flow-step'}
              aria-current={current ? 'step' : undefined}
              title={step.detail}
              data-box={step.box}
            >
              <Term id={`flow-${step.box}`} className="flow-number">
                {step.box}
              </Term>
              <span className="flow-title">{step.title}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
});

/**
 * Figure 6 as five boxes, the current one lit as the cursor moves. Under
 * broadcast (and native) the run's own steps come first and the technique's
 * row stays below for contrast; under selective the baseline is the contrast.
 */
export function FlowPanel() {
  const policy = useAppStore(selectPolicy);
  const lit = useAppStore(selectFlow);
  const ended = useAppStore(selectRunEnded);
  const rows = useMemo(() => (policy ? flowRows(policy) : []), [policy]);
  if (!policy) return null;
  const own = rows[0]!;
  const step = own.steps.find((s) => s.box === lit);
  return (
    <section className="panel flow-panel" aria-label="Figure 6 flow">
      <h2>Where we are</h2>
      {rows.map((row, i) => (
        <Row key={row.policy} row={row} lit={i === 0 ? lit : null} active={i === 0} />
      ))}
      <p className="flow-detail" data-testid="flow-detail">
        {step
          ? `${step.box}: ${step.detail}`
          : ended
            ? 'The run is over: no interrupt is in progress.'
            : 'Step forward: the first interrupt lights 610.'}
      </p>
    </section>
  );
}
