import { assertNever, type Bit, type TraceEvent } from '../engine/events';
import type { Scenario } from '../engine/scenario';
import { cloneState } from '../engine/state';
import { runEntities } from '../engine/topology';
import { flowColumn } from './flow';
import type { FlowBox } from './narrate';

/**
 * What the screen shows at a cursor, folded from trace events alone (never from
 * engine internals), so a recorded trace replays without re-simulation.
 * `applyEvent` mutates its argument for speed; callers snapshot with `cloneView`.
 */
export interface DeviceView {
  cause: Bit;
  enable: Bit;
  status: Bit;
  disable: Bit;
  pin: Bit;
  raised: number;
  serviced: number;
  /** Raises waiting for service. */
  pending: number;
  /** Set by the host (not by hand): the host masked it and awaits the owners' EOI. */
  hostMasked: boolean;
  /**
   * The host refused the device's INTx at set-up (`host.refuse`, VFIO's
   * `vfio_intx_enable`): `no-intx-masking` is -EBUSY on a shared line,
   * `intx-hidden` a device on the `vfio_pci_nointx` list. Null: not refused.
   */
  refused: 'no-intx-masking' | 'intx-hidden' | null;
}

export interface LineView {
  level: Bit;
  remoteIrr: Bit;
  masked: Bit;
  /** Disabled by the nobody-cared detector. */
  disabled: boolean;
  deliveries: number;
  /** Time of the last EOI at the controller (null: none yet). */
  lastEoiT: number | null;
  /** The last delivery came at an EOI, the line still high: a re-delivery. */
  redelivered: boolean;
}

export type IsrMark = 'claimed' | 'not-mine';

export interface EntityView {
  /** Handling an indication (between enter and exit). */
  running: boolean;
  /** The ISR being called now, if any. */
  currentIsr: string | null;
  /** Results of the ISR calls of the current (or last) walk. */
  marks: Record<string, IsrMark>;
  /** The walk ended with no claim. */
  lastSpurious: boolean;
  interrupts: number;
  spurious: number;
  isrCalls: number;
  contextSwitches: number;
  /** Indications received but not yet entered. */
  queued: number;
}

export type HostPhase = 'idle' | 'receive' | 'identify' | 'forward' | 'eoi';

export interface HostView {
  phase: HostPhase;
  /** Status read from each device during the current sweep (null: no bit 3). */
  reads: Record<string, { status: Bit | null; trusted: boolean }>;
  /** Indications awaiting EOI (per the last host.eoi / forward). */
  inFlight: number;
  forwards: number;
  unhandled: number;
}

export interface ViewState {
  /** Number of events applied: the cursor. */
  cursor: number;
  t: number;
  devices: Record<string, DeviceView>;
  lines: Record<string, LineView>;
  entities: Record<string, EntityView>;
  host: HostView;
  spurious: number;
  ended: boolean;
  /** The Figure 6 box of the latest event that had one (null before the first). */
  flow: FlowBox | null;
}

/** A device at rest: nothing raised, only its enable (510) as configured. */
export function idleDevice(enabled: boolean): DeviceView {
  return {
    cause: 0,
    enable: enabled ? 1 : 0,
    status: 0,
    disable: 0,
    pin: 0,
    raised: 0,
    serviced: 0,
    pending: 0,
    hostMasked: false,
    refused: null,
  };
}

/** A line at rest. */
export function idleLine(): LineView {
  return {
    level: 0,
    remoteIrr: 0,
    masked: 0,
    disabled: false,
    deliveries: 0,
    lastEoiT: null,
    redelivered: false,
  };
}

/**
 * A record keyed by ids from a file: no prototype, so an id such as
 * "__proto__" or "constructor" names nothing that was not put there.
 */
function byId<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function initialView(scenario: Scenario): ViewState {
  const devices = byId<DeviceView>();
  for (const d of scenario.devices) devices[d.id] = idleDevice(d.enabled);
  const lines = byId<LineView>();
  for (const l of scenario.lines) {
    lines[l.id] = idleLine();
  }
  const entities = byId<EntityView>();
  for (const e of runEntities(scenario)) {
    entities[e.id] = {
      running: false,
      currentIsr: null,
      marks: {},
      lastSpurious: false,
      interrupts: 0,
      spurious: 0,
      isrCalls: 0,
      contextSwitches: 0,
      queued: 0,
    };
  }
  return {
    cursor: 0,
    t: 0,
    devices,
    lines,
    entities,
    host: { phase: 'idle', reads: {}, inFlight: 0, forwards: 0, unhandled: 0 },
    spurious: 0,
    ended: false,
    flow: null,
  };
}

/** Apply one event (the one at index `view.cursor`). */
export function applyEvent(view: ViewState, ev: TraceEvent): void {
  view.cursor += 1;
  view.t = ev.t;
  view.flow = nextFlow(view, ev);
  switch (ev.type) {
    case 'device.raise': {
      const d = view.devices[ev.device];
      if (d) {
        d.cause = 1;
        d.raised += 1;
        d.pending += 1;
      }
      break;
    }
    case 'device.withdraw': {
      const d = view.devices[ev.device];
      if (d) {
        d.cause = 0;
        d.pending = 0;
      }
      break;
    }
    case 'device.service': {
      const d = view.devices[ev.device];
      if (d) {
        d.cause = 0;
        d.pending = 0;
        d.serviced += ev.raises;
      }
      break;
    }
    case 'device.enable':
      withDevice(view, ev.device, (d) => (d.enable = ev.value));
      break;
    case 'device.intx-disable':
      withDevice(view, ev.device, (d) => {
        d.disable = ev.value;
        if (ev.by === 'host') d.hostMasked = ev.value === 1;
      });
      break;
    case 'device.status':
      withDevice(view, ev.device, (d) => (d.status = ev.value));
      break;
    case 'device.pin':
      withDevice(view, ev.device, (d) => (d.pin = ev.value));
      break;
    case 'line.level':
      withLine(view, ev.line, (l) => (l.level = ev.value));
      break;
    case 'line.no-edge':
      break;
    case 'line.nobody-cared':
      withLine(view, ev.line, (l) => (l.disabled = true));
      break;
    case 'msi.deliver':
    case 'ioapic.deliver':
      if (ev.type === 'ioapic.deliver') {
        withLine(view, ev.line, (l) => {
          l.deliveries += 1;
          // QEMU `ioapic_eoi_broadcast()`: an EOI on a level line still high
          // delivers again at once, at the EOI's instant.
          l.redelivered = l.lastEoiT === ev.t;
        });
      }
      if (ev.to !== 'host') {
        const e = view.entities[ev.to];
        if (e) {
          e.interrupts += 1;
          e.queued += 1;
        }
      }
      break;
    case 'ioapic.remote-irr':
      withLine(view, ev.line, (l) => (l.remoteIrr = ev.value));
      break;
    case 'entity.poll': {
      // The poll waits in the guest's queue like an indication; its entity.enter takes it.
      const e = view.entities[ev.entity];
      if (e) e.queued += 1;
      break;
    }
    case 'line.poll':
    case 'entity.nobody-cared':
    case 'ioapic.latch':
    case 'ioapic.pending-edge':
      break;
    case 'ioapic.eoi':
      withLine(view, ev.line, (l) => (l.lastEoiT = ev.t));
      if (ev.by === 'host') view.host.phase = 'idle';
      break;
    case 'ioapic.mask':
      withLine(view, ev.line, (l) => (l.masked = ev.value));
      break;
    case 'host.receive':
      view.host.phase = 'receive';
      view.host.reads = {};
      break;
    case 'host.config-read':
      // A read outside a sweep is the unmask check after an EOI.
      if (view.host.phase === 'receive' || view.host.phase === 'identify')
        view.host.phase = 'identify';
      view.host.reads[ev.device] = { status: ev.status, trusted: ev.trusted };
      break;
    case 'host.refuse':
      // Xen's `too-many-guests` refuses a guest, not a device: no device to mark.
      if (ev.device !== null && ev.reason !== 'too-many-guests') {
        const reason = ev.reason;
        // Its owner never got its INTx set up, so never enabled it (the engine starts it
        // with enable 510 off): shown on, its gates would read cause 1 AND enable 1 = 0.
        withDevice(view, ev.device, (d) => {
          d.refused = reason;
          d.enable = 0;
        });
      }
      break;
    case 'host.eoi-timer':
    case 'host.storm-delay':
    case 'host.skip':
      break;
    case 'host.forward': {
      view.host.forwards += 1;
      view.host.inFlight += 1;
      if (view.host.phase !== 'idle') view.host.phase = 'forward';
      const e = view.entities[ev.entity];
      if (e) {
        e.interrupts += 1;
        e.queued += 1;
      }
      break;
    }
    case 'host.unhandled':
      view.host.unhandled += 1;
      break;
    case 'host.eoi':
      view.host.inFlight = ev.inFlight;
      break;
    case 'entity.enter': {
      const e = view.entities[ev.entity];
      if (e) {
        e.running = true;
        e.queued = Math.max(0, e.queued - 1);
        e.currentIsr = null;
        e.marks = {};
        e.lastSpurious = false;
        if (ev.contextSwitch) e.contextSwitches += 1;
      }
      break;
    }
    case 'isr.call': {
      const e = view.entities[ev.entity];
      if (e) {
        e.currentIsr = ev.isr;
        e.marks[ev.isr] = ev.result;
        e.isrCalls += 1;
      }
      break;
    }
    case 'entity.spurious': {
      const e = view.entities[ev.entity];
      if (e) {
        e.spurious += 1;
        e.lastSpurious = true;
      }
      view.spurious += 1;
      break;
    }
    case 'entity.wait-cpu':
    case 'entity.eoi':
      withEntity(view, ev.entity, (e) => (e.currentIsr = null));
      break;
    case 'entity.exit':
      // A poll pass ends with no EOI: the exit ends its ISR too.
      withEntity(view, ev.entity, (e) => {
        e.running = false;
        e.currentIsr = null;
      });
      break;
    case 'run.end':
      view.ended = true;
      break;
    default:
      assertNever(ev);
  }
}

/**
 * The Figure 6 box lit after `ev`. A Status read outside the host's sweep is
 * the unmask check after the owner's EOI (VFIO `pci_check_and_unmask_intx`):
 * part of 650 "EOI, then unmask", not a new 620. When the run is over, no box
 * is lit: nothing is in progress.
 */
function nextFlow(view: ViewState, ev: TraceEvent): FlowBox | null {
  if (ev.type === 'run.end') return null;
  if (
    ev.type === 'host.config-read' &&
    view.host.phase !== 'receive' &&
    view.host.phase !== 'identify'
  )
    return 650;
  return flowColumn(ev) ?? view.flow;
}

function withDevice(view: ViewState, id: string, f: (d: DeviceView) => void): void {
  const d = view.devices[id];
  if (d) f(d);
}
function withLine(view: ViewState, id: string, f: (l: LineView) => void): void {
  const l = view.lines[id];
  if (l) f(l);
}
function withEntity(view: ViewState, id: string, f: (e: EntityView) => void): void {
  const e = view.entities[id];
  if (e) f(e);
}

/** Deep copy for snapshots (the view is plain data); the id records stay prototype-free. */
export function cloneView(view: ViewState): ViewState {
  const copy = cloneState(view);
  copy.devices = Object.assign(byId<DeviceView>(), copy.devices);
  copy.lines = Object.assign(byId<LineView>(), copy.lines);
  copy.entities = Object.assign(byId<EntityView>(), copy.entities);
  return copy;
}
