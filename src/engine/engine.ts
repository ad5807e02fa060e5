import { createCore } from './core';
import type { TraceEvent } from './events';
import { MetricsSink } from './metrics-sink';
import type { Scenario } from './scenario';
import { cloneState, type EngineState } from './state';
import { summarize } from './summary';
import { createCounters } from './summary-counters';
import { TraceSink } from './trace-sink';
import { buildTrace, type Trace } from './trace-types';
import type { Topology } from './topology';

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
  let sink: TraceSink | undefined;
  // The handlers always call the metrics sink (metrics-sink.ts says why); it hands each
  // event on to the trace sink. Its counts are not read here: the trace's summary is the
  // fold over its events (summary.ts), which a restore to an earlier state keeps right.
  const core = createCore(
    scenario,
    (sim) => new MetricsSink(sim, createCounters(scenario), (sink = new TraceSink(sim))),
  );
  const trace = sink!;
  const { sim } = core;
  return {
    topology: sim.topo,
    step: () => (core.advance(Infinity) ? trace.take() : null),
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
