import { countForDetector, eoi, syncMask } from './controller';
import { readStatus } from './config-read';
import { setIntxDisable } from './device';
import { Act, decideAfterRead, decideForwards, ownerForwards } from './host-decide';
import { forward } from './host-forward';
import { XEN_EOI_TIMEOUT_NS } from './scenario';
import { By, goOnIn, Op, scheduleIn, type Sim } from './sim';
import {
  clearJobLists,
  HostPhase as P,
  resetJob,
  type DeviceState,
  type HostJob,
  type LineState,
} from './state';

/**
 * The host monitor (hypervisor) handling one delivery on a line, one phase
 * per call and at most one event. Broadcast (Figure 3, Xen-like): forward
 * every delivery to every entity and keep the line masked until all have
 * EOI'd. Selective (Figures 4 and 6, VFIO-like): read Status of every device
 * on the line (620), mask what it identified, forward only to owners (630),
 * EOI. The phases: Receive, then (selective) Read / Act per device, VFIO's
 * SignalNow after a device it masked, Decide, MaskLine, Forward per
 * indication, Unhandled, Eoi.
 */
export function hostStep(sim: Sim, l: number): boolean {
  const job = (sim.s.lines[l] as LineState).job;
  for (;;) {
    const r = runPhase(sim, l, job);
    if (r !== NEXT) return r;
  }
}

/** A phase that moved on to the next one without an event, in the same operation. */
const NEXT = 'next';
type PhaseResult = boolean | typeof NEXT;

function runPhase(sim: Sim, l: number, job: HostJob): PhaseResult {
  switch (job.phase) {
    case P.Receive:
      return receive(sim, l, job);
    case P.Read:
      return read(sim, l, job);
    case P.Act:
      return act(sim, l, job);
    case P.SignalNow:
      return signalNow(sim, l, job);
    case P.Decide:
      decideForwards(sim, l);
      job.phase = P.MaskLine;
      return NEXT;
    case P.MaskLine:
      return maskLine(sim, l, job);
    case P.Forward:
      return forwardNext(sim, l, job);
    case P.Unhandled:
      return unhandled(sim, l, job);
    case P.Eoi:
      return hostLineEoi(sim, l);
    default:
      return false;
  }
}

/** 610: the host's handler is entered (Xen `do_IRQ_guest`, Linux `handle_fasteoi_irq`). */
function receive(sim: Sim, l: number, job: HostJob): PhaseResult {
  job.phase = sim.topo.selective ? P.Read : P.Decide;
  clearJobLists(job);
  sim.out.hostReceive(l);
  if (goOnIn(sim, sim.topo.costs.hostEntryNs)) return NEXT;
  scheduleIn(sim, sim.topo.costs.hostEntryNs, Op.Host, l);
  return true;
}

/** 620: read the next device of the line, or skip one VFIO has masked already. */
function read(sim: Sim, l: number, job: HostJob): PhaseResult {
  const { topo, s } = sim;
  const devices = topo.lines[l]!.devices;
  if (job.readIndex >= devices.length) {
    job.phase = P.Decide;
    return NEXT;
  }
  const d = devices[job.readIndex]!;
  if (topo.vfio && (s.devices[d] as DeviceState).hostMasked) {
    // vfio_intx_handler: a device whose INTx this host has masked is not read at all.
    job.readIndex += 1;
    scheduleIn(sim, 0, Op.Host, l);
    return sim.out.hostSkip(d);
  }
  const status = readStatus(sim, d);
  if (status === 1) job.phase = P.Act;
  else job.readIndex += 1; // nothing to decide for this device: on to the next read
  // A sweep's reads mostly follow one another with nothing due between them: then the
  // next phase runs at once (four in ten events of a selective run are reads).
  if (goOnIn(sim, topo.costs.configReadNs)) return NEXT;
  scheduleIn(sim, topo.costs.configReadNs, Op.Host, l);
  return true;
}

/** The decision on the device just read as asserting: skip it, mask it, or note it. */
function act(sim: Sim, l: number, job: HostJob): PhaseResult {
  const { topo } = sim;
  const d = topo.lines[l]!.devices[job.readIndex]!;
  const decision = decideAfterRead(sim, d);
  job.readIndex += 1;
  job.phase = P.Read;
  if (decision === Act.Mask && topo.vfio) {
    // Each device's own handler signals its owners before the next one reads.
    job.phase = P.SignalNow;
    job.now = ownerForwards(sim, d);
  }
  if (decision === Act.Skip) {
    scheduleIn(sim, 0, Op.Host, l);
    return sim.out.hostSkip(d);
  }
  if (decision === Act.Mask && setIntxDisable(sim, d, 1, 'host')) {
    scheduleIn(sim, topo.costs.configWriteNs, Op.Host, l);
    return true;
  }
  return NEXT;
}

/** VFIO: the owners of the device just masked, one indication each, before the next read. */
function signalNow(sim: Sim, l: number, job: HostJob): PhaseResult {
  const f = job.now.shift();
  if (f === undefined) {
    job.phase = P.Read;
    return NEXT;
  }
  scheduleIn(sim, sim.topo.injectNs, Op.Host, l);
  return forward(sim, l, f);
}

/** The controller's mask bit brought in line with the indications that mask the line. */
function maskLine(sim: Sim, l: number, job: HostJob): PhaseResult {
  job.phase = P.Forward;
  job.forwardIndex = 0;
  if (!syncMask(sim, l, By.Host)) return NEXT;
  scheduleIn(sim, 0, Op.Host, l);
  return true;
}

/** 630: the next decided indication. */
function forwardNext(sim: Sim, l: number, job: HostJob): PhaseResult {
  const f = job.forwards[job.forwardIndex];
  if (f === undefined) {
    job.phase = P.Unhandled;
    return NEXT;
  }
  job.forwardIndex += 1;
  // Each injection is host work (costs.injectNs): the next forward waits for it.
  scheduleIn(sim, sim.topo.injectNs, Op.Host, l);
  return forward(sim, l, f);
}

/** Nothing forwarded: every handler returned IRQ_NONE, counted by `note_interrupt()`. */
function unhandled(sim: Sim, l: number, job: HostJob): PhaseResult {
  const { topo } = sim;
  job.phase = P.Eoi;
  // Under VFIO a device handler that masked its device returned IRQ_HANDLED.
  const handled = job.forwards.length > 0 || (topo.vfio && job.masks.length > 0);
  // A poll pass is no interrupt: note_interrupt() returns at once (IRQS_POLL_INPROGRESS).
  if (job.poll) return NEXT;
  countForDetector(sim, l, handled);
  if (handled) return NEXT;
  scheduleIn(sim, 0, Op.Host, l);
  return sim.out.hostUnhandled(l);
}

/** The handler's end: the physical EOI now, or deferred (Xen), or none (a poll). */
function hostLineEoi(sim: Sim, l: number): boolean {
  const ln = sim.s.lines[l] as LineState;
  const deferred = ln.xenPending > 0;
  const poll = ln.job.poll;
  resetJob(ln.job);
  if (poll) return false; // a poll was no delivery: nothing to EOI
  if (deferred) {
    // Xen's ACKTYPE_EOI: the physical EOI waits for every bound guest, or the timer.
    scheduleIn(sim, XEN_EOI_TIMEOUT_NS, Op.XenEoiTimer, l, ln.xenGen);
    return false;
  }
  return eoi(sim, l, By.Host);
}
