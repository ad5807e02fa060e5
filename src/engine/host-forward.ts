import { enqueue } from './controller';
import { addIndication } from './indications';
import type { Emitted } from './sink';
import { Op, scheduleIn, type Sim } from './sim';
import type { DeviceState, Forward, LineState } from './state';

/**
 * 630: sending indications. One indication is a record the entity walks and
 * EOIs to the host (Xen `send_guest_pirq`, VFIO `eventfd_signal`).
 */
export function forward(sim: Sim, l: number, f: Forward): Emitted {
  const { topo, s } = sim;
  const ln = s.lines[l] as LineState;
  const id = addIndication(s, {
    entity: f.entity,
    line: l,
    devices: f.devices,
    carried: f.carried,
    lineMask: f.lineMask,
    direct: false,
    msi: f.reason === 'msi',
    poll: false,
    xenGen: topo.xen && f.reason === 'broadcast' && ln.xenPending > 0 ? ln.xenGen : null,
  });
  for (const d of f.devices) (s.devices[d] as DeviceState).inFlight += 1;
  if (f.reason !== 'msi') ln.outstanding += 1;
  enqueue(sim, f.entity, id, topo.injectNs);
  return sim.out.hostForward(f.entity, f.about, f.carried, f.reason);
}

/** VFIO's unmask found the device still asserting: its k-th owner is signalled again. */
export function hostReforward(sim: Sim, d: number, k: number): Emitted {
  const spec = sim.topo.devices[d]!;
  const entity = spec.owners[k]!;
  return forward(sim, spec.line, {
    entity,
    devices: [d],
    about: [d],
    carried: sim.topo.forwardDeviceId ? d : null,
    reason: 'still-pending',
    lineMask: false,
  });
}

/**
 * A message-signalled interrupt reached the CPU. Natively the OS's handler for
 * that vector runs: the device's own ISR, no chain. On a host, VFIO's
 * `vfio_msihandler` only signals the eventfd of that vector: the device's
 * owners are injected, one each, with no Status read and no masking.
 */
export function msiDeliver(sim: Sim, d: number): boolean {
  const { topo, s } = sim;
  if (topo.native) {
    const id = addIndication(s, {
      entity: 0,
      line: topo.devices[d]!.line,
      devices: [],
      carried: d,
      lineMask: false,
      direct: true,
      msi: true,
      poll: false,
      xenGen: null,
    });
    enqueue(sim, 0, id, 0);
    return false;
  }
  scheduleIn(sim, topo.costs.hostEntryNs, Op.MsiForward, d, 0);
  return false;
}

/** The host injects the MSI into the device's k-th owner, then the next after injectNs. */
export function msiForward(sim: Sim, d: number, k: number): boolean {
  const { topo, s } = sim;
  const spec = topo.devices[d]!;
  const entity = spec.owners[k];
  if (entity === undefined) return false;
  if (k + 1 < spec.owners.length) scheduleIn(sim, topo.injectNs, Op.MsiForward, d, k + 1);
  (s.devices[d] as DeviceState).inFlight += 1;
  return forward(sim, spec.line, {
    entity,
    devices: [],
    about: [d],
    carried: d,
    reason: 'msi',
    lineMask: false,
  });
}
