import type { EventSink } from './sink';

type P<M extends keyof EventSink> = Parameters<EventSink[M]>;

/**
 * Two sinks fed the same micro-steps, in order: the worker records a run in
 * columns (column-sink.ts) and counts its summary (metrics-sink.ts) from one
 * run of the engine, with no event object in between. Every method is written
 * out rather than generated (a Proxy or a loop over the names): each stays a
 * direct call with fixed arguments that V8 can inline on the engine's hot path.
 */
export class TeeSink implements EventSink {
  constructor(
    private readonly first: EventSink,
    private readonly second: EventSink,
  ) {}

  deviceRaise(
    d: P<'deviceRaise'>[0],
    merged: P<'deviceRaise'>[1],
    source: P<'deviceRaise'>[2],
  ): true {
    this.first.deviceRaise(d, merged, source);
    return this.second.deviceRaise(d, merged, source);
  }
  deviceWithdraw(
    d: P<'deviceWithdraw'>[0],
    raises: P<'deviceWithdraw'>[1],
    source: P<'deviceWithdraw'>[2],
  ): true {
    this.first.deviceWithdraw(d, raises, source);
    return this.second.deviceWithdraw(d, raises, source);
  }
  deviceEnable(
    d: P<'deviceEnable'>[0],
    value: P<'deviceEnable'>[1],
    source: P<'deviceEnable'>[2],
  ): true {
    this.first.deviceEnable(d, value, source);
    return this.second.deviceEnable(d, value, source);
  }
  deviceIntxDisable(
    d: P<'deviceIntxDisable'>[0],
    value: P<'deviceIntxDisable'>[1],
    by: P<'deviceIntxDisable'>[2],
  ): true {
    this.first.deviceIntxDisable(d, value, by);
    return this.second.deviceIntxDisable(d, value, by);
  }
  deviceStatus(d: P<'deviceStatus'>[0], value: P<'deviceStatus'>[1]): true {
    this.first.deviceStatus(d, value);
    return this.second.deviceStatus(d, value);
  }
  devicePin(d: P<'devicePin'>[0], value: P<'devicePin'>[1]): true {
    this.first.devicePin(d, value);
    return this.second.devicePin(d, value);
  }
  deviceService(
    d: P<'deviceService'>[0],
    entity: P<'deviceService'>[1],
    isr: P<'deviceService'>[2],
    raises: P<'deviceService'>[3],
  ): true {
    this.first.deviceService(d, entity, isr, raises);
    return this.second.deviceService(d, entity, isr, raises);
  }
  lineLevel(l: P<'lineLevel'>[0], value: P<'lineLevel'>[1], d: P<'lineLevel'>[2]): true {
    this.first.lineLevel(l, value, d);
    return this.second.lineLevel(l, value, d);
  }
  lineNoEdge(l: P<'lineNoEdge'>[0], d: P<'lineNoEdge'>[1]): true {
    this.first.lineNoEdge(l, d);
    return this.second.lineNoEdge(l, d);
  }
  lineNobodyCared(
    l: P<'lineNobodyCared'>[0],
    unhandled: P<'lineNobodyCared'>[1],
    window: P<'lineNobodyCared'>[2],
  ): true {
    this.first.lineNobodyCared(l, unhandled, window);
    return this.second.lineNobodyCared(l, unhandled, window);
  }
  linePoll(l: P<'linePoll'>[0]): true {
    this.first.linePoll(l);
    return this.second.linePoll(l);
  }
  controllerDeliver(l: P<'controllerDeliver'>[0], to: P<'controllerDeliver'>[1]): true {
    this.first.controllerDeliver(l, to);
    return this.second.controllerDeliver(l, to);
  }
  msiDeliver(d: P<'msiDeliver'>[0], vector: P<'msiDeliver'>[1], to: P<'msiDeliver'>[2]): true {
    this.first.msiDeliver(d, vector, to);
    return this.second.msiDeliver(d, vector, to);
  }
  controllerRemoteIrr(l: P<'controllerRemoteIrr'>[0], value: P<'controllerRemoteIrr'>[1]): true {
    this.first.controllerRemoteIrr(l, value);
    return this.second.controllerRemoteIrr(l, value);
  }
  controllerLatch(l: P<'controllerLatch'>[0]): true {
    this.first.controllerLatch(l);
    return this.second.controllerLatch(l);
  }
  controllerPendingEdge(
    l: P<'controllerPendingEdge'>[0],
    outcome: P<'controllerPendingEdge'>[1],
    reason: P<'controllerPendingEdge'>[2],
  ): true {
    this.first.controllerPendingEdge(l, outcome, reason);
    return this.second.controllerPendingEdge(l, outcome, reason);
  }
  controllerEoi(l: P<'controllerEoi'>[0], by: P<'controllerEoi'>[1]): true {
    this.first.controllerEoi(l, by);
    return this.second.controllerEoi(l, by);
  }
  controllerMask(
    l: P<'controllerMask'>[0],
    value: P<'controllerMask'>[1],
    by: P<'controllerMask'>[2],
  ): true {
    this.first.controllerMask(l, value, by);
    return this.second.controllerMask(l, value, by);
  }
  hostReceive(l: P<'hostReceive'>[0]): true {
    this.first.hostReceive(l);
    return this.second.hostReceive(l);
  }
  hostConfigRead(
    d: P<'hostConfigRead'>[0],
    status: P<'hostConfigRead'>[1],
    trusted: P<'hostConfigRead'>[2],
  ): true {
    this.first.hostConfigRead(d, status, trusted);
    return this.second.hostConfigRead(d, status, trusted);
  }
  hostSkip(d: P<'hostSkip'>[0]): true {
    this.first.hostSkip(d);
    return this.second.hostSkip(d);
  }
  hostForward(
    entity: P<'hostForward'>[0],
    about: P<'hostForward'>[1],
    carried: P<'hostForward'>[2],
    reason: P<'hostForward'>[3],
  ): true {
    this.first.hostForward(entity, about, carried, reason);
    return this.second.hostForward(entity, about, carried, reason);
  }
  hostUnhandled(l: P<'hostUnhandled'>[0]): true {
    this.first.hostUnhandled(l);
    return this.second.hostUnhandled(l);
  }
  hostRefuse(k: P<'hostRefuse'>[0]): true {
    this.first.hostRefuse(k);
    return this.second.hostRefuse(k);
  }
  hostEoiTimer(l: P<'hostEoiTimer'>[0], inFlight: P<'hostEoiTimer'>[1]): true {
    this.first.hostEoiTimer(l, inFlight);
    return this.second.hostEoiTimer(l, inFlight);
  }
  hostStormDelay(
    d: P<'hostStormDelay'>[0],
    count: P<'hostStormDelay'>[1],
    delayNs: P<'hostStormDelay'>[2],
  ): true {
    this.first.hostStormDelay(d, count, delayNs);
    return this.second.hostStormDelay(d, count, delayNs);
  }
  hostEoi(entity: P<'hostEoi'>[0], inFlight: P<'hostEoi'>[1]): true {
    this.first.hostEoi(entity, inFlight);
    return this.second.hostEoi(entity, inFlight);
  }
  entityEnter(
    e: P<'entityEnter'>[0],
    contextSwitch: P<'entityEnter'>[1],
    carried: P<'entityEnter'>[2],
  ): true {
    this.first.entityEnter(e, contextSwitch, carried);
    return this.second.entityEnter(e, contextSwitch, carried);
  }
  entityWaitCpu(e: P<'entityWaitCpu'>[0], waiting: P<'entityWaitCpu'>[1]): true {
    this.first.entityWaitCpu(e, waiting);
    return this.second.entityWaitCpu(e, waiting);
  }
  isrCall(e: P<'isrCall'>[0], isr: P<'isrCall'>[1], claimed: P<'isrCall'>[2]): true {
    this.first.isrCall(e, isr, claimed);
    return this.second.isrCall(e, isr, claimed);
  }
  entitySpurious(e: P<'entitySpurious'>[0]): true {
    this.first.entitySpurious(e);
    return this.second.entitySpurious(e);
  }
  entityNobodyCared(
    e: P<'entityNobodyCared'>[0],
    l: P<'entityNobodyCared'>[1],
    window: P<'entityNobodyCared'>[2],
  ): true {
    this.first.entityNobodyCared(e, l, window);
    return this.second.entityNobodyCared(e, l, window);
  }
  entityEoi(e: P<'entityEoi'>[0]): true {
    this.first.entityEoi(e);
    return this.second.entityEoi(e);
  }
  entityExit(e: P<'entityExit'>[0]): true {
    this.first.entityExit(e);
    return this.second.entityExit(e);
  }
  runEnd(reason: P<'runEnd'>[0]): true {
    this.first.runEnd(reason);
    return this.second.runEnd(reason);
  }
}
