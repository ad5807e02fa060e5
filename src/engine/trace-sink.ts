import type { HostForward, TraceEvent } from './events';
import { byName, type Sim } from './sim';
import type { EventSink } from './sink';

/**
 * The sink that makes trace events: each call builds the event object of one
 * micro-step, with the engine's current `seq` and `t`, and keeps it until the
 * engine takes it. Field order is part of the byte-identical trace promise
 * (see events.ts): add fields at the end of an event, never reorder.
 */
export class TraceSink implements EventSink {
  private last: TraceEvent | null = null;

  /** `sim` is read at each call: a restore replaces its state. */
  constructor(private readonly sim: Sim) {}

  /** The event made since the last call, and forget it. */
  take(): TraceEvent | null {
    const ev = this.last;
    this.last = null;
    return ev;
  }

  private put(ev: TraceEvent): true {
    this.last = ev;
    return true;
  }

  private dev(d: number): string {
    return this.sim.topo.devices[d]!.id;
  }
  private line(l: number): string {
    return this.sim.topo.lines[l]!.id;
  }
  private ent(e: number): string {
    return this.sim.topo.entities[e]!.id;
  }
  private to(e: number | null): string {
    return e === null ? 'host' : this.ent(e);
  }

  deviceRaise(d: number, merged: boolean, source: 'scenario' | 'traffic' | 'hand'): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'device.raise', device: this.dev(d), merged, source });
  }
  deviceWithdraw(d: number, raises: number, source: 'scenario' | 'hand'): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'device.withdraw', device: this.dev(d), raises, source });
  }
  deviceEnable(d: number, value: 0 | 1, source: 'scenario' | 'hand'): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'device.enable', device: this.dev(d), value, source });
  }
  deviceIntxDisable(d: number, value: 0 | 1, by: 'host' | 'scenario' | 'hand'): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'device.intx-disable', device: this.dev(d), value, by });
  }
  deviceStatus(d: number, value: 0 | 1): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'device.status', device: this.dev(d), value });
  }
  devicePin(d: number, value: 0 | 1): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'device.pin', device: this.dev(d), value });
  }
  deviceService(d: number, entity: number, isr: number, raises: number): true {
    const { seq, t } = this.sim.s;
    const e = this.sim.topo.entities[entity]!;
    return this.put({
      seq,
      t,
      type: 'device.service',
      device: this.dev(d),
      entity: e.id,
      isr: e.isrs[isr]!.id,
      raises,
    });
  }
  lineLevel(l: number, value: 0 | 1, d: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'line.level', line: this.line(l), value, device: this.dev(d) });
  }
  lineNoEdge(l: number, d: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'line.no-edge', line: this.line(l), device: this.dev(d) });
  }
  lineNobodyCared(l: number, unhandled: number, window: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'line.nobody-cared', line: this.line(l), unhandled, window });
  }
  linePoll(l: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'line.poll', line: this.line(l) });
  }
  controllerDeliver(l: number, to: number | null): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'ioapic.deliver', line: this.line(l), to: this.to(to) });
  }
  msiDeliver(d: number, vector: number, to: number | null): true {
    const { seq, t } = this.sim.s;
    return this.put({
      seq,
      t,
      type: 'msi.deliver',
      device: this.dev(d),
      vector,
      to: this.to(to),
    });
  }
  controllerRemoteIrr(l: number, value: 0 | 1): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'ioapic.remote-irr', line: this.line(l), value });
  }
  controllerLatch(l: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'ioapic.latch', line: this.line(l) });
  }
  controllerPendingEdge(
    l: number,
    outcome: 'kept' | 'lost',
    reason: 'eoi' | 'masked' | 'already-latched',
  ): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'ioapic.pending-edge', line: this.line(l), outcome, reason });
  }
  controllerEoi(l: number, by: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'ioapic.eoi', line: this.line(l), by: byName(this.sim, by) });
  }
  controllerMask(l: number, value: 0 | 1, by: number): true {
    const { seq, t } = this.sim.s;
    return this.put({
      seq,
      t,
      type: 'ioapic.mask',
      line: this.line(l),
      value,
      by: byName(this.sim, by),
    });
  }
  hostReceive(l: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'host.receive', line: this.line(l) });
  }
  hostConfigRead(d: number, status: 0 | 1 | null, trusted: boolean): true {
    const { seq, t } = this.sim.s;
    return this.put({
      seq,
      t,
      type: 'host.config-read',
      device: this.dev(d),
      status,
      trusted,
    });
  }
  hostSkip(d: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'host.skip', device: this.dev(d), reason: 'in-flight' });
  }
  hostForward(
    entity: number,
    about: readonly number[],
    carried: number | null,
    reason: HostForward['reason'],
  ): true {
    const { seq, t } = this.sim.s;
    return this.put({
      seq,
      t,
      type: 'host.forward',
      entity: this.ent(entity),
      devices: about.map((d) => this.dev(d)),
      device: carried === null ? null : this.dev(carried),
      reason,
    });
  }
  hostUnhandled(l: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'host.unhandled', line: this.line(l) });
  }
  hostRefuse(k: number): true {
    const { seq, t } = this.sim.s;
    const { topo } = this.sim;
    const r = topo.refusals[k]!;
    return this.put({
      seq,
      t,
      type: 'host.refuse',
      device: r.device >= 0 ? this.dev(r.device) : null,
      entity: r.entity >= 0 ? (topo.entities[r.entity]?.id ?? null) : null,
      line: this.line(r.line),
      reason: r.reason,
    });
  }
  hostEoiTimer(l: number, inFlight: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'host.eoi-timer', line: this.line(l), inFlight });
  }
  hostStormDelay(d: number, count: number, delayNs: number): true {
    const { seq, t } = this.sim.s;
    const line = this.line(this.sim.topo.devices[d]!.line);
    return this.put({
      seq,
      t,
      type: 'host.storm-delay',
      device: this.dev(d),
      line,
      count,
      delayNs,
    });
  }
  hostEoi(entity: number, inFlight: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'host.eoi', entity: this.ent(entity), inFlight });
  }
  entityEnter(e: number, contextSwitch: boolean, carried: number | null): true {
    const { seq, t } = this.sim.s;
    return this.put({
      seq,
      t,
      type: 'entity.enter',
      entity: this.ent(e),
      contextSwitch,
      device: carried === null ? null : this.dev(carried),
    });
  }
  entityWaitCpu(e: number, waiting: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'entity.wait-cpu', entity: this.ent(e), waiting });
  }
  isrCall(e: number, isr: number, claimed: boolean): true {
    const { seq, t } = this.sim.s;
    const spec = this.sim.topo.entities[e]!.isrs[isr]!;
    return this.put({
      seq,
      t,
      type: 'isr.call',
      entity: this.ent(e),
      isr: spec.id,
      device: spec.device >= 0 ? this.dev(spec.device) : null,
      result: claimed ? 'claimed' : 'not-mine',
    });
  }
  entitySpurious(e: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'entity.spurious', entity: this.ent(e) });
  }
  entityNobodyCared(e: number, l: number, window: number): true {
    const { seq, t } = this.sim.s;
    return this.put({
      seq,
      t,
      type: 'entity.nobody-cared',
      entity: this.ent(e),
      line: this.line(l),
      window,
    });
  }
  entityPoll(e: number, l: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'entity.poll', entity: this.ent(e), line: this.line(l) });
  }
  entityEoi(e: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'entity.eoi', entity: this.ent(e) });
  }
  entityExit(e: number): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'entity.exit', entity: this.ent(e) });
  }
  runEnd(reason: 'idle' | 'until' | 'event-limit'): true {
    const { seq, t } = this.sim.s;
    return this.put({ seq, t, type: 'run.end', reason });
  }
}
