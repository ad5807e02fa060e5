import { assertNever, type TraceEvent } from '../engine/events';

/** Figure 6 box a step belongs to (610 receive ... 650 processed), if any. */
export type FlowBox = 610 | 620 | 630 | 640 | 650;

/**
 * One sentence in plain words for each event: read aloud by the aria-live
 * region and shown in the event log. Numbers name the patent's figures.
 */
export function narrate(ev: TraceEvent): string {
  switch (ev.type) {
    case 'device.raise':
      return ev.merged
        ? `${ev.device} raises again while its cause is still set; one service will cover both.`
        : `${ev.device} has work: its interrupt cause (500) is set${ev.source === 'hand' ? ' by hand' : ''}.`;
    case 'device.withdraw':
      return `${ev.device} withdraws its interrupt (cause 500 cleared without service).`;
    case 'device.enable':
      return `${ev.device} interrupt enable (510) is now ${ev.value}.`;
    case 'device.intx-disable':
      return ev.by === 'host'
        ? `The host ${ev.value ? 'sets' : 'clears'} Interrupt Disable (Command bit 10) of ${ev.device}${ev.value ? ': its pin is masked' : ''}.`
        : `Interrupt Disable (Command bit 10) of ${ev.device} is now ${ev.value}${ev.by === 'hand' ? ' (by hand)' : ''}.`;
    case 'device.status':
      return `Gate 520 of ${ev.device}: INTx Status (Status bit 3) becomes ${ev.value}.`;
    case 'device.pin':
      return `Gate 530 of ${ev.device}: its INTx pin becomes ${ev.value}.`;
    case 'device.service':
      return `${ev.isr} in ${ev.entity} services ${ev.device}: the cause is cleared.`;
    case 'line.level':
      return `Line ${ev.line} goes ${ev.value ? 'high (asserted)' : 'low'} (${ev.device}).`;
    case 'line.no-edge':
      return `${ev.device} asserts on ${ev.line}, but the line is already high: no new edge, the controller sees nothing.`;
    case 'line.nobody-cared':
      return `Nobody cared: ${ev.unhandled} of ${ev.window} interrupts on ${ev.line} went unhandled, so the line is disabled for every device on it.`;
    case 'ioapic.deliver':
      return `The interrupt controller delivers ${ev.line} to ${ev.to === 'host' ? 'the host monitor' : ev.to}.`;
    case 'entity.nobody-cared':
      return `${ev.entity}'s own kernel finds nearly every interrupt of ${ev.line} unhandled: "nobody cared", it disables that IRQ.`;
    case 'entity.poll':
      return `${ev.line} is disabled in ${ev.entity}, which still polls its handlers for it every 100 ms (its own poll_spurious_irqs).`;
    case 'line.poll':
      return `${ev.line} was disabled as "nobody cared"; Linux polls its handlers anyway, every 100 ms.`;
    case 'host.refuse':
      return ev.reason === 'too-many-guests'
        ? `The host refuses to bind ${ev.entity ?? 'a guest'} to ${ev.line}: Xen allows at most 32 guests per IRQ.`
        : ev.reason === 'no-intx-masking'
          ? `The host refuses ${ev.device ?? 'a device'} on the shared ${ev.line}: without PCI 2.3 masking VFIO cannot share it ("Device or resource busy").`
          : `The host hides the INTx of ${ev.device ?? 'a device'}: its Status bit cannot be trusted (VFIO's nointx list).`;
    case 'host.eoi-timer':
      return `1 ms after the forward ${ev.inFlight} guest(s) have not EOI'd ${ev.line}: the host's timer forces the physical EOI.`;
    case 'host.storm-delay':
      return `${ev.device} is still asserting at its guest's EOI, ${ev.count.toLocaleString('en')} times in a row: QEMU's I/O APIC holds the next delivery back ${(ev.delayNs / 1_000_000).toLocaleString('en')} ms (its storm guard), so the guest makes slow progress.`;
    case 'msi.deliver':
      return `${ev.device} writes its message (vector ${ev.vector}): the interrupt reaches ${ev.to === 'host' ? 'the host monitor' : ev.to} without a shared line.`;
    case 'ioapic.remote-irr':
      return ev.value
        ? `Remote IRR of ${ev.line} is set: no further delivery until EOI.`
        : `Remote IRR of ${ev.line} is cleared.`;
    case 'ioapic.latch':
      return `An edge on ${ev.line} arrives while the last one is in service; it is latched once.`;
    case 'entity.wait-cpu':
      return `${ev.entity} has an interrupt to handle but every physical CPU is busy: it waits in line (${ev.waiting} waiting).`;
    case 'ioapic.pending-edge':
      return ev.outcome === 'kept'
        ? `The edge latched on ${ev.line} is delivered now that the last one has ended.`
        : `An edge on ${ev.line} is lost: ${ev.reason === 'already-latched' ? 'one is already latched, and the controller holds only one' : 'the line is masked'}.`;
    case 'ioapic.eoi':
      return `${ev.by === 'host' ? 'The host' : ev.by} sends EOI to the controller for ${ev.line}.`;
    case 'ioapic.mask':
      return `The controller pin of ${ev.line} is ${ev.value ? 'masked' : 'unmasked'} by ${ev.by}.`;
    case 'host.receive':
      return `610: the host monitor receives the interrupt on ${ev.line}.`;
    case 'host.config-read':
      if (ev.status === null)
        return `620: the host reads ${ev.device}'s Status register: a pre-2.3 device has no Interrupt Status bit.`;
      return ev.trusted
        ? `620: the host reads ${ev.device}'s Status register: Interrupt Status = ${ev.status}.`
        : `620: the host reads ${ev.device}'s Status register (${ev.status}), but this device's bit cannot be trusted.`;
    case 'host.skip':
      return `${ev.device} is already masked and forwarded; the host does not forward it again.`;
    case 'host.forward':
      if (ev.reason === 'broadcast')
        return `The host cannot tell which device asserted: it injects the interrupt into ${ev.entity}.`;
      if (ev.reason === 'cannot-rule-out')
        return `630: ${ev.entity} owns a device that cannot be ruled out, so it gets the interrupt.`;
      if (ev.reason === 'still-pending')
        return `${ev.devices.join(', ')} is still pending after EOI: the host signals ${ev.entity} again.`;
      return `630: the host forwards to ${ev.entity}, owner of ${ev.devices.join(', ') || ev.device}${ev.device ? ` (device id ${ev.device} carried)` : ''}.`;
    case 'host.unhandled':
      return `No device on ${ev.line} reports Interrupt Status: the host forwards nothing.`;
    case 'host.eoi':
      return `The host receives ${ev.entity}'s EOI (${ev.inFlight} still in flight).`;
    case 'entity.enter':
      return ev.contextSwitch
        ? `Context switch into ${ev.entity}${ev.device ? `, told the device is ${ev.device}` : ''}.`
        : `${ev.entity} takes the interrupt.`;
    case 'isr.call':
      return `640: ${ev.entity} calls ${ev.isr}: ${ev.result === 'claimed' ? 'claimed, its device asserted' : 'not mine'}.`;
    case 'entity.spurious':
      return `No ISR in ${ev.entity} claimed it: a spurious interrupt.`;
    case 'entity.eoi':
      return `650: ${ev.entity} signals end of interrupt.`;
    case 'entity.exit':
      return `${ev.entity} returns from the interrupt.`;
    case 'run.end':
      return ev.reason === 'idle'
        ? 'The run is over: no more events are due.'
        : `The run stops (${ev.reason}).`;
    default:
      return assertNever(ev);
  }
}

/**
 * The sentence without its leading Figure 6 number ("620: the host…" gives
 * "the host…"), for places that show the number as a badge: said once.
 */
export function withoutBoxPrefix(text: string, box: FlowBox | null): string {
  const prefix = `${box}: `;
  if (box === null || !text.startsWith(prefix)) return text;
  // Not capitalized: the sentence may start with an id ("os calls os-nic0").
  return text.slice(prefix.length);
}

/** The Figure 6 box an event illustrates, for the flow panel. */
export function flowBox(ev: TraceEvent): FlowBox | null {
  switch (ev.type) {
    case 'host.receive':
    case 'ioapic.deliver':
    case 'msi.deliver':
      return 610;
    case 'host.config-read':
    case 'host.skip':
      return 620;
    case 'host.forward':
      return 630;
    case 'entity.enter':
    case 'isr.call':
      return 640;
    case 'device.service':
    case 'entity.eoi':
      return 650;
    default:
      return null;
  }
}
