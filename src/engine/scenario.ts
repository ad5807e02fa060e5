/**
 * The scenario as the engine sees it: every optional field of the file format
 * (FORMATS.md, scenario v1) already filled with its default. Parsing and
 * defaulting live in `src/trace-io`; the engine only ever reads this shape.
 */

export type Policy = 'native' | 'broadcast' | 'selective';
export type HostMask = 'line' | 'device';
export type ChainWalk = 'until-claimed' | 'all';
export type EntityKind = 'vm' | 'thread';
export type Trigger = 'level' | 'edge';
export type PinName = 'INTA' | 'INTB' | 'INTC' | 'INTD';

/** Stimulus actions. `raise`/`withdraw` are the contract's; the rest are hand actions. */
export type StimulusAction = 'raise' | 'withdraw' | 'set-enable' | 'set-intx-disable';

/** The costs of the first release: each has a default that every file gets filled in. */
export interface BaseCosts {
  /** VM world switch into the entity to handle one indication (exit + entry). */
  contextSwitchNs: number;
  /** Waking a threaded handler instead of switching to a VM. */
  threadWakeNs: number;
  /** Controller delivery to the CPU that takes the physical interrupt. */
  deliveryNs: number;
  /** The host monitor's own entry into its handler for a physical interrupt. */
  hostEntryNs: number;
  /** One host configuration read of a device's Command+Status dword. */
  configReadNs: number;
  /** One host configuration write (setting or clearing Command bit 10). */
  configWriteNs: number;
  /** One ISR call: read its device's register to see whether it asserted. */
  isrCallNs: number;
  /** The claiming ISR's work to service its device. */
  serviceNs: number;
  /** Read-back that flushes posted writes (only when the ISR flushes). */
  flushReadNs: number;
  /** End-of-interrupt write (entity to host or OS to controller). */
  eoiNs: number;
}

/** Every cost the engine charges, in nanoseconds of simulated time. */
export interface Costs extends BaseCosts {
  /**
   * The host's work to inject one virtual interrupt into an entity (para 13-14).
   * Optional: absent means 0, as before it existed.
   */
  injectNs?: number;
  /**
   * The CPU time of a thread wake-up; `threadWakeNs` is its latency, the rest is
   * spent off the CPU (scheduler wake-up latency). Optional: absent means
   * `threadWakeNs`, the whole wake-up on the CPU, as before it existed.
   */
  threadWakeCpuNs?: number;
}

export const DEFAULT_COSTS: Readonly<BaseCosts> = Object.freeze({
  contextSwitchNs: 1500,
  threadWakeNs: 400,
  deliveryNs: 100,
  hostEntryNs: 300,
  configReadNs: 500,
  configWriteNs: 500,
  isrCallNs: 400,
  serviceNs: 1000,
  flushReadNs: 400,
  eoiNs: 100,
});

export interface LineSpec {
  id: string;
  trigger: Trigger;
}

export interface DeviceSpec {
  id: string;
  /** The host interrupt line the device's pin reaches (after any bridge swizzle). */
  line: string;
  owners: string[];
  /** Has Status bit 3 and a writable Command bit 10 (PCI 2.3 and later). */
  pci23: boolean;
  /** The host may trust Status bit 3 (false for quirky devices). */
  statusReliable: boolean;
  /** Cause cleared -> the line sees the de-assert this much later. */
  deassertDelayNs: number;
  /** Initial value of the device-specific interrupt enable (Figure 5, 510). */
  enabled: boolean;
  /** The device's own pin, when it sits behind a PCI-to-PCI bridge. */
  pin: PinName | null;
  /** Slot number behind the bridge; `line` must equal the swizzled pin. */
  bridgeSlot: number | null;
  /**
   * How the device signals: its INTx pin on `line` (`intx`), or a message
   * write (`msi`, `msix`) that shares no wire. Optional: absent means `intx`.
   */
  interrupt?: InterruptMode;
  /** MSI-X: vectors (one per queue), used in turn by successive interrupts. Default 1. */
  vectors?: number;
}

export type InterruptMode = 'intx' | 'msi' | 'msix';

export interface IsrSpec {
  id: string;
  /** The device this ISR serves; null for a device not on this physical line. */
  device: string | null;
  /** Read back after servicing so the de-assert lands before the ISR returns. */
  flushPostedWrites: boolean;
  /**
   * The driver acknowledges its device only after its EOI (one register write
   * later): the KVM "erroneous extra interrupts" race. Optional: absent means false.
   */
  ackAfterEoi?: boolean;
}

export interface EntitySpec {
  id: string;
  isrs: IsrSpec[];
}

export interface Stimulus {
  at: number;
  device: string;
  action: StimulusAction;
  /** For `set-enable` / `set-intx-disable`: the new bit value. */
  value?: 0 | 1;
  /** `hand` when a person did it in the visualizer. */
  source?: 'scenario' | 'hand';
}

export interface TrafficSpec {
  device: string;
  meanIntervalNs: number;
  count: number;
  /** First possible raise time; default 0. */
  startNs: number;
}

/** Linux `kernel/irq/spurious.c`: disable a line when nearly every interrupt is unhandled. */
export interface NobodyCaredSpec {
  enabled: boolean;
  /** Interrupts per window (Linux: 100,000). */
  window: number;
  /** The line is disabled when strictly more unhandled interrupts than this end a window (Linux: 99,900). */
  threshold: number;
}

export interface Scenario {
  format: 'intx-lab/scenario';
  version: 1;
  name: string;
  description: string;
  seed: number;
  policy: Policy;
  hostMask: HostMask;
  forwardDeviceId: boolean;
  chainWalk: ChainWalk;
  entityKind: EntityKind;
  costs: Costs;
  lines: LineSpec[];
  devices: DeviceSpec[];
  entities: EntitySpec[];
  stimuli: Stimulus[];
  traffic: TrafficSpec[];
  nobodyCared: NobodyCaredSpec;
  /** Stop the run at this simulated time (null: when nothing is left to do). */
  untilNs: number | null;
  /** Safety limit on the number of events of one run. */
  maxEvents: number;
  /**
   * Physical CPUs the entities share (para 13-14): an entity needs one from its
   * entry to its exit and waits in line for one when all are taken. Optional:
   * absent (or null) means one CPU per entity, as before it existed.
   */
  pcpus?: number | null;
  /**
   * Which host's real behaviour to follow: the patent's ideal (`patent`, the
   * default when absent), or Xen, Linux VFIO, KVM with VFIO (model.md,
   * "Host profiles"). Xen's behaviours apply under broadcast, VFIO's and
   * KVM's under selective.
   */
  host?: HostProfile;
  /**
   * KVM only: when the irqfd resampler re-checks the device. `eoi` (default):
   * on the guest's EOI, as the ack notifier fires; `unmask`: once the guest's
   * handler is done (the fix: the resample deferred until the guest unmasks).
   */
  kvmResample?: 'eoi' | 'unmask';
}

export type HostProfile = 'patent' | 'xen' | 'vfio' | 'kvm';

/** Linux `POLL_SPURIOUS_IRQ_INTERVAL` (HZ/10): a disabled shared line is polled this often. */
export const POLL_SPURIOUS_IRQ_INTERVAL_NS = 100_000_000;

/** Xen `irq_max_guests`: guests that may bind one physical IRQ (default 32). */
export const XEN_IRQ_MAX_GUESTS = 32;
/** Xen `irq_guest_eoi_timer_fn`: the physical EOI is forced this long after a forward. */
export const XEN_EOI_TIMEOUT_NS = 1_000_000;

/** QEMU `SUCCESSIVE_IRQ_MAX_COUNT` (hw/intc/ioapic.c): back-to-back re-deliveries before the guard. */
export const SUCCESSIVE_IRQ_MAX_COUNT = 10_000;
/** QEMU's `delayed_ioapic_service_timer`: NANOSECONDS_PER_SECOND / 100 of virtual time. */
export const STORM_DELAY_NS = 10_000_000;

export const DEFAULT_NOBODY_CARED: Readonly<NobodyCaredSpec> = Object.freeze({
  enabled: false,
  window: 100_000,
  threshold: 99_900,
});

export const DEFAULT_MAX_EVENTS = 5_000_000;

export const PIN_NAMES: readonly PinName[] = ['INTA', 'INTB', 'INTC', 'INTD'];

/**
 * Bridge swizzle (PCI-PCI Bridge spec table 9-1, QEMU `pci_swizzle`):
 * bridge pin = (device slot + device pin) mod 4, pins counted from 0.
 */
export function swizzle(pin: PinName, slot: number): PinName {
  const index = (PIN_NAMES.indexOf(pin) + slot) % 4;
  return PIN_NAMES[index] as PinName;
}
