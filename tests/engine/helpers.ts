import { runEvents } from '../../src/engine/engine';
import type { TraceEvent } from '../../src/engine/events';
import type { Scenario } from '../../src/engine/scenario';
import { summarize } from '../../src/engine/summary';
import type { Summary } from '../../src/engine/summary-types';
import { findPreset } from '../../src/presets';
import { normalizeScenario } from '../../src/trace-io';

/** A scenario file (partial, as a user writes it) with defaults filled; throws on a bad file. */
export function scenarioOf(doc: unknown): Scenario {
  const r = normalizeScenario(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.value;
}

export function presetScenario(name: string, overrides: Record<string, unknown> = {}): Scenario {
  const p = findPreset(name);
  if (!p) throw new Error(`no preset ${name}`);
  return scenarioOf({ ...(p.file as Record<string, unknown>), ...overrides });
}

export function run(scenario: Scenario): { events: TraceEvent[]; summary: Summary } {
  const events = runEvents(scenario);
  return { events, summary: summarize(scenario, events) };
}

export function ofType<T extends TraceEvent['type']>(
  events: readonly TraceEvent[],
  type: T,
): Extract<TraceEvent, { type: T }>[] {
  return events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);
}

/**
 * Two VMs sharing INTA, each owning one device (nic0: vm1, disk0: vm2), and vm3 with an ISR
 * for another line only: the smallest machine where forwarding to the owners differs from
 * forwarding to all.
 */
export const TWO_SHARERS = {
  devices: [
    { id: 'nic0', line: 'INTA', owners: ['vm1'] },
    { id: 'disk0', line: 'INTA', owners: ['vm2'] },
  ],
  entities: [
    { id: 'vm1', isrs: [{ id: 'vm1-nic0', device: 'nic0' }] },
    { id: 'vm2', isrs: [{ id: 'vm2-disk0', device: 'disk0' }] },
    { id: 'vm3', isrs: [{ id: 'vm3-timer', device: null }] },
  ],
};
