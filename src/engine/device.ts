import { armPoll } from './controller';
import { armGuestPoll } from './entity';
import { Op, scheduleIn, type Sim } from './sim';
import type { Emitted } from './sink';
import type { DeviceState } from './state';

/**
 * One PCI function and its Figure 5 gates. A change of cause (500), enable (510)
 * or Interrupt Disable (Command bit 10) re-evaluates gate 520 (INTx Status,
 * mirrored in Status bit 3 whatever bit 10 says), then gate 530 (the pin), then
 * what the line sees, each as its own micro-step.
 */

function dev(sim: Sim, d: number): DeviceState {
  return sim.s.devices[d] as DeviceState;
}

export function raise(sim: Sim, d: number, source: 'scenario' | 'traffic' | 'hand'): Emitted {
  const x = dev(sim, d);
  const merged = x.cause === 1;
  x.pending += 1;
  const spec = sim.topo.devices[d]!;
  // A raise on a line disabled as "nobody cared" waits for the next poll tick.
  if (sim.topo.pollSpurious && !spec.msi && sim.s.lines[spec.line]!.disabled)
    armPoll(sim, spec.line);
  // ...and so does a raise for a guest that disabled its IRQ for the line (its own poll).
  if (sim.topo.guestDetector && !spec.msi) {
    for (const o of spec.owners) {
      if (sim.s.entities[o]!.disabledLines.includes(spec.line)) armGuestPoll(sim, o, spec.line);
    }
  }
  if (!merged) {
    x.cause = 1;
    scheduleIn(sim, 0, Op.DeviceGates, d);
  }
  return sim.out.deviceRaise(d, merged, source);
}

export function withdraw(sim: Sim, d: number, source: 'scenario' | 'hand'): Emitted {
  const x = dev(sim, d);
  const raises = x.pending;
  x.pending = 0;
  if (x.cause === 1) {
    x.cause = 0;
    scheduleIn(sim, 0, Op.DeviceGates, d);
  }
  return sim.out.deviceWithdraw(d, raises, source);
}

export function setEnable(sim: Sim, d: number, value: 0 | 1, source: 'scenario' | 'hand'): boolean {
  const x = dev(sim, d);
  if (x.enable === value) return false;
  x.enable = value;
  scheduleIn(sim, 0, Op.DeviceGates, d);
  return sim.out.deviceEnable(d, value, source);
}

/** Command bit 10. A pre-2.3 device has no such bit: writes are ignored. */
export function setIntxDisable(
  sim: Sim,
  d: number,
  value: 0 | 1,
  by: 'host' | 'scenario' | 'hand',
): boolean {
  const x = dev(sim, d);
  if (!sim.topo.devices[d]!.pci23 || x.disable === value) return false;
  x.disable = value;
  scheduleIn(sim, 0, Op.DevicePin, d);
  return sim.out.deviceIntxDisable(d, value, by);
}

/** Service by an ISR: clears the cause and covers every outstanding raise. */
export function service(sim: Sim, d: number, entity: number, isr: number): Emitted {
  const x = dev(sim, d);
  const raises = x.pending;
  x.pending = 0;
  x.cause = 0;
  scheduleIn(sim, 0, Op.DeviceGates, d);
  return sim.out.deviceService(d, entity, isr, raises);
}

/** Gate 520: INTx Status = cause AND enable. */
export function evalGate520(sim: Sim, d: number): boolean {
  const x = dev(sim, d);
  const status = (x.cause & x.enable) as 0 | 1;
  if (status === x.status) return false;
  x.status = status;
  scheduleIn(sim, 0, Op.DevicePin, d);
  return sim.out.deviceStatus(d, status);
}

/**
 * Gate 530: pin = INTx Status AND NOT Interrupt Disable. An assert reaches the
 * line at once; a de-assert caused by the status dropping only after the
 * device's deassertDelayNs (posted write or Deassert_INTx message in flight),
 * unless re-asserted meanwhile; one caused by Interrupt Disable at once.
 */
export function evalGate530(sim: Sim, d: number): boolean {
  const x = dev(sim, d);
  if (sim.topo.devices[d]!.msi) return signalMessage(sim, d);
  const pin = (x.status & (x.disable ^ 1)) as 0 | 1;
  if (pin === x.pin) return false;
  x.pin = pin;
  if (pin === 1) {
    x.gen += 1;
    scheduleIn(sim, 0, Op.LineInput, d, x.gen);
  } else {
    // The delay models a posted write that clears the cause still in flight. When the
    // pin drops because Interrupt Disable was set, no cause changed: that is a
    // configuration write, non-posted, complete only once the pin has dropped
    // (Linux `pci_check_and_mask_intx`), so the line sees the de-assert at once.
    const delay = x.status === 0 ? sim.topo.devices[d]!.deassertDelayNs : 0;
    scheduleIn(sim, delay, Op.LineInput, d, x.gen);
  }
  return sim.out.devicePin(d, pin);
}

/**
 * A message-signalled device has no pin: when INTx Status rises it writes its
 * message (Linux Documentation/PCI/msi-howto.rst), a posted memory write that
 * cannot pass the device's earlier data writes, so no read-back flush is
 * needed, and it shares no wire, so nothing else can be behind it. Interrupt
 * Disable (Command bit 10) gates INTx only. `pin` here only remembers that
 * the message for the current interrupt has been sent.
 */
function signalMessage(sim: Sim, d: number): boolean {
  const x = dev(sim, d);
  const spec = sim.topo.devices[d]!;
  if (x.status === 0) {
    x.pin = 0;
    return false;
  }
  if (x.pin === 1) return false;
  x.pin = 1;
  const vector = x.nextVector;
  x.nextVector = (vector + 1) % spec.vectors;
  scheduleIn(sim, sim.topo.costs.deliveryNs, Op.MsiDeliver, d);
  return sim.out.msiDeliver(d, vector, sim.topo.native ? 0 : null);
}
