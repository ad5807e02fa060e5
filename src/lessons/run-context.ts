/**
 * One run of the engine as a lesson reads it: the scenario, its events and
 * summary, the step's parameters, and runs of patched variants (`under`),
 * each simulated once.
 */
import { simulate } from '../engine/engine';
import type { TraceEvent } from '../engine/events';
import type { Scenario } from '../engine/scenario';
import { summarize } from '../engine/summary';
import type { Summary } from '../engine/summary-types';
import { applyEvent, initialView, type ViewState } from '../replay/view-state';
import type { ScenarioPatch } from './model';
import type { ParamValues } from './params';
import { applyPatch } from './scenario-source';

export interface RunContext {
  scenario: Scenario;
  events: readonly TraceEvent[];
  summary: Summary;
  params: ParamValues;
  /** The summary of the first `cursor` events. */
  summaryAt(cursor: number): Summary;
  /** What the screen shows after the first `cursor` events (registers, gates, line...). */
  viewAt(cursor: number): ViewState;
  /** The same step's scenario with `patch` applied, run by the engine. */
  under(patch: ScenarioPatch, path: string): RunContext;
}

export function runContext(scenario: Scenario, params: ParamValues): RunContext {
  const trace = simulate(scenario);
  const variants = new Map<string, RunContext>();
  const summaries = new Map<number, Summary>();
  const context: RunContext = {
    scenario,
    events: trace.events,
    summary: trace.summary,
    params,
    summaryAt(cursor) {
      let summary = summaries.get(cursor);
      if (!summary) {
        summary = summarize(scenario, trace.events.slice(0, cursor));
        summaries.set(cursor, summary);
      }
      return summary;
    },
    viewAt(cursor) {
      const view = initialView(scenario);
      for (let i = 0; i < cursor && i < trace.events.length; i++)
        applyEvent(view, trace.events[i]!);
      return view;
    },
    under(patch, path) {
      const key = JSON.stringify(patch);
      let run = variants.get(key);
      if (!run) {
        run = runContext(applyPatch(scenario, patch, params, path), params);
        variants.set(key, run);
      }
      return run;
    },
  };
  return context;
}
