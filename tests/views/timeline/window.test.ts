import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lane } from '../../../src/replay/lanes';
import { baseScale, transformForWindow, viewScale } from '../../../src/views/timeline/scale';
import {
  firstAtOrAfter,
  indexAt,
  laneMarks,
  laneWindow,
  MIN_SEGMENT_PX,
  valueAt,
} from '../../../src/views/timeline/window';

type Wave = Pick<Lane, 'times' | 'values'>;

/** A lane from (gap, value) steps: times strictly increase from 0, values change each step. */
function wave(gaps: readonly number[], width = 1): Wave {
  const times = [0];
  const values = [0];
  for (const g of gaps) {
    times.push(times[times.length - 1]! + g);
    const prev = values[values.length - 1]!;
    values.push(width === 1 ? 1 - prev : (prev + 1) % 2 ** width);
  }
  return { times: Float64Array.from(times), values: Float64Array.from(values) };
}

const gapsArb = fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 300 });

describe('binary searches', () => {
  it('agree with a linear scan', () => {
    fc.assert(
      fc.property(gapsArb, fc.integer({ min: -10, max: 1_600_000 }), (gaps, t) => {
        const { times } = wave(gaps);
        const list = [...times];
        const last = list.reduce((found, v, i) => (v <= t ? i : found), -1);
        const first = list.findIndex((v) => v >= t);
        expect(indexAt(times, t)).toBe(last);
        expect(firstAtOrAfter(times, t)).toBe(first === -1 ? list.length : first);
      }),
    );
  });

  it('reads the value after every change at or before t', () => {
    const w = wave([10, 10, 10]);
    expect(valueAt(w, -1)).toBeNull();
    expect(valueAt(w, 0)).toBe(0);
    expect(valueAt(w, 10)).toBe(1);
    expect(valueAt(w, 19.9)).toBe(1);
    expect(valueAt(w, 1e9)).toBe(1);
  });
});

describe('laneWindow', () => {
  it('draws wide segments exactly, with their values', () => {
    const w = wave([100, 100, 100]); // 0 [0,100) 1 [100,200) 0 [200,300) 1 [300,end)
    const scale = baseScale(390, 400).domain([0, 400]);
    const win = laneWindow(w, 400, scale);
    expect(win.busy).toEqual([]);
    expect(win.levels.map((l) => [l.x0, l.x1, l.value])).toEqual([
      [0, 100, 0],
      [100, 200, 1],
      [200, 300, 0],
      [300, 400, 1],
    ]);
  });

  it('covers the run without gaps or overlaps, and merges only what is under a pixel', () => {
    fc.assert(
      fc.property(
        gapsArb,
        fc.integer({ min: 50, max: 1200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (gaps, width, from, share) => {
          const w = wave(gaps);
          const endT = w.times[w.times.length - 1]! + 50;
          const base = baseScale(endT, width);
          const [d0, d1] = base.domain() as [number, number];
          const t0 = d0 + (d1 - d0) * from * (1 - share);
          const scale = viewScale(base, transformForWindow(base, t0, t0 + (d1 - d0) * share, 1e9));
          const win = laneWindow(w, endT, scale);
          const pieces = [
            ...win.levels.map((l) => ({ ...l, busy: false })),
            ...win.busy.map((b) => ({ ...b, busy: true })),
          ].sort((a, b) => a.x0 - b.x0);
          for (let i = 1; i < pieces.length; i++) {
            expect(pieces[i]!.x0).toBeCloseTo(pieces[i - 1]!.x1, 4);
          }
          pieces.forEach((l, p) => {
            // A level drawn on its own is at least a pixel wide, unless clipped at an edge, at
            // the run's end, or where a busy mark (at least a pixel wide itself) ends.
            const clipped = l.x0 <= 0 || l.x1 >= width || p === pieces.length - 1;
            if (!l.busy && !clipped && !pieces[p - 1]?.busy) {
              expect(l.x1 - l.x0).toBeGreaterThanOrEqual(MIN_SEGMENT_PX - 1e-6);
            }
          });
          for (const l of win.levels) {
            const mid = scale.invert((l.x0 + l.x1) / 2);
            expect(valueAt(w, mid)).toBe(l.value);
          }
          for (const b of win.busy) expect(b.changes).toBeGreaterThanOrEqual(1);
          // Work is bounded by pixels, not by changes.
          expect(pieces.length).toBeLessThanOrEqual(2 * width + 4);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('draws 100,000 changes of a whole run as a few hundred pieces', () => {
    const w = wave(Array.from({ length: 100_000 }, (_, i) => 1 + (i % 7)));
    const endT = w.times[w.times.length - 1]!;
    const scale = baseScale(endT, 1000);
    const win = laneWindow(w, endT, scale);
    expect(win.levels.length + win.busy.length).toBeLessThan(1100);
    expect(win.busy.reduce((n, b) => n + b.changes, 0)).toBeGreaterThan(99_000);
  });
});

describe('laneMarks', () => {
  it('puts one mark per pulse, merging those within a pixel and counting them', () => {
    // Pulses (1 then 0 a nanosecond later) at 100, 105 and 5000.
    const w: Wave = {
      times: Float64Array.from([0, 100, 101, 105, 106, 5000, 5001]),
      values: Float64Array.from([0, 1, 0, 1, 0, 1, 0]),
    };
    const scale = baseScale(10_000, 100).domain([0, 10_000]); // 100 ns per pixel
    const marks = laneMarks(w, scale);
    expect(marks.map((m) => [Math.floor(m.x), m.count])).toEqual([
      [1, 2],
      [50, 1],
    ]);
    const zoomed = laneMarks(w, baseScale(10_000, 1000).domain([0, 1000]));
    expect(zoomed.map((m) => m.t)).toEqual([100, 105]);
  });

  it('counts every rise in view exactly once', () => {
    fc.assert(
      fc.property(gapsArb, fc.integer({ min: 20, max: 900 }), (gaps, width) => {
        const w = wave(gaps);
        const endT = w.times[w.times.length - 1]! + 1;
        const scale = baseScale(endT, width);
        const rises = [...w.values].filter((v) => v === 1).length;
        expect(laneMarks(w, scale).reduce((n, m) => n + m.count, 0)).toBe(rises);
      }),
    );
  });
});
