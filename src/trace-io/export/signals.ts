import { assertNever, type TraceEvent } from '../../engine/events';
import { runEntities } from '../../engine/topology';
import type { Trace } from '../../engine/trace-types';

/**
 * The waveform view of a trace: one lane per signal, each a list of value
 * changes in whole nanoseconds. Both exporters (VCD, WaveJSON) read this and
 * nothing else, so they always agree on what changed when.
 *
 * Rules, chosen so a VCD file can show them:
 * - Every lane starts with `{ t: 0, value }`; later entries have strictly
 *   increasing `t` and a value different from the entry before.
 * - Times are whole nanoseconds: an event time is floored to its nanosecond
 *   (only fractional costs or stimulus times can make it fractional).
 * - Several events in the same nanosecond collapse to the last value in that
 *   nanosecond: a 0-1-0 glitch inside one nanosecond does not appear, because a
 *   VCD timestamp holds one value per signal. The event list keeps every step.
 * - `spurious` is a pulse: 1 at the nanosecond of the `entity.spurious` event,
 *   back to 0 one nanosecond later (the next VCD time step). Two spurious
 *   interrupts of one entity 1 ns apart merge into one longer pulse;
 *   `spurious-count` still counts both.
 */

/** Which part of the machine a lane belongs to. */
export type ScopeKind = 'device' | 'line' | 'controller' | 'entity';

export type LaneName =
  | 'cause'
  | 'enable'
  | 'intx-status'
  | 'intx-disable'
  | 'pin'
  | 'level'
  | 'remote-irr'
  | 'mask'
  | 'running'
  | 'isr'
  | 'spurious'
  | 'spurious-count';

/** One value change: from `t` (ns) on, the lane holds `value`. */
export interface SignalChange {
  t: number;
  value: number;
}

export interface SignalLane {
  scope: ScopeKind;
  /** Id of the device, line or entity (a controller pin is named after its line). */
  owner: string;
  name: LaneName;
  /** Bits: 1 for a wire, more for a vector (`isr`, `spurious-count`). */
  width: number;
  /** The value before any event, from the scenario. */
  initial: number;
  /** `changes[0].t` is 0 (the value once the events at t = 0 are applied). */
  changes: SignalChange[];
  /** `isr` only: `labels[v]` names the ISR for value v (`labels[0]` is "none"). */
  labels?: readonly string[];
}

export interface SignalSet {
  /** Devices, then lines, then controller pins, then entities, each in scenario order. */
  lanes: SignalLane[];
  /** The last time of the trace (ns), pulse ends included. */
  endT: number;
}

/** What each lane shows, for file headers and legends. */
export const LANE_DESCRIPTIONS: Readonly<Record<LaneName, string>> = Object.freeze({
  cause: 'device-internal cause (Figure 5, 500)',
  enable: 'device-specific interrupt enable (Figure 5, 510)',
  'intx-status': 'gate 520: INTx Status, Status register bit 3',
  'intx-disable': 'Interrupt Disable, Command register bit 10',
  pin: 'gate 530: the INTx pin',
  level: 'wired-OR level of the shared line',
  'remote-irr': 'I/O APIC Remote IRR of the line',
  mask: 'I/O APIC mask of the line',
  running: 'the entity is handling an indication (enter to exit)',
  isr: 'position + 1 of the ISR being called in the chain, 0 when none',
  spurious: 'pulse (1 ns) when no ISR claimed an indication',
  'spurious-count': 'spurious interrupts so far',
});

/** Width of the `spurious-count` vector. */
export const COUNT_WIDTH = 32;
const COUNT_MAX = 2 ** COUNT_WIDTH - 1;

/** Bits needed to hold every value 0..max (at least 1). */
export function bitsFor(max: number): number {
  let bits = 1;
  while (2 ** bits <= max) bits += 1;
  return bits;
}

interface DeviceLanes {
  cause: SignalLane;
  enable: SignalLane;
  status: SignalLane;
  disable: SignalLane;
  pin: SignalLane;
}
interface EntityLanes {
  running: SignalLane;
  isr: SignalLane;
  spurious: SignalLane;
  count: SignalLane;
  isrIndex: Map<string, number>;
}

function lane(
  scope: ScopeKind,
  owner: string,
  name: LaneName,
  initial: number,
  width = 1,
): SignalLane {
  return { scope, owner, name, width, initial, changes: [{ t: 0, value: initial }] };
}

/** Record `value` from `t` on; `t` never goes below the lane's last change. */
function set(l: SignalLane, t: number, value: number): void {
  const changes = l.changes;
  const last = changes[changes.length - 1]!;
  if (last.t === t) {
    // Same nanosecond: the last value wins; drop the change if it undoes itself.
    last.value = value;
    if (changes.length > 1 && changes[changes.length - 2]!.value === value) changes.pop();
  } else if (last.value !== value) {
    changes.push({ t, value });
  }
}

/** A run's events in order, as a trace holds them or one at a time from a store. */
export interface RunEvents {
  scenario: Trace['scenario'];
  events: Iterable<TraceEvent>;
}

/** Walk the events once and return every lane's value changes. */
export function signalChanges(trace: RunEvents): SignalSet {
  const scenario = trace.scenario;
  const lanes: SignalLane[] = [];
  const add = (l: SignalLane): SignalLane => {
    lanes.push(l);
    return l;
  };

  const devices = new Map<string, DeviceLanes>();
  for (const d of scenario.devices) {
    devices.set(d.id, {
      cause: add(lane('device', d.id, 'cause', 0)),
      enable: add(lane('device', d.id, 'enable', d.enabled ? 1 : 0)),
      status: add(lane('device', d.id, 'intx-status', 0)),
      disable: add(lane('device', d.id, 'intx-disable', 0)),
      pin: add(lane('device', d.id, 'pin', 0)),
    });
  }
  const levels = new Map<string, SignalLane>();
  for (const l of scenario.lines) levels.set(l.id, add(lane('line', l.id, 'level', 0)));
  const controllers = new Map<string, { irr: SignalLane; mask: SignalLane }>();
  for (const l of scenario.lines) {
    controllers.set(l.id, {
      irr: add(lane('controller', l.id, 'remote-irr', 0)),
      mask: add(lane('controller', l.id, 'mask', 0)),
    });
  }
  const entities = new Map<string, EntityLanes>();
  for (const e of runEntities(scenario)) {
    const isrIndex = new Map<string, number>();
    e.isrs.forEach((isr, i) => {
      if (!isrIndex.has(isr.id)) isrIndex.set(isr.id, i + 1);
    });
    const isr = lane('entity', e.id, 'isr', 0, bitsFor(e.isrs.length));
    isr.labels = ['none', ...e.isrs.map((s) => s.id)];
    entities.set(e.id, {
      running: add(lane('entity', e.id, 'running', 0)),
      isr: add(isr),
      spurious: add(lane('entity', e.id, 'spurious', 0)),
      count: add(lane('entity', e.id, 'spurious-count', 0, COUNT_WIDTH)),
      isrIndex,
    });
  }

  // Pulse ends, in time order (events are in time order, so their ends are too).
  const pulses: { lane: SignalLane; end: number }[] = [];
  let nextPulse = 0;
  const counts = new Map<string, number>();
  let lastT = 0;

  for (const ev of trace.events) {
    const t = Math.floor(ev.t);
    if (t < lastT) throw new RangeError(`event seq ${ev.seq} goes back in time (${ev.t} ns)`);
    lastT = t;
    while (nextPulse < pulses.length && pulses[nextPulse]!.end <= t) {
      const p = pulses[nextPulse++]!;
      set(p.lane, p.end, 0);
    }
    switch (ev.type) {
      case 'device.raise':
        withLane(devices.get(ev.device)?.cause, t, 1);
        break;
      case 'device.withdraw':
      case 'device.service':
        withLane(devices.get(ev.device)?.cause, t, 0);
        break;
      case 'device.enable':
        withLane(devices.get(ev.device)?.enable, t, ev.value);
        break;
      case 'host.refuse':
        // A refused device's owner never enables it (the engine starts it with 510 off).
        if (ev.device !== null && ev.reason !== 'too-many-guests')
          withLane(devices.get(ev.device)?.enable, t, 0);
        break;
      case 'device.intx-disable':
        withLane(devices.get(ev.device)?.disable, t, ev.value);
        break;
      case 'device.status':
        withLane(devices.get(ev.device)?.status, t, ev.value);
        break;
      case 'device.pin':
        withLane(devices.get(ev.device)?.pin, t, ev.value);
        break;
      case 'line.level':
        withLane(levels.get(ev.line), t, ev.value);
        break;
      case 'ioapic.remote-irr':
        withLane(controllers.get(ev.line)?.irr, t, ev.value);
        break;
      case 'ioapic.mask':
        withLane(controllers.get(ev.line)?.mask, t, ev.value);
        break;
      case 'entity.enter': {
        const e = entities.get(ev.entity);
        withLane(e?.running, t, 1);
        withLane(e?.isr, t, 0);
        break;
      }
      case 'isr.call': {
        const e = entities.get(ev.entity);
        if (e) set(e.isr, t, e.isrIndex.get(ev.isr) ?? 0);
        break;
      }
      case 'entity.wait-cpu':
      case 'entity.eoi':
        withLane(entities.get(ev.entity)?.isr, t, 0);
        break;
      case 'entity.exit': {
        const e = entities.get(ev.entity);
        withLane(e?.running, t, 0);
        withLane(e?.isr, t, 0);
        break;
      }
      case 'entity.spurious': {
        const e = entities.get(ev.entity);
        if (e) {
          const n = Math.min(COUNT_MAX, (counts.get(ev.entity) ?? 0) + 1);
          counts.set(ev.entity, n);
          set(e.count, t, n);
          set(e.spurious, t, 1);
          pulses.push({ lane: e.spurious, end: t + 1 });
        }
        break;
      }
      // Steps that change no signal lane (the event list still has them).
      case 'line.no-edge':
      case 'line.nobody-cared':
      case 'ioapic.deliver':
      case 'msi.deliver':
      case 'line.poll':
      case 'entity.nobody-cared':
      case 'entity.poll':
      case 'ioapic.latch':
      case 'ioapic.pending-edge':
      case 'ioapic.eoi':
      case 'host.receive':
      case 'host.config-read':
      case 'host.eoi-timer':
      case 'host.storm-delay':
      case 'host.skip':
      case 'host.forward':
      case 'host.unhandled':
      case 'host.eoi':
      case 'run.end':
        break;
      default:
        assertNever(ev);
    }
  }
  let endT = lastT;
  for (; nextPulse < pulses.length; nextPulse++) {
    const p = pulses[nextPulse]!;
    set(p.lane, p.end, 0);
    endT = Math.max(endT, p.end);
  }
  return { lanes, endT };
}

function withLane(l: SignalLane | undefined, t: number, value: number): void {
  if (l) set(l, t, value);
}
