/**
 * The contract says a trace's summary is derived from its events alone, so a
 * reader recomputes it (the engine's own fold, `summarize`) and refuses a
 * summary that disagrees: Metrics must never show numbers the events deny.
 * A field the file leaves out (one added to the contract after it was written)
 * takes the value the events give, not a default that could be wrong.
 */
import { summarize } from '../engine/summary';
import type { Trace } from '../engine/trace-types';
import { describeValue } from './describe-value';
import { MAX_REPORTED_ERRORS } from './result';
import type { Problem } from './scenario-checks';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * Compares `trace.summary` (as validated) with the events' summary, using the
 * file's own summary `raw` to tell a value the file states from one it left
 * out. Fills left-out values in `trace.summary`; returns what disagrees.
 */
export function reconcileSummary(trace: Trace, raw: unknown): Problem[] {
  const derived = summarize(trace.scenario, trace.events) as unknown as Json;
  const problems: Problem[] = [];
  walk(
    trace.summary as unknown as JsonObject,
    isObject(raw as Json) ? (raw as JsonObject) : {},
    derived,
    ['summary'],
    problems,
  );
  if (problems.length > MAX_REPORTED_ERRORS) {
    const more = problems.length - MAX_REPORTED_ERRORS;
    problems.length = MAX_REPORTED_ERRORS;
    problems.push({ path: ['summary'], message: `...and ${more} more values the events deny` });
  }
  return problems;
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `parsed` and `raw` are the same object before and after defaults; `derived` is the truth. */
function walk(
  parsed: JsonObject,
  raw: JsonObject,
  derived: Json,
  path: (string | number)[],
  out: Problem[],
): void {
  if (!isObject(derived)) return;
  for (const key of Object.keys(derived)) {
    if (out.length > MAX_REPORTED_ERRORS) return;
    const here = [...path, key];
    const truth = derived[key]!;
    if (!Object.hasOwn(parsed, key)) {
      // A total the file leaves out was added to the contract after it was written
      // (hostCpuNs, cpuNs): the events give it. A missing entity or device row is a lie.
      if (path[path.length - 1] === 'totals') parsed[key] = truth;
      else out.push({ path: here, message: 'missing: the events give it a row' });
      continue;
    }
    const value = parsed[key]!;
    const stated = Object.hasOwn(raw, key) ? raw[key] : undefined;
    if (isObject(truth) && isObject(value)) {
      walk(value, isObject(stated) ? stated : {}, truth, here, out);
    } else if (stated === undefined) {
      parsed[key] = truth;
    } else if (!Object.is(value, truth)) {
      out.push({
        path: here,
        message: `says ${describeValue(value)}, but the events give ${describeValue(truth)} (the summary is derived from the events)`,
      });
    }
  }
  for (const key of Object.keys(parsed)) {
    if (!Object.hasOwn(derived, key))
      out.push({ path: [...path, key], message: 'the events give no such row' });
  }
}
