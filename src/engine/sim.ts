import { agendaNowEndsWith, agendaPush } from './queue';
import type { EventSink } from './sink';
import type { EngineState } from './state';
import type { Topology } from './topology';

/**
 * What every handler works on: the fixed wiring and the changing state.
 * Handlers never call each other across concepts; they schedule operations,
 * so every state change reaches the trace as its own micro-step.
 */
export interface Sim {
  topo: Topology;
  s: EngineState;
  /** Where each micro-step's event goes (a trace, or the summary counters only). */
  out: EventSink;
  /**
   * While the loop runs on without handing events back (`runTo`), the last instant and
   * the event count it may run to, for `goOnIn`; -Infinity and 0 while it stops at
   * every event (the trace engine's step), where a handler never goes on by itself.
   */
  goOnUntil: number;
  goOnLastSeq: number;
}

/** Operation kinds on the agenda. */
export const Op = {
  Stimulus: 0,
  Traffic: 1,
  DeviceGates: 2,
  DevicePin: 3,
  LineInput: 4,
  ControllerRise: 5,
  ControllerEval: 6,
  Deliver: 7,
  RemoteIrr: 8,
  ControllerEoi: 9,
  MaskSync: 10,
  NobodyCared: 11,
  Host: 12,
  HostEoi: 13,
  HostDeviceEoi: 14,
  HostDeviceUnmask: 15,
  HostReforward: 16,
  Entity: 17,
  SettleLatch: 18,
  MsiDeliver: 19,
  MsiForward: 20,
  Refuse: 21,
  XenEoiTimer: 22,
  SpuriousPoll: 23,
  GuestNobodyCared: 24,
  GuestPoll: 25,
} as const;

/** Put operation `op` on `target` (with its second argument `arg`) on the agenda at time `t`. */
export function schedule(sim: Sim, t: number, op: number, target = 0, arg = 0): void {
  const s = sim.s;
  agendaPush(s.agenda, t, s.order++, op, target, arg, s.t);
}

/**
 * `schedule` at `delay` ns from now (0: this instant), the time computed here as
 * `s.t + delay`, exactly as a caller would. Why a second entry: the handlers call
 * it with small integers only, while an absolute time is a double once past 2^30 ns,
 * and V8 boxes a double into a new HeapNumber at every call it does not inline.
 */
export function scheduleIn(sim: Sim, delay: number, op: number, target = 0, arg = 0): void {
  const s = sim.s;
  const now = s.t;
  agendaPush(s.agenda, now + delay, s.order++, op, target, arg, now);
}

/**
 * An event has been emitted at the state's time: it is counted (its `seq` taken) and
 * its time is the summary's duration so far. The loop (core.ts) and `goOnIn` alike.
 */
export function countEvent(s: EngineState): void {
  s.seq += 1;
  s.lastEventT = s.t;
}

/**
 * In place of `scheduleIn(sim, delay, op, target)` for the handler's own next step,
 * right after its event: when that entry would be the very next of the whole run (no
 * entry at this instant waits in the FIFO, every later one is due after it, and the
 * run's bounds allow one more event), the handler may go on to it at once. Then the
 * event just emitted is counted and the clock moves as the loop would have done,
 * and the entry's insertion order is taken, so every later entry is numbered as
 * before: the same run, without the agenda's push and take. Returns false, with
 * nothing done, when the entry must be scheduled after all. Only `runTo` allows it
 * (core.ts): the trace engine hands each event back, one per step.
 */
export function goOnIn(sim: Sim, delay: number): boolean {
  const s = sim.s;
  const t = s.t + delay;
  const a = s.agenda;
  if (t > sim.goOnUntil || s.seq + 1 >= sim.goOnLastSeq) return false;
  if (a.nowHead !== a.nowTail || t >= a.laterT) return false;
  countEvent(s);
  s.order += 1;
  s.t = t;
  return true;
}

/**
 * `scheduleIn(sim, 0, op, target, arg)` for an operation that only brings its
 * target in line with the state it finds (syncMask, evaluate), unless the
 * entry the FIFO ends with is already that operation on that target. Why
 * nothing is lost: the two would run back to back, the new one straight after
 * the other (FIFO entries run in order, and no later entry can come due at
 * this instant in between: one made now for now joins the FIFO), so the
 * second finds the state the first left, already in line, and emits nothing.
 * Its insertion order is still taken, so later entries are numbered as before. A broadcast's
 * 64 EOIs at one instant each asked for a mask sync: now one runs.
 */
export function scheduleResync(sim: Sim, op: number, target: number, arg = 0): void {
  const s = sim.s;
  if (agendaNowEndsWith(s.agenda, op, target)) {
    s.order += 1;
    return;
  }
  scheduleIn(sim, 0, op, target, arg);
}

/** Who wrote a controller mask or EOI, as recorded in the `by` field. */
export const By = { Host: -1, NobodyCared: -2 } as const;

export function byName(sim: Sim, by: number): string {
  if (by === By.Host) return 'host';
  if (by === By.NobodyCared) return 'nobody-cared';
  return sim.topo.entities[by]?.id ?? 'unknown';
}

/** Phases of an entity handling indications (see entity.ts). */
export const EntityPhase = {
  Idle: 0,
  Wake: 1,
  Walk: 2,
  Service: 3,
  Done: 4,
  Eoi: 5,
  Exit: 6,
  /** Waiting for one of the shared physical CPUs. */
  WaitCpu: 7,
  /** The driver's acknowledgement after its EOI (ackAfterEoi). */
  LateAck: 8,
} as const;
