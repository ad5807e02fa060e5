import { ColumnSink, type EventColumns } from './column-sink';
import { createCore } from './core';
import type { Scenario } from './scenario';
import type { Topology } from './topology';

/**
 * The engine with its trace written into columns: the same simulation as
 * `createEngine` (engine.ts), whose events go straight into a columnar store
 * through the column sink, no event object made. The store holds, event for
 * event, what `createEngine` would have returned.
 */
export interface ColumnEngine {
  readonly topology: Topology;
  /** Runs to the next event and writes it into the columns; false once `run.end` is written. */
  step(): boolean;
}

export function createColumnEngine(scenario: Scenario, columns: EventColumns): ColumnEngine {
  const core = createCore(scenario, (sim) => new ColumnSink(sim, columns));
  return { topology: core.sim.topo, step: () => core.advance(Infinity) };
}
