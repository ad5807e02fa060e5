import { selectDraft, useApply, useEditor } from './editor-store';
import { DeviceCard } from './DeviceCard';
import { p } from './paths';
import { Section } from './Section';

/** The PCI devices sharing the lines. */
export function DevicesSection() {
  const draft = useEditor(selectDraft);
  const apply = useApply();
  return (
    <Section
      title="Devices"
      id="ed-devices"
      path={p('devices')}
      actions={
        <button type="button" onClick={() => apply({ type: 'addDevice' })}>
          Add device
        </button>
      }
    >
      <ul className="ed-cards">
        {draft.devices.map((device, i) => (
          <DeviceCard key={i} draft={draft} device={device} index={i} />
        ))}
      </ul>
    </Section>
  );
}
