import { ColumnSink, type EventColumns } from './column-sink';
import { createCore } from './core';
import { MetricsSink } from './metrics-sink';
import type { Scenario } from './scenario';
import { createCounters, summaryOfRun } from './summary-counters';
import type { Summary } from './summary-types';
import type { Topology } from './topology';

/**
 * The engine with its trace written into columns: the same simulation as
 * `createEngine` (engine.ts), whose events go straight into a columnar store
 * through the column sink, no event object made, while the metrics sink
 * counts their summary. The store holds, event for event, what `createEngine`
 * would have returned, and the summary is `summarize` of those events. The
 * metrics sink counts each event, then hands it to the column sink.
 */
export interface ColumnEngine {
  readonly topology: Topology;
  /** Runs to the next event and writes it into the columns; false once `run.end` is written. */
  step(): boolean;
  /** The summary of the events written so far. */
  summary(): Summary;
}

export function createColumnEngine(scenario: Scenario, columns: EventColumns): ColumnEngine {
  const counters = createCounters(scenario);
  const core = createCore(
    scenario,
    (sim) => new MetricsSink(sim, counters, new ColumnSink(sim, columns)),
  );
  return {
    topology: core.sim.topo,
    step: () => core.advance(Infinity),
    summary: () => summaryOfRun(counters, core.sim.s),
  };
}
