import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventRows } from '../../src/worker/event-rows';

/** Row i's values: distinct per column and per row, so a row read from the wrong place shows. */
const row = (i: number) => [i, i * 10 + 0.5, i % 0xffff, i + 1, -i - 1, i * 3, 7] as const;

function fill(rows: EventRows, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const [seq, t, shape, a, b, c, d] = row(i);
    rows.add(seq, t, shape, a, b, c, d);
  }
}

function expectRows(rows: EventRows, n: number, stride = 1): void {
  expect(rows.length).toBe(n);
  for (let i = 0; i < n; i += stride) {
    const [seq, t, shape, a, b, c, d] = row(i);
    expect([rows.seqAt(i), rows.timeAt(i), rows.shapeAt(i)]).toEqual([seq, t, shape]);
    expect([0, 1, 2, 3].map((k) => rows.slotAt(i, k))).toEqual([a, b, c, d]);
  }
}

describe('EventRows: columns in chunks', () => {
  it('reads back every row across chunk boundaries, and after a trim goes on growing', () => {
    const rows = new EventRows();
    fill(rows, 0, 150_000);
    expectRows(rows, 150_000, 7);
    for (const i of [65_535, 65_536, 131_071, 131_072, 149_999]) {
      expect(rows.seqAt(i)).toBe(i);
    }
    const before = rows.byteLength();
    rows.trim();
    expect(rows.byteLength()).toBeLessThan(before);
    // 30 bytes a row (4 seq, 8 t, 2 shape, 16 slots), no spare room once trimmed.
    expect(rows.byteLength()).toBe(150_000 * 30);
    fill(rows, 150_000, 200_000);
    expectRows(rows, 200_000, 3);
  });

  it('random runs of adds and trims keep every row', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 70_000 }), { maxLength: 5 }), (runs) => {
        const rows = new EventRows();
        let n = 0;
        for (const k of runs) {
          fill(rows, n, n + k);
          n += k;
          rows.trim();
        }
        expectRows(rows, n, 97);
        if (n > 0) expectRows(rows, n, Math.max(1, n - 1));
      }),
      { numRuns: 25 },
    );
  });
});
