/**
 * Turns zod issues into FormatErrors with messages a scenario author can act
 * on. Schemas set their own message where it helps (limits, ids); this map
 * covers the generic cases (wrong type, missing field, bad enum value).
 */
import type * as z from 'zod';
import { describeValue, listValues } from './describe-value';
import { capErrors, jsonPath, prefixPath, type FormatError } from './result';

const EXPECTED_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

function expectedName(expected: string): string {
  return EXPECTED_NAMES[expected] ?? expected;
}

function rangeMessage(
  bound: 'at least' | 'at most',
  limit: number | bigint,
  inclusive: boolean | undefined,
  origin: string,
  input: unknown,
): string {
  const strict = bound === 'at least' ? 'greater than' : 'less than';
  const relation = inclusive === false ? strict : bound;
  if (origin === 'array') {
    const count = Array.isArray(input) ? ` (has ${input.length})` : '';
    return `must have ${relation} ${limit} item${limit === 1 ? '' : 's'}${count}`;
  }
  if (origin === 'string') return `must have ${relation} ${limit} characters`;
  return `must be ${relation} ${limit} (got ${describeValue(input)})`;
}

/** Per-parse error map: used only where a schema did not set its own message. */
export const errorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        return `required field is missing (expected ${expectedName(issue.expected)})`;
      }
      const wantsNumber = issue.expected === 'number' || issue.expected === 'int';
      if (wantsNumber && typeof issue.input === 'number') {
        const want = Number.isFinite(issue.input)
          ? expectedName(issue.expected)
          : 'a finite number';
        return `expected ${want}, got ${describeValue(issue.input)}`;
      }
      return `expected ${expectedName(issue.expected)}, got ${describeValue(issue.input)}`;
    }
    case 'invalid_value': {
      const want =
        issue.values.length === 1 ? listValues(issue.values) : `one of ${listValues(issue.values)}`;
      if (issue.input === undefined) return `required field is missing (expected ${want})`;
      return `expected ${want}, got ${describeValue(issue.input)}`;
    }
    case 'too_small':
      return rangeMessage('at least', issue.minimum, issue.inclusive, issue.origin, issue.input);
    case 'too_big':
      return rangeMessage('at most', issue.maximum, issue.inclusive, issue.origin, issue.input);
    case 'invalid_union':
      return `does not match any allowed form (got ${describeValue(issue.input)})`;
    default:
      return undefined;
  }
};

/** Zod issues -> FormatErrors with paths below `prefix` (`$` or e.g. `$.scenario`). */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], prefix = '$'): FormatError[] {
  return capErrors(
    issues.map((issue) => ({
      path: prefixPath(prefix, jsonPath(issue.path)),
      message: issue.message || 'invalid value',
    })),
  );
}

/**
 * Option for cross-field refinements: zod runs refinements even after
 * non-fatal issues inside the value (a too-short id, say), when parts of it
 * may still be raw input. Cross-field rules assume valid shapes, so they wait.
 */
export const ONLY_WHEN_SHAPES_ARE_VALID = {
  when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0,
};
