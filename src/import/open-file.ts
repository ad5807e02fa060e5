import type { Trace } from '../engine/trace-types';
import type { ImportError, ImportStage, OpenFileResult, RunInfo } from '../protocol/api';
import { guarded, type FormatError } from '../trace-io/result';
import { decodeUtf8 } from './decode';
import { DEFAULT_FORMATS, type ImportFormats } from './formats';
import { progressReporter, type ProgressSink } from './progress';
import { readDocument, type ReadDocument } from './read-document';

export type OpenOutcome = { ok: true; doc: ReadDocument } | { ok: false; errors: ImportError[] };

/** A file without a name (a drop from some apps) is still named in messages. */
export function displayName(fileName: string): string {
  const trimmed = fileName.trim();
  return trimmed === '' ? '(unnamed file)' : trimmed;
}

export function importErrors(file: string, errors: readonly FormatError[]): ImportError[] {
  return errors.map((e) => ({ file, path: e.path, message: e.message }));
}

/**
 * Bytes of a file to a validated scenario, trace or lesson: decode, then the staged
 * reading. `report` hears each stage with how far through it the reading is.
 * Never throws; touches nothing outside its arguments.
 */
export function openFileBytes(
  bytes: ArrayBuffer | Uint8Array,
  fileName: string,
  report: (stage: ImportStage, withinStage: number) => void = () => {},
  formats: ImportFormats = DEFAULT_FORMATS,
): OpenOutcome {
  const file = displayName(fileName);
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const result = guarded(() => {
    report('decode', 0);
    const text = decodeUtf8(view, (done) => report('decode', done));
    if (!text.ok) return text;
    return readDocument(text.value, file, report, formats);
  });
  return result.ok
    ? { ok: true, doc: result.value }
    : { ok: false, errors: importErrors(file, result.errors) };
}

/**
 * What the session does with a file: a trace is handed to `keepTrace` (which
 * makes it the current run) only once it is fully valid; a scenario is returned
 * to be run by the page. `onProgress` hears fractions that only grow.
 */
export function openFileInto(
  bytes: ArrayBuffer | Uint8Array,
  fileName: string,
  onProgress: ProgressSink | undefined,
  keepTrace: (trace: Trace) => RunInfo,
  formats: ImportFormats = DEFAULT_FORMATS,
): OpenFileResult {
  const report = progressReporter(onProgress);
  const opened = openFileBytes(bytes, fileName, report, formats);
  if (!opened.ok) return opened;
  const file = displayName(fileName);
  const { doc } = opened;
  if (doc.kind === 'lesson') {
    report('replay', 1);
    return {
      ok: true,
      kind: 'lesson',
      file,
      lesson: doc.value,
      migrationNotes: doc.migrationNotes,
    };
  }
  if (doc.kind === 'scenario') {
    report('replay', 1);
    return {
      ok: true,
      kind: 'scenario',
      file,
      scenario: doc.value,
      migrationNotes: doc.migrationNotes,
    };
  }
  report('replay', 0);
  let run: RunInfo;
  try {
    run = keepTrace(doc.value);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ file, path: '$.events', message: `cannot replay: ${detail}` }] };
  }
  report('replay', 1);
  return {
    ok: true,
    kind: 'trace',
    file,
    run,
    engine: doc.value.engine,
    migrationNotes: doc.migrationNotes,
  };
}
