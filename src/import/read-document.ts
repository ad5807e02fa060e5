/**
 * A file's text to a validated document, in the stages of trace-io (syntax,
 * envelope, version, upgrade, full validation), reporting each stage and
 * collecting the notes of every upgrade step applied and a warning for every
 * field the format does not know, for the page to show.
 */
import type { ImportStage } from '../protocol/api';
import type { Scenario } from '../engine/scenario';
import type { Trace } from '../engine/trace-types';
import type { Lesson } from '../lessons/model';
import {
  readEnvelope,
  upgradeDocument,
  upgradeEnvelope,
  type FormatSpec,
} from '../trace-io/envelope';
import { parseJsonText } from '../trace-io/json-text';
import { latestVersion, type JsonObject } from '../trace-io/migrations';
import { formatError, guarded, ok, type ParseResult } from '../trace-io/result';
import { DEFAULT_FORMATS, type ImportFormats } from './formats';

export type ReadDocument =
  | { kind: 'scenario'; value: Scenario; migrationNotes: string[] }
  | { kind: 'lesson'; value: Lesson; migrationNotes: string[] }
  | { kind: 'trace'; value: Trace; migrationNotes: string[] };

export type StageListener = (stage: ImportStage, withinStage: number) => void;

/** The notes of the steps that take `spec` from `version` to its latest version. */
export function migrationNotes(spec: FormatSpec, version: number, what: string): string[] {
  const notes: string[] = [];
  for (let v = version; v < latestVersion(spec.migrations); v++) {
    const step = spec.migrations[v - 1];
    if (step) notes.push(`${what} upgraded from version ${v} to ${step.to}: ${step.note}`);
  }
  return notes;
}

function versionOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const version = (value as JsonObject)['version'];
  return typeof version === 'number' ? version : null;
}

/** Reads either format, chosen by the file's `format`. Never throws. */
export function readDocument(
  text: string,
  fileName: string,
  onStage: StageListener = () => {},
  formats: ImportFormats = DEFAULT_FORMATS,
): ParseResult<ReadDocument> {
  return guarded((): ParseResult<ReadDocument> => {
    onStage('syntax', 0);
    const json = parseJsonText(text, fileName);
    if (!json.ok) return json;
    onStage('envelope', 0);
    const known = [formats.scenario, formats.trace, ...(formats.lesson ? [formats.lesson] : [])];
    const envelope = readEnvelope(json.value, known, known);
    if (!envelope.ok) return envelope;

    if (formats.lesson && envelope.value.format === formats.lesson.format) {
      const upgraded = upgradeEnvelope(envelope.value, formats.lesson);
      if (!upgraded.ok) return upgraded;
      onStage('validate', 0);
      const lesson = formats.lesson.normalize(upgraded.value);
      if (!lesson.ok) return lesson;
      const notes = migrationNotes(formats.lesson, envelope.value.version, 'Lesson');
      return ok({ kind: 'lesson', value: lesson.value, migrationNotes: notes });
    }

    if (envelope.value.format === formats.scenario.format) {
      const upgraded = upgradeEnvelope(envelope.value, formats.scenario);
      if (!upgraded.ok) return upgraded;
      onStage('validate', 0);
      const scenario = formats.scenario.normalize(upgraded.value);
      if (!scenario.ok) return scenario;
      const notes = migrationNotes(formats.scenario, envelope.value.version, 'Scenario');
      // Ignored fields are shown with the upgrade notes: the same "about this file" channel.
      for (const w of formats.scenario.warnings(upgraded.value))
        notes.push(formatError(fileName, w));
      return ok({ kind: 'scenario', value: scenario.value, migrationNotes: notes });
    }

    const upgraded = upgradeEnvelope(envelope.value, formats.trace);
    if (!upgraded.ok) return upgraded;
    let doc: JsonObject = upgraded.value;
    const notes = migrationNotes(formats.trace, envelope.value.version, 'Trace');
    // An old trace may hold an old scenario: it is upgraded by the scenario steps too.
    const embedded = doc['scenario'];
    if (embedded !== undefined) {
      const scenario = upgradeDocument(embedded, formats.scenario, known, '$.scenario');
      if (!scenario.ok) return scenario;
      const from = versionOf(embedded);
      if (from !== null) notes.push(...migrationNotes(formats.scenario, from, 'Its scenario'));
      doc = { ...doc, scenario: scenario.value };
    }
    onStage('validate', 0);
    const trace = formats.trace.normalize(doc);
    if (!trace.ok) return trace;
    return ok({ kind: 'trace', value: trace.value, migrationNotes: notes });
  });
}
