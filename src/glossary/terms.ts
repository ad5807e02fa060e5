/**
 * Every term the screen uses, with what it means in this model. The ids are
 * stable (views refer to them); `term` is how the glossary lists it.
 */
export interface GlossaryTerm {
  id: TermId;
  term: string;
  definition: string;
}

export type TermId =
  | 'intx'
  | 'cause-500'
  | 'enable-510'
  | 'status-520'
  | 'disable-530'
  | 'intx-pin'
  | 'wired-or'
  | 'level'
  | 'edge'
  | 'ioapic'
  | 'remote-irr'
  | 'mask'
  | 'eoi'
  | 'pci23'
  | 'legacy'
  | 'refused-busy'
  | 'intx-hidden'
  | 'host-monitor'
  | 'broadcast'
  | 'selective'
  | 'in-flight'
  | 'isr'
  | 'isr-chain'
  | 'claimed'
  | 'not-mine'
  | 'spurious'
  | 'context-switch'
  | 'nobody-cared'
  | 'bdf'
  | 'flow-610'
  | 'flow-620'
  | 'flow-630'
  | 'flow-640'
  | 'flow-650';

export const TERMS: readonly GlossaryTerm[] = [
  {
    id: 'intx',
    term: 'INTx',
    definition:
      'The four legacy PCI interrupt pins INTA# to INTD#. Several devices can share one, unlike MSI, where each device writes its own message.',
  },
  {
    id: 'cause-500',
    term: '500 cause',
    definition:
      'Figure 5, input 500: the device has work to report (a packet arrived, a transfer finished). It stays set until the driver services the device.',
  },
  {
    id: 'enable-510',
    term: '510 enable',
    definition:
      'Figure 5, input 510: the device-specific interrupt enable. With it off, a cause does not set INTx Status.',
  },
  {
    id: 'status-520',
    term: '520 INTx Status (Status bit 3)',
    definition:
      'Gate 520 ANDs the cause with the enable into Interrupt Status, bit 3 of the Status register (offset 0x06), which PCI 2.3 added. Software can read it to ask "is this device interrupting?", even while the pin is masked.',
  },
  {
    id: 'disable-530',
    term: '530 INTx Disable (Command bit 10)',
    definition:
      'Gate 530 ANDs INTx Status with NOT Interrupt Disable, bit 10 of the Command register (offset 0x04), into the pin. Setting bit 10 silences one device without touching the shared line; Linux VFIO masks a device this way.',
  },
  {
    id: 'intx-pin',
    term: 'INTx pin',
    definition:
      "The device's output to the shared line: 1 when INTx Status is 1 and Interrupt Disable is 0. A device may take a moment to drop it after being serviced (the de-assert delay).",
  },
  {
    id: 'wired-or',
    term: 'wired-OR',
    definition:
      'A shared line is high while any of its devices drives its pin: the line alone cannot tell which device, or how many, are asserting.',
  },
  {
    id: 'level',
    term: 'level-triggered',
    definition:
      'The interrupt controller acts on the line being high, not on its rising edge, so an interrupt still asserted after an EOI is delivered again. This is why shared PCI lines are level-triggered.',
  },
  {
    id: 'edge',
    term: 'edge-triggered',
    definition:
      'The controller acts only on a rising edge: a second device asserting while the line is already high makes no edge, and its interrupt is lost.',
  },
  {
    id: 'ioapic',
    term: 'I/O APIC',
    definition:
      'The interrupt controller: one redirection entry per line with its trigger mode (bit 15), Remote IRR (bit 14) and mask (bit 16).',
  },
  {
    id: 'remote-irr',
    term: 'Remote IRR',
    definition:
      'Bit 14 of a level-triggered redirection entry: set when the controller delivers the line, cleared by the EOI. While it is 1 the line is not delivered again.',
  },
  {
    id: 'mask',
    term: 'mask',
    definition:
      'Bit 16 of a redirection entry: a masked line is not delivered at all. A broadcast host masks the whole line until every VM has answered; a selective host can mask one device with Command bit 10 instead.',
  },
  {
    id: 'eoi',
    term: 'EOI',
    definition:
      'End Of Interrupt: the handler tells the controller it is done, which clears Remote IRR. If the line is still high then (a device that has not dropped its pin yet), a level line is delivered again.',
  },
  {
    id: 'pci23',
    term: 'PCI 2.3',
    definition:
      'The revision that added Interrupt Status (Status bit 3) and Interrupt Disable (Command bit 10), which let a host find and mask the one device that asserts.',
  },
  {
    id: 'legacy',
    term: 'legacy (pre-2.3) device',
    definition:
      'A device without Status bit 3 and Command bit 10: the host can neither rule it out nor mask it alone, so its owner gets every interrupt of the line.',
  },
  {
    id: 'refused-busy',
    term: 'refused: busy',
    definition:
      'Linux VFIO refuses to enable INTx for a device that shares its line but cannot mask itself (no PCI 2.3 Interrupt Disable): vfio_intx_enable() fails with -EBUSY, "Device or resource busy". The device never interrupts; its raises are lost.',
  },
  {
    id: 'intx-hidden',
    term: 'INTx hidden',
    definition:
      'Linux VFIO hides the interrupt pin of devices on its vfio_pci_nointx list (Intel XL710, X710, XXV710, X550 and others whose Interrupt Status is unreliable), so the owner cannot use INTx at all. The device never interrupts; its raises are lost.',
  },
  {
    id: 'host-monitor',
    term: 'host monitor',
    definition:
      'The hypervisor (Xen, or Linux with KVM and VFIO) that receives the physical interrupt and decides which VMs or threads to interrupt.',
  },
  {
    id: 'broadcast',
    term: 'broadcast',
    definition:
      'The baseline (Figure 3), as Xen does it: the host cannot tell which device asserted, so it injects every interrupt into every VM sharing the line, and EOIs (unmasks) the line only when none is left in flight.',
  },
  {
    id: 'selective',
    term: 'selective',
    definition:
      "Figures 4 and 6: the host reads each device's Interrupt Status bit, masks the asserting device and forwards only to its owner.",
  },
  {
    id: 'in-flight',
    term: 'in flight',
    definition:
      "Interrupts the host has forwarded to a VM or thread whose EOI it has not received yet (Xen's in_flight count). A broadcast host unmasks the line only when none is left, so the slowest VM holds every device back.",
  },
  {
    id: 'isr',
    term: 'ISR',
    definition:
      'Interrupt Service Routine: one driver\'s handler. It checks its own device and either claims the interrupt (services it) or answers "not mine".',
  },
  {
    id: 'isr-chain',
    term: 'ISR chain',
    definition:
      "All the handlers registered on a shared line in one OS. Figure 2 calls them in turn until one claims; Linux calls every one and ORs their answers (the scenario's chain walk setting chooses).",
  },
  {
    id: 'claimed',
    term: 'claimed',
    definition: "The ISR found its device asserting and serviced it (Linux's IRQ_HANDLED).",
  },
  {
    id: 'not-mine',
    term: 'not mine',
    definition: "The ISR's device was not asserting, so it did nothing (Linux's IRQ_NONE).",
  },
  {
    id: 'spurious',
    term: 'spurious',
    definition:
      'An interrupt that no ISR of the VM or OS claimed: it cost a switch and a chain walk for nothing.',
  },
  {
    id: 'context-switch',
    term: 'context switch',
    definition:
      'Switching the CPU into a VM to deliver its interrupt (a world switch), or waking a thread. The cost selective forwarding saves.',
  },
  {
    id: 'nobody-cared',
    term: 'nobody cared',
    definition:
      "Linux's spurious-interrupt detector (note_interrupt()): when more than 99,900 of 100,000 interrupts of a line go unhandled it disables the whole line for every device on it (Linux then only polls it every 100 ms).",
  },
  {
    id: 'bdf',
    term: 'bus:device.function',
    definition: 'The PCI address of a function, as lspci prints it (00:1d.0).',
  },
  {
    id: 'flow-610',
    term: '610 receive',
    definition: 'Figure 6, step 610: the host receives the physical interrupt from the controller.',
  },
  {
    id: 'flow-620',
    term: '620 identify',
    definition:
      "Figure 6, step 620: the host reads each device's Interrupt Status bit to find who asserts.",
  },
  {
    id: 'flow-630',
    term: '630 forward',
    definition:
      'Figure 6, step 630: the host forwards the interrupt only to the owner of that device.',
  },
  {
    id: 'flow-640',
    term: '640 invoke ISRs',
    definition: 'Figure 6, step 640: the owner runs its ISR (or its chain).',
  },
  {
    id: 'flow-650',
    term: '650 processed',
    definition:
      'Figure 6, step 650: the interrupt is serviced, EOIs are sent and the device is unmasked.',
  },
];

const BY_ID = new Map(TERMS.map((t) => [t.id, t]));

/** The entry of a term id (every TermId has one; a test checks it). */
export function glossaryTerm(id: TermId): GlossaryTerm {
  const t = BY_ID.get(id);
  if (!t) throw new Error(`no glossary entry for ${id}`);
  return t;
}
