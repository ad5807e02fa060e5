import type { ChainWalk, EntityKind, HostMask, Policy } from '../../engine/scenario';
import { LIMITS } from '../../trace-io';
import { CountField } from './fields/NumberField';
import { CheckField, SelectField, type Option } from './fields/ChoiceFields';
import { TextField } from './fields/TextField';
import { selectDraft, useApply, useEditor } from './editor-store';
import { p } from './paths';
import { Section } from './Section';

const POLICIES: readonly Option<Policy>[] = [
  { value: 'native', label: 'Native: one OS walks its chain (Figure 2)' },
  { value: 'broadcast', label: 'Broadcast to every entity (Figure 3)' },
  { value: 'selective', label: 'Selective, reads Status bits (Figures 4 and 6)' },
];
const CHAIN_WALKS: readonly Option<ChainWalk>[] = [
  { value: 'until-claimed', label: 'Until one claims (patent)' },
  { value: 'all', label: 'Call all (Linux shared handlers)' },
];
const HOST_MASKS: readonly Option<HostMask>[] = [
  { value: 'device', label: 'Per device, Command bit 10 (VFIO)' },
  { value: 'line', label: 'Whole line (Xen)' },
];
const KINDS: readonly Option<EntityKind>[] = [
  { value: 'vm', label: 'Virtual machines' },
  { value: 'thread', label: 'Threads of one OS' },
];

/** Name, description and the scenario-wide choices. */
export function SettingsSection() {
  const draft = useEditor(selectDraft);
  const apply = useApply();
  return (
    <Section title="Scenario" id="ed-settings">
      <div className="ed-grid">
        <TextField
          label="Name"
          path={p('name')}
          value={draft.name}
          className="wide"
          onCommit={(name) => {
            if (name.length > LIMITS.nameLength) return `At most ${LIMITS.nameLength} characters.`;
            apply({ type: 'setSettings', patch: { name } });
            return null;
          }}
        />
        <TextField
          label="Description"
          path={p('description')}
          value={draft.description}
          multiline
          className="wide"
          onCommit={(description) => {
            apply({ type: 'setSettings', patch: { description } });
            return null;
          }}
        />
        <SelectField
          label="Policy"
          path={p('policy')}
          value={draft.policy}
          options={POLICIES}
          onChange={(policy) => apply({ type: 'setSettings', patch: { policy } })}
        />
        <SelectField
          label="Chain walk"
          path={p('chainWalk')}
          value={draft.chainWalk}
          options={CHAIN_WALKS}
          onChange={(chainWalk) => apply({ type: 'setSettings', patch: { chainWalk } })}
        />
        <SelectField
          label="Host mask (selective)"
          path={p('hostMask')}
          value={draft.hostMask}
          options={HOST_MASKS}
          onChange={(hostMask) => apply({ type: 'setSettings', patch: { hostMask } })}
        />
        <SelectField
          label="Entities are"
          path={p('entityKind')}
          value={draft.entityKind}
          options={KINDS}
          onChange={(entityKind) => apply({ type: 'setSettings', patch: { entityKind } })}
        />
        <CountField
          label="Random seed"
          path={p('seed')}
          value={draft.seed}
          min={0}
          max={LIMITS.seed}
          onCommit={(seed) => apply({ type: 'setSettings', patch: { seed } })}
        />
        <CheckField
          label="Forward the device id (the entity calls that ISR directly)"
          path={p('forwardDeviceId')}
          checked={draft.forwardDeviceId}
          onChange={(forwardDeviceId) => apply({ type: 'setSettings', patch: { forwardDeviceId } })}
        />
      </div>
    </Section>
  );
}
