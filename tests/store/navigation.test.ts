import { describe, expect, it } from 'vitest';
import { clampCursor, nextMarker, prevMarker, stepSpeed } from '../../src/store/navigation';

describe('navigation helpers', () => {
  const markers = [5, 46, 87];
  it('finds the next and previous markers', () => {
    expect(nextMarker(markers, 0)).toBe(5);
    expect(nextMarker(markers, 5)).toBe(46);
    expect(nextMarker(markers, 87)).toBeNull();
    expect(prevMarker(markers, 46)).toBe(5);
    expect(prevMarker(markers, 47)).toBe(46);
    expect(prevMarker(markers, 5)).toBeNull();
  });
  it('clamps cursors and steps speeds', () => {
    expect(clampCursor(-1, 10)).toBe(0);
    expect(clampCursor(11.7, 10)).toBe(10);
    expect(clampCursor(Number.NaN, 10)).toBe(0);
    expect(stepSpeed(1, 1)).toBe(2);
    expect(stepSpeed(1, -1)).toBe(0.5);
    expect(stepSpeed(8, 1)).toBe(8);
    expect(stepSpeed(0.25, -1)).toBe(0.25);
  });
});
