import { type Sim } from './sim';
import type { DeviceState, Forward, LineState } from './state';

/** What the sweep decided for one device right after reading it. */
export const Act = { None: 0, Mask: 1, Skip: 2, Identified: 3 } as const;

/**
 * A device read as asserting. Like VFIO's check-and-mask (one locked
 * read-modify-write), the decision is taken on the value just read: a device
 * the host already masked and forwarded is skipped, otherwise it is masked
 * with Command bit 10 (device masking) or simply identified (line masking).
 */
export function decideAfterRead(sim: Sim, d: number): number {
  const { topo, s } = sim;
  const spec = topo.devices[d]!;
  if (!spec.identifiable || spec.owners.length === 0) return Act.None;
  const job = (s.lines[spec.line] as LineState).job;
  if (!topo.deviceMasking) {
    job.masks.push(d);
    return Act.Identified;
  }
  const x = s.devices[d] as DeviceState;
  if (x.hostMasked) {
    return Act.Skip;
  }
  x.hostMasked = true;
  job.masks.push(d);
  return Act.Mask;
}

/** After the sweep (or at once in broadcast): who gets an indication. */
export function decideForwards(sim: Sim, l: number): void {
  const { topo, s } = sim;
  const ln = s.lines[l] as LineState;
  if (!topo.selective) broadcastForwards(sim, l);
  else selectiveForwards(sim, l);
  for (const f of ln.job.forwards) {
    if (f.lineMask) ln.maskInFlight += 1;
  }
}

/**
 * The device lists of a broadcast indication: it names no device and masks none,
 * and nothing adds to them (only `addForward`, under selective, adds a device to a
 * forward), so one empty list serves them all, frozen so that a write would throw
 * rather than reach every indication. Two fewer arrays made per VM and delivery.
 */
const NO_DEVICES = Object.freeze([]) as unknown as number[];

/**
 * Xen forwards to the guests bound to this IRQ only, and masks nothing: an
 * edge IRQ is ACKTYPE_NONE, a level one waits for its EOI (ACKTYPE_EOI, see
 * host.ts). The patent's broadcast sends to every entity under a line mask.
 */
function broadcastForwards(sim: Sim, l: number): void {
  const { topo, s } = sim;
  const ln = s.lines[l] as LineState;
  // Xen's bound guests, or every entity (by index, with no list made per delivery).
  const guests = topo.xen ? topo.lines[l]!.guests : null;
  const n = guests ? guests.length : topo.entities.length;
  for (let i = 0; i < n; i++) {
    ln.job.forwards.push({
      entity: guests ? guests[i]! : i,
      devices: NO_DEVICES,
      about: NO_DEVICES,
      carried: null,
      reason: 'broadcast',
      lineMask: !topo.xen,
    });
  }
  if (topo.xen && !topo.lines[l]!.edge && n > 0) {
    ln.xenGen += 1;
    ln.xenPending = n;
  }
}

/**
 * Selective: the owners of every device identified as asserting, and of every
 * device that cannot be ruled out. One indication per owner (naming all its
 * devices), or one per device when the indication carries the device id.
 */
function selectiveForwards(sim: Sim, l: number): void {
  const { topo, s } = sim;
  const job = (s.lines[l] as LineState).job;
  if (topo.lines[l]!.allIdentifiable) {
    // Only the devices identified as asserting: `masks`, in the line's order (the sweep
    // reads it in order), the same forwards as the loop below with no device to test.
    if (topo.vfio) return;
    for (const d of job.masks) forwardIdentified(sim, job.forwards, d);
    return;
  }
  for (const d of topo.lines[l]!.devices) {
    const spec = topo.devices[d]!;
    if (!spec.identifiable) {
      // Cannot be ruled out: its owners get every delivery, under a line mask.
      for (const o of spec.owners) addForward(sim, job.forwards, o, d, 'cannot-rule-out', true);
    } else if (!topo.vfio && job.masks.includes(d)) {
      forwardIdentified(sim, job.forwards, d);
    }
  }
}

/** The owners of device `d`, identified as asserting by its Status bit. */
function forwardIdentified(sim: Sim, forwards: Forward[], d: number): void {
  for (const o of sim.topo.devices[d]!.owners) {
    addForward(sim, forwards, o, d, 'status', !sim.topo.deviceMasking);
  }
}

/**
 * Device `d` for `entity`: its own indication when the indication carries the device
 * id, else joined to the entity's one indication of this delivery. The forwards are
 * searched, not kept in a Map: a delivery has a few, and a Map (and a closure) made
 * per delivery cost more than the search (the metrics-only run is timed per event).
 */
function addForward(
  sim: Sim,
  forwards: Forward[],
  entity: number,
  d: number,
  reason: Forward['reason'],
  lineMask: boolean,
): void {
  const byDevice = sim.topo.forwardDeviceId;
  if (!byDevice) {
    for (let i = 0; i < forwards.length; i++) {
      const f = forwards[i]!;
      if (f.entity !== entity) continue;
      if (!lineMask) f.devices.push(d);
      f.about.push(d);
      f.lineMask ||= lineMask;
      return;
    }
  }
  forwards.push({
    entity,
    devices: lineMask ? [] : [d],
    about: [d],
    carried: byDevice ? d : null,
    reason,
    lineMask,
  });
}

/** VFIO: one indication per owner of a device its handler just masked. */
export function ownerForwards(sim: Sim, d: number): Forward[] {
  const { topo } = sim;
  return topo.devices[d]!.owners.map((entity) => ({
    entity,
    devices: [d],
    about: [d],
    carried: topo.forwardDeviceId ? d : null,
    reason: 'status' as const,
    lineMask: false,
  }));
}
