import { nextRandom } from './prng';
import type { Sim } from './sim';
import type { DeviceState } from './state';

/**
 * 620, and the read half of Linux `pci_check_and_mask_intx` /
 * `pci_check_and_unmask_intx` (drivers/pci/pci.c): one configuration read of
 * a device's Command+Status dword, emitted as `host.config-read`. Both the
 * delivery sweep and the unmask after the owners' EOI read through here, and
 * each decides on the value this returns (null: no such bit, pre-2.3), never
 * on the device's state at a later instant.
 */
export function readStatus(sim: Sim, d: number): 0 | 1 | null {
  const { topo, s } = sim;
  const spec = topo.devices[d]!;
  let status: 0 | 1 | null = null;
  if (spec.pci23) {
    if (spec.statusReliable) {
      status = (s.devices[d] as DeviceState).status;
    } else {
      // A quirky device's bit 3 reads as noise; the seeded PRNG keeps it reproducible.
      const [rng, u] = nextRandom(s.statusRng);
      s.statusRng = rng;
      status = u < 0.5 ? 0 : 1;
    }
  }
  sim.out.hostConfigRead(d, status, spec.identifiable);
  return status;
}
