/** Traces for the export tests: presets, scenario files and hand-written event lists. */
import { simulate } from '../../../src/engine/engine';
import type { TraceEvent } from '../../../src/engine/events';
import type { Policy, Scenario } from '../../../src/engine/scenario';
import { summarize } from '../../../src/engine/summary';
import { buildTrace, type Trace } from '../../../src/engine/trace-types';
import { PRESETS } from '../../../src/presets';
import { presetScenario, scenarioOf } from '../../engine/helpers';

export const POLICIES: readonly Policy[] = ['native', 'broadcast', 'selective'];
export const PRESET_NAMES: readonly string[] = PRESETS.map((p) => p.name);

export { presetScenario, scenarioOf };

export function presetTrace(name: string, overrides: Record<string, unknown> = {}): Trace {
  return simulate(presetScenario(name, overrides));
}

/** A trace event without its `seq` (numbered by {@link handTrace}). */
export type HandEvent = {
  [K in TraceEvent['type']]: Omit<Extract<TraceEvent, { type: K }>, 'seq'>;
}[TraceEvent['type']];

/** A trace of hand-written events (seq numbered from the list) for edge cases. */
export function handTrace(scenario: Scenario, events: readonly HandEvent[]): Trace {
  const full = events.map((e, seq) => ({ ...e, seq }) as TraceEvent);
  return buildTrace(scenario, full, summarize(scenario, full));
}

/** One device, one line, one VM with a chain of `isrs` ISRs (the last one serves the device). */
export function oneVmScenario(isrs = 1, overrides: Record<string, unknown> = {}): Scenario {
  const chain = Array.from({ length: isrs }, (_, i) =>
    i === isrs - 1 ? { id: 'vm1-nic0', device: 'nic0' } : { id: `vm1-other${i}`, device: null },
  );
  return scenarioOf({
    format: 'intx-lab/scenario',
    version: 1,
    name: 'one VM',
    policy: 'selective',
    lines: [{ id: 'INTA', trigger: 'level' }],
    devices: [{ id: 'nic0', line: 'INTA', owners: ['vm1'] }],
    entities: [{ id: 'vm1', isrs: chain }],
    stimuli: [{ at: 1000, device: 'nic0', action: 'raise' }],
    ...overrides,
  });
}
