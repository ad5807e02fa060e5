import type { StimulusAction } from '../../engine/scenario';
import { SelectField, type Option } from './fields/ChoiceFields';
import { DurationField } from './fields/NumberField';
import { selectDraft, useApply, useEditor } from './editor-store';
import { p } from './paths';
import { Section } from './Section';
import { StimulusTimeline, timelineSpan } from './StimulusTimeline';

const ACTIONS: readonly Option<StimulusAction>[] = [
  { value: 'raise', label: 'raise' },
  { value: 'withdraw', label: 'withdraw' },
  { value: 'set-enable', label: 'set enable' },
  { value: 'set-intx-disable', label: 'set Interrupt Disable' },
];

/** The draft's devices, plus an unknown one a stimulus names (shown, and flagged by validation). */
function deviceOptions(devices: readonly { id: string }[], current: string): Option<string>[] {
  const options = devices.map((d) => ({ value: d.id, label: d.id }));
  if (!devices.some((d) => d.id === current)) {
    options.push({ value: current, label: `${current} (unknown)` });
  }
  return options;
}

/** Raises and withdrawals at given times: a list, and a timeline to click on. */
export function StimuliSection() {
  const draft = useEditor(selectDraft);
  const apply = useApply();
  const first = draft.devices[0];
  const addAt = Math.min(
    timelineSpan(draft),
    draft.stimuli.reduce((m, s) => Math.max(m, s.at), 0) + 1_000_000,
  );
  return (
    <Section
      title="Stimuli"
      id="ed-stimuli"
      path={p('stimuli')}
      actions={
        <button
          type="button"
          disabled={!first}
          onClick={() =>
            first &&
            apply({
              type: 'addStimulus',
              stimulus: { at: addAt, device: first.id, action: 'raise' },
            })
          }
        >
          Add raise
        </button>
      }
    >
      <StimulusTimeline draft={draft} />
      <ol className="ed-rows" aria-label="Stimuli in time order">
        {draft.stimuli.map((s, i) => (
          <li key={`${i}-${s.at}-${s.device}`} className="ed-row" data-testid={`ed-stimulus-${i}`}>
            <DurationField
              label="At"
              path={p('stimuli', i, 'at')}
              ns={s.at}
              onCommit={(at) => apply({ type: 'setStimulus', stimulus: i, patch: { at } })}
            />
            <SelectField
              label="Device"
              path={p('stimuli', i, 'device')}
              value={s.device}
              options={deviceOptions(draft.devices, s.device)}
              onChange={(device) => apply({ type: 'setStimulus', stimulus: i, patch: { device } })}
            />
            <SelectField
              label="Action"
              path={p('stimuli', i, 'action')}
              value={s.action}
              options={ACTIONS}
              onChange={(action) => apply({ type: 'setStimulus', stimulus: i, patch: { action } })}
            />
            {s.source === 'hand' ? <span className="muted">by hand</span> : null}
            <button
              type="button"
              aria-label={`Remove stimulus ${i + 1}`}
              onClick={() => apply({ type: 'removeStimulus', stimulus: i })}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
    </Section>
  );
}
