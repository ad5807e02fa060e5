/**
 * Stages 2 to 4 of reading a file: check the envelope (`format`, `version`),
 * refuse versions from the future, and upgrade old ones. Only after this does
 * the full schema see the document, so its messages concern the current shape.
 */
import { describeValue } from './describe-value';
import { latestVersion, migrate, type JsonObject, type Migration } from './migrations';
import { fail, ok, prefixPath, type ParseResult } from './result';

export interface FormatSpec {
  format: string;
  /** Said when a document of this format is offered where another is expected. */
  noun: string;
  migrations: readonly Migration[];
}

export interface Envelope {
  doc: JsonObject;
  format: string;
  version: number;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Stage 2: an object whose `format` is one of `accepted` and whose `version` is an integer. */
export function readEnvelope(
  value: unknown,
  accepted: readonly FormatSpec[],
  known: readonly FormatSpec[],
  at = '$',
): ParseResult<Envelope> {
  const wanted = accepted.map((spec) => JSON.stringify(spec.format)).join(' or ');
  if (!isObject(value)) {
    return fail(at, `expected a JSON object with "format": ${wanted}, got ${describeValue(value)}`);
  }
  const format = value['format'];
  const formatPath = prefixPath(at, '$.format');
  if (format === undefined)
    return fail(formatPath, `required field is missing (expected ${wanted})`);
  if (typeof format !== 'string') {
    return fail(formatPath, `expected a string such as ${wanted}, got ${describeValue(format)}`);
  }
  if (!accepted.some((spec) => spec.format === format)) {
    const other = known.find((spec) => spec.format === format);
    const hint = other ? ` (this file is ${other.noun})` : '';
    return fail(formatPath, `expected format ${wanted}, got ${describeValue(format)}${hint}`);
  }
  const version = value['version'];
  const versionPath = prefixPath(at, '$.version');
  if (version === undefined) {
    return fail(versionPath, 'required field is missing (expected an integer version such as 1)');
  }
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) {
    return fail(versionPath, `expected an integer version, got ${describeValue(version)}`);
  }
  return ok({ doc: value, format, version });
}

/** Stage 3: versions from a newer app are refused with advice, not misread. */
export function checkVersion(version: number, spec: FormatSpec, at = '$'): ParseResult<number> {
  const latest = latestVersion(spec.migrations);
  const path = prefixPath(at, '$.version');
  if (version > latest) {
    return fail(
      path,
      `version ${version} is newer than this INTx Lab understands (${latest}); update the app`,
    );
  }
  if (version < 1) {
    return fail(path, `version ${version} does not exist (versions start at 1)`);
  }
  return ok(version);
}

/** Stages 2-4 for one expected format; paths are reported below `at`. */
export function upgradeDocument(
  value: unknown,
  spec: FormatSpec,
  known: readonly FormatSpec[],
  at = '$',
): ParseResult<JsonObject> {
  const envelope = readEnvelope(value, [spec], known, at);
  if (!envelope.ok) return envelope;
  return upgradeEnvelope(envelope.value, spec, at);
}

/** Stages 3-4 once the envelope is known. */
export function upgradeEnvelope(
  envelope: Envelope,
  spec: FormatSpec,
  at = '$',
): ParseResult<JsonObject> {
  const version = checkVersion(envelope.version, spec, at);
  if (!version.ok) return version;
  const migrated = migrate(envelope.doc, envelope.version, spec.migrations);
  if (migrated.ok) return migrated;
  return {
    ok: false,
    errors: migrated.errors.map((e) => ({ ...e, path: prefixPath(at, e.path) })),
  };
}
