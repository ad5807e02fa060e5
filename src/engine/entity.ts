import { countForDetector, enqueue, noteInterrupt } from './controller';
import { service } from './device';
import { directIndication, dropIndication } from './indications';
import { POLL_SPURIOUS_IRQ_INTERVAL_NS } from './scenario';
import { EntityPhase as P, goOnIn, Op, schedule, scheduleIn, type Sim } from './sim';
import type { DeviceState, EntityState, Indication } from './state';

/**
 * An operating entity (VM, thread, or the one OS in native mode) handling the
 * indications it receives, one at a time: enter (a context switch unless
 * native), walk the ISR chain, count a spurious interrupt if none claimed,
 * EOI, exit. Each call performs one phase and emits at most one event.
 */
export function entityStep(sim: Sim, e: number): boolean {
  const { topo, s } = sim;
  const x = s.entities[e] as EntityState;
  const spec = topo.entities[e]!;
  const costs = topo.costs;
  for (;;) {
    switch (x.phase) {
      case P.Wake: {
        if (x.queue.length === 0) {
          x.phase = P.Idle;
          return false;
        }
        if (topo.pcpus !== null && !x.onCpu) {
          if (s.cpusFree === 0) {
            x.phase = P.WaitCpu;
            s.cpuWaiters.push(e);
            return sim.out.entityWaitCpu(e, s.cpuWaiters.length);
          }
          s.cpusFree -= 1;
          x.onCpu = true;
        }
        const id = x.queue.shift() as number;
        const { line, msi, poll, direct } = s.indications[id]!;
        if (!msi && !poll && x.disabledLines.includes(line)) {
          // The guest disabled this IRQ: the interrupt stays pending in it, unhandled and
          // never EOI'd (under Xen the 1 ms timer then stops waiting for this guest). A
          // broadcast host of another profile has no such timer and would wait for ever:
          // there the guest's handle_fasteoi_irq() masks its pin and still EOIs (its
          // I/O APIC has no IRQCHIP_EOI_IF_HANDLED), so the host hears its EOI.
          if (!topo.xen && !topo.selective && !direct) scheduleIn(sim, costs.eoiNs, Op.HostEoi, id);
          else dropIndication(s, id);
          x.phase = P.Wake;
          if (x.onCpu) releaseCpu(sim, e);
          break;
        }
        x.current = id;
        x.isr = 0;
        x.calls = 0;
        x.claimed = false;
        x.phase = P.Walk;
        const carried = s.indications[id]!.carried;
        sim.out.entityEnter(e, !topo.native, carried);
        // Its walk starts next, mostly, with nothing due before it: at once (sim.ts goOnIn).
        if (goOnIn(sim, topo.enterNs)) break;
        scheduleIn(sim, topo.enterNs, Op.Entity, e);
        return true;
      }
      case P.Walk: {
        const ind = s.indications[x.current] as Indication;
        const next = nextIsr(sim, e, ind);
        if (next < 0) {
          x.phase = P.Done;
          break;
        }
        x.isr = next;
        x.calls += 1;
        const isr = spec.isrs[next]!;
        // Linux never runs two handlers of one interrupt at once (`handle_fasteoi_irq()`
        // leaves an interrupt alone while IRQD_IRQ_INPROGRESS is set, see `irq_may_run()`),
        // so a second owner's ISR reads the device only after the first one serviced
        // it: it finds the cause cleared and does not claim.
        const device = isr.device >= 0 ? (s.devices[isr.device] as DeviceState) : null;
        const claimed = device !== null && device.cause === 1 && device.claimants === 0;
        x.phase = claimed ? P.Service : P.Walk;
        if (claimed) device.claimants += 1;
        else x.isr = next + 1;
        sim.out.isrCall(e, next, claimed);
        if (goOnIn(sim, costs.isrCallNs)) break;
        scheduleIn(sim, costs.isrCallNs, Op.Entity, e);
        return true;
      }
      case P.Service: {
        const isr = spec.isrs[x.isr]!;
        (s.devices[isr.device] as DeviceState).claimants -= 1;
        if (isr.lateAck) {
          // Claimed, but the driver acknowledges the device only after its EOI.
          x.claimed = true;
          x.lateAck = x.isr;
          x.isr += 1;
          x.phase = P.Walk;
          break;
        }
        service(sim, isr.device, e, x.isr);
        x.claimed = true;
        x.isr += 1;
        x.phase = P.Walk;
        if (isr.flush) {
          // The read-back cannot complete before the de-assert lands (PCI ordering).
          const resume =
            Math.max(s.t + costs.serviceNs, s.t + topo.devices[isr.device]!.deassertDelayNs) +
            costs.flushReadNs;
          schedule(sim, resume, Op.Entity, e);
        } else if (goOnIn(sim, costs.serviceNs)) {
          break;
        } else {
          scheduleIn(sim, costs.serviceNs, Op.Entity, e);
        }
        return true;
      }
      case P.Done: {
        x.phase = P.Eoi;
        const ind = s.indications[x.current] as Indication;
        if (ind.direct && !ind.msi && !ind.poll) countForDetector(sim, ind.line, x.claimed);
        if (topo.guestDetector && !ind.direct && !ind.msi) {
          // The guest's own note_interrupt() on its virtual IRQ for this line.
          const nc = topo.scenario.nobodyCared;
          const unhandled = noteInterrupt(x.detectors[ind.line]!, s.t, x.claimed, nc);
          if (unhandled > 0) scheduleIn(sim, 0, Op.GuestNobodyCared, e, ind.line);
        }
        // A poll pass (poll_spurious_irqs -> try_one_irq) is no interrupt: finding nothing
        // there is not a spurious one, and note_interrupt() returns at once for it
        // (IRQS_POLL_INPROGRESS), which is why it is not counted above either.
        if (!x.claimed && !ind.poll) {
          scheduleIn(sim, 0, Op.Entity, e);
          return sim.out.entitySpurious(e);
        }
        if (ind.poll) {
          // try_one_irq calls the handlers and returns: no EOI, nothing to acknowledge.
          dropIndication(s, x.current);
          x.phase = x.lateAck >= 0 ? P.LateAck : P.Exit;
          // The guest's poll goes on while one of its devices on the line still asserts
          // (its next raise arms it otherwise), so a served device leaves no empty tick.
          if (!topo.native) armGuestPollIfPending(sim, e, ind.line);
        }
        break;
      }
      case P.Eoi: {
        const ind = s.indications[x.current] as Indication;
        const eoiNs = costs.eoiNs;
        x.phase = x.lateAck >= 0 ? P.LateAck : P.Exit;
        if (ind.direct) {
          dropIndication(s, x.current);
          // An MSI's EOI goes to the local APIC only: no line, no I/O APIC entry.
          if (!ind.msi && !ind.poll) {
            s.lines[ind.line]!.outstanding -= 1;
            scheduleIn(sim, eoiNs, Op.ControllerEoi, ind.line, e);
          }
        } else {
          scheduleIn(sim, eoiNs, Op.HostEoi, x.current);
        }
        // A late acknowledgement is the driver's register write, one ISR call after the EOI.
        if (x.lateAck >= 0) schedule(sim, s.t + eoiNs + costs.isrCallNs, Op.Entity, e);
        else scheduleIn(sim, eoiNs, Op.Entity, e);
        return sim.out.entityEoi(e);
      }
      case P.LateAck: {
        const k = x.lateAck;
        x.lateAck = -1;
        x.phase = P.Exit;
        scheduleIn(sim, costs.serviceNs, Op.Entity, e);
        return service(sim, spec.isrs[k]!.device, e, k);
      }
      case P.Exit:
        x.current = -1;
        if (x.onCpu) releaseCpu(sim, e);
        if (x.resample.length > 0) {
          for (const d of x.resample) scheduleIn(sim, 0, Op.HostDeviceEoi, d);
          x.resample = [];
        }
        if (x.queue.length > 0) {
          x.phase = P.Wake;
          scheduleIn(sim, 0, Op.Entity, e);
        } else {
          x.phase = P.Idle;
        }
        return sim.out.entityExit(e);
      default:
        return false;
    }
  }
}

/**
 * The entity gives its physical CPU back at exit, to the entity that has waited
 * longest (which is entered at once), else to the free pool. An entity with
 * more indications queued asks again, behind those already waiting: the CPUs
 * are shared round-robin, one indication at a time.
 */
function releaseCpu(sim: Sim, e: number): void {
  const s = sim.s;
  (s.entities[e] as EntityState).onCpu = false;
  const next = s.cpuWaiters.shift();
  if (next === undefined) {
    s.cpusFree += 1;
    return;
  }
  const w = s.entities[next] as EntityState;
  w.onCpu = true;
  w.phase = P.Wake;
  scheduleIn(sim, 0, Op.Entity, next);
}

/**
 * The next ISR to call, or -1 when the walk is over. With a device id carried
 * (forwardDeviceId) only that device's ISR is called; otherwise the chain is
 * walked in order, until one claims or to the end (chainWalk "all"), calling
 * only the ISRs registered on the delivered line.
 */
function nextIsr(sim: Sim, e: number, ind: Indication): number {
  const { topo, s } = sim;
  const x = s.entities[e] as EntityState;
  const isrs = topo.entities[e]!.isrs;
  if (ind.carried !== null) {
    if (x.calls > 0) return -1; // one direct call, whatever its result
    return isrs.findIndex((isr) => isr.device === ind.carried);
  }
  if (x.claimed && !topo.walkAll) return -1;
  // Only the handlers registered on the delivered line run; an ISR with no
  // device stands for another handler of this line that never claims.
  for (let i = x.isr; i < isrs.length; i++) {
    const d = isrs[i]!.device;
    if (d < 0) return i;
    // An MSI device's handler is on its own IRQ (its vector), not on the line's.
    const spec = topo.devices[d]!;
    if (!spec.msi && spec.line === ind.line) return i;
  }
  return -1;
}

/**
 * The guest's detector fired: it disables its IRQ for this line, as Linux's irq_disable,
 * and, in the same block of note_interrupt(), arms poll_spurious_irq_timer.
 */
export function guestNobodyCared(sim: Sim, e: number, l: number): boolean {
  const x = sim.s.entities[e] as EntityState;
  if (x.disabledLines.includes(l)) return false;
  x.disabledLines.push(l);
  x.polls.push({ line: l, base: sim.s.t, armed: false });
  armGuestPollIfPending(sim, e, l);
  return sim.out.entityNobodyCared(e, l, sim.topo.scenario.nobodyCared.window);
}

/**
 * Whether one of the guest's INTx devices on line `l` (an ISR of its chain) is asserting.
 * An MSI device's handler sits on an IRQ of its own, never on the line's: no poll calls it.
 */
function guestPending(sim: Sim, e: number, l: number): boolean {
  const { topo, s } = sim;
  // A device its ISR claimed and acknowledges after the EOI (lateAck) is being served.
  const lateAck = (s.entities[e] as EntityState).lateAck;
  return topo.entities[e]!.isrs.some((isr, k) => {
    if (isr.device < 0 || k === lateAck) return false;
    const spec = topo.devices[isr.device]!;
    return !spec.msi && spec.line === l && (s.devices[isr.device] as DeviceState).cause === 1;
  });
}

function armGuestPollIfPending(sim: Sim, e: number, l: number): void {
  if (guestPending(sim, e, l)) armGuestPoll(sim, e, l);
}

/** The guest's next tick of the 100 ms grid after now for line `l`, unless one is on the agenda. */
export function armGuestPoll(sim: Sim, e: number, l: number): void {
  const p = (sim.s.entities[e] as EntityState).polls.find((q) => q.line === l);
  if (p === undefined || p.armed) return;
  const step = POLL_SPURIOUS_IRQ_INTERVAL_NS;
  p.armed = true;
  schedule(sim, p.base + (Math.floor((sim.s.t - p.base) / step) + 1) * step, Op.GuestPoll, e, l);
}

/**
 * The guest's own `poll_spurious_irqs` (it runs the same kernel/irq/spurious.c): every
 * 100 ms its handlers of the disabled IRQ are called anyway (`try_one_irq`), each reading
 * its device, so a device of this guest still asserting is served, slowly. No EOI follows
 * (the poll is no interrupt), and its detector does not count it. As for the host's poll, a
 * tick with none of the guest's devices on the line pending would find nothing and is
 * skipped; the device's next raise arms the following one.
 */
export function guestPoll(sim: Sim, e: number, l: number): boolean {
  const { s } = sim;
  const x = s.entities[e] as EntityState;
  const p = x.polls.find((q) => q.line === l)!;
  p.armed = false;
  if (!guestPending(sim, e, l)) return false;
  enqueue(sim, e, directIndication(s, e, l, true), 0);
  return sim.out.entityPoll(e, l);
}
