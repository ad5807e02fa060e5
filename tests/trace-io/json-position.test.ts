import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonError } from '../../src/trace-io/json-position';
import { parseJsonText } from '../../src/trace-io/json-text';
import { errorsOf } from './helpers';

const parses = (t: string) => {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};

describe('JSON syntax errors have a line and column in every engine', () => {
  it('agrees with JSON.parse on valid JSON and on every one-character mutation of it', () => {
    const mutated = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '\\', '0'),
      )
      .map(([text, at, ch]) => {
        const i = text.length === 0 ? 0 : at % (text.length + 1);
        return at % 2 === 0
          ? text.slice(0, i) + ch + text.slice(i)
          : text.slice(0, i) + text.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated, fc.string()), (text) => {
        expect(findJsonError(text) === null).toBe(parses(text));
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('messages V8 gives without a position now carry one (no quoted snippet)', () => {
    // V8: `Unexpected token 'x', "{x}" is not valid JSON`, with no position.
    const [e] = errorsOf(parseJsonText('{\n  x: 1\n}', 'a.json'));
    expect(e!.message).toBe(
      'invalid JSON at line 2, column 3: expected a property name in double quotes, found "x"',
    );
    const [cut] = errorsOf(parseJsonText('{"a": [1, 2', 'a.json'));
    expect(cut!.message).toBe(
      'invalid JSON at line 1, column 12: expected "," or "]", found the end of the file',
    );
  });

  it('a file nested a million levels deep is read without a stack overflow', () => {
    expect(findJsonError('['.repeat(1_000_000))).toEqual({
      offset: 1_000_000,
      message: 'the file ends where a value was expected',
    });
  });
});
