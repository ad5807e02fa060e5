import type { Emitted } from './sink';
import { By, EntityPhase, Op, schedule, scheduleIn, scheduleResync, type Sim } from './sim';
import { POLL_SPURIOUS_IRQ_INTERVAL_NS } from './scenario';
import { directIndication } from './indications';
import { HostPhase, startHostJob, type DeviceState, type LineState } from './state';

/**
 * A shared wired-OR line and its interrupt-controller pin, modelled on an I/O
 * APIC redirection entry (QEMU hw/intc/ioapic.c): trigger mode, Remote IRR,
 * mask. Level: deliver when high, unmasked and Remote IRR clear; EOI clears
 * Remote IRR and re-delivers at once if the line is still high. Edge: only a
 * rising edge delivers; an assertion onto a line already high makes no edge.
 */

function line(sim: Sim, l: number): LineState {
  return sim.s.lines[l] as LineState;
}

/** What the line sees from device `d` changes (after any de-assert delay). */
export function lineInput(sim: Sim, d: number, gen: number): boolean {
  const x = sim.s.devices[d] as DeviceState;
  if (gen !== x.gen || x.pin === x.input) return false; // stale de-assert, or no change
  const l = sim.topo.devices[d]!.line;
  const ln = line(sim, l);
  x.input = x.pin;
  ln.drivers += x.pin === 1 ? 1 : -1;
  const high = ln.drivers > 0 ? 1 : 0;
  if (high !== ln.high) {
    ln.high = high;
    if (high === 1) scheduleIn(sim, 0, Op.ControllerRise, l);
    return sim.out.lineLevel(l, high, d);
  }
  if (x.pin === 1 && sim.topo.lines[l]!.edge) return sim.out.lineNoEdge(l, d);
  return false;
}

/** The line rose. */
export function rise(sim: Sim, l: number): boolean {
  const ln = line(sim, l);
  if (!sim.topo.lines[l]!.edge) return evaluate(sim, l);
  // A masked redirection entry ignores an edge (82093AA I/O APIC datasheet, mask bit):
  // the edge is lost, and the trace says so.
  if (ln.masked === 1) return sim.out.controllerPendingEdge(l, 'lost', 'masked');
  if (ln.inService) {
    // The local APIC's IRR holds one more request per vector while one is in service;
    // a further edge merges into it.
    if (ln.latched) return sim.out.controllerPendingEdge(l, 'lost', 'already-latched');
    ln.latched = true;
    return sim.out.controllerLatch(l);
  }
  return deliver(sim, l);
}

/** Level mode: deliver if the line is high, unmasked and Remote IRR is clear. */
export function evaluate(sim: Sim, l: number): boolean {
  const ln = line(sim, l);
  if (sim.topo.lines[l]!.edge) return false;
  if (ln.high === 1 && ln.masked === 0 && ln.remoteIrr === 0) return deliver(sim, l);
  return false;
}

export function deliver(sim: Sim, l: number): Emitted {
  const ln = line(sim, l);
  const deliveryNs = sim.topo.costs.deliveryNs;
  if (sim.topo.lines[l]!.edge) {
    ln.inService = true;
  } else {
    // Set at once so nothing at this instant can deliver twice; the event follows.
    ln.remoteIrr = 1;
    scheduleIn(sim, 0, Op.RemoteIrr, l, 1);
  }
  if (sim.topo.native) {
    const id = nativeIndication(sim, l, false);
    ln.outstanding += 1;
    enqueue(sim, 0, id, deliveryNs);
    return sim.out.controllerDeliver(l, 0);
  }
  startHostJob(ln.job);
  scheduleIn(sim, deliveryNs, Op.Host, l);
  return sim.out.controllerDeliver(l, null);
}

/** Hand an indication to an entity; wake it, `delay` ns from now, if it is idle. */
export function enqueue(sim: Sim, entity: number, indication: number, delay: number): void {
  const e = sim.s.entities[entity]!;
  e.queue.push(indication);
  if (e.phase === EntityPhase.Idle) {
    e.phase = EntityPhase.Wake;
    scheduleIn(sim, delay, Op.Entity, entity);
  }
}

export function remoteIrrEvent(sim: Sim, l: number, value: 0 | 1): Emitted {
  if (value === 0) scheduleResync(sim, Op.ControllerEval, l);
  return sim.out.controllerRemoteIrr(l, value);
}

/**
 * End of interrupt at the controller. On an edge line a latched edge is
 * settled here, once: delivered if the line is unmasked (`ioapic.pending-edge`
 * kept), otherwise cleared as lost, so it can never fire at a later, unrelated
 * EOI.
 */
export function eoi(sim: Sim, l: number, by: number): Emitted {
  const ln = line(sim, l);
  if (sim.topo.lines[l]!.edge) {
    ln.inService = false;
    if (ln.latched) {
      ln.latched = false;
      scheduleIn(sim, 0, Op.SettleLatch, l);
    }
  } else if (ln.remoteIrr === 1) {
    ln.remoteIrr = 0;
    scheduleIn(sim, 0, Op.RemoteIrr, l, 0);
  }
  return sim.out.controllerEoi(l, by);
}

/** The latched edge after an EOI: kept and delivered, or lost to a masked line. */
export function settleLatch(sim: Sim, l: number): Emitted {
  if (line(sim, l).masked === 1) return sim.out.controllerPendingEdge(l, 'lost', 'masked');
  scheduleIn(sim, 0, Op.Deliver, l);
  return sim.out.controllerPendingEdge(l, 'kept', 'eoi');
}

/** Bring the mask bit in line with who wants it: host line masking or the detector. */
export function syncMask(sim: Sim, l: number, by: number): boolean {
  const ln = line(sim, l);
  const want = ln.disabled || ln.maskInFlight > 0 ? 1 : 0;
  if (want === ln.masked) return false;
  ln.masked = want;
  if (want === 0) scheduleResync(sim, Op.ControllerEval, l);
  return sim.out.controllerMask(l, want, by);
}

/**
 * Linux `note_interrupt()` restarts the unhandled count at 1 when an unhandled
 * interrupt comes more than HZ/10 (100 ms) after the previous one, so that the
 * odd spurious interrupt of a working line never adds up to a disable.
 */
export const SPURIOUS_RESET_NS = 100_000_000;

/**
 * Linux `kernel/irq/spurious.c` `note_interrupt()`: every interrupt of the line
 * counts in `irq_count`; an unhandled one also in `irqs_unhandled` (restarting
 * at 1 after a quiet 100 ms). When `irq_count` reaches the window (100,000) it
 * restarts at 0 and, if strictly more than the threshold (99,900) were
 * unhandled, the line is disabled for every sharer; `irqs_unhandled` restarts
 * at 0 either way.
 */
export function countForDetector(sim: Sim, l: number, handled: boolean): void {
  const nc = sim.topo.scenario.nobodyCared;
  if (!nc.enabled) return;
  const ln = line(sim, l);
  if (ln.disabled) return;
  const unhandled = noteInterrupt(ln, sim.s.t, handled, nc);
  if (unhandled > 0) scheduleIn(sim, 0, Op.NobodyCared, l, unhandled);
}

/** The counters of one `note_interrupt()` detector (a host line, or one guest's IRQ). */
export interface DetectorCounters {
  ncCount: number;
  ncUnhandled: number;
  ncLastUnhandled: number;
}

/**
 * One interrupt through Linux `note_interrupt()`: returns the unhandled count
 * when this interrupt ends a window with strictly more than the threshold
 * unhandled (the IRQ is to be disabled), else 0. The host's detector and the
 * guests' share this one implementation.
 */
export function noteInterrupt(
  c: DetectorCounters,
  t: number,
  handled: boolean,
  nc: { window: number; threshold: number },
): number {
  if (!handled) {
    c.ncUnhandled = t > c.ncLastUnhandled + SPURIOUS_RESET_NS ? 1 : c.ncUnhandled + 1;
    c.ncLastUnhandled = t;
  }
  c.ncCount += 1;
  if (c.ncCount < nc.window) return 0;
  c.ncCount = 0;
  const unhandled = c.ncUnhandled;
  c.ncUnhandled = 0;
  return unhandled > nc.threshold ? unhandled : 0;
}

export function nobodyCared(sim: Sim, l: number, unhandled: number): Emitted {
  const ln = line(sim, l);
  ln.disabled = true;
  scheduleResync(sim, Op.MaskSync, l, By.NobodyCared);
  if (sim.topo.pollSpurious) {
    // Linux `note_interrupt()` starts poll_spurious_irq_timer when it disables the line.
    ln.pollBase = sim.s.t;
    armPoll(sim, l);
  }
  return sim.out.lineNobodyCared(l, unhandled, sim.topo.scenario.nobodyCared.window);
}

/** The next tick of the 100 ms poll grid after now, unless one is already on the agenda. */
export function armPoll(sim: Sim, l: number): void {
  const ln = line(sim, l);
  if (ln.pollArmed) return;
  const step = POLL_SPURIOUS_IRQ_INTERVAL_NS;
  const ticks = Math.floor((sim.s.t - ln.pollBase) / step) + 1;
  ln.pollArmed = true;
  schedule(sim, ln.pollBase + ticks * step, Op.SpuriousPoll, l);
}

/**
 * Linux `poll_spurious_irqs` (kernel/irq/spurious.c): every 100 ms the handlers
 * of a line disabled as "nobody cared" are called anyway (`try_one_irq`), so
 * its devices are still served, slowly. A tick with no device pending would
 * find nothing and is skipped; the next raise arms the following tick.
 */
export function spuriousPoll(sim: Sim, l: number): boolean {
  const { topo, s } = sim;
  const ln = line(sim, l);
  ln.pollArmed = false;
  if (!ln.disabled) return false;
  const pending = topo.lines[l]!.devices.some((d) => (s.devices[d] as DeviceState).cause === 1);
  if (!pending) return false;
  armPoll(sim, l);
  if (topo.native) {
    enqueue(sim, 0, nativeIndication(sim, l, true), 0);
  } else if (ln.job.phase === HostPhase.Idle) {
    startHostJob(ln.job);
    ln.job.poll = true;
    scheduleIn(sim, 0, Op.Host, l);
  }
  return sim.out.linePoll(l);
}

/** Natively there is no host: the OS (entity 0) walks its whole chain for the line. */
function nativeIndication(sim: Sim, l: number, poll: boolean): number {
  return directIndication(sim.s, 0, l, poll);
}
