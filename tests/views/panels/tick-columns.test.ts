import { describe, expect, it } from 'vitest';
import { tickColumns } from '../../../src/views/panels/tick-columns';

describe('tickColumns', () => {
  it('keeps every marker of a short run, on a viewBox one unit per event', () => {
    expect(tickColumns([5, 46, 90], 165)).toEqual({ width: 165, ticks: [5, 46, 90] });
    expect(tickColumns([], 0)).toEqual({ width: 1, ticks: [] });
  });

  it('merges the markers of a long run into at most one tick per column', () => {
    // 10 columns over 1,000 events: column = floor(marker * 10 / 1000).
    const { width, ticks } = tickColumns([0, 50, 99, 100, 101, 550, 999, 1000], 1000, 10);
    expect(width).toBe(10);
    expect(ticks).toEqual([0, 1, 5, 9]);
  });

  it('draws a million-event trace with at most 2,048 ticks', () => {
    const markers = Array.from({ length: 40_000 }, (_, i) => i * 29 + 3);
    const { width, ticks } = tickColumns(markers, 1_200_000);
    expect(width).toBe(2048);
    expect(ticks.length).toBeLessThanOrEqual(2048);
    expect(ticks[0]).toBe(0);
    expect(new Set(ticks).size).toBe(ticks.length);
  });
});
