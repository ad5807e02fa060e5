import type { MachineDevice, Pci23Support } from '../../machine';

/** How PCI 2.3 support reads in the tables. */
export function pci23Label(p: Pci23Support): string {
  switch (p) {
    case 'yes':
      return 'yes (DisINTx)';
    case 'legacy':
      return 'no DisINTx: legacy';
    case 'unknown':
      return 'unknown: as legacy';
  }
}

export function modeLabel(d: MachineDevice): string {
  switch (d.mode) {
    case 'msi':
      return 'MSI';
    case 'msix':
      return 'MSI-X';
    case 'intx':
      return d.irq !== null ? `INTx alone on IRQ ${d.irq}` : 'INTx';
    case 'none':
      return 'no interrupt in use';
  }
}
