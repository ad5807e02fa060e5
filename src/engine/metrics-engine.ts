import { createCore } from './core';
import { MetricsSink } from './metrics-sink';
import type { Scenario } from './scenario';
import { createCounters, summaryOfRun } from './summary-counters';
import type { Summary } from './summary-types';

/**
 * A metrics-only run: the same simulation as the trace engine, with a sink
 * that counts the summary from each micro-step's arguments and builds no
 * event. Its summary is `summarize` of the trace engine's events (property
 * tested in tests/engine/metrics-engine.test.ts).
 */
export interface MetricsEngine {
  /**
   * Runs every event with `t <= time` not run yet, and returns the summary of
   * all of them (events are counted once, so `time` may only grow; a smaller
   * one returns the summary so far).
   */
  runTo(time: number): Summary;
  /** Events counted so far: as many as the trace would hold up to here. */
  readonly events: number;
}

export function createMetricsEngine(scenario: Scenario): MetricsEngine {
  const counters = createCounters(scenario);
  const core = createCore(scenario, (sim) => new MetricsSink(sim, counters));
  return {
    runTo(time) {
      core.runTo(time);
      return summaryOfRun(counters, core.sim.s);
    },
    // Every event is counted in the state's sequence number, run.end included.
    get events() {
      return core.sim.s.seq;
    },
  };
}

/** The summary of a whole run, metrics only. */
export function runSummary(scenario: Scenario): Summary {
  return createMetricsEngine(scenario).runTo(Infinity);
}
