import type { HostForward } from './events';
import { createAgenda, type Agenda } from './queue';
import { Stream, streamState } from './prng';
import type { Topology } from './topology';

/**
 * Everything that changes during a run, as plain data (numbers, arrays, plain
 * objects) so that `cloneState` can snapshot it and a replay from the copy is
 * exact. Indices refer to the `Topology` arrays.
 */
export interface DeviceState {
  /** Figure 5, 500: device-internal pending cause. */
  cause: 0 | 1;
  /** Figure 5, 510: device-specific interrupt enable. */
  enable: 0 | 1;
  /** Command bit 10, Interrupt Disable. */
  disable: 0 | 1;
  /** Gate 520 output: INTx Status (Status bit 3). */
  status: 0 | 1;
  /** Gate 530 output: the INTx pin. */
  pin: 0 | 1;
  /** What the line currently sees from this device (the pin, after deassertDelayNs). */
  input: 0 | 1;
  /** Bumped on every assert so a stale delayed de-assert is ignored. */
  gen: number;
  /** Raises not yet serviced or withdrawn; one service covers them all. */
  pending: number;
  /** The host set Command bit 10 and forwarded; owners have not all EOI'd. */
  hostMasked: boolean;
  /** Indications for this device that still await the entity's EOI. */
  inFlight: number;
  /** Interrupt Status as read by the host's unmask check, decided on when its write lands. */
  unmaskRead: 0 | 1;
  /** MSI-X: the vector the next message uses. */
  nextVector: number;
  /** QEMU's `irq_eoi[]` for the guest pin of this device: EOIs that found it still asserted. */
  stormEois: number;
  /** Entities whose ISR has claimed this device and not yet serviced it (0 or 1). */
  claimants: number;
}

/** Phases of the host handler for one delivery on a line (see host.ts). */
export const HostPhase = {
  Idle: -1,
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

export interface HostJob {
  /** Phase of the host handler for the current delivery on this line (`HostPhase`). */
  phase: number;
  /** Read and Act: the position, in the line's device list, of the device read (or decided) next. */
  readIndex: number;
  /** Forward: the position, in `forwards`, of the next indication to send. */
  forwardIndex: number;
  /**
   * Decided after the sweep: devices to mask (or identified), and forwards. What
   * each read returned and which devices were skipped reach the trace as events
   * and are not kept here: nothing decides on them later.
   */
  masks: number[];
  forwards: Forward[];
  /** VFIO: indications of the device just masked, sent before the next read. */
  now: Forward[];
  /** A poll of a disabled line: no controller delivery to EOI. */
  poll: boolean;
}

export interface Forward {
  entity: number;
  /** Devices the host masked for this indication (their unmask waits for its EOI). */
  devices: number[];
  /** Every device the indication is for, as the trace names them. */
  about: number[];
  /** The device id the indication carries (forwardDeviceId, MSI), null when none. */
  carried: number | null;
  reason: HostForward['reason'];
  lineMask: boolean;
}

export interface LineState {
  /** Devices whose input to the line is 1 (wired-OR). */
  drivers: number;
  high: 0 | 1;
  remoteIrr: 0 | 1;
  /** The controller's mask bit as last written. */
  masked: 0 | 1;
  /** Host line-masking indications awaiting EOI. */
  maskInFlight: number;
  /** Indications of any kind from this line awaiting EOI. */
  outstanding: number;
  /** Disabled by the nobody-cared detector: stays masked. */
  disabled: boolean;
  /** Edge mode: a delivery is in service until EOI; one more edge may be latched. */
  inService: boolean;
  latched: boolean;
  /** Nobody-cared window counters. */
  ncCount: number;
  ncUnhandled: number;
  /** Time of the last unhandled interrupt (Linux `desc->last_unhandled`). */
  ncLastUnhandled: number;
  /** Xen's deferred EOI: guests of the current delivery that have not EOI'd (0: none deferred). */
  xenPending: number;
  /** Bumped per deferred delivery, so a stale EOI timer does nothing. */
  xenGen: number;
  /** poll_spurious_irqs: a poll is on the agenda; polls fall on a grid from `pollBase`. */
  pollArmed: boolean;
  pollBase: number;
  job: HostJob;
}

export interface Indication {
  entity: number;
  line: number;
  devices: number[];
  /** The device id carried, null when none (the entity walks its chain). */
  carried: number | null;
  lineMask: boolean;
  /** Native: the delivery itself (EOI goes to the controller). */
  direct: boolean;
  /** A poll of a disabled line (poll_spurious_irqs): no controller EOI, not counted. */
  poll: boolean;
  /** Xen: counted in the line's deferred EOI of delivery `xenGen` (null: not counted). */
  xenGen: number | null;
  /** A message-signalled interrupt: no line, no I/O APIC; EOI only to the local APIC. */
  msi: boolean;
}

export interface EntityState {
  queue: number[];
  /** Indication being handled, -1 when idle. */
  current: number;
  phase: number;
  /** Index of the ISR being called or to call next. */
  isr: number;
  /** ISR calls made for the current indication. */
  calls: number;
  claimed: boolean;
  /** Holds one of the shared physical CPUs (only when `pcpus` is set). */
  onCpu: boolean;
  /** The ISR whose acknowledgement comes after the EOI (-1: none). */
  lateAck: number;
  /** KVM with the fix: devices whose resample waits for this entity's exit. */
  resample: number[];
  /** The guest's own nobody-cared detector, per host line (guestDetector). */
  detectors: { ncCount: number; ncUnhandled: number; ncLastUnhandled: number }[];
  /** Lines this guest has disabled as "nobody cared": it takes no more of their interrupts. */
  disabledLines: number[];
  /**
   * The guest's poll of each line it disabled (its own poll_spurious_irqs): the 100 ms grid
   * starts at the disable (`base`); `armed` while a tick is on the agenda.
   */
  polls: { line: number; base: number; armed: boolean }[];
}

export interface EngineState {
  t: number;
  seq: number;
  /** When the last event happened (ns): the summary's duration, kept by the core's loop. */
  lastEventT: number;
  order: number;
  /** The agenda (see queue.ts): future operations in a heap, current-instant ones in a FIFO. */
  agenda: Agenda;
  /** The traffic generator's stream (raise times). */
  rng: number;
  /** Noise read from Status bit 3 of devices with `statusReliable: false`. */
  statusRng: number;
  ended: boolean;
  nextStimulus: number;
  trafficLeft: number[];
  devices: DeviceState[];
  lines: LineState[];
  entities: EntityState[];
  /** Indications in flight by id, null once dropped (see indications.ts). */
  indications: (Indication | null)[];
  freeIndications: number[];
  /** Shared physical CPUs not held by an entity (pcpus), and entities waiting, first first. */
  cpusFree: number;
  cpuWaiters: number[];
}

export function emptyJob(): HostJob {
  return {
    phase: HostPhase.Idle,
    readIndex: 0,
    forwardIndex: 0,
    masks: [],
    forwards: [],
    now: [],
    poll: false,
  };
}

/**
 * The line's job back to idle, as `emptyJob()` makes it, in place: the job object is
 * kept and only a list that holds something is replaced (an empty array is cheaper
 * to make than `length = 0` is to run, a call into the runtime).
 */
export function resetJob(job: HostJob): void {
  job.phase = HostPhase.Idle;
  job.poll = false;
  clearJobLists(job);
}

/** A job's positions and lists back to empty (a list is replaced only if it holds something). */
export function clearJobLists(job: HostJob): void {
  job.readIndex = 0;
  job.forwardIndex = 0;
  if (job.masks.length > 0) job.masks = [];
  if (job.forwards.length > 0) job.forwards = [];
  if (job.now.length > 0) job.now = [];
}

/** A delivery (or a poll) reaches the host: its handler starts on this line's job. */
export function startHostJob(job: HostJob): void {
  job.phase = HostPhase.Receive;
}

export function initialState(topo: Topology): EngineState {
  const s = topo.scenario;
  // A refused device's owner never got its INTx set up, so it never enables it.
  const refused = new Set(topo.refusals.map((r) => r.device));
  return {
    t: 0,
    seq: 0,
    lastEventT: 0,
    order: 0,
    agenda: createAgenda(),
    rng: streamState(s.seed, Stream.Traffic),
    statusRng: streamState(s.seed, Stream.StatusNoise),
    ended: false,
    nextStimulus: 0,
    trafficLeft: s.traffic.map((tr) => tr.count),
    devices: s.devices.map((d, i) => ({
      cause: 0,
      enable: d.enabled && !refused.has(i) ? 1 : 0,
      disable: 0,
      status: 0,
      pin: 0,
      input: 0,
      gen: 0,
      pending: 0,
      hostMasked: false,
      inFlight: 0,
      unmaskRead: 0,
      nextVector: 0,
      stormEois: 0,
      claimants: 0,
    })),
    lines: topo.lines.map(() => ({
      drivers: 0,
      high: 0,
      remoteIrr: 0,
      masked: 0,
      maskInFlight: 0,
      outstanding: 0,
      disabled: false,
      inService: false,
      latched: false,
      ncCount: 0,
      ncUnhandled: 0,
      ncLastUnhandled: 0,
      xenPending: 0,
      xenGen: 0,
      pollArmed: false,
      pollBase: 0,
      job: emptyJob(),
    })),
    entities: topo.entities.map(() => ({
      queue: [],
      current: -1,
      phase: 0,
      isr: 0,
      calls: 0,
      claimed: false,
      onCpu: false,
      lateAck: -1,
      resample: [],
      detectors: topo.guestDetector
        ? topo.lines.map(() => ({ ncCount: 0, ncUnhandled: 0, ncLastUnhandled: 0 }))
        : [],
      disabledLines: [],
      polls: [],
    })),
    indications: [],
    freeIndications: [],
    cpusFree: topo.pcpus ?? 0,
    cpuWaiters: [],
  };
}

/** Deep copy of plain data: the snapshot a seek restores from. */
export function cloneState<T>(value: T): T {
  if (value instanceof Float64Array || value instanceof Int32Array) return value.slice() as T;
  if (Array.isArray(value)) return value.map((v) => cloneState(v) as unknown) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      out[key] = cloneState((value as Record<string, unknown>)[key]);
    }
    return out as T;
  }
  return value;
}
