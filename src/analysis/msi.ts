import type { Scenario } from '../engine/scenario';

/**
 * The same machine with every device that has a driver switched to MSI: the
 * "what if they all used message-signalled interrupts" of Compare, the sweep
 * and the preset fig3-msi. Only a driver enables MSI (Linux
 * `pci_alloc_irq_vectors`), so a device no ISR serves keeps its INTx pin.
 * Does not import the engine's code, only its types.
 */
export function withMsi(scenario: Scenario): Scenario {
  const driven = new Set<string>();
  for (const e of scenario.entities) {
    for (const isr of e.isrs) if (isr.device !== null) driven.add(isr.device);
  }
  return {
    ...scenario,
    devices: scenario.devices.map((d) =>
      driven.has(d.id) && (d.interrupt ?? 'intx') === 'intx' ? { ...d, interrupt: 'msi' } : d,
    ),
  };
}
