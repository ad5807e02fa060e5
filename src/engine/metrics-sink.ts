import type {
  ControllerPendingEdge,
  DeviceEnable,
  DeviceIntxDisable,
  DeviceRaise,
  DeviceWithdraw,
  HostForward,
  RunEnd,
} from './events';
import type { Sim } from './sim';
import type { EventSink } from './sink';
import {
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
  type SummaryCounters,
} from './summary-counters';

/**
 * The metrics sink: every micro-step goes straight into the summary counters,
 * from the engine's indices, and nothing is built or kept. It counts exactly
 * what the fold over the trace's events counts (summary.ts), through the same
 * functions; the engine's topology orders its devices and entities as the
 * counters' rows. The events a trace would hold are the state's `seq` (counted
 * by the core loop).
 *
 * It is the one sink every engine gives its handlers: a run that records its
 * events passes its recorder (the trace sink, the column sink) as `record`, and
 * each call is handed on after it is counted. Why not a sink per use behind the
 * handlers: then each handler's call site sees several classes in a process that
 * runs more than one kind of engine (the worker, the CLI, the benchmark), and V8
 * neither inlines nor caches a polymorphic call as well (measured: a metrics-only
 * run 15 to 25% slower once a trace engine had run in the same process). Here the
 * handlers only ever see this class; only the hand-on below is polymorphic, and a
 * metrics-only run never reaches it.
 */
export class MetricsSink implements EventSink {
  constructor(
    private readonly sim: Sim,
    readonly counters: SummaryCounters,
    private readonly record: EventSink | null = null,
  ) {}

  deviceRaise(d: number, merged: boolean, source: DeviceRaise['source']): true {
    countRaise(this.counters, d, this.sim.s.t);
    if (this.record !== null) this.record.deviceRaise(d, merged, source);
    return true;
  }
  deviceWithdraw(d: number, raises: number, source: DeviceWithdraw['source']): true {
    countWithdraw(this.counters, d, raises);
    if (this.record !== null) this.record.deviceWithdraw(d, raises, source);
    return true;
  }
  deviceEnable(d: number, value: 0 | 1, source: DeviceEnable['source']): true {
    if (this.record !== null) this.record.deviceEnable(d, value, source);
    return true;
  }
  deviceIntxDisable(d: number, value: 0 | 1, by: DeviceIntxDisable['by']): true {
    if (by === 'host') countHostConfigWrite(this.counters);
    if (this.record !== null) this.record.deviceIntxDisable(d, value, by);
    return true;
  }
  deviceStatus(d: number, value: 0 | 1): true {
    if (this.record !== null) this.record.deviceStatus(d, value);
    return true;
  }
  devicePin(d: number, value: 0 | 1): true {
    if (this.record !== null) this.record.devicePin(d, value);
    return true;
  }
  deviceService(d: number, entity: number, isr: number, raises: number): true {
    countService(this.counters, d, raises, this.sim.s.t);
    if (this.record !== null) this.record.deviceService(d, entity, isr, raises);
    return true;
  }
  lineLevel(l: number, value: 0 | 1, d: number): true {
    if (this.record !== null) this.record.lineLevel(l, value, d);
    return true;
  }
  lineNoEdge(l: number, d: number): true {
    if (this.record !== null) this.record.lineNoEdge(l, d);
    return true;
  }
  lineNobodyCared(l: number, unhandled: number, window: number): true {
    if (this.record !== null) this.record.lineNobodyCared(l, unhandled, window);
    return true;
  }
  linePoll(l: number): true {
    if (this.record !== null) this.record.linePoll(l);
    return true;
  }
  controllerDeliver(l: number, to: number | null): true {
    countDelivery(this.counters, to, false);
    if (this.record !== null) this.record.controllerDeliver(l, to);
    return true;
  }
  msiDeliver(d: number, vector: number, to: number | null): true {
    countDelivery(this.counters, to, true);
    if (this.record !== null) this.record.msiDeliver(d, vector, to);
    return true;
  }
  controllerRemoteIrr(l: number, value: 0 | 1): true {
    if (this.record !== null) this.record.controllerRemoteIrr(l, value);
    return true;
  }
  controllerLatch(l: number): true {
    if (this.record !== null) this.record.controllerLatch(l);
    return true;
  }
  controllerPendingEdge(
    l: number,
    outcome: ControllerPendingEdge['outcome'],
    reason: ControllerPendingEdge['reason'],
  ): true {
    if (this.record !== null) this.record.controllerPendingEdge(l, outcome, reason);
    return true;
  }
  controllerEoi(l: number, by: number): true {
    if (this.record !== null) this.record.controllerEoi(l, by);
    return true;
  }
  controllerMask(l: number, value: 0 | 1, by: number): true {
    if (this.record !== null) this.record.controllerMask(l, value, by);
    return true;
  }
  hostReceive(l: number): true {
    countHostEntry(this.counters);
    if (this.record !== null) this.record.hostReceive(l);
    return true;
  }
  hostConfigRead(d: number, status: 0 | 1 | null, trusted: boolean): true {
    countConfigRead(this.counters);
    if (this.record !== null) this.record.hostConfigRead(d, status, trusted);
    return true;
  }
  hostSkip(d: number): true {
    if (this.record !== null) this.record.hostSkip(d);
    return true;
  }
  hostForward(
    entity: number,
    about: readonly number[],
    carried: number | null,
    reason: HostForward['reason'],
  ): true {
    countForward(this.counters, entity);
    if (this.record !== null) this.record.hostForward(entity, about, carried, reason);
    return true;
  }
  hostUnhandled(l: number): true {
    countHostUnhandled(this.counters);
    if (this.record !== null) this.record.hostUnhandled(l);
    return true;
  }
  hostRefuse(k: number): true {
    if (this.record !== null) this.record.hostRefuse(k);
    return true;
  }
  hostEoiTimer(l: number, inFlight: number): true {
    if (this.record !== null) this.record.hostEoiTimer(l, inFlight);
    return true;
  }
  hostStormDelay(d: number, count: number, delayNs: number): true {
    if (this.record !== null) this.record.hostStormDelay(d, count, delayNs);
    return true;
  }
  hostEoi(entity: number, inFlight: number): true {
    if (this.record !== null) this.record.hostEoi(entity, inFlight);
    return true;
  }
  entityEnter(e: number, contextSwitch: boolean, carried: number | null): true {
    countEnter(this.counters, e, contextSwitch, this.sim.s.t);
    if (this.record !== null) this.record.entityEnter(e, contextSwitch, carried);
    return true;
  }
  entityWaitCpu(e: number, waiting: number): true {
    if (this.record !== null) this.record.entityWaitCpu(e, waiting);
    return true;
  }
  isrCall(e: number, isr: number, claimed: boolean): true {
    countIsrCall(this.counters, e);
    if (this.record !== null) this.record.isrCall(e, isr, claimed);
    return true;
  }
  entitySpurious(e: number): true {
    countSpurious(this.counters, e);
    if (this.record !== null) this.record.entitySpurious(e);
    return true;
  }
  entityNobodyCared(e: number, l: number, window: number): true {
    if (this.record !== null) this.record.entityNobodyCared(e, l, window);
    return true;
  }
  entityPoll(e: number, l: number): true {
    if (this.record !== null) this.record.entityPoll(e, l);
    return true;
  }
  entityEoi(e: number): true {
    if (this.record !== null) this.record.entityEoi(e);
    return true;
  }
  entityExit(e: number): true {
    countExit(this.counters, e, this.sim.s.t);
    if (this.record !== null) this.record.entityExit(e);
    return true;
  }
  runEnd(reason: RunEnd['reason']): true {
    if (this.record !== null) this.record.runEnd(reason);
    return true;
  }
}
