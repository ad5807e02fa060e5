import { assertNever, type TraceEvent } from './events';
import type { Scenario } from './scenario';
import {
  addEntityRow,
  copyCounters,
  countConfigRead,
  countDelivery,
  countEnter,
  countExit,
  countForward,
  countHostConfigWrite,
  countHostEntry,
  countHostUnhandled,
  countIsrCall,
  countRaise,
  countService,
  countSpurious,
  countWithdraw,
  createCounters,
  summaryOf,
  type SummaryCounters,
} from './summary-counters';
import type { Summary } from './summary-types';

/**
 * The summary as a fold over trace events, so the page, the trace file and
 * the command line compute it the same way. Each event names its rows by id;
 * this fold finds their index and counts through summary-counters.ts, the
 * functions the metrics-only sink calls with the engine's indices. The
 * scenario only names the rows.
 */
export interface SummaryAccumulator {
  add(event: TraceEvent): void;
  result(): Summary;
  /** An independent copy at this point of the fold (the worker keeps one per snapshot). */
  clone(): SummaryAccumulator;
}

export function createSummaryAccumulator(scenario: Scenario): SummaryAccumulator {
  const c = createCounters(scenario);
  return accumulatorFrom(c, indexOf(c.entityIds), indexOf(c.deviceIds));
}

function indexOf(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i]));
}

function accumulatorFrom(
  c: SummaryCounters,
  entityIndex: Map<string, number>,
  deviceIndex: ReadonlyMap<string, number>,
): SummaryAccumulator {
  const entity = (id: string): number => {
    let e = entityIndex.get(id);
    if (e === undefined) {
      e = addEntityRow(c, id);
      entityIndex.set(id, e);
    }
    return e;
  };
  const deliveredTo = (to: string): number | null => (to === 'host' ? null : entity(to));

  function add(ev: TraceEvent): void {
    c.lastT = ev.t;
    switch (ev.type) {
      case 'device.raise':
      case 'device.withdraw':
      case 'device.service': {
        const d = deviceIndex.get(ev.device);
        if (d === undefined) break; // no row to count in: the scenario names its devices
        if (ev.type === 'device.raise') countRaise(c, d, ev.t);
        else if (ev.type === 'device.withdraw') countWithdraw(c, d, ev.raises);
        else countService(c, d, ev.raises, ev.t);
        break;
      }
      case 'ioapic.deliver':
        countDelivery(c, deliveredTo(ev.to), false);
        break;
      case 'msi.deliver':
        countDelivery(c, deliveredTo(ev.to), true);
        break;
      case 'host.config-read':
        countConfigRead(c);
        break;
      case 'host.receive':
        countHostEntry(c);
        break;
      case 'device.intx-disable':
        if (ev.by === 'host') countHostConfigWrite(c);
        break;
      case 'host.unhandled':
        countHostUnhandled(c);
        break;
      case 'host.forward':
        countForward(c, entity(ev.entity));
        break;
      case 'entity.enter':
        countEnter(c, entity(ev.entity), ev.contextSwitch, ev.t);
        break;
      case 'entity.exit': {
        // An exit never entered has no busy time, and names no new row.
        const e = entityIndex.get(ev.entity);
        if (e !== undefined) countExit(c, e, ev.t);
        break;
      }
      case 'isr.call':
        countIsrCall(c, entity(ev.entity));
        break;
      case 'entity.spurious':
        countSpurious(c, entity(ev.entity));
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
      case 'entity.poll':
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

  return {
    add,
    result: () => summaryOf(c),
    clone: () => accumulatorFrom(copyCounters(c), new Map(entityIndex), deviceIndex),
  };
}

/** The summary of a finished (or partial) run: a pure function of its events. */
export function summarize(scenario: Scenario, events: readonly TraceEvent[]): Summary {
  const acc = createSummaryAccumulator(scenario);
  for (const ev of events) acc.add(ev);
  return acc.result();
}
