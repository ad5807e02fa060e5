import { LIMITS } from '../../trace-io';
import { CountField, DurationField } from './fields/NumberField';
import { selectDraft, useApply, useEditor } from './editor-store';
import { p } from './paths';
import { Section } from './Section';

/** Seeded random raises per device; the seed that drives them is shown. */
export function TrafficSection() {
  const draft = useEditor(selectDraft);
  const apply = useApply();
  const free = draft.devices.filter((d) => !draft.traffic.some((t) => t.device === d.id));
  return (
    <Section
      title="Random traffic"
      id="ed-traffic"
      path={p('traffic')}
      actions={
        <button
          type="button"
          disabled={free.length === 0}
          onClick={() => free[0] && apply({ type: 'addTraffic', device: free[0].id })}
        >
          Add traffic
        </button>
      }
    >
      <p className="muted" data-testid="ed-seed-note">
        Raise times are drawn from seed {draft.seed} (set it under Scenario): the same seed gives
        the same run.
      </p>
      <ul className="ed-rows">
        {draft.traffic.map((t, i) => (
          <li key={i} className="ed-row">
            <span className="ed-row-title">{t.device}</span>
            <DurationField
              label="Mean interval"
              path={p('traffic', i, 'meanIntervalNs')}
              ns={t.meanIntervalNs}
              onCommit={(meanIntervalNs) =>
                apply({ type: 'setTraffic', traffic: i, patch: { meanIntervalNs } })
              }
            />
            <CountField
              label="Count"
              path={p('traffic', i, 'count')}
              value={t.count}
              min={0}
              max={LIMITS.trafficCount}
              onCommit={(count) => apply({ type: 'setTraffic', traffic: i, patch: { count } })}
            />
            <DurationField
              label="From"
              path={p('traffic', i, 'startNs')}
              ns={t.startNs}
              onCommit={(startNs) => apply({ type: 'setTraffic', traffic: i, patch: { startNs } })}
            />
            <button
              type="button"
              aria-label={`Remove traffic of ${t.device}`}
              onClick={() => apply({ type: 'removeTraffic', traffic: i })}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
