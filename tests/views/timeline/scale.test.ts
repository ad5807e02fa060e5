import { zoomIdentity } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
import {
  baseScale,
  clampTransform,
  followTime,
  formatExactNs,
  formatTime,
  fullDomain,
  maxZoom,
  MIN_SPAN_NS,
  timeTicks,
  transformForWindow,
  viewScale,
} from '../../../src/views/timeline/scale';

const END = 4_004_200;
const WIDTH = 800;

describe('timeline scales', () => {
  it('maps the whole run, plus a small margin, across the width at zoom 1', () => {
    const base = baseScale(END, WIDTH);
    expect(base(0)).toBe(0);
    expect(base(fullDomain(END)[1])).toBe(WIDTH);
    expect(base(END)).toBeLessThan(WIDTH);
    expect(base(END)).toBeGreaterThan(WIDTH * 0.95);
    expect(viewScale(base, zoomIdentity).domain()).toEqual(base.domain());
  });

  it('never zooms out past the run nor in past the narrowest window', () => {
    const maxK = maxZoom(END);
    const base = baseScale(END, WIDTH);
    expect(clampTransform({ k: 0.2, x: 50 }, WIDTH, maxK)).toMatchObject({ k: 1, x: 0, y: 0 });
    const deep = clampTransform({ k: 1e12, x: 0 }, WIDTH, maxK);
    expect(deep.k).toBe(maxK);
    const [t0, t1] = viewScale(base, deep).domain() as [number, number];
    expect(t1 - t0).toBeCloseTo(MIN_SPAN_NS, 6);
    // Panned past the end: the window's right edge stops at the run's.
    const late = clampTransform({ k: 4, x: -1e9 }, WIDTH, maxK);
    expect(viewScale(base, late).domain()[1]).toBeCloseTo(fullDomain(END)[1], 3);
  });

  it('shows a chosen window exactly', () => {
    const base = baseScale(END, WIDTH);
    const t = transformForWindow(base, 1_000_000, 1_004_000, maxZoom(END));
    const [t0, t1] = viewScale(base, t).domain() as [number, number];
    expect(t0).toBeCloseTo(1_000_000, 3);
    expect(t1).toBeCloseTo(1_004_000, 3);
  });

  it('leaves the window alone while the cursor is in it, and brings it back when it leaves', () => {
    const base = baseScale(END, WIDTH);
    const maxK = maxZoom(END);
    const view = transformForWindow(base, 1_000_000, 1_004_000, maxK);
    expect(followTime(base, view, 1_002_000, maxK)).toBe(view);
    const moved = followTime(base, view, 3_000_000, maxK);
    expect(moved.k).toBe(view.k);
    const x = viewScale(base, moved)(3_000_000);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(WIDTH);
    // Context on both sides: the cursor rests 30% in from the side it was leaving by.
    expect(x).toBeCloseTo(WIDTH * 0.3, 6);
    const back = followTime(base, moved, 1_000_000, maxK);
    expect(viewScale(base, back)(1_000_000)).toBeCloseTo(WIDTH * 0.7, 6);
    // Near an edge (within 5%) counts as leaving: never parked at the edge.
    const [t0, t1] = viewScale(base, view).domain() as [number, number];
    const nearEnd = t0 + (t1 - t0) * 0.97;
    expect(followTime(base, view, nearEnd, maxK)).not.toBe(view);
    expect(viewScale(base, followTime(base, view, nearEnd, maxK))(nearEnd)).toBeCloseTo(
      WIDTH * 0.3,
      6,
    );
  });

  it('writes times in the unit of their magnitude with the decimals the step needs', () => {
    expect(formatTime(1_500_000, 500_000)).toBe('1.5 ms');
    expect(formatTime(250, 50)).toBe('250 ns');
    expect(formatTime(1_002_800, 200, 1_004_000)).toBe('1.0028 ms');
    expect(formatTime(0, 500_000, 4_000_000)).toBe('0 ms');
    expect(formatTime(2_000_000_000, 1e9)).toBe('2 s');
    expect(formatExactNs(1_003_804.7)).toBe('1,003,804 ns');
    expect(formatExactNs(12)).toBe('12 ns');
  });

  it('labels ticks inside the window, in order, and all distinct', () => {
    const base = baseScale(END, WIDTH);
    for (const [a, b] of [
      [0, END],
      [1_002_000, 1_002_400],
      [1_000_000, 1_000_030],
    ] as const) {
      const scale = viewScale(base, transformForWindow(base, a, b, maxZoom(END)));
      const ticks = timeTicks(scale);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(WIDTH / 60);
      for (const tick of ticks) {
        expect(tick.x).toBeGreaterThanOrEqual(-1e-6);
        expect(tick.x).toBeLessThanOrEqual(WIDTH + 1e-6);
      }
      const labels = ticks.map((t) => t.label);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});
