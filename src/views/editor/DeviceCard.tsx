import { PIN_NAMES } from '../../definitions';
import type { DeviceSpec, PinName } from '../../engine/scenario';
import { idProblem, type DevicePatch, type Draft } from '../../editor';
import { LIMITS } from '../../trace-io';
import { CheckField, SelectField } from './fields/ChoiceFields';
import { FieldMessages } from './fields/FieldMessages';
import { CountField, DurationField } from './fields/NumberField';
import { TextField } from './fields/TextField';
import { useApply } from './editor-store';
import { p } from './paths';

/** One device: its id, where its pin goes, its PCI capabilities and its owners. */
export function DeviceCard({
  draft,
  device,
  index,
}: {
  draft: Draft;
  device: DeviceSpec;
  index: number;
}) {
  const apply = useApply();
  const set = (patch: DevicePatch) => apply({ type: 'setDevice', device: index, patch });
  const bridged = device.bridgeSlot !== null;
  const lineOptions = draft.lines.map((l) => ({ value: l.id, label: l.id }));
  if (!draft.lines.some((l) => l.id === device.line)) {
    lineOptions.push({ value: device.line, label: `${device.line} (not defined)` });
  }
  return (
    <li className="ed-card" data-testid={`ed-device-${device.id}`}>
      <div className="ed-card-head">
        <TextField
          label="Device"
          path={p('devices', index, 'id')}
          value={device.id}
          onCommit={(id) => {
            const taken = draft.devices.map((d) => d.id).filter((_, j) => j !== index);
            const problem = idProblem(id, taken, 'device');
            if (!problem) apply({ type: 'renameDevice', device: index, id });
            return problem;
          }}
        />
        <button
          type="button"
          aria-label={`Remove device ${device.id}`}
          onClick={() => apply({ type: 'removeDevice', device: index })}
        >
          Remove
        </button>
      </div>
      <div className="ed-grid">
        <CheckField
          label="Behind a PCI-to-PCI bridge"
          path={p('devices', index, 'bridgeSlot', 'on')}
          checked={bridged}
          onChange={(on) => set({ bridgeSlot: on ? 0 : null })}
        />
        {bridged ? (
          <>
            <CountField
              label="Bridge slot"
              path={p('devices', index, 'bridgeSlot')}
              value={device.bridgeSlot ?? 0}
              min={0}
              max={LIMITS.bridgeSlot}
              onCommit={(bridgeSlot) => set({ bridgeSlot })}
            />
            <SelectField<PinName>
              label="Device pin"
              path={p('devices', index, 'pin')}
              value={device.pin ?? 'INTA'}
              options={PIN_NAMES.map((n) => ({ value: n, label: n }))}
              onChange={(pin) => set({ pin })}
            />
            <div className="ed-field">
              <span className="field-label">Host line (swizzled)</span>
              <output className="ed-derived">{device.line}</output>
              <FieldMessages path={p('devices', index, 'line')} />
            </div>
          </>
        ) : (
          <SelectField
            label="Line"
            path={p('devices', index, 'line')}
            value={device.line}
            options={lineOptions}
            onChange={(line) => set({ line })}
          />
        )}
        <DurationField
          label="De-assert delay"
          path={p('devices', index, 'deassertDelayNs')}
          ns={device.deassertDelayNs}
          onCommit={(deassertDelayNs) => set({ deassertDelayNs })}
        />
        <CheckField
          label="PCI 2.3 (Interrupt Status and Disable bits)"
          path={p('devices', index, 'pci23')}
          checked={device.pci23}
          onChange={(pci23) => set({ pci23 })}
        />
        <CheckField
          label="Status bit reliable"
          path={p('devices', index, 'statusReliable')}
          checked={device.statusReliable}
          onChange={(statusReliable) => set({ statusReliable })}
        />
        <CheckField
          label="Interrupt enabled at start"
          path={p('devices', index, 'enabled')}
          checked={device.enabled}
          onChange={(enabled) => set({ enabled })}
        />
      </div>
      <fieldset className="ed-owners">
        <legend>Owners</legend>
        {draft.entities.length === 0 ? <span className="muted">Add an entity first.</span> : null}
        {draft.entities.map((entity) => (
          <label key={entity.id}>
            <input
              type="checkbox"
              checked={device.owners.includes(entity.id)}
              onChange={() => apply({ type: 'toggleOwner', device: index, entity: entity.id })}
            />{' '}
            {entity.id}
          </label>
        ))}
        <FieldMessages path={p('devices', index, 'owners')} />
        {device.owners.map((_, j) => (
          <FieldMessages key={j} path={p('devices', index, 'owners', j)} />
        ))}
      </fieldset>
    </li>
  );
}
