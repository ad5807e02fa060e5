import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../../src/views/timeline/TimeAxis';

const tick = (x: number, label: string) => ({ t: x, x, label });

describe('tick label placement', () => {
  it('keeps the last label inside the axis and drops one that would overlap', () => {
    // 8 characters at 7.3 px: 58.4 px wide.
    const placed = placeLabels(
      [tick(0, '1.000 ms'), tick(100, '1.001 ms'), tick(170, '1.002 ms'), tick(790, '1.009 ms')],
      800,
    );
    expect(placed.map((p) => p.at)).toEqual(['start', 'start', 'start', 'end']);
    // Flipped left of a tick at 740 it would cover the label at 700.
    const crowded = placeLabels([tick(700, '1.008 ms'), tick(780, '1.009 ms')], 800);
    expect(crowded.map((p) => p.at)).toEqual(['start', null]);
  });
});
