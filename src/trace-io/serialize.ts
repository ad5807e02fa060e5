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

/** Events per piece of `traceParts`: a few MB of text each. */
const EVENTS_PER_PART = 20_000;

/**
 * The same bytes as `serializeTrace`, in pieces: a trace of millions of events
 * is longer than the longest string JavaScript can hold (2^29 characters in
 * V8), so a file is written piece by piece instead.
 */
export function* traceParts(trace: Trace): Generator<string> {
  const keys = Object.keys(trace) as (keyof Trace)[];
  let first = true;
  yield '{';
  for (const key of keys) {
    const value = trace[key];
    if (value === undefined) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (key !== 'events') {
      yield JSON.stringify(value);
      continue;
    }
    const events = trace.events;
    yield '[';
    for (let i = 0; i < events.length; i += EVENTS_PER_PART) {
      const part = events.slice(i, i + EVENTS_PER_PART).map((e) => JSON.stringify(e));
      yield (i === 0 ? '' : ',') + part.join(',');
    }
    yield ']';
  }
  yield '}\n';
}

export function serializeScenario(scenario: Scenario): string {
  return JSON.stringify(scenario, null, 2) + '\n';
}
