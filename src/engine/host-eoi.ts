import { readStatus } from './config-read';
import { setIntxDisable } from './device';
import { dropIndication } from './indications';
import type { Emitted } from './sink';
import { STORM_DELAY_NS, SUCCESSIVE_IRQ_MAX_COUNT } from './scenario';
import { By, Op, scheduleIn, scheduleResync, type Sim } from './sim';
import type { DeviceState, LineState } from './state';

/** The host receives an entity's EOI for one indication. */
export function hostEoi(sim: Sim, id: number): Emitted {
  const { topo, s } = sim;
  const ind = s.indications[id]!;
  dropIndication(s, id);
  if (ind.msi) {
    // The local APIC's EOI; no line, no I/O APIC entry, nothing to unmask.
    const x = s.devices[ind.carried!] as DeviceState;
    x.inFlight -= 1;
    return sim.out.hostEoi(ind.entity, x.inFlight);
  }
  const ln = s.lines[ind.line] as LineState;
  ln.outstanding -= 1;
  if (ind.xenGen !== null && ind.xenGen === ln.xenGen && ln.xenPending > 0) {
    ln.xenPending -= 1;
    // The last bound guest's EOI lets the host EOI the physical IRQ (Xen desc_guest_eoi).
    if (ln.xenPending === 0) scheduleIn(sim, 0, Op.ControllerEoi, ind.line, By.Host);
  }
  if (topo.resampleOnExit) {
    // KVM with the fix: the resample waits until the guest's handler is done.
    s.entities[ind.entity]!.resample.push(...ind.devices);
  } else {
    // KVM's irqfd resampler fires on the guest's EOI (its ack notifier), VFIO's unmask follows.
    for (const d of ind.devices) scheduleIn(sim, 0, Op.HostDeviceEoi, d);
  }
  if (ind.lineMask) {
    ln.maskInFlight -= 1;
    scheduleResync(sim, Op.MaskSync, ind.line, By.Host);
  }
  return sim.out.hostEoi(ind.entity, ln.outstanding);
}

/**
 * VFIO's unmask path (`vfio_pci_intx_unmask_handler` calling
 * `pci_check_and_unmask_intx`): when the last owner has EOI'd, read
 * Command+Status; clear Interrupt Disable only if the Interrupt Status read is
 * 0, else keep it masked and signal the owners again. The real function reads
 * and writes under `pci_lock`, so the decision is the value read: it is kept
 * with the device and used when the write lands.
 */
export function hostDeviceEoi(sim: Sim, d: number): boolean {
  const { topo, s } = sim;
  const x = s.devices[d] as DeviceState;
  x.inFlight -= 1;
  if (x.inFlight > 0) return false;
  x.unmaskRead = readStatus(sim, d) === 0 ? 0 : 1;
  scheduleIn(sim, topo.costs.configReadNs, Op.HostDeviceUnmask, d);
  return true;
}

export function hostDeviceUnmask(sim: Sim, d: number): boolean {
  const { topo, s } = sim;
  const x = s.devices[d] as DeviceState;
  if (x.unmaskRead === 0) {
    x.hostMasked = false;
    x.stormEois = 0;
    // A raise since the read drives the pin as soon as bit 10 clears, and the
    // level line delivers it again: nothing is lost by deciding on the read.
    return setIntxDisable(sim, d, 0, 'host');
  }
  const delayed = topo.stormGuard && stormGuard(sim, d);
  const delay = delayed ? STORM_DELAY_NS : 0;
  topo.devices[d]!.owners.forEach((_, k) => scheduleIn(sim, delay, Op.HostReforward, d, k));
  return delayed;
}

/**
 * QEMU `ioapic_eoi_broadcast()` (hw/intc/ioapic.c), for the guest pin of a
 * device still asserting at its owners' EOI: Remote IRR clears and, the entry
 * being unmasked with the pin still high, `irq_eoi[]` counts one more
 * back-to-back re-delivery. At `SUCCESSIVE_IRQ_MAX_COUNT` the counter restarts
 * at 0 and `delayed_ioapic_service_timer` re-delivers 10 ms later instead of at
 * once, so a guest that never quiets its device still makes progress. An EOI
 * that finds the pin low restarts the count (see `hostDeviceUnmask`).
 */
function stormGuard(sim: Sim, d: number): boolean {
  const x = sim.s.devices[d] as DeviceState;
  x.stormEois += 1;
  if (x.stormEois < SUCCESSIVE_IRQ_MAX_COUNT) return false;
  x.stormEois = 0;
  return sim.out.hostStormDelay(d, SUCCESSIVE_IRQ_MAX_COUNT, STORM_DELAY_NS);
}
