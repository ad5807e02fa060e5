import { dispatch, type Inputs } from './dispatch';
import { entityStep } from './entity';
import { hostStep } from './host';
import { agendaEmpty, agendaNextIsNow, agendaNextT, agendaTake } from './queue';
import type { Scenario } from './scenario';
import { countEvent, Op, schedule, type Sim } from './sim';
import type { EventSink } from './sink';
import { initialState } from './state';
import { scheduleInputs, sortStimuli } from './stimuli';
import { buildTopology } from './topology';
import { xenTimerCancelled } from './xen';

/**
 * The one simulation loop, whatever becomes of its events: the trace engine
 * (engine.ts) and the metrics-only run (metrics-engine.ts) differ only in the
 * sink they give it.
 */
export interface Core {
  readonly sim: Sim;
  /**
   * Runs operations until one emits its event (true), or until the run has
   * ended or the next event would be later than `limit` (false; nothing run).
   * The event's `seq` is the state's before the call; it is counted here.
   */
  advance(limit: number): boolean;
  /**
   * Runs every operation up to `limit` (as `advance` would, called until it
   * returns false), in one loop: a metrics-only run wants no event back.
   */
  runTo(limit: number): void;
}

/**
 * A run at time 0: the wiring, the initial state, the sink, and the scenario's
 * inputs on the agenda. The loop below runs it; a measurement of the agenda
 * (tests/bench/ops.bench.ts) starts from the same point.
 */
export function startRun(
  scenario: Scenario,
  makeSink: (sim: Sim) => EventSink,
): { sim: Sim; inputs: Inputs } {
  const topo = buildTopology(scenario);
  const deviceIndex = new Map(scenario.devices.map((d, i) => [d.id, i]));
  const stimuli = sortStimuli(scenario.stimuli);
  const inputs: Inputs = {
    stimuli,
    stimulusDevice: stimuli.map((st) => deviceIndex.get(st.device) ?? -1),
    trafficDevice: scenario.traffic.map((tr) => deviceIndex.get(tr.device) ?? -1),
  };
  // The sink reads the simulation it reports on (its time and sequence number), so it is
  // made once the rest of `sim` exists.
  const sim = { topo, s: initialState(topo), goOnUntil: -Infinity, goOnLastSeq: 0 } as Sim;
  sim.out = makeSink(sim);
  // The host's refusals happen at set-up, before anything the scenario does at time 0.
  topo.refusals.forEach((_, k) => schedule(sim, 0, Op.Refuse, k));
  scheduleInputs(sim, inputs.stimuli);
  return { sim, inputs };
}

export function createCore(scenario: Scenario, makeSink: (sim: Sim) => EventSink): Core {
  const { sim, inputs } = startRun(scenario, makeSink);
  const until = scenario.untilNs;
  const maxEvents = scenario.maxEvents;

  function end(reason: 'idle' | 'until' | 'event-limit', t: number, limit: number): boolean {
    if (t > limit) return false;
    const s = sim.s;
    s.t = t;
    s.ended = true;
    sim.out.runEnd(reason);
    countEvent(s);
    return true;
  }

  /**
   * The loop itself, once for both uses: `oneEvent` stops after the first event
   * (the trace engine's step), else it runs on to `limit`. One function, so that V8
   * compiles the agenda and the checks below into a single loop either way.
   */
  function run(limit: number, oneEvent: boolean): boolean {
    const s = sim.s;
    if (s.ended) return false;
    // One comparison a step for both bounds; which one was passed is asked only then.
    const stop = until === null ? limit : Math.min(until, limit);
    const lastSeq = maxEvents - 1;
    // The same bounds for a handler that goes on by itself (sim.ts `goOnIn`), in a run
    // that wants no event back; none for a step, which stops at the first event.
    sim.goOnUntil = oneEvent ? -Infinity : stop;
    sim.goOnLastSeq = oneEvent ? 0 : lastSeq;
    for (;;) {
      if (s.seq >= lastSeq) return end('event-limit', s.t, limit);
      const a = s.agenda;
      if (agendaEmpty(a)) return end('idle', s.t, limit);
      const fromNow = agendaNextIsNow(a);
      const t = agendaNextT(a, fromNow);
      if (t > stop) {
        if (until !== null && t > until) return end('until', Math.max(s.t, until), limit);
        return false;
      }
      agendaTake(a, fromNow);
      const { op, target, arg } = a;
      // A Xen EOI timer whose guests all EOI'd was cancelled (del_timer): it takes no time.
      if (op === Op.XenEoiTimer && xenTimerCancelled(sim, target, arg)) continue;
      s.t = t;
      // An entity's step is most operations of a run with many VMs (four in five of the
      // broadcast sweep's), the host's of a selective one (its reads): called here, they
      // skip the switch's call and jump.
      const emitted =
        op === Op.Entity
          ? entityStep(sim, target)
          : op === Op.Host
            ? hostStep(sim, target)
            : dispatch(sim, inputs, op, target, arg);
      if (emitted) {
        // The duration here, not in the sink: one store in this loop, not a call's loads and
        // a store in each of 36 sink methods (measured: 3% of a metrics-only run). At the
        // state's time, not `t`: a handler that went on by itself (goOnIn) moved the clock.
        countEvent(s);
        if (oneEvent) return true;
      }
    }
  }

  return {
    sim,
    advance: (limit) => run(limit, true),
    runTo: (limit) => {
      run(limit, false);
    },
  };
}
