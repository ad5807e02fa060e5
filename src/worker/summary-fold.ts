import type { TraceEvent } from '../engine/events';
import type { Scenario } from '../engine/scenario';
import type { DeviceSummary, EntitySummary, Summary } from '../engine/summary-types';
import { runEntities } from '../engine/topology';

/**
 * The engine's summary fold (`createSummaryAccumulator` in src/engine/summary.ts)
 * with a state that can be copied, so the session keeps a copy every 1,024
 * events beside the view snapshots and a summary at any cursor folds at most
 * 1,024 events. The engine's accumulator keeps its state in a closure, which
 * cannot be copied from outside; this adapter follows it rule for rule, and
 * tests/worker/summary-fold.test.ts proves it equal to `summarize` at every
 * cursor of every preset and of random scenarios.
 */

interface DeviceFold {
  raised: number;
  serviced: number;
  withdrawn: number;
  /**
   * The engine's queue of open raise times is the window [base, len) of the
   * run's raise times; its head is `head` inside that window. Snapshots keep
   * only these three numbers: the times themselves are shared by all copies.
   */
  base: number;
  head: number;
  len: number;
  latMin: number;
  latMax: number;
  latSum: number;
}

/** Everything a fold at a cursor knows: plain numbers and small maps, cheap to copy. */
export interface SummaryFoldState {
  entities: Map<string, EntitySummary>;
  /** Entity id to the time of its last `entity.enter` not yet exited. */
  entered: Map<string, number>;
  devices: Map<string, DeviceFold>;
  deliveries: number;
  configReads: number;
  hostUnhandled: number;
  lastT: number;
}

function emptyEntity(): EntitySummary {
  return { interrupts: 0, spurious: 0, isrCalls: 0, contextSwitches: 0, busyNs: 0 };
}

/** The state before the first event of a run of `scenario`. */
export function initialSummaryState(scenario: Scenario): SummaryFoldState {
  const entities = new Map<string, EntitySummary>();
  for (const e of runEntities(scenario)) entities.set(e.id, emptyEntity());
  const devices = new Map<string, DeviceFold>();
  for (const d of scenario.devices) {
    devices.set(d.id, {
      raised: 0,
      serviced: 0,
      withdrawn: 0,
      base: 0,
      head: 0,
      len: 0,
      latMin: Infinity,
      latMax: 0,
      latSum: 0,
    });
  }
  return {
    entities,
    entered: new Map(),
    devices,
    deliveries: 0,
    configReads: 0,
    hostUnhandled: 0,
    lastT: 0,
  };
}

export function cloneSummaryState(s: SummaryFoldState): SummaryFoldState {
  const entities = new Map<string, EntitySummary>();
  for (const [id, e] of s.entities) entities.set(id, { ...e });
  const devices = new Map<string, DeviceFold>();
  for (const [id, d] of s.devices) devices.set(id, { ...d });
  return { ...s, entities, devices, entered: new Map(s.entered) };
}

/** Per device, the time of every raise of the run in order: shared by every copy of a fold. */
export type RaiseTimes = Map<string, number[]>;

function entity(s: SummaryFoldState, id: string): EntitySummary {
  let e = s.entities.get(id);
  if (!e) {
    e = emptyEntity();
    s.entities.set(id, e);
  }
  return e;
}

/** Folds one event into `s`, as the engine's accumulator `add` does. */
export function foldSummary(s: SummaryFoldState, times: RaiseTimes, ev: TraceEvent): void {
  s.lastT = ev.t;
  switch (ev.type) {
    case 'device.raise': {
      const d = s.devices.get(ev.device);
      if (!d) break;
      d.raised += 1;
      let list = times.get(ev.device);
      if (!list) times.set(ev.device, (list = []));
      // Folding again from a copy writes the same time at the same place.
      list[d.len++] = ev.t;
      break;
    }
    case 'device.withdraw': {
      const d = s.devices.get(ev.device);
      if (!d) break;
      d.withdrawn += ev.raises;
      d.head += ev.raises;
      break;
    }
    case 'device.service': {
      const d = s.devices.get(ev.device);
      if (!d) break;
      d.serviced += ev.raises;
      const list = times.get(ev.device) ?? [];
      for (let i = 0; i < ev.raises; i++) {
        const at = d.base + d.head++;
        const latency = ev.t - (at < d.len ? list[at]! : ev.t);
        d.latSum += latency;
        if (latency < d.latMin) d.latMin = latency;
        if (latency > d.latMax) d.latMax = latency;
      }
      // The engine drops the served head of its queue here (`open.slice(openHead)`);
      // the window moves the same way, so a head past the end starts over empty.
      if (d.head > 1024 && d.head * 2 > d.len - d.base) {
        d.base = Math.min(d.base + d.head, d.len);
        d.head = 0;
      }
      break;
    }
    case 'ioapic.deliver':
      s.deliveries += 1;
      if (ev.to !== 'host') entity(s, ev.to).interrupts += 1;
      break;
    case 'host.config-read':
      s.configReads += 1;
      break;
    case 'host.unhandled':
      s.hostUnhandled += 1;
      break;
    case 'host.forward':
      entity(s, ev.entity).interrupts += 1;
      break;
    case 'entity.enter': {
      const e = entity(s, ev.entity);
      if (ev.contextSwitch) e.contextSwitches += 1;
      s.entered.set(ev.entity, ev.t);
      break;
    }
    case 'entity.exit': {
      const start = s.entered.get(ev.entity);
      if (start !== undefined) entity(s, ev.entity).busyNs += ev.t - start;
      s.entered.delete(ev.entity);
      break;
    }
    case 'isr.call':
      entity(s, ev.entity).isrCalls += 1;
      break;
    case 'entity.spurious':
      entity(s, ev.entity).spurious += 1;
      break;
    default:
      // Every other event type counts nothing (the engine's fold ignores them too).
      break;
  }
}

/** The summary of the state, built as the engine's accumulator `result` builds it. */
export function summaryOf(s: SummaryFoldState): Summary {
  const totals = {
    raised: 0,
    serviced: 0,
    lost: 0,
    spurious: 0,
    isrCalls: 0,
    contextSwitches: 0,
    configReads: s.configReads,
    deliveries: s.deliveries,
    withdrawn: 0,
    hostUnhandled: s.hostUnhandled,
    busyNs: 0,
    durationNs: s.lastT,
  };
  const entities: Record<string, EntitySummary> = {};
  for (const [id, e] of s.entities) {
    entities[id] = { ...e };
    totals.spurious += e.spurious;
    totals.isrCalls += e.isrCalls;
    totals.contextSwitches += e.contextSwitches;
    totals.busyNs += e.busyNs;
  }
  const devices: Record<string, DeviceSummary> = {};
  for (const [id, d] of s.devices) {
    const lost = d.raised - d.serviced - d.withdrawn;
    devices[id] = {
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
  return { totals, entities, devices };
}
