import type { MachineInventory } from '../../machine';
import { modeLabel } from './labels';

/** Devices that will not be simulated, and why: alone on their line, MSI, or not interrupting. */
export function NotSharing({ inventory }: { inventory: MachineInventory }) {
  const shared = new Set(inventory.shared.flatMap((l) => l.deviceIds));
  const alone = inventory.devices.filter((d) => d.mode === 'intx' && !shared.has(d.id));
  const msi = inventory.devices.filter((d) => d.mode === 'msi' || d.mode === 'msix');
  const idle = inventory.devices.filter((d) => d.mode === 'none');
  if (alone.length + msi.length + idle.length === 0) return null;
  const groups = [
    { key: 'msi', title: 'MSI / MSI-X: messages, no shared pin', list: msi },
    { key: 'alone', title: 'INTx on a line of its own', list: alone },
    { key: 'idle', title: 'No interrupt in use (no pin, no driver)', list: idle },
  ].filter((g) => g.list.length > 0);
  return (
    <section className="machine-section" aria-labelledby="machine-not-sharing-title">
      <h3 id="machine-not-sharing-title">Not sharing (not simulated)</h3>
      {groups.map((g) => (
        <details key={g.key} open={g.key === 'msi'} data-testid={`not-sharing-${g.key}`}>
          <summary>
            {g.title} ({g.list.length})
          </summary>
          <ul className="machine-list">
            {g.list.map((d) => (
              <li key={d.id}>
                <code>{d.id}</code> <span className="machine-tag">{modeLabel(d)}</span>{' '}
                <span className="muted">{d.notes[0]}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
