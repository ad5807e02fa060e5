import { assertNever, type TraceEvent } from './events';
import type { Scenario } from './scenario';
import type { DeviceSummary, EntitySummary, Summary, Totals } from './summary-types';
import { runEntities } from './topology';

/**
 * The summary as a fold over events, so the page, the trace file and the
 * command line compute it the same way (and a metrics-only run can fold
 * without keeping events). The scenario only names the rows.
 */
export interface SummaryAccumulator {
  add(event: TraceEvent): void;
  result(): Summary;
  /** An independent copy at this point of the fold (the worker keeps one per snapshot). */
  clone(): SummaryAccumulator;
}

/** Everything the fold has counted so far: plain data, so a copy is a deep copy. */
interface FoldState {
  entities: Map<string, EntitySummary>;
  entered: Map<string, number>;
  devices: Map<string, DeviceAcc>;
  deliveries: number;
  configReads: number;
  hostCpuNs: number;
  threadWakes: number;
  hostUnhandled: number;
  lastT: number;
}

function copyState(st: FoldState): FoldState {
  const devices = new Map<string, DeviceAcc>();
  for (const [id, d] of st.devices) {
    // Only the raises still open matter to a copy: the served head is dropped.
    devices.set(id, { ...d, open: d.open.slice(d.openHead), openHead: 0 });
  }
  const entities = new Map<string, EntitySummary>();
  for (const [id, e] of st.entities) entities.set(id, { ...e });
  return { ...st, entities, entered: new Map(st.entered), devices };
}

interface DeviceAcc {
  raised: number;
  serviced: number;
  withdrawn: number;
  /** Times of raises not yet serviced or withdrawn, oldest first. */
  open: number[];
  openHead: number;
  latMin: number;
  latMax: number;
  latSum: number;
}

function emptyEntity(): EntitySummary {
  return { interrupts: 0, spurious: 0, isrCalls: 0, contextSwitches: 0, busyNs: 0 };
}

export function createSummaryAccumulator(scenario: Scenario): SummaryAccumulator {
  const entities = new Map<string, EntitySummary>();
  for (const e of runEntities(scenario)) entities.set(e.id, emptyEntity());
  const devices = new Map<string, DeviceAcc>();
  for (const d of scenario.devices) {
    devices.set(d.id, {
      raised: 0,
      serviced: 0,
      withdrawn: 0,
      open: [],
      openHead: 0,
      latMin: Infinity,
      latMax: 0,
      latSum: 0,
    });
  }
  return accumulatorFrom(scenario, {
    entities,
    entered: new Map(),
    devices,
    deliveries: 0,
    configReads: 0,
    hostCpuNs: 0,
    threadWakes: 0,
    hostUnhandled: 0,
    lastT: 0,
  });
}

function accumulatorFrom(scenario: Scenario, st: FoldState): SummaryAccumulator {
  const { entities, entered, devices } = st;
  const costs = scenario.costs;
  const injectNs = scenario.policy === 'native' ? 0 : (costs.injectNs ?? 0);
  // A wake-up's latency beyond its CPU time is spent off the CPU (busy, but not on it).
  const offCpuWakeNs = costs.threadWakeNs - (costs.threadWakeCpuNs ?? costs.threadWakeNs);
  const threads = scenario.entityKind === 'thread' && scenario.policy !== 'native';

  const entity = (id: string): EntitySummary => {
    let e = entities.get(id);
    if (!e) {
      e = emptyEntity();
      entities.set(id, e);
    }
    return e;
  };
  const device = (id: string): DeviceAcc => devices.get(id) as DeviceAcc;

  function add(ev: TraceEvent): void {
    st.lastT = ev.t;
    switch (ev.type) {
      case 'device.raise': {
        const d = device(ev.device);
        d.raised += 1;
        d.open.push(ev.t);
        break;
      }
      case 'device.withdraw': {
        const d = device(ev.device);
        d.withdrawn += ev.raises;
        d.openHead += ev.raises;
        break;
      }
      case 'device.service': {
        const d = device(ev.device);
        d.serviced += ev.raises;
        for (let i = 0; i < ev.raises; i++) {
          const latency = ev.t - (d.open[d.openHead++] ?? ev.t);
          d.latSum += latency;
          if (latency < d.latMin) d.latMin = latency;
          if (latency > d.latMax) d.latMax = latency;
        }
        if (d.openHead > 1024 && d.openHead * 2 > d.open.length) {
          d.open = d.open.slice(d.openHead); // keep memory flat on long runs
          d.openHead = 0;
        }
        break;
      }
      case 'ioapic.deliver':
        st.deliveries += 1;
        if (ev.to !== 'host') entity(ev.to).interrupts += 1;
        break;
      case 'msi.deliver':
        st.deliveries += 1;
        if (ev.to !== 'host') entity(ev.to).interrupts += 1;
        // No host.receive for a message: the host's entry is charged here.
        else st.hostCpuNs += costs.hostEntryNs;
        break;
      case 'host.config-read':
        st.configReads += 1;
        st.hostCpuNs += costs.configReadNs;
        break;
      case 'host.receive':
        st.hostCpuNs += costs.hostEntryNs;
        break;
      case 'device.intx-disable':
        if (ev.by === 'host') st.hostCpuNs += costs.configWriteNs;
        break;
      case 'host.unhandled':
        st.hostUnhandled += 1;
        break;
      case 'host.forward':
        entity(ev.entity).interrupts += 1;
        st.hostCpuNs += injectNs;
        break;
      case 'entity.enter': {
        const e = entity(ev.entity);
        if (ev.contextSwitch) e.contextSwitches += 1;
        if (ev.contextSwitch && threads) st.threadWakes += 1;
        entered.set(ev.entity, ev.t);
        break;
      }
      case 'entity.exit': {
        const start = entered.get(ev.entity);
        if (start !== undefined) entity(ev.entity).busyNs += ev.t - start;
        entered.delete(ev.entity);
        break;
      }
      case 'isr.call':
        entity(ev.entity).isrCalls += 1;
        break;
      case 'entity.spurious':
        entity(ev.entity).spurious += 1;
        break;
      case 'device.enable':
      case 'device.status':
      case 'device.pin':
      case 'line.level':
      case 'line.no-edge':
      case 'line.nobody-cared':
      case 'ioapic.remote-irr':
      case 'line.poll':
      case 'entity.nobody-cared':
      case 'ioapic.latch':
      case 'ioapic.pending-edge':
      case 'ioapic.eoi':
      case 'ioapic.mask':
      case 'host.refuse':
      case 'host.eoi-timer':
      case 'host.storm-delay':
      case 'host.skip':
      case 'host.eoi':
      case 'entity.wait-cpu':
      case 'entity.eoi':
      case 'run.end':
        break;
      default:
        assertNever(ev);
    }
  }

  function result(): Summary {
    const outEntities: Record<string, EntitySummary> = {};
    const totals: Totals = {
      raised: 0,
      serviced: 0,
      lost: 0,
      spurious: 0,
      isrCalls: 0,
      contextSwitches: 0,
      configReads: st.configReads,
      deliveries: st.deliveries,
      withdrawn: 0,
      hostUnhandled: st.hostUnhandled,
      busyNs: 0,
      durationNs: st.lastT,
      hostCpuNs: st.hostCpuNs,
      cpuNs: 0,
    };
    for (const [id, e] of entities) {
      outEntities[id] = { ...e };
      totals.spurious += e.spurious;
      totals.isrCalls += e.isrCalls;
      totals.contextSwitches += e.contextSwitches;
      totals.busyNs += e.busyNs;
    }
    totals.cpuNs = totals.busyNs - st.threadWakes * offCpuWakeNs + st.hostCpuNs;
    const outDevices: Record<string, DeviceSummary> = {};
    for (const [id, d] of devices) {
      const lost = d.raised - d.serviced - d.withdrawn;
      outDevices[id] = {
        raised: d.raised,
        serviced: d.serviced,
        lost,
        withdrawn: d.withdrawn,
        latencyNs:
          d.serviced > 0
            ? { min: d.latMin, mean: Math.round(d.latSum / d.serviced), max: d.latMax }
            : { min: 0, mean: 0, max: 0 },
      };
      totals.raised += d.raised;
      totals.serviced += d.serviced;
      totals.withdrawn += d.withdrawn;
      totals.lost += lost;
    }
    return { totals, entities: outEntities, devices: outDevices };
  }

  return { add, result, clone: () => accumulatorFrom(scenario, copyState(st)) };
}

/** The summary of a finished (or partial) run: a pure function of its events. */
export function summarize(scenario: Scenario, events: readonly TraceEvent[]): Summary {
  const acc = createSummaryAccumulator(scenario);
  for (const ev of events) acc.add(ev);
  return acc.result();
}
