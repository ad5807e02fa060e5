import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatMicros } from '../../../src/views/charts/numbers';

/** The kept formatters write exactly what `toLocaleString` wrote, for any number. */
describe('number formatters made once', () => {
  const numbers = fc.oneof(
    fc.integer({ min: -1e12, max: 1e12 }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  );

  it('formatDecimal is toLocaleString with at most two decimals', () => {
    fc.assert(
      fc.property(numbers, (n) => {
        expect(formatDecimal(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 2 }));
      }),
    );
    expect(formatDecimal(1234.5678)).toBe('1,234.57');
  });

  it("formatCount is toLocaleString('en-US')", () => {
    fc.assert(
      fc.property(numbers, (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
      }),
    );
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('formatMicros writes nanoseconds as microseconds', () => {
    expect(formatMicros(12_500)).toBe('12.5 µs');
    expect(formatMicros(1_234_567)).toBe('1,234.57 µs');
  });
});
