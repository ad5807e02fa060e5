import type {
  ControllerPendingEdge,
  DeviceEnable,
  DeviceIntxDisable,
  DeviceRaise,
  DeviceWithdraw,
  HostForward,
  RunEnd,
} from './events';

/** What a handler returns after calling the sink: this operation made its event. */
export type Emitted = true;

/**
 * Where the engine's micro-steps go: one method per event kind, called with
 * engine indices (devices, lines, entities as in the topology) at the instant
 * and sequence number of the engine's state, at most once per operation.
 * The trace sink builds the event object; the metrics sink counts the summary
 * straight from the arguments and builds nothing. A new event kind is one more
 * method here, its object in `trace-sink.ts`, its count (or nothing) in
 * `metrics-sink.ts`.
 *
 * `to` and `entity` arguments that may name no entity take null: the host.
 */
export interface EventSink {
  deviceRaise(d: number, merged: boolean, source: DeviceRaise['source']): Emitted;
  deviceWithdraw(d: number, raises: number, source: DeviceWithdraw['source']): Emitted;
  deviceEnable(d: number, value: 0 | 1, source: DeviceEnable['source']): Emitted;
  deviceIntxDisable(d: number, value: 0 | 1, by: DeviceIntxDisable['by']): Emitted;
  deviceStatus(d: number, value: 0 | 1): Emitted;
  devicePin(d: number, value: 0 | 1): Emitted;
  deviceService(d: number, entity: number, isr: number, raises: number): Emitted;
  lineLevel(l: number, value: 0 | 1, d: number): Emitted;
  lineNoEdge(l: number, d: number): Emitted;
  lineNobodyCared(l: number, unhandled: number, window: number): Emitted;
  linePoll(l: number): Emitted;
  /** `to`: the entity the controller delivers to natively, null for the host. */
  controllerDeliver(l: number, to: number | null): Emitted;
  msiDeliver(d: number, vector: number, to: number | null): Emitted;
  controllerRemoteIrr(l: number, value: 0 | 1): Emitted;
  controllerLatch(l: number): Emitted;
  controllerPendingEdge(
    l: number,
    outcome: ControllerPendingEdge['outcome'],
    reason: ControllerPendingEdge['reason'],
  ): Emitted;
  /** `by`: an entity index or a `By` code (see sim.ts). */
  controllerEoi(l: number, by: number): Emitted;
  controllerMask(l: number, value: 0 | 1, by: number): Emitted;
  hostReceive(l: number): Emitted;
  hostConfigRead(d: number, status: 0 | 1 | null, trusted: boolean): Emitted;
  hostSkip(d: number): Emitted;
  /** `about`: the devices the indication is for; `carried`: the device id it carries. */
  hostForward(
    entity: number,
    about: readonly number[],
    carried: number | null,
    reason: HostForward['reason'],
  ): Emitted;
  hostUnhandled(l: number): Emitted;
  /** `k`: the index of the refusal in the topology. */
  hostRefuse(k: number): Emitted;
  hostEoiTimer(l: number, inFlight: number): Emitted;
  /** QEMU's storm guard: the re-delivery to the owners of `d` waits `delayNs`. */
  hostStormDelay(d: number, count: number, delayNs: number): Emitted;
  hostEoi(entity: number, inFlight: number): Emitted;
  entityEnter(e: number, contextSwitch: boolean, carried: number | null): Emitted;
  entityWaitCpu(e: number, waiting: number): Emitted;
  isrCall(e: number, isr: number, claimed: boolean): Emitted;
  entitySpurious(e: number): Emitted;
  entityNobodyCared(e: number, l: number, window: number): Emitted;
  entityPoll(e: number, l: number): Emitted;
  entityEoi(e: number): Emitted;
  entityExit(e: number): Emitted;
  runEnd(reason: RunEnd['reason']): Emitted;
}
