import {
  deliver,
  eoi,
  evaluate,
  lineInput,
  nobodyCared,
  remoteIrrEvent,
  rise,
  settleLatch,
  spuriousPoll,
  syncMask,
} from './controller';
import { evalGate520, evalGate530 } from './device';
import { entityStep, guestNobodyCared } from './entity';
import type { TraceEvent } from './events';
import {
  hostDeviceEoi,
  hostDeviceUnmask,
  hostEoi,
  hostReforward,
  hostStep,
  hostRefuse,
  msiDeliver,
  msiForward,
  xenEoiTimer,
  xenTimerCancelled,
} from './host';
import { agendaPeek, agendaPop } from './queue';
import type { Scenario, Stimulus } from './scenario';
import { Op, schedule, type Sim } from './sim';
import { cloneState, initialState, type EngineState } from './state';
import { summarize } from './summary';
import { buildTrace, type Trace } from './trace-types';
import { applyStimulus, applyTraffic, scheduleInputs, sortStimuli } from './stimuli';
import { buildTopology, type Topology } from './topology';

/**
 * The engine: `step()` advances one micro-step and returns its trace event.
 * Deterministic: the same scenario (seed included) gives the same events.
 * The state is plain data: `snapshot()` copies it, `restore()` resumes from a copy.
 */
export interface Engine {
  readonly topology: Topology;
  /** The next event, or null once `run.end` has been returned. */
  step(): TraceEvent | null;
  /** A deep copy of the changing state, to resume from later. */
  snapshot(): EngineState;
  restore(state: EngineState): void;
  readonly state: EngineState;
}

export function createEngine(scenario: Scenario): Engine {
  const topology = buildTopology(scenario);
  const stimuli: Stimulus[] = sortStimuli(scenario.stimuli);
  const deviceIndex = new Map(scenario.devices.map((d, i) => [d.id, i]));
  const sim: Sim = { topo: topology, s: initialState(topology) };
  // The host's refusals happen at set-up, before anything the scenario does at time 0.
  topology.refusals.forEach((_, k) => schedule(sim, 0, Op.Refuse, k));
  scheduleInputs(sim, stimuli);
  const until = scenario.untilNs;
  const maxEvents = scenario.maxEvents;

  function dispatch(k: number, a: number, b: number): TraceEvent | null {
    switch (k) {
      case Op.Stimulus:
        return applyStimulus(sim, stimuli, deviceIndex, a);
      case Op.Traffic:
        return applyTraffic(sim, deviceIndex, a);
      case Op.DeviceGates:
        return evalGate520(sim, a);
      case Op.DevicePin:
        return evalGate530(sim, a);
      case Op.LineInput:
        return lineInput(sim, a, b);
      case Op.ControllerRise:
        return rise(sim, a);
      case Op.ControllerEval:
        return evaluate(sim, a);
      case Op.Deliver:
        return deliver(sim, a);
      case Op.RemoteIrr:
        return remoteIrrEvent(sim, a, b as 0 | 1);
      case Op.ControllerEoi:
        return eoi(sim, a, b);
      case Op.MaskSync:
        return syncMask(sim, a, b);
      case Op.NobodyCared:
        return nobodyCared(sim, a, b);
      case Op.Host:
        return hostStep(sim, a);
      case Op.HostEoi:
        return hostEoi(sim, a);
      case Op.HostDeviceEoi:
        return hostDeviceEoi(sim, a);
      case Op.HostDeviceUnmask:
        return hostDeviceUnmask(sim, a);
      case Op.HostReforward:
        return hostReforward(sim, a, b);
      case Op.Entity:
        return entityStep(sim, a);
      case Op.SettleLatch:
        return settleLatch(sim, a);
      case Op.MsiDeliver:
        return msiDeliver(sim, a);
      case Op.MsiForward:
        return msiForward(sim, a, b);
      case Op.Refuse:
        return hostRefuse(sim, a);
      case Op.XenEoiTimer:
        return xenEoiTimer(sim, a, b);
      case Op.SpuriousPoll:
        return spuriousPoll(sim, a);
      case Op.GuestNobodyCared:
        return guestNobodyCared(sim, a, b);
      default:
        throw new Error(`unknown operation kind ${k}`);
    }
  }

  function end(reason: 'idle' | 'until' | 'event-limit'): TraceEvent {
    const s = sim.s;
    s.ended = true;
    return { seq: s.seq++, t: s.t, type: 'run.end', reason };
  }

  function step(): TraceEvent | null {
    const s = sim.s;
    if (s.ended) return null;
    for (;;) {
      if (s.seq >= maxEvents - 1) return end('event-limit');
      const top = agendaPeek(s);
      if (top === undefined) return end('idle');
      if (until !== null && top.t > until) {
        s.t = Math.max(s.t, until);
        return end('until');
      }
      agendaPop(s);
      // A Xen EOI timer whose guests all EOI'd was cancelled (del_timer): it takes no time.
      if (top.k === Op.XenEoiTimer && xenTimerCancelled(sim, top.a, top.b)) continue;
      s.t = top.t;
      const ev = dispatch(top.k, top.a, top.b);
      if (ev !== null) {
        ev.seq = s.seq++;
        return ev;
      }
    }
  }

  return {
    topology,
    step,
    snapshot: () => cloneState(sim.s),
    restore: (state) => {
      sim.s = cloneState(state);
    },
    get state() {
      return sim.s;
    },
  };
}

/** Run a scenario to its end, collecting every event. */
export function runEvents(scenario: Scenario): TraceEvent[] {
  const engine = createEngine(scenario);
  const events: TraceEvent[] = [];
  for (let ev = engine.step(); ev !== null; ev = engine.step()) events.push(ev);
  return events;
}

/** Run a scenario and package its trace (events plus the summary derived from them). */
export function simulate(scenario: Scenario): Trace {
  const events = runEvents(scenario);
  return buildTrace(scenario, events, summarize(scenario, events));
}
