import { createMetricsEngine, runSummary, type MetricsEngine } from '../engine/metrics-engine';
import type { Scenario } from '../engine/scenario';
import type { Summary } from '../engine/summary-types';

/**
 * A metrics-only run: the engine with its metrics sink, which counts the
 * summary straight from each micro-step and builds no event. The numbers are
 * exactly those of `summarize` over the full trace (property tested).
 */
export function runMetrics(scenario: Scenario): Summary {
  return runSummary(scenario);
}

/**
 * The summary of a run at any simulated time: every event with `t <= time`.
 * Moving forward runs only the new events; moving back starts again (runs are
 * deterministic, so the answer is the same as a fresh run up to that time).
 */
export interface TimeFold {
  at(time: number): Summary;
}

export function createTimeFold(scenario: Scenario): TimeFold {
  let engine: MetricsEngine = createMetricsEngine(scenario);
  let folded = -Infinity;
  return {
    at(time) {
      if (time < folded) engine = createMetricsEngine(scenario);
      folded = time;
      return engine.runTo(time);
    },
  };
}
