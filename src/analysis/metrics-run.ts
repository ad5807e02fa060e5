import { createEngine } from '../engine/engine';
import type { TraceEvent } from '../engine/events';
import type { Scenario } from '../engine/scenario';
import { createSummaryAccumulator, type SummaryAccumulator } from '../engine/summary';
import type { Summary } from '../engine/summary-types';

/**
 * A metrics-only run: the engine's steps folded straight into the engine's own
 * summary accumulator, keeping no events. The numbers are therefore exactly
 * those of `summarize` over the full trace, at a fraction of the memory.
 */
export function runMetrics(scenario: Scenario): Summary {
  const engine = createEngine(scenario);
  const acc = createSummaryAccumulator(scenario);
  for (let ev = engine.step(); ev !== null; ev = engine.step()) acc.add(ev);
  return acc.result();
}

/**
 * The summary of a run at any simulated time: every event with `t <= time`.
 * Moving forward folds only the new events; moving back starts again (runs are
 * deterministic, so the answer is the same as a fresh run up to that time).
 */
export interface TimeFold {
  at(time: number): Summary;
}

export function createTimeFold(scenario: Scenario): TimeFold {
  let engine = createEngine(scenario);
  let acc: SummaryAccumulator = createSummaryAccumulator(scenario);
  /** The first event later than the time folded so far, held back for the next call. */
  let pending: TraceEvent | null = null;
  let folded = -Infinity;

  return {
    at(time) {
      if (time < folded) {
        engine = createEngine(scenario);
        acc = createSummaryAccumulator(scenario);
        pending = null;
      }
      folded = time;
      if (pending !== null) {
        if (pending.t > time) return acc.result();
        acc.add(pending);
        pending = null;
      }
      for (let ev = engine.step(); ev !== null; ev = engine.step()) {
        if (ev.t > time) {
          pending = ev;
          break;
        }
        acc.add(ev);
      }
      return acc.result();
    },
  };
}
