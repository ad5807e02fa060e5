/**
 * Reading scenario and trace files, in stages so each failure gets the most
 * useful message: (1) JSON syntax, (2) envelope `format`/`version`, (3) refuse
 * versions from a newer app, (4) upgrade older versions, (5) full validation.
 * None of these functions throws on bad input.
 */
import type { Scenario } from '../engine/scenario';
import type { Trace } from '../engine/trace-types';
import {
  readEnvelope,
  upgradeDocument,
  upgradeEnvelope,
  type Envelope,
  type FormatSpec,
} from './envelope';
import { parseJsonText } from './json-text';
import { SCENARIO_MIGRATIONS, TRACE_MIGRATIONS, type JsonObject } from './migrations';
import { guarded, type FormatError, type ParseResult } from './result';
import { normalizeScenario, SCENARIO_FORMAT, scenarioWarnings } from './scenario-schema';
import { normalizeTrace, TRACE_FORMAT } from './trace-schema';

export type AnyDocument = { kind: 'scenario'; value: Scenario } | { kind: 'trace'; value: Trace };

const SCENARIO_SPEC: FormatSpec = {
  format: SCENARIO_FORMAT,
  noun: 'a scenario',
  migrations: SCENARIO_MIGRATIONS,
};
const TRACE_SPEC: FormatSpec = {
  format: TRACE_FORMAT,
  noun: 'a trace',
  migrations: TRACE_MIGRATIONS,
};
const KNOWN: readonly FormatSpec[] = [SCENARIO_SPEC, TRACE_SPEC];

/** `fileName`, when given, only adds a hint if the file does not look like JSON. */
export function parseScenarioText(text: string, fileName?: string): ParseResult<Scenario> {
  return guarded(() => {
    const json = parseJsonText(text, fileName);
    if (!json.ok) return json;
    const doc = upgradeDocument(json.value, SCENARIO_SPEC, KNOWN);
    if (!doc.ok) return doc;
    return normalizeScenario(doc.value);
  });
}

/**
 * The unknown fields of a scenario file's text, after upgrading it as
 * `parseScenarioText` does; none when the text cannot be read (its errors
 * come from `parseScenarioText`).
 */
export function scenarioTextWarnings(text: string, fileName?: string): FormatError[] {
  const json = parseJsonText(text, fileName);
  if (!json.ok) return [];
  const doc = upgradeDocument(json.value, SCENARIO_SPEC, KNOWN);
  return doc.ok ? scenarioWarnings(doc.value) : [];
}

export function parseTraceText(text: string, fileName?: string): ParseResult<Trace> {
  return guarded(() => {
    const json = parseJsonText(text, fileName);
    if (!json.ok) return json;
    const envelope = readEnvelope(json.value, [TRACE_SPEC], KNOWN);
    if (!envelope.ok) return envelope;
    return finishTrace(envelope.value);
  });
}

/** Reads either kind of file, chosen by its `format`. */
export function parseAnyText(text: string, fileName?: string): ParseResult<AnyDocument> {
  return guarded((): ParseResult<AnyDocument> => {
    const json = parseJsonText(text, fileName);
    if (!json.ok) return json;
    const envelope = readEnvelope(json.value, KNOWN, KNOWN);
    if (!envelope.ok) return envelope;
    if (envelope.value.format === TRACE_FORMAT) {
      const trace = finishTrace(envelope.value);
      return trace.ok ? { ok: true, value: { kind: 'trace', value: trace.value } } : trace;
    }
    const doc = upgradeEnvelope(envelope.value, SCENARIO_SPEC);
    if (!doc.ok) return doc;
    const scenario = normalizeScenario(doc.value);
    return scenario.ok
      ? { ok: true, value: { kind: 'scenario', value: scenario.value } }
      : scenario;
  });
}

/**
 * A trace carries a scenario with its own envelope: an old trace may hold an
 * old scenario, so the embedded one is upgraded by the scenario steps too.
 */
function finishTrace(envelope: Envelope): ParseResult<Trace> {
  const doc = upgradeEnvelope(envelope, TRACE_SPEC);
  if (!doc.ok) return doc;
  let trace: JsonObject = doc.value;
  if (trace['scenario'] !== undefined) {
    const scenario = upgradeDocument(trace['scenario'], SCENARIO_SPEC, KNOWN, '$.scenario');
    if (!scenario.ok) return scenario;
    trace = { ...trace, scenario: scenario.value };
  }
  return normalizeTrace(trace);
}
