import { describe, expect, it } from 'vitest';
import { formatIn, naturalUnit, parseCount, parseDuration } from '../../src/editor';

describe('units', () => {
  it('reads durations in ns or µs into whole ns', () => {
    expect(parseDuration('1.5', 'us')).toEqual({ ok: true, ns: 1500 });
    expect(parseDuration(' 400 ', 'ns')).toEqual({ ok: true, ns: 400 });
    expect(parseDuration('1_000', 'us')).toEqual({ ok: true, ns: 1_000_000 });
    expect(parseDuration('-1', 'ns')).toEqual({ ok: false, message: 'Must not be negative.' });
    expect(parseDuration('abc', 'ns')).toEqual({ ok: false, message: '"abc" is not a number.' });
    expect(parseDuration('', 'ns').ok).toBe(false);
  });

  it('shows values without float noise and picks a readable unit', () => {
    expect(formatIn(1500, 'us')).toBe('1.5');
    expect(formatIn(1, 'us')).toBe('0.001');
    expect(naturalUnit(1_000_000)).toBe('us');
    expect(naturalUnit(1500)).toBe('ns');
    expect(naturalUnit(0)).toBe('ns');
  });

  it('reads whole numbers within limits', () => {
    expect(parseCount('7', 0, 31)).toEqual({ ok: true, value: 7 });
    expect(parseCount('32', 0, 31)).toEqual({ ok: false, message: 'Must be from 0 to 31.' });
    expect(parseCount('1.5', 0, 31)).toEqual({ ok: false, message: 'Enter a whole number.' });
  });
});
