import { describe, expect, it } from 'vitest';
import { pathSegments } from '../../../src/views/graph/path-segments';

describe('pathSegments', () => {
  it('cuts a host read edge into its straight runs, each starting where the last ended', () => {
    // Down 280 to the bus, left 15, up 180, right 45 (ReadEdge's path).
    expect(pathSegments('M 10 20 V 300 H -5 V 120 H 40')).toEqual([
      { kind: 'line', x1: 10, y1: 20, x2: 10, y2: 300, from: 0 },
      { kind: 'line', x1: 10, y1: 300, x2: -5, y2: 300, from: 280 },
      { kind: 'line', x1: -5, y1: 300, x2: -5, y2: 120, from: 295 },
      { kind: 'line', x1: -5, y1: 120, x2: 40, y2: 120, from: 475 },
    ]);
  });

  it('keeps the rounded corners of a step edge as quadratic pieces measured along the curve', () => {
    // getSmoothStepPath with a 6 px radius.
    const pieces = pathSegments('M0 0L 72,0Q 78,0 78,6L 78,44Q 78,50 84,50L100 50')!;
    expect(pieces.map((p) => p.kind)).toEqual(['line', 'quad', 'line', 'quad', 'line']);
    expect(pieces[1]).toMatchObject({ kind: 'quad', d: 'M72 0Q78 0 78 6', from: 72 });
    // The corner B(t) = (72 + 12t - 6t², 6t²) has speed 12·sqrt(2t² - 2t + 1), whose
    // integral over [0, 1] is 12 · 0.811613 = 9.7394 (closed form of ∫sqrt(u² + 1/4)).
    const corner = pieces[2]!.from - 72;
    expect(corner).toBeCloseTo(9.7394, 2);
    expect(pieces[4]!.from).toBeCloseTo(72 + 2 * corner + 38, 6);
  });

  it('leaves a bezier edge whole, and skips zero-length runs', () => {
    expect(pathSegments('M0,0 C50,0 50,50 100,50')).toBeNull();
    expect(pathSegments('M 0 0 H 0 H 5')).toEqual([
      { kind: 'line', x1: 0, y1: 0, x2: 5, y2: 0, from: 0 },
    ]);
  });
});
