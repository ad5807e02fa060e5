import { useState, type MouseEvent } from 'react';
import type { Draft } from '../../editor';
import { useApply } from './editor-store';

/** Clicks land on this grid so placed times read well (10 µs). */
const SNAP_NS = 10_000;
const MIN_SPAN_NS = 5_000_000;

/** The time span shown: the last stimulus plus room to place more. */
export function timelineSpan(draft: Draft): number {
  const last = draft.stimuli.reduce((m, s) => Math.max(m, s.at), 0);
  return Math.max(MIN_SPAN_NS, Math.ceil((last * 1.25) / 1_000_000) * 1_000_000);
}

const ms = (ns: number) => `${Number((ns / 1_000_000).toFixed(3))} ms`;

/**
 * One strip per device: click to place a raise at that time (or a withdraw
 * with the action chosen), click a marker to remove it. The list beside it
 * does the same by keyboard.
 */
export function StimulusTimeline({ draft }: { draft: Draft }) {
  const apply = useApply();
  const [action, setAction] = useState<'raise' | 'withdraw'>('raise');
  const span = timelineSpan(draft);
  const ticks = Array.from({ length: 6 }, (_, i) => (span * i) / 5);

  const place = (e: MouseEvent<HTMLDivElement>, device: string) => {
    if (e.target !== e.currentTarget) return;
    const box = e.currentTarget.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
    const at = Math.round((fraction * span) / SNAP_NS) * SNAP_NS;
    apply({ type: 'addStimulus', stimulus: { at, device, action } });
  };

  if (draft.devices.length === 0) return null;
  return (
    <div className="ed-timeline" data-testid="ed-timeline">
      <div
        className="ed-timeline-mode"
        role="radiogroup"
        aria-label="A click on the timeline places"
      >
        {(['raise', 'withdraw'] as const).map((a) => (
          <label key={a}>
            <input
              type="radio"
              name="ed-timeline-action"
              checked={action === a}
              onChange={() => setAction(a)}
            />{' '}
            {a}
          </label>
        ))}
      </div>
      {draft.devices.map((device) => (
        <div key={device.id} className="ed-lane">
          <span className="ed-lane-label">{device.id}</span>
          <div
            className="ed-lane-track"
            data-testid={`ed-lane-${device.id}`}
            title={`Click to place a ${action} of ${device.id}`}
            onClick={(e) => place(e, device.id)}
          >
            {draft.stimuli.map((s, i) =>
              s.device === device.id ? (
                <button
                  key={i}
                  type="button"
                  className={`ed-marker ${s.action}`}
                  style={{ left: `${(s.at / span) * 100}%` }}
                  aria-label={`${s.action} ${s.device} at ${ms(s.at)}: remove`}
                  title={`${s.action} at ${ms(s.at)} (click to remove)`}
                  onClick={() => apply({ type: 'removeStimulus', stimulus: i })}
                />
              ) : null,
            )}
          </div>
        </div>
      ))}
      <div className="ed-lane ed-axis" aria-hidden="true">
        <span className="ed-lane-label" />
        <div className="ed-lane-ticks">
          {ticks.map((t) => (
            <span key={t} style={{ left: `${(t / span) * 100}%` }}>
              {ms(t)}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
