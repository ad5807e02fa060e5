/** Assertions shared by the trace-io tests. */
import { expect } from 'vitest';
import { INTERNAL_ERROR, type FormatError, type ParseResult } from '../../src/trace-io/result';

/** The value of an ok result; fails the test with the errors otherwise. */
export function valueOf<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.value;
}

/** The errors of a failed result; fails the test if it was ok. */
export function errorsOf<T>(result: ParseResult<T>): FormatError[] {
  if (result.ok) throw new Error('expected errors, got an ok result');
  return result.errors;
}

/** The message at `path`, failing with the full list when there is none. */
export function messageAt<T>(result: ParseResult<T>, path: string): string {
  const errors = errorsOf(result);
  const found = errors.find((e) => e.path === path);
  expect(found, `no error at ${path}; got ${JSON.stringify(errors, null, 2)}`).toBeDefined();
  return found?.message ?? '';
}

/** Every rejection names a JSON path and a problem, and no reader failed internally. */
export function expectWellFormedErrors(errors: readonly FormatError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(e.path.startsWith('$'), `path ${JSON.stringify(e.path)}`).toBe(true);
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message).not.toContain(INTERNAL_ERROR);
  }
}
