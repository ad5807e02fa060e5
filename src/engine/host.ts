import { countForDetector, enqueue, eoi, syncMask } from './controller';
import { setIntxDisable } from './device';
import type { TraceEvent } from './events';
import { nextRandom } from './prng';
import { STORM_DELAY_NS, SUCCESSIVE_IRQ_MAX_COUNT, XEN_EOI_TIMEOUT_NS } from './scenario';
import { By, Op, schedule, type Sim } from './sim';
import { emptyJob, type DeviceDyn, type Forward, type LineDyn } from './state';

/**
 * The host monitor (hypervisor). Broadcast (Figure 3, Xen-like): forward every
 * delivery to every entity and keep the line masked until all have EOI'd.
 * Selective (Figures 4 and 6, VFIO-like): read Status of every device on the
 * line (620), mask what it identified, forward only to owners (630), EOI.
 * Each call of `hostStep` performs one phase and emits at most one event.
 */

const Phase = {
  Receive: 0,
  Read: 1,
  Act: 2,
  Decide: 3,
  MaskLine: 4,
  Forward: 5,
  Unhandled: 6,
  Eoi: 7,
  /** VFIO: the device just masked signals its owners at once, before the next read. */
  SignalNow: 8,
} as const;

/** What the sweep decided for one device right after reading it. */
const Act = { None: 0, Mask: 1, Skip: 2, Identified: 3 } as const;

export function hostStep(sim: Sim, l: number): TraceEvent | null {
  const { topo, s } = sim;
  const ln = s.lines[l] as LineDyn;
  const job = ln.job;
  const lineId = topo.lines[l]!.id;
  const costs = topo.costs;
  const devices = topo.lines[l]!.devices;
  for (;;) {
    switch (job.phase) {
      case Phase.Receive:
        job.phase = topo.selective ? Phase.Read : Phase.Decide;
        job.i = 0;
        job.reads = [];
        job.masks = [];
        job.skips = [];
        job.forwards = [];
        schedule(sim, s.t + costs.hostEntryNs, Op.Host, l);
        return { seq: 0, t: s.t, type: 'host.receive', line: lineId };
      case Phase.Read: {
        if (job.i >= devices.length) {
          job.phase = Phase.Decide;
          break;
        }
        const d = devices[job.i]!;
        if (topo.vfio && (s.devices[d] as DeviceDyn).hostMasked) {
          // vfio_intx_handler: a device whose INTx this host has masked is not read at all.
          job.i += 1;
          job.skips.push(d);
          schedule(sim, s.t, Op.Host, l);
          return {
            seq: 0,
            t: s.t,
            type: 'host.skip',
            device: topo.devices[d]!.id,
            reason: 'in-flight',
          };
        }
        const event = readStatus(sim, d);
        job.reads.push(event.status === null ? -1 : event.status);
        if (event.status === 1) {
          job.phase = Phase.Act;
        } else {
          job.i += 1; // nothing to decide for this device: on to the next read
        }
        schedule(sim, s.t + costs.configReadNs, Op.Host, l);
        return event;
      }
      case Phase.Act: {
        const d = devices[job.i]!;
        const act = decideAfterRead(sim, d);
        job.i += 1;
        job.phase = Phase.Read;
        if (act === Act.Mask && topo.vfio) {
          // Each device's own handler signals its owners before the next one reads.
          job.phase = Phase.SignalNow;
          job.now = ownerForwards(sim, d);
        }
        if (act === Act.Skip) {
          schedule(sim, s.t, Op.Host, l);
          return {
            seq: 0,
            t: s.t,
            type: 'host.skip',
            device: topo.devices[d]!.id,
            reason: 'in-flight',
          };
        }
        if (act === Act.Mask) {
          const e = setIntxDisable(sim, d, 1, 'host');
          if (e) {
            schedule(sim, s.t + costs.configWriteNs, Op.Host, l);
            return e;
          }
        }
        break;
      }
      case Phase.Decide:
        decide(sim, l);
        job.phase = Phase.MaskLine;
        break;
      case Phase.MaskLine: {
        job.phase = Phase.Forward;
        job.i = 0;
        const e = syncMask(sim, l, By.Host);
        if (e) {
          schedule(sim, s.t, Op.Host, l);
          return e;
        }
        break;
      }
      case Phase.Forward: {
        const f = job.forwards[job.i];
        if (f === undefined) {
          job.phase = Phase.Unhandled;
          break;
        }
        job.i += 1;
        // Each injection is host work (costs.injectNs): the next forward waits for it.
        schedule(sim, s.t + topo.injectNs, Op.Host, l);
        return forward(sim, l, f);
      }
      case Phase.Unhandled: {
        job.phase = Phase.Eoi;
        // Under VFIO a device handler that masked its device returned IRQ_HANDLED.
        const handled = job.forwards.length > 0 || (topo.vfio && job.masks.length > 0);
        countForDetector(sim, l, handled);
        if (!handled) {
          schedule(sim, s.t, Op.Host, l);
          return { seq: 0, t: s.t, type: 'host.unhandled', line: lineId };
        }
        break;
      }
      case Phase.SignalNow: {
        const f = job.now.shift();
        if (f === undefined) {
          job.phase = Phase.Read;
          break;
        }
        schedule(sim, s.t + topo.injectNs, Op.Host, l);
        return forward(sim, l, f);
      }
      case Phase.Eoi: {
        const deferred = ln.xenPending > 0;
        const poll = job.poll === true;
        ln.job = emptyJob();
        if (poll) return null; // a poll was no delivery: nothing to EOI
        if (deferred) {
          // Xen's ACKTYPE_EOI: the physical EOI waits for every bound guest, or the timer.
          schedule(sim, s.t + XEN_EOI_TIMEOUT_NS, Op.XenEoiTimer, l, ln.xenGen);
          return null;
        }
        return eoi(sim, l, By.Host);
      }
      default:
        return null;
    }
  }
}

/**
 * 620, and the read half of Linux `pci_check_and_mask_intx` /
 * `pci_check_and_unmask_intx` (drivers/pci/pci.c): one configuration read of
 * a device's Command+Status dword. Both the delivery sweep and the unmask
 * after the owners' EOI read through here, and each decides on the value this
 * returns, never on the device's state at a later instant.
 */
function readStatus(sim: Sim, d: number): Extract<TraceEvent, { type: 'host.config-read' }> {
  const { topo, s } = sim;
  const spec = topo.devices[d]!;
  let status: 0 | 1 | null = null;
  if (spec.pci23) {
    if (spec.statusReliable) {
      status = (s.devices[d] as DeviceDyn).status;
    } else {
      // A quirky device's bit 3 reads as noise; the seeded PRNG keeps it reproducible.
      const [rng, u] = nextRandom(s.statusRng);
      s.statusRng = rng;
      status = u < 0.5 ? 0 : 1;
    }
  }
  return {
    seq: 0,
    t: s.t,
    type: 'host.config-read',
    device: spec.id,
    status,
    trusted: spec.identifiable,
  };
}

/**
 * A device read as asserting. Like VFIO's check-and-mask (one locked
 * read-modify-write), the decision is taken on the value just read: a device
 * the host already masked and forwarded is skipped, otherwise it is masked
 * with Command bit 10 (device masking) or simply identified (line masking).
 */
function decideAfterRead(sim: Sim, d: number): number {
  const { topo, s } = sim;
  const spec = topo.devices[d]!;
  if (!spec.identifiable || spec.owners.length === 0) return Act.None;
  const job = (s.lines[spec.line] as LineDyn).job;
  if (!topo.deviceMasking) {
    job.masks.push(d);
    return Act.Identified;
  }
  const x = s.devices[d] as DeviceDyn;
  if (x.hostMasked) {
    job.skips.push(d);
    return Act.Skip;
  }
  x.hostMasked = true;
  job.masks.push(d);
  return Act.Mask;
}

/** After the sweep (or at once in broadcast): who gets an indication. */
function decide(sim: Sim, l: number): void {
  const { topo, s } = sim;
  const ln = s.lines[l] as LineDyn;
  const job = ln.job;
  if (!topo.selective) {
    // Xen forwards to the guests bound to this IRQ only, and masks nothing: an edge
    // IRQ is ACKTYPE_NONE, a level one waits for its EOI (ACKTYPE_EOI, see below).
    const guests = topo.xen ? topo.lines[l]!.guests : topo.entities.map((_, e) => e);
    for (const e of guests) {
      job.forwards.push({
        entity: e,
        devices: [],
        about: [],
        carried: -1,
        reason: 'broadcast',
        lineMask: !topo.xen,
      });
    }
    if (topo.xen && !topo.lines[l]!.edge && guests.length > 0) {
      ln.xenGen += 1;
      ln.xenPending = guests.length;
    }
  } else {
    const byEntity = new Map<number, Forward>();
    const add = (entity: number, d: number, reason: Forward['reason'], lineMask: boolean): void => {
      const maskedDevice = lineMask ? [] : [d];
      if (topo.forwardDeviceId) {
        job.forwards.push({
          entity,
          devices: maskedDevice,
          about: [d],
          carried: d,
          reason,
          lineMask,
        });
        return;
      }
      const f = byEntity.get(entity);
      if (f) {
        f.devices.push(...maskedDevice);
        f.about.push(d);
        f.lineMask ||= lineMask;
        return;
      }
      const nf: Forward = {
        entity,
        devices: maskedDevice,
        about: [d],
        carried: -1,
        reason,
        lineMask,
      };
      byEntity.set(entity, nf);
      job.forwards.push(nf);
    };
    for (const d of topo.lines[l]!.devices) {
      const spec = topo.devices[d]!;
      if (!spec.identifiable) {
        // Cannot be ruled out: its owners get every delivery, under a line mask.
        for (const o of spec.owners) add(o, d, 'cannot-rule-out', true);
      } else if (job.masks.includes(d) && !topo.vfio) {
        for (const o of spec.owners) add(o, d, 'status', !topo.deviceMasking);
      }
    }
  }
  for (const f of job.forwards) {
    if (f.lineMask) ln.maskInFlight += 1;
  }
}

/** Send one indication: the entity will switch in, walk, and EOI to the host. */
function forward(sim: Sim, l: number, f: Forward): TraceEvent {
  const { topo, s } = sim;
  const id = s.nextIndication++;
  s.indications[id] = {
    entity: f.entity,
    line: l,
    devices: f.devices,
    carried: f.carried,
    lineMask: f.lineMask,
    direct: false,
    msi: f.reason === 'msi',
    ...(topo.xen && f.reason === 'broadcast' && ln0(sim, l).xenPending > 0
      ? { xenGen: ln0(sim, l).xenGen }
      : {}),
  };
  for (const d of f.devices) (s.devices[d] as DeviceDyn).inFlight += 1;
  if (f.reason !== 'msi') (s.lines[l] as LineDyn).outstanding += 1;
  enqueue(sim, f.entity, id, s.t + topo.injectNs);
  return {
    seq: 0,
    t: s.t,
    type: 'host.forward',
    entity: topo.entities[f.entity]!.id,
    devices: f.about.map((d) => topo.devices[d]!.id),
    device: f.carried >= 0 ? topo.devices[f.carried]!.id : null,
    reason: f.reason,
  };
}

/** The host receives an entity's EOI for one indication. */
export function hostEoi(sim: Sim, id: number): TraceEvent {
  const { topo, s } = sim;
  const ind = s.indications[id]!;
  delete s.indications[id];
  if (ind.msi) {
    // The local APIC's EOI; no line, no I/O APIC entry, nothing to unmask.
    const d = ind.carried;
    const x = s.devices[d] as DeviceDyn;
    x.inFlight -= 1;
    return {
      seq: 0,
      t: s.t,
      type: 'host.eoi',
      entity: topo.entities[ind.entity]!.id,
      inFlight: x.inFlight,
    };
  }
  const ln = s.lines[ind.line] as LineDyn;
  ln.outstanding -= 1;
  if (ind.xenGen !== undefined && ind.xenGen === ln.xenGen && ln.xenPending > 0) {
    ln.xenPending -= 1;
    // The last bound guest's EOI lets the host EOI the physical IRQ (Xen desc_guest_eoi).
    if (ln.xenPending === 0) schedule(sim, s.t, Op.ControllerEoi, ind.line, By.Host);
  }
  if (topo.resampleOnExit) {
    // KVM with the fix: the resample waits until the guest's handler is done.
    s.entities[ind.entity]!.resample.push(...ind.devices);
  } else {
    // KVM's irqfd resampler fires on the guest's EOI (its ack notifier), VFIO's unmask follows.
    for (const d of ind.devices) schedule(sim, s.t, Op.HostDeviceEoi, d);
  }
  if (ind.lineMask) {
    ln.maskInFlight -= 1;
    schedule(sim, s.t, Op.MaskSync, ind.line, By.Host);
  }
  return {
    seq: 0,
    t: s.t,
    type: 'host.eoi',
    entity: topo.entities[ind.entity]!.id,
    inFlight: ln.outstanding,
  };
}

/**
 * VFIO's unmask path (`vfio_pci_intx_unmask_handler` calling
 * `pci_check_and_unmask_intx`): when the last owner has EOI'd, read
 * Command+Status; clear Interrupt Disable only if the Interrupt Status read is
 * 0, else keep it masked and signal the owners again. The real function reads
 * and writes under `pci_lock`, so the decision is the value read: it is kept
 * with the device and used when the write lands.
 */
export function hostDeviceEoi(sim: Sim, d: number): TraceEvent | null {
  const { topo, s } = sim;
  const x = s.devices[d] as DeviceDyn;
  x.inFlight -= 1;
  if (x.inFlight > 0) return null;
  const event = readStatus(sim, d);
  x.unmaskRead = event.status === 0 ? 0 : 1;
  schedule(sim, s.t + topo.costs.configReadNs, Op.HostDeviceUnmask, d);
  return event;
}

export function hostDeviceUnmask(sim: Sim, d: number): TraceEvent | null {
  const { topo, s } = sim;
  const x = s.devices[d] as DeviceDyn;
  if (x.unmaskRead === 0) {
    x.hostMasked = false;
    x.stormEois = 0;
    // A raise since the read drives the pin as soon as bit 10 clears, and the
    // level line delivers it again: nothing is lost by deciding on the read.
    return setIntxDisable(sim, d, 0, 'host');
  }
  const delay = topo.stormGuard ? stormGuard(sim, d) : null;
  const at = s.t + (delay === null ? 0 : STORM_DELAY_NS);
  topo.devices[d]!.owners.forEach((_, k) => schedule(sim, at, Op.HostReforward, d, k));
  return delay;
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
function stormGuard(sim: Sim, d: number): TraceEvent | null {
  const x = sim.s.devices[d] as DeviceDyn;
  x.stormEois += 1;
  if (x.stormEois < SUCCESSIVE_IRQ_MAX_COUNT) return null;
  x.stormEois = 0;
  const spec = sim.topo.devices[d]!;
  return {
    seq: 0,
    t: sim.s.t,
    type: 'host.storm-delay',
    device: spec.id,
    line: sim.topo.lines[spec.line]!.id,
    count: SUCCESSIVE_IRQ_MAX_COUNT,
    delayNs: STORM_DELAY_NS,
  };
}

export function hostReforward(sim: Sim, d: number, k: number): TraceEvent {
  const spec = sim.topo.devices[d]!;
  const entity = spec.owners[k]!;
  return forward(sim, spec.line, {
    entity,
    devices: [d],
    about: [d],
    carried: sim.topo.forwardDeviceId ? d : -1,
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
export function msiDeliver(sim: Sim, d: number): TraceEvent | null {
  const { topo, s } = sim;
  if (topo.native) {
    const id = s.nextIndication++;
    s.indications[id] = {
      entity: 0,
      line: topo.devices[d]!.line,
      devices: [],
      carried: d,
      lineMask: false,
      direct: true,
      msi: true,
    };
    enqueue(sim, 0, id, s.t);
    return null;
  }
  schedule(sim, s.t + topo.costs.hostEntryNs, Op.MsiForward, d, 0);
  return null;
}

/** The host injects the MSI into the device's k-th owner, then the next after injectNs. */
export function msiForward(sim: Sim, d: number, k: number): TraceEvent | null {
  const { topo, s } = sim;
  const spec = topo.devices[d]!;
  const entity = spec.owners[k];
  if (entity === undefined) return null;
  if (k + 1 < spec.owners.length) schedule(sim, s.t + topo.injectNs, Op.MsiForward, d, k + 1);
  (s.devices[d] as DeviceDyn).inFlight += 1;
  return forward(sim, spec.line, {
    entity,
    devices: [],
    about: [d],
    carried: d,
    reason: 'msi',
    lineMask: false,
  });
}

function ln0(sim: Sim, l: number): LineDyn {
  return sim.s.lines[l] as LineDyn;
}

/** VFIO: one indication per owner of a device its handler just masked. */
function ownerForwards(sim: Sim, d: number): Forward[] {
  const { topo } = sim;
  return topo.devices[d]!.owners.map((entity) => ({
    entity,
    devices: [d],
    about: [d],
    carried: topo.forwardDeviceId ? d : -1,
    reason: 'status' as const,
    lineMask: false,
  }));
}

/**
 * Xen `irq_guest_eoi_timer_fn`: 1 ms after the forward some bound guest has
 * still not EOI'd, so the host forces the physical EOI and stops waiting.
 */
export function xenEoiTimer(sim: Sim, l: number, gen: number): TraceEvent | null {
  const ln = ln0(sim, l);
  if (xenTimerCancelled(sim, l, gen)) return null;
  const inFlight = ln.xenPending;
  ln.xenPending = 0;
  schedule(sim, sim.s.t, Op.ControllerEoi, l, By.Host);
  return { seq: 0, t: sim.s.t, type: 'host.eoi-timer', line: sim.topo.lines[l]!.id, inFlight };
}

/** Every guest of that delivery EOI'd in time: Xen has stopped the timer. */
export function xenTimerCancelled(sim: Sim, l: number, gen: number): boolean {
  const ln = ln0(sim, l);
  return gen !== ln.xenGen || ln.xenPending === 0;
}

/** A binding the real host refuses, recorded at the start of the run. */
export function hostRefuse(sim: Sim, k: number): TraceEvent {
  const { topo, s } = sim;
  const r = topo.refusals[k]!;
  return {
    seq: 0,
    t: s.t,
    type: 'host.refuse',
    device: r.device >= 0 ? topo.devices[r.device]!.id : null,
    entity: r.entity >= 0 ? (topo.entities[r.entity]?.id ?? null) : null,
    line: topo.lines[r.line]!.id,
    reason: r.reason,
  };
}
