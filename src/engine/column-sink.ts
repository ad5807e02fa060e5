import { layoutBase, VARIANTS } from './column-layout';
import type { EventType, HostForward } from './events';
import { byName, type Sim } from './sim';
import type { EventSink } from './sink';

/**
 * Where the column sink writes: a columnar event store (src/worker's
 * `EventStore`). Strings and lists are interned as small ids; an event is
 * one row of its shape, seq, t and up to four 32-bit slots.
 */
export interface EventColumns {
  /** The store's shape for `layout` (a type's `layoutBase` plus its variant bits). */
  layoutShape(layout: number): number;
  stringId(s: string): number;
  listId(list: readonly string[]): number;
  /** The slot of a count that is not a 32-bit integer from 0 (kept aside, read back exactly). */
  bigCount(n: number): number;
  append(seq: number, t: number, shape: number, a: number, b: number, c: number, d: number): void;
}

// Each type's first layout (column-layout.ts); the variant bits follow the order of the
// type's booleans and nullable fields in EVENT_FIELDS.
const base = (type: EventType): number => layoutBase(type);
const RAISE = base('device.raise');
const WITHDRAW = base('device.withdraw');
const ENABLE = base('device.enable');
const INTX_DISABLE = base('device.intx-disable');
const STATUS = base('device.status');
const PIN = base('device.pin');
const SERVICE = base('device.service');
const LEVEL = base('line.level');
const NO_EDGE = base('line.no-edge');
const LINE_NOBODY_CARED = base('line.nobody-cared');
const POLL = base('line.poll');
const DELIVER = base('ioapic.deliver');
const MSI_DELIVER = base('msi.deliver');
const REMOTE_IRR = base('ioapic.remote-irr');
const LATCH = base('ioapic.latch');
const PENDING_EDGE = base('ioapic.pending-edge');
const CONTROLLER_EOI = base('ioapic.eoi');
const MASK = base('ioapic.mask');
const RECEIVE = base('host.receive');
const CONFIG_READ = base('host.config-read');
const SKIP = base('host.skip');
const FORWARD = base('host.forward');
const UNHANDLED = base('host.unhandled');
const REFUSE = base('host.refuse');
const EOI_TIMER = base('host.eoi-timer');
const STORM_DELAY = base('host.storm-delay');
const HOST_EOI = base('host.eoi');
const ENTER = base('entity.enter');
const WAIT_CPU = base('entity.wait-cpu');
const ISR_CALL = base('isr.call');
const SPURIOUS = base('entity.spurious');
const ENTITY_NOBODY_CARED = base('entity.nobody-cared');
const ENTITY_POLL = base('entity.poll');
const ENTITY_EOI = base('entity.eoi');
const EXIT = base('entity.exit');
const RUN_END = base('run.end');
const LAYOUTS = RUN_END + VARIANTS;

/**
 * The sink that writes each micro-step straight into columns: the event the
 * trace sink would build (trace-sink.ts), as one row of interned ids and
 * numbers, without making the object. The store rebuilds the object only
 * when a consumer asks for it, equal to the trace sink's field for field,
 * keys in the same order (tests/engine/column-sink.test.ts).
 */
export class ColumnSink implements EventSink {
  /** The store's shape of each layout, or -1 until the first event of it. */
  private readonly shapes = new Int32Array(LAYOUTS).fill(-1);
  // The topology's ids, interned once: an event is then only numbers.
  private readonly devs: Int32Array;
  private readonly lines: Int32Array;
  private readonly ents: Int32Array;
  /** ISR ids, entity by entity: entity e's ISR k is at isrFirst[e] + k. */
  private readonly isrs: Int32Array;
  private readonly isrFirst: Int32Array;
  private readonly host: number;
  /** `isr.call`'s results, the most frequent words. */
  private readonly claimed: number;
  private readonly notMine: number;
  /** The list of each single device (a selective forward's `devices`), or -1 until used. */
  private readonly single: Int32Array;
  private readonly manyLists = new Map<string, number>();
  private readonly words = new Map<string, number>();

  /** `sim` is read at each call: a restore replaces its state. */
  constructor(
    private readonly sim: Sim,
    private readonly out: EventColumns,
  ) {
    const { topo } = sim;
    const ids = (list: readonly { id: string }[]) =>
      Int32Array.from(list, (x) => out.stringId(x.id));
    this.devs = ids(topo.devices);
    this.lines = ids(topo.lines);
    this.ents = ids(topo.entities);
    this.isrFirst = new Int32Array(topo.entities.length);
    const isrs: number[] = [];
    topo.entities.forEach((e, i) => {
      this.isrFirst[i] = isrs.length;
      for (const isr of e.isrs) isrs.push(out.stringId(isr.id));
    });
    this.isrs = Int32Array.from(isrs);
    this.host = out.stringId('host');
    this.claimed = out.stringId('claimed');
    this.notMine = out.stringId('not-mine');
    this.single = new Int32Array(topo.devices.length).fill(-1);
  }

  private put(layout: number, a = 0, b = 0, c = 0, d = 0): true {
    let shape = this.shapes[layout]!;
    if (shape < 0) shape = this.shapes[layout] = this.out.layoutShape(layout);
    const s = this.sim.s;
    this.out.append(s.seq, s.t, shape, a, b, c, d);
    return true;
  }

  /** A string that is not a topology id: the trace's enumerated words and actor names. */
  private word(w: string): number {
    let id = this.words.get(w);
    if (id === undefined) {
      id = this.out.stringId(w);
      this.words.set(w, id);
    }
    return id;
  }

  private count(n: number): number {
    return (n | 0) === n && n >= 0 ? n : this.out.bigCount(n);
  }

  private to(e: number | null): number {
    return e === null ? this.host : this.ents[e]!;
  }

  private deviceList(about: readonly number[]): number {
    if (about.length === 1) {
      const d = about[0]!;
      let id = this.single[d]!;
      if (id < 0) id = this.single[d] = this.out.listId([this.sim.topo.devices[d]!.id]);
      return id;
    }
    const key = about.join(',');
    let id = this.manyLists.get(key);
    if (id === undefined) {
      id = this.out.listId(about.map((d) => this.sim.topo.devices[d]!.id));
      this.manyLists.set(key, id);
    }
    return id;
  }

  deviceRaise(d: number, merged: boolean, source: 'scenario' | 'traffic' | 'hand'): true {
    return this.put(RAISE + (merged ? 1 : 0), this.devs[d], this.word(source));
  }
  deviceWithdraw(d: number, raises: number, source: 'scenario' | 'hand'): true {
    return this.put(WITHDRAW, this.devs[d], this.count(raises), this.word(source));
  }
  deviceEnable(d: number, value: 0 | 1, source: 'scenario' | 'hand'): true {
    return this.put(ENABLE, this.devs[d], value, this.word(source));
  }
  deviceIntxDisable(d: number, value: 0 | 1, by: 'host' | 'scenario' | 'hand'): true {
    return this.put(INTX_DISABLE, this.devs[d], value, this.word(by));
  }
  deviceStatus(d: number, value: 0 | 1): true {
    return this.put(STATUS, this.devs[d], value);
  }
  devicePin(d: number, value: 0 | 1): true {
    return this.put(PIN, this.devs[d], value);
  }
  deviceService(d: number, entity: number, isr: number, raises: number): true {
    const isrId = this.isrs[this.isrFirst[entity]! + isr];
    return this.put(SERVICE, this.devs[d], this.ents[entity], isrId, this.count(raises));
  }
  lineLevel(l: number, value: 0 | 1, d: number): true {
    return this.put(LEVEL, this.lines[l], value, this.devs[d]);
  }
  lineNoEdge(l: number, d: number): true {
    return this.put(NO_EDGE, this.lines[l], this.devs[d]);
  }
  lineNobodyCared(l: number, unhandled: number, window: number): true {
    return this.put(LINE_NOBODY_CARED, this.lines[l], this.count(unhandled), this.count(window));
  }
  linePoll(l: number): true {
    return this.put(POLL, this.lines[l]);
  }
  controllerDeliver(l: number, to: number | null): true {
    return this.put(DELIVER, this.lines[l], this.to(to));
  }
  msiDeliver(d: number, vector: number, to: number | null): true {
    return this.put(MSI_DELIVER, this.devs[d], this.count(vector), this.to(to));
  }
  controllerRemoteIrr(l: number, value: 0 | 1): true {
    return this.put(REMOTE_IRR, this.lines[l], value);
  }
  controllerLatch(l: number): true {
    return this.put(LATCH, this.lines[l]);
  }
  controllerPendingEdge(
    l: number,
    outcome: 'kept' | 'lost',
    reason: 'eoi' | 'masked' | 'already-latched',
  ): true {
    return this.put(PENDING_EDGE, this.lines[l], this.word(outcome), this.word(reason));
  }
  controllerEoi(l: number, by: number): true {
    return this.put(CONTROLLER_EOI, this.lines[l], this.word(byName(this.sim, by)));
  }
  controllerMask(l: number, value: 0 | 1, by: number): true {
    return this.put(MASK, this.lines[l], value, this.word(byName(this.sim, by)));
  }
  hostReceive(l: number): true {
    return this.put(RECEIVE, this.lines[l]);
  }
  hostConfigRead(d: number, status: 0 | 1 | null, trusted: boolean): true {
    const variant = (status === null ? 0 : 1) | (trusted ? 2 : 0);
    return this.put(CONFIG_READ + variant, this.devs[d], status ?? 0);
  }
  hostSkip(d: number): true {
    return this.put(SKIP, this.devs[d], this.word('in-flight'));
  }
  hostForward(
    entity: number,
    about: readonly number[],
    carried: number | null,
    reason: HostForward['reason'],
  ): true {
    return this.put(
      FORWARD + (carried === null ? 0 : 1),
      this.ents[entity],
      this.deviceList(about),
      carried === null ? 0 : this.devs[carried],
      this.word(reason),
    );
  }
  hostUnhandled(l: number): true {
    return this.put(UNHANDLED, this.lines[l]);
  }
  hostRefuse(k: number): true {
    const r = this.sim.topo.refusals[k]!;
    const device = r.device >= 0;
    const entity = r.entity >= 0 && this.sim.topo.entities[r.entity] !== undefined;
    return this.put(
      REFUSE + (device ? 1 : 0) + (entity ? 2 : 0),
      device ? this.devs[r.device] : 0,
      entity ? this.ents[r.entity] : 0,
      this.lines[r.line],
      this.word(r.reason),
    );
  }
  hostEoiTimer(l: number, inFlight: number): true {
    return this.put(EOI_TIMER, this.lines[l], this.count(inFlight));
  }
  hostStormDelay(d: number, count: number, delayNs: number): true {
    const line = this.lines[this.sim.topo.devices[d]!.line];
    return this.put(STORM_DELAY, this.devs[d], line, this.count(count), this.count(delayNs));
  }
  hostEoi(entity: number, inFlight: number): true {
    return this.put(HOST_EOI, this.ents[entity], this.count(inFlight));
  }
  entityEnter(e: number, contextSwitch: boolean, carried: number | null): true {
    const variant = (contextSwitch ? 1 : 0) | (carried === null ? 0 : 2);
    return this.put(ENTER + variant, this.ents[e], carried === null ? 0 : this.devs[carried]);
  }
  entityWaitCpu(e: number, waiting: number): true {
    return this.put(WAIT_CPU, this.ents[e], this.count(waiting));
  }
  isrCall(e: number, isr: number, claimed: boolean): true {
    const device = this.sim.topo.entities[e]!.isrs[isr]!.device;
    return this.put(
      ISR_CALL + (device >= 0 ? 1 : 0),
      this.ents[e],
      this.isrs[this.isrFirst[e]! + isr],
      device >= 0 ? this.devs[device] : 0,
      claimed ? this.claimed : this.notMine,
    );
  }
  entitySpurious(e: number): true {
    return this.put(SPURIOUS, this.ents[e]);
  }
  entityNobodyCared(e: number, l: number, window: number): true {
    return this.put(ENTITY_NOBODY_CARED, this.ents[e], this.lines[l], this.count(window));
  }
  entityPoll(e: number, l: number): true {
    return this.put(ENTITY_POLL, this.ents[e], this.lines[l]);
  }
  entityEoi(e: number): true {
    return this.put(ENTITY_EOI, this.ents[e]);
  }
  entityExit(e: number): true {
    return this.put(EXIT, this.ents[e]);
  }
  runEnd(reason: 'idle' | 'until' | 'event-limit'): true {
    return this.put(RUN_END, this.word(reason));
  }
}
