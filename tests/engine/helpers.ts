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
