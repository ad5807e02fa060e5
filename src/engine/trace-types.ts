import type { TraceEvent } from './events';
import type { Scenario } from './scenario';
import type { Summary } from './summary-types';

/** A recorded run (FORMATS.md "Trace", version 1). */
export interface Trace {
  format: 'intx-lab/trace';
  version: 1;
  engine: string;
  scenario: Scenario;
  events: TraceEvent[];
  summary: Summary;
}

/** Name and version written into every trace's `engine` field. */
export const ENGINE_ID = 'intx-lab@0.1.0';

/** Assemble a trace; the one place that fixes the field order of trace files. */
export function buildTrace(scenario: Scenario, events: TraceEvent[], summary: Summary): Trace {
  return { format: 'intx-lab/trace', version: 1, engine: ENGINE_ID, scenario, events, summary };
}
