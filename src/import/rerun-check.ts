import { createEngine } from '../engine/engine';
import type { TraceEvent } from '../engine/events';
import type { Scenario } from '../engine/scenario';
import type { RerunCheck } from '../protocol/api';

/**
 * Deep equality of two JSON-like values, ignoring key order: a trace read
 * from a file has its keys in the schema's order, a fresh one in the engine's.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // An absent key and a key holding undefined mean the same in JSON.
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) {
    if (!sameJson(ra[key], rb[key])) return false;
  }
  return true;
}

/** Compares two runs event by event (by index); extra events in either count as differing. */
export function compareEvents(
  recorded: readonly TraceEvent[],
  rerun: readonly TraceEvent[],
): RerunCheck {
  let firstDifference: number | null = null;
  let differing = 0;
  const longest = Math.max(recorded.length, rerun.length);
  for (let i = 0; i < longest; i++) {
    const a = recorded[i];
    const b = rerun[i];
    if (a !== undefined && b !== undefined && sameJson(a, b)) continue;
    differing++;
    if (firstDifference === null) firstDifference = i;
  }
  return {
    recordedEvents: recorded.length,
    rerunEvents: rerun.length,
    firstDifference,
    differing,
  };
}

/** Every event of a fresh run of `scenario` by this engine. */
export function simulateEvents(scenario: Scenario): TraceEvent[] {
  const engine = createEngine(scenario);
  const events: TraceEvent[] = [];
  for (let ev = engine.step(); ev !== null; ev = engine.step()) events.push(ev);
  return events;
}
