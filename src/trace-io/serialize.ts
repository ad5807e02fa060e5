/**
 * Writing files. Traces are compact (they can hold millions of events);
 * scenarios are indented because people read, edit and diff them.
 * Both end with a newline, as text files should.
 */
import type { Scenario } from '../engine/scenario';
import type { Trace } from '../engine/trace-types';

export function serializeTrace(trace: Trace): string {
  return JSON.stringify(trace) + '\n';
}

export function serializeScenario(scenario: Scenario): string {
  return JSON.stringify(scenario, null, 2) + '\n';
}
