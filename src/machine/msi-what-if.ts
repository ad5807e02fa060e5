/**
 * "What if every MSI-capable device used it": which shared lines would stop
 * being shared. lspci -vvv prints an MSI or MSI-X capability for a device
 * that can signal by message even when it is off (`MSI: Enable-`), usually
 * because its driver did not ask for it (Linux `pci_alloc_irq_vectors`).
 * This reads only those capability lines, by device entry, so it stays apart
 * from the inventory reader.
 */
import type { MachineInventory, PciAddress } from './types';

export type MsiCapability = 'msi' | 'msix';

/** An lspci entry starts at column 0 with its address, e.g. `00:1f.3 Audio device: ...`. */
const ENTRY = /^(?:([0-9a-f]{4}):)?([0-9a-f]{2}):([0-9a-f]{2})\.([0-7])\s/i;
const CAPABILITY = /^\s+Capabilities:\s*\[[0-9a-f]+\]\s*(MSI-X|MSI):/i;

/** The MSI capability of each device entry of an lspci -vvv dump (MSI-X wins over MSI). */
export function msiCapabilities(lspci: string): Map<PciAddress, MsiCapability> {
  const out = new Map<PciAddress, MsiCapability>();
  let current: PciAddress | null = null;
  for (const line of lspci.split(/\r?\n/)) {
    const entry = ENTRY.exec(line);
    if (entry) {
      const [, domain, bus, slot, fn] = entry;
      // The same spelling as the inventory: the usual domain 0000 left out.
      const prefix = domain && !/^0+$/.test(domain) ? `${domain.toLowerCase()}:` : '';
      current = `${prefix}${bus!.toLowerCase()}:${slot!.toLowerCase()}.${fn}`;
      continue;
    }
    const cap = CAPABILITY.exec(line);
    if (cap && current !== null) {
      const kind: MsiCapability = cap[1]!.toUpperCase() === 'MSI-X' ? 'msix' : 'msi';
      if (out.get(current) !== 'msix') out.set(current, kind);
    }
  }
  return out;
}

export interface LineWhatIf {
  irq: number;
  id: string;
  /** Devices that could move to a message: their capability. */
  toMsi: { id: string; capability: MsiCapability }[];
  /** Devices with no MSI capability (or none seen): they stay on the pin. */
  stayIntx: string[];
  /** True when two or more devices would still share the line. */
  stillShared: boolean;
}

/** Every shared line of the inventory, with what MSI would take off it. */
export function msiWhatIf(
  inventory: MachineInventory,
  capabilities: ReadonlyMap<PciAddress, MsiCapability>,
): LineWhatIf[] {
  const byId = new Map(inventory.devices.map((d) => [d.id, d]));
  return inventory.shared.map((line) => {
    const toMsi: LineWhatIf['toMsi'] = [];
    const stayIntx: string[] = [];
    for (const id of line.deviceIds) {
      const address = byId.get(id)?.address ?? null;
      const capability = address !== null ? capabilities.get(address) : undefined;
      if (capability) toMsi.push({ id, capability });
      else stayIntx.push(id);
    }
    return { irq: line.irq, id: line.id, toMsi, stayIntx, stillShared: stayIntx.length >= 2 };
  });
}
