/**
 * The trace event union: one event per micro-step the UI animates.
 * Every consumer (summary, view fold, exporters) switches on `type` exhaustively.
 * Field order in the constructors of `engine.ts` is part of the byte-identical
 * trace promise: add fields at the end of an event, never reorder.
 */

export type Bit = 0 | 1;

interface Base {
  seq: number;
  t: number;
}

/**
 * A stimulus or traffic sets the device's pending cause (Figure 5, 500): the
 * device-internal event a driver later clears (e.g. an e1000 ICR bit).
 */
export interface DeviceRaise extends Base {
  type: 'device.raise';
  device: string;
  /** True when the cause was already set: counted, serviced by the same service. */
  merged: boolean;
  source: 'scenario' | 'traffic' | 'hand';
}
/** The device drops its cause without being serviced (no real function: a hand or scenario action). */
export interface DeviceWithdraw extends Base {
  type: 'device.withdraw';
  device: string;
  /** Outstanding raises that are now withdrawn (0 when nothing was pending). */
  raises: number;
  source: 'scenario' | 'hand';
}
/** Device-specific interrupt enable (Figure 5, 510) changed. */
export interface DeviceEnable extends Base {
  type: 'device.enable';
  device: string;
  value: Bit;
  source: 'scenario' | 'hand';
}
/**
 * Command register bit 10, Interrupt Disable (PCI 2.3; Linux `pci_intx`, and
 * by the host `pci_check_and_mask_intx` / `pci_check_and_unmask_intx`).
 */
export interface DeviceIntxDisable extends Base {
  type: 'device.intx-disable';
  device: string;
  value: Bit;
  by: 'host' | 'scenario' | 'hand';
}
/** Gate 520 output changed: INTx Status, mirrored in Status bit 3 (`PCI_STATUS_INTERRUPT`). */
export interface DeviceStatus extends Base {
  type: 'device.status';
  device: string;
  value: Bit;
}
/** Gate 530 output changed: the device's INTx pin (INTx#, or Assert_INTx / Deassert_INTx on PCIe). */
export interface DevicePin extends Base {
  type: 'device.pin';
  device: string;
  value: Bit;
}
/**
 * An ISR serviced the device: the cause is cleared, covering `raises` raises
 * (the driver's acknowledging write; its handler returns IRQ_HANDLED).
 */
export interface DeviceService extends Base {
  type: 'device.service';
  device: string;
  entity: string;
  isr: string;
  raises: number;
}
/** The wired-OR level of a shared line changed (QEMU `pci_change_irq_level`). */
export interface LineLevel extends Base {
  type: 'line.level';
  line: string;
  value: Bit;
  /** The device whose input to the line changed. */
  device: string;
}
/** Edge line: a device asserted while the line was already high, so no edge was seen (QEMU `ioapic_set_irq`). */
export interface LineNoEdge extends Base {
  type: 'line.no-edge';
  line: string;
  device: string;
}
/** Linux `note_interrupt()` (kernel/irq/spurious.c): nobody cared, the line is disabled for every sharer. */
export interface LineNobodyCared extends Base {
  type: 'line.nobody-cared';
  line: string;
  unhandled: number;
  window: number;
}
/**
 * Linux `poll_spurious_irqs` (kernel/irq/spurious.c): a line disabled as
 * "nobody cared" has its handlers called anyway, every 100 ms.
 */
export interface LinePoll extends Base {
  type: 'line.poll';
  line: string;
}
/** The controller delivers the physical interrupt (to the host, or the OS natively): QEMU `ioapic_service`. */
export interface ControllerDeliver extends Base {
  type: 'ioapic.deliver';
  line: string;
  to: string;
}
/**
 * A message-signalled device (MSI, MSI-X) wrote its message: the interrupt is
 * delivered to the CPU without a line or an I/O APIC (Linux
 * Documentation/PCI/msi-howto.rst). `vector`: the MSI-X vector used (0 for MSI).
 */
export interface MsiDeliver extends Base {
  type: 'msi.deliver';
  device: string;
  vector: number;
  to: string;
}
/** Level mode: Remote IRR set on delivery, cleared by EOI (QEMU `ioapic_service`, `ioapic_eoi_broadcast`). */
export interface ControllerRemoteIrr extends Base {
  type: 'ioapic.remote-irr';
  line: string;
  value: Bit;
}
/** Edge mode: an edge arrived while the previous one is in service; latched once, as the local APIC's IRR holds it. */
export interface ControllerLatch extends Base {
  type: 'ioapic.latch';
  line: string;
}
/**
 * Edge mode: what became of an edge that could not be delivered at once, as a
 * local APIC's IRR holds it (Intel SDM vol. 3, 11.8.4; QEMU `ioapic_service`
 * skips a masked entry). `kept`: the latched edge is delivered at the EOI.
 * `lost`: it reached a masked line (at the edge or at the EOI), or merged into
 * an edge already latched.
 */
export interface ControllerPendingEdge extends Base {
  type: 'ioapic.pending-edge';
  line: string;
  outcome: 'kept' | 'lost';
  reason: 'eoi' | 'masked' | 'already-latched';
}
/** End of interrupt at the controller (QEMU `ioapic_eoi_broadcast`). */
export interface ControllerEoi extends Base {
  type: 'ioapic.eoi';
  line: string;
  by: string;
}
/** The redirection entry's mask bit written (Linux `mask_ioapic_irq` / `unmask_ioapic_irq`). */
export interface ControllerMask extends Base {
  type: 'ioapic.mask';
  line: string;
  value: Bit;
  by: string;
}
/** Figure 6, 610: the host receives the physical interrupt (Xen `do_IRQ_guest`, Linux `handle_fasteoi_irq`). */
export interface HostReceive extends Base {
  type: 'host.receive';
  line: string;
}
/** Figure 6, 620: the host reads one device's Command+Status dword (`pci_check_and_mask_intx`). */
export interface HostConfigRead extends Base {
  type: 'host.config-read';
  device: string;
  /** Status bit 3 as read; null when the device has no such bit (pre-2.3). */
  status: Bit | null;
  /** False when the device's status cannot be trusted (quirk) or does not exist. */
  trusted: boolean;
}
/** Host skips a device it already masked and forwarded, owners not yet EOI'd (`vfio_intx_handler`). */
export interface HostSkip extends Base {
  type: 'host.skip';
  device: string;
  reason: 'in-flight';
}
/** Figure 6, 630 (or Figure 3): an indication to an entity (Xen `send_guest_pirq`; VFIO `eventfd_signal`). */
export interface HostForward extends Base {
  type: 'host.forward';
  entity: string;
  /** Devices this indication is for (empty in broadcast: the host cannot tell). */
  devices: string[];
  /** The device id carried by the indication (forwardDeviceId), else null. */
  device: string | null;
  /** `msi`: a message-signalled interrupt, injected into its device's owners only. */
  reason: 'broadcast' | 'status' | 'cannot-rule-out' | 'still-pending' | 'msi';
}
/**
 * The real host refuses a binding at set-up (host profiles): Xen
 * `pirq_guest_bind` past `irq_max_guests` (`too-many-guests`, a guest);
 * VFIO `vfio_intx_enable` for a device without PCI 2.3 masking on a shared
 * line (`no-intx-masking`: -EBUSY, "Device or resource busy"), or on the
 * `vfio_pci_nointx` list (`intx-hidden`). The device's INTx is never enabled.
 */
export interface HostRefuse extends Base {
  type: 'host.refuse';
  device: string | null;
  entity: string | null;
  line: string;
  reason: 'too-many-guests' | 'no-intx-masking' | 'intx-hidden';
}
/**
 * Xen `irq_guest_eoi_timer_fn`: a guest has not EOI'd 1 ms after the forward,
 * so the host forces the physical EOI; `inFlight` guests are no longer waited for.
 */
export interface HostEoiTimer extends Base {
  type: 'host.eoi-timer';
  line: string;
  inFlight: number;
}
/**
 * QEMU `ioapic_eoi_broadcast()` (hw/intc/ioapic.c): the guest's EOI found the
 * pin of `device` still asserted for the `count`-th time in a row
 * (`SUCCESSIVE_IRQ_MAX_COUNT`), so instead of re-delivering at once the
 * counter restarts and `delayed_ioapic_service_timer` re-delivers `delayNs` later.
 */
export interface HostStormDelay extends Base {
  type: 'host.storm-delay';
  device: string;
  line: string;
  count: number;
  delayNs: number;
}
/** The host found no asserting device and forwarded nothing (every handler returned IRQ_NONE). */
export interface HostUnhandled extends Base {
  type: 'host.unhandled';
  line: string;
}
/** The host receives an entity's EOI (Xen `PHYSDEVOP_eoi`, `desc_guest_eoi`; KVM's resamplefd). */
export interface HostEoi extends Base {
  type: 'host.eoi';
  entity: string;
  /** Entities still in flight on that line or device after this EOI. */
  inFlight: number;
}
/** The entity starts handling one indication: a VM entry, a thread wake-up (`irq_thread`), nothing natively. */
export interface EntityEnter extends Base {
  type: 'entity.enter';
  entity: string;
  contextSwitch: boolean;
  /** The device id carried by the indication, if any. */
  device: string | null;
}
/**
 * The entity has an indication to handle but every shared physical CPU
 * (`pcpus`) is taken: it waits in line, as a vCPU waits in the hypervisor's
 * run queue (para 13-14). `waiting`: entities in line, this one included.
 */
export interface EntityWaitCpu extends Base {
  type: 'entity.wait-cpu';
  entity: string;
  waiting: number;
}
/** Figure 6, 640: one ISR call and its result (Linux `__handle_irq_event_percpu` calling each handler). */
export interface IsrCall extends Base {
  type: 'isr.call';
  entity: string;
  isr: string;
  device: string | null;
  result: 'claimed' | 'not-mine';
}
/** No ISR of the entity claimed the indication: a spurious interrupt (IRQ_NONE from every handler). */
export interface EntitySpurious extends Base {
  type: 'entity.spurious';
  entity: string;
}
/**
 * A guest's own Linux `note_interrupt()` found its virtual IRQ for `line`
 * unhandled past the threshold: "nobody cared", the guest disables it and
 * takes none of its interrupts any more (real host profiles only).
 */
export interface EntityNobodyCared extends Base {
  type: 'entity.nobody-cared';
  entity: string;
  line: string;
  window: number;
}
/**
 * The guest's own `poll_spurious_irqs`: every 100 ms it calls its handlers of an IRQ it
 * disabled as "nobody cared", so its device is still served, slowly (real host profiles).
 */
export interface EntityPoll extends Base {
  type: 'entity.poll';
  entity: string;
  line: string;
}
/** The entity's end-of-interrupt for the indication (its EOI write to its own, virtual, APIC). */
export interface EntityEoi extends Base {
  type: 'entity.eoi';
  entity: string;
}
/** The entity returns from handling (busy time ends): back to the host, or the thread sleeps. */
export interface EntityExit extends Base {
  type: 'entity.exit';
  entity: string;
}
/** The last event of every run (the simulation's own end, no real function). */
export interface RunEnd extends Base {
  type: 'run.end';
  reason: 'idle' | 'until' | 'event-limit';
}

export type TraceEvent =
  | DeviceRaise
  | DeviceWithdraw
  | DeviceEnable
  | DeviceIntxDisable
  | DeviceStatus
  | DevicePin
  | DeviceService
  | LineLevel
  | LineNoEdge
  | LineNobodyCared
  | LinePoll
  | ControllerDeliver
  | MsiDeliver
  | ControllerRemoteIrr
  | ControllerLatch
  | ControllerPendingEdge
  | ControllerEoi
  | ControllerMask
  | HostReceive
  | HostConfigRead
  | HostSkip
  | HostForward
  | HostUnhandled
  | HostRefuse
  | HostEoiTimer
  | HostStormDelay
  | HostEoi
  | EntityEnter
  | EntityWaitCpu
  | IsrCall
  | EntitySpurious
  | EntityNobodyCared
  | EntityPoll
  | EntityEoi
  | EntityExit
  | RunEnd;

export type EventType = TraceEvent['type'];

/**
 * How each field of an event holds its value, for code that handles events
 * field by field without naming their types (the columnar store's layout):
 * `str` a string (an id or a word), `str?` a string or null, `strs` a list of
 * strings, `bit` 0 or 1, `bit?` 0, 1 or null, `bool` a boolean, `count` a
 * whole number from 0.
 */
export type FieldKind = 'str' | 'str?' | 'strs' | 'bit' | 'bit?' | 'bool' | 'count';

/** The kind a field's TypeScript type allows (never: a type the table cannot say). */
type KindOf<V> = [V] extends [boolean]
  ? 'bool'
  : [V] extends [Bit]
    ? 'bit'
    : [V] extends [number]
      ? 'count'
      : [V] extends [Bit | null]
        ? 'bit?'
        : [V] extends [string]
          ? 'str'
          : [V] extends [string | null]
            ? 'str?'
            : [V] extends [string[]]
              ? 'strs'
              : never;

/** Exactly the fields of event `E` after seq, t and type, each with its kind. */
type FieldsOf<E> = { readonly [K in Exclude<keyof E, keyof Base | 'type'>]: KindOf<E[K]> };

/**
 * Every event type's fields after `seq`, `t` and `type`, in the order they
 * appear in the event object and the trace file: the one table code that
 * handles events field by field derives from (EVENT_TYPES below, the columnar
 * store's layout). The compiler holds it to the interfaces above, field for
 * field and kind for kind; key order is held by the tests that compare the
 * trace sink's objects and the trace schema's keys with it.
 */
export const EVENT_FIELDS = {
  'device.raise': { device: 'str', merged: 'bool', source: 'str' },
  'device.withdraw': { device: 'str', raises: 'count', source: 'str' },
  'device.enable': { device: 'str', value: 'bit', source: 'str' },
  'device.intx-disable': { device: 'str', value: 'bit', by: 'str' },
  'device.status': { device: 'str', value: 'bit' },
  'device.pin': { device: 'str', value: 'bit' },
  'device.service': { device: 'str', entity: 'str', isr: 'str', raises: 'count' },
  'line.level': { line: 'str', value: 'bit', device: 'str' },
  'line.no-edge': { line: 'str', device: 'str' },
  'line.nobody-cared': { line: 'str', unhandled: 'count', window: 'count' },
  'line.poll': { line: 'str' },
  'ioapic.deliver': { line: 'str', to: 'str' },
  'msi.deliver': { device: 'str', vector: 'count', to: 'str' },
  'ioapic.remote-irr': { line: 'str', value: 'bit' },
  'ioapic.latch': { line: 'str' },
  'ioapic.pending-edge': { line: 'str', outcome: 'str', reason: 'str' },
  'ioapic.eoi': { line: 'str', by: 'str' },
  'ioapic.mask': { line: 'str', value: 'bit', by: 'str' },
  'host.receive': { line: 'str' },
  'host.config-read': { device: 'str', status: 'bit?', trusted: 'bool' },
  'host.skip': { device: 'str', reason: 'str' },
  'host.forward': { entity: 'str', devices: 'strs', device: 'str?', reason: 'str' },
  'host.unhandled': { line: 'str' },
  'host.refuse': { device: 'str?', entity: 'str?', line: 'str', reason: 'str' },
  'host.eoi-timer': { line: 'str', inFlight: 'count' },
  'host.storm-delay': { device: 'str', line: 'str', count: 'count', delayNs: 'count' },
  'host.eoi': { entity: 'str', inFlight: 'count' },
  'entity.enter': { entity: 'str', contextSwitch: 'bool', device: 'str?' },
  'entity.wait-cpu': { entity: 'str', waiting: 'count' },
  'isr.call': { entity: 'str', isr: 'str', device: 'str?', result: 'str' },
  'entity.spurious': { entity: 'str' },
  'entity.nobody-cared': { entity: 'str', line: 'str', window: 'count' },
  'entity.poll': { entity: 'str', line: 'str' },
  'entity.eoi': { entity: 'str' },
  'entity.exit': { entity: 'str' },
  'run.end': { reason: 'str' },
} as const satisfies { readonly [T in EventType]: FieldsOf<Extract<TraceEvent, { type: T }>> };

/** Every event type, in a stable order (for schemas, legends and tests). */
export const EVENT_TYPES = Object.keys(EVENT_FIELDS) as readonly EventType[];

/** Compile-time exhaustiveness helper for `switch (event.type)`. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
