/**
 * What every reader in this folder returns: a typed value, or a list of
 * problems that each name a JSON path and say what is wrong. Readers never
 * throw on bad input, so callers (CLI, file drop, worker) handle one shape.
 */

/** One problem in a document. `path` is a JSON path such as `$.devices[2].owners[0]`. */
export interface FormatError {
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FormatError[] };

/** More problems than this are summarized in one last error, so a broken file stays readable. */
export const MAX_REPORTED_ERRORS = 50;

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function fail<T>(path: string, message: string): ParseResult<T> {
  return { ok: false, errors: [{ path, message }] };
}

/** Keeps the first MAX_REPORTED_ERRORS problems and says how many were left out. */
export function capErrors(errors: FormatError[]): FormatError[] {
  if (errors.length <= MAX_REPORTED_ERRORS) return errors;
  const kept = errors.slice(0, MAX_REPORTED_ERRORS);
  const more = errors.length - MAX_REPORTED_ERRORS;
  kept.push({ path: '$', message: `...and ${more} more problem${more === 1 ? '' : 's'}` });
  return kept;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['devices', 2, 'owners', 0]` -> `$.devices[2].owners[0]`; odd keys are quoted. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}

/** Joins a path prefix such as `$.scenario` with a path relative to it (`$.devices[0]`). */
export function prefixPath(prefix: string, path: string): string {
  return prefix === '$' ? path : prefix + path.slice(1);
}

/** One line for a terminal or a status bar: `<file>: <path>: <message>`. */
export function formatError(file: string, e: FormatError): string {
  const message = e.message.replace(/\s*[\r\n]+\s*/g, ' ');
  return `${file}: ${e.path}: ${message}`;
}

/** Prefix of the message used when a reader itself fails; tests look for it. */
export const INTERNAL_ERROR = 'internal error while reading';

/**
 * Runs a reader and turns any exception into an error result, so callers can
 * rely on "never throws" even for inputs no schema anticipated.
 */
export function guarded<T>(read: () => ParseResult<T>): ParseResult<T> {
  try {
    return read();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('$', `${INTERNAL_ERROR}: ${detail}`);
  }
}
