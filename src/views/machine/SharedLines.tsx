import type { MachineDevice, MachineInventory, Owners } from '../../machine';
import { pci23Label } from './labels';

interface Props {
  inventory: MachineInventory;
  owners: Owners;
  onOwnerChange(deviceId: string, owner: string): void;
}

/** The lines that more than one device uses: what will be simulated, with the owner of each device. */
export function SharedLines({ inventory, owners, onOwnerChange }: Props) {
  const byId = new Map(inventory.devices.map((d) => [d.id, d]));
  const vms = [...new Set(Object.values(owners))];
  return (
    <section className="machine-section" aria-labelledby="machine-shared-title">
      <h3 id="machine-shared-title">Shared lines ({inventory.shared.length})</h3>
      <datalist id="machine-vms">
        {vms.map((vm) => (
          <option key={vm} value={vm} />
        ))}
      </datalist>
      {inventory.shared.map((line) => (
        <table key={line.id} className="machine-table" data-testid={`shared-${line.id}`}>
          <caption>
            IRQ {line.irq}
            {line.chip ? ` · ${line.chip}` : ''} · {line.trigger}-triggered ·{' '}
            {line.deviceIds.length} devices
            {line.count !== null
              ? ` · ${line.count.toLocaleString('en-US')} interrupt${line.count === 1 ? '' : 's'} so far`
              : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Driver</th>
              <th scope="col">Address</th>
              <th scope="col">Pin</th>
              <th scope="col">PCI 2.3</th>
              <th scope="col">Owner VM</th>
            </tr>
          </thead>
          <tbody>
            {line.deviceIds.map((id) => (
              <DeviceRow
                key={id}
                device={byId.get(id)!}
                owner={owners[id] ?? ''}
                onOwnerChange={(owner) => onOwnerChange(id, owner)}
              />
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

function DeviceRow({
  device: d,
  owner,
  onOwnerChange,
}: {
  device: MachineDevice;
  owner: string;
  onOwnerChange(owner: string): void;
}) {
  return (
    <tr>
      <th scope="row" title={d.notes.join('\n')}>
        <code>{d.id}</code>
        {d.description ? <div className="muted">{d.description}</div> : null}
      </th>
      <td>{d.driver ?? (d.names.length > 0 ? d.names.join(', ') : '—')}</td>
      <td>{d.address ?? '—'}</td>
      <td>{d.pin ?? '—'}</td>
      <td className={d.pci23 === 'yes' ? '' : 'machine-warn'} title={d.notes.join('\n')}>
        {pci23Label(d.pci23)}
        {d.statusUnreliable ? ', Status unreliable' : ''}
      </td>
      <td>
        <input
          className="machine-owner"
          aria-label={`Owner VM of ${d.id}`}
          list="machine-vms"
          value={owner}
          maxLength={64}
          onChange={(e) => onOwnerChange(e.target.value)}
        />
      </td>
    </tr>
  );
}
