import { useMemo } from 'react';
import { msiCapabilities, msiWhatIf, type MachineInventory } from '../../machine';

/**
 * What the shared lines would look like if every device with an MSI or MSI-X
 * capability used it: the devices that would leave each line, those that
 * would stay on the pin, and whether the line would still be shared.
 */
export function MsiWhatIf({ inventory, lspci }: { inventory: MachineInventory; lspci: string }) {
  const lines = useMemo(() => msiWhatIf(inventory, msiCapabilities(lspci)), [inventory, lspci]);
  if (lines.length === 0) return null;
  const freed = lines.filter((l) => !l.stillShared).length;
  return (
    <section
      className="machine-section"
      aria-labelledby="machine-msi-title"
      data-testid="msi-what-if"
    >
      <h3 id="machine-msi-title">If every MSI-capable device used MSI</h3>
      <p className="muted">
        A message-signalled interrupt shares no pin: no Status read, no spurious walk. lspci shows
        the capability even when the driver left it off (<code>MSI: Enable-</code>). {freed} of{' '}
        {lines.length} shared line{lines.length === 1 ? '' : 's'} would stop being shared.
      </p>
      <table className="machine-table">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Would use a message</th>
            <th scope="col">Would stay on the pin</th>
            <th scope="col">Still shared?</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id} data-line={l.id}>
              <th scope="row">IRQ {l.irq}</th>
              <td>
                {l.toMsi.length === 0
                  ? 'none'
                  : l.toMsi.map((d, i) => (
                      <span key={d.id}>
                        {i > 0 ? ', ' : ''}
                        <code>{d.id}</code> ({d.capability === 'msix' ? 'MSI-X' : 'MSI'})
                      </span>
                    ))}
              </td>
              <td>
                {l.stayIntx.length === 0
                  ? 'none'
                  : l.stayIntx.map((id, i) => (
                      <span key={id}>
                        {i > 0 ? ', ' : ''}
                        <code>{id}</code>
                      </span>
                    ))}
              </td>
              <td className={l.stillShared ? 'machine-warn' : ''}>
                {l.stillShared ? `yes, by ${l.stayIntx.length}` : 'no'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
